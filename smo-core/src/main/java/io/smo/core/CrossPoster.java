package io.smo.core;

import static java.util.Objects.requireNonNull;

import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Publishes one {@link Post} to several targets, each one account on one platform ({@link
 * Target}; several accounts per platform are fine: a global Page and regional Pages): validates
 * it against every target first (offline), then publishes to the valid targets concurrently, each
 * with its own account's client, and returns one {@link PlatformOutcome} per target: PUBLISHED,
 * FAILED, UNKNOWN or SKIPPED.
 *
 * <p>The same idempotency key is never published twice to the same target by the same
 * CrossPoster: a repeated {@link #publish(Post)} returns the earlier outcome for targets that
 * published or ended UNKNOWN (retried only for FAILED and SKIPPED ones); reusing a key for a
 * different post is refused (SKIPPED, rule {@code idempotency-key-reused}). Outcomes are remembered
 * per target in an {@link IdempotencyMemory} (default: in memory, 100,000 keys, 7 days). Rate
 * limits are kept per account by each client.
 *
 * <p>Thread-safe. {@link #close()} closes the clients it was given only if built with {@link
 * Builder#closeClients(boolean)}.
 *
 * <pre>{@code
 * try (CrossPoster poster = CrossPoster.builder().add(x).add(facebookGlobal).add(facebookUk).build()) {
 *   CrossPostResult result = poster.publish(post);
 *   result.list().forEach(System.out::println);   // one line per target
 * }
 * }</pre>
 */
@SmoPublicApi
public final class CrossPoster implements AutoCloseable {
  private final Map<Target, SocialClient> clients;
  private final ExecutorService executor;
  private final boolean closeClients;
  private final IdempotencyMemory memory;

  private CrossPoster(Builder b) {
    clients = new TreeMap<>(b.clients);
    if (clients.isEmpty()) {
      throw new IllegalStateException("CrossPoster needs at least one client");
    }
    executor = Executors.newFixedThreadPool(Math.min(clients.size(), 8), r -> {
      Thread t = new Thread(r, "smo-crossposter");
      t.setDaemon(true);
      return t;
    });
    closeClients = b.closeClients;
    memory = b.memory;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the platforms that have at least one target account. */
  public Set<Platform> platforms() {
    Set<Platform> out = EnumSet.noneOf(Platform.class);
    clients.keySet().forEach(t -> out.add(t.platform()));
    return Collections.unmodifiableSet(out);
  }

  /** Returns the targets (platform and account), in platform then account order. */
  public List<Target> targets() {
    return List.copyOf(clients.keySet());
  }

  /**
   * Returns the client of {@code platform}, if it is a target.
   *
   * @throws IllegalStateException if several accounts of that platform are targets (use {@link
   *     #client(Target)})
   */
  public Optional<SocialClient> client(Platform platform) {
    List<Target> on = on(platform);
    if (on.size() > 1) {
      throw new IllegalStateException(on.size() + " " + platform.displayName() + " accounts "
          + on + " are targets; use client(Target)");
    }
    return on.stream().findFirst().map(clients::get);
  }

  /** Returns the client of {@code target}, if it is a target. */
  public Optional<SocialClient> client(Target target) {
    return Optional.ofNullable(clients.get(target));
  }

  private List<Target> on(Platform platform) {
    List<Target> out = new ArrayList<>();
    clients.keySet().forEach(t -> {
      if (t.platform() == platform) {
        out.add(t);
      }
    });
    return out;
  }

  /**
   * Validates {@code post} against every target, offline.
   *
   * @return the violations per platform (of all its accounts, without repeats); a platform with
   *     none maps to an empty list
   */
  public Map<Platform, List<Violation>> validate(Post post) {
    Map<Platform, List<Violation>> out = new LinkedHashMap<>();
    clients.forEach((t, c) -> {
      List<Violation> l = out.computeIfAbsent(t.platform(), k -> new ArrayList<>());
      c.validate(post).stream().filter(v -> !l.contains(v)).forEach(l::add);
    });
    return out;
  }

  /**
   * Validates {@code post} against every target account, offline.
   *
   * @return the violations per target; a target with none maps to an empty list
   */
  public Map<Target, List<Violation>> validateTargets(Post post) {
    Map<Target, List<Violation>> out = new LinkedHashMap<>();
    clients.forEach((t, c) -> out.put(t, c.validate(post)));
    return out;
  }

  /** Publishes to every target. See {@link #publishTo(Post, Collection)}. */
  public CrossPostResult publish(Post post) {
    return publishTo(post, clients.keySet());
  }

  /**
   * Publishes to every target account on the chosen platforms.
   *
   * @param post the post
   * @param platforms the platforms to publish to (each must have at least one client)
   * @return one outcome per target
   * @throws IllegalArgumentException if a platform has no client
   * @see #publishTo(Post, Collection)
   */
  public CrossPostResult publish(Post post, Collection<Platform> platforms) {
    List<Target> targets = new ArrayList<>();
    for (Platform p : new LinkedHashSet<>(platforms)) {
      List<Target> on = on(p);
      if (on.isEmpty()) {
        throw new IllegalArgumentException("no client for " + p);
      }
      targets.addAll(on);
    }
    return publishTo(post, targets);
  }

  /**
   * Publishes to the chosen targets, each as its own account. Never throws for a target's
   * failure: each target's result is in the returned {@link CrossPostResult}.
   *
   * @param post the post
   * @param targets the targets to publish to (each must have a client)
   * @return one outcome per target
   * @throws IllegalArgumentException if a target has no client
   */
  public CrossPostResult publishTo(Post post, Collection<Target> targets) {
    requireNonNull(post, "post == null");
    Map<Target, CompletableFuture<PlatformOutcome>> futures = new LinkedHashMap<>();
    Set<Target> chosen = new LinkedHashSet<>(targets);
    for (Target t : chosen) {
      SocialClient c = clients.get(t);
      if (c == null) {
        throw new IllegalArgumentException("no client for " + t);
      }
      List<Violation> violations = c.validate(post);
      if (!violations.isEmpty()) {
        futures.put(t, CompletableFuture.completedFuture(PlatformOutcome.skipped(t.platform(), violations)));
      }
    }
    for (Target t : chosen) {
      if (futures.containsKey(t)) {
        continue;
      }
      SocialClient c = clients.get(t);
      Platform p = t.platform();
      String key = t.key() + "|" + post.idempotencyKey();
      Optional<CompletableFuture<PlatformOutcome>> f = memory.publishOnce(key, fingerprint(post),
          () -> CompletableFuture.supplyAsync(() -> publishOne(c, post).withTarget(t), executor));
      futures.put(t, f.orElseGet(() -> CompletableFuture.completedFuture(PlatformOutcome.skipped(p,
          List.of(Violation.of(p, "idempotencyKey", "idempotency-key-reused", post.idempotencyKey(), null,
              "this key was already used for a different post; give each post its own key"))))));
    }
    Map<Target, PlatformOutcome> result = new LinkedHashMap<>();
    futures.forEach((t, f) -> {
      Platform p = t.platform();
      try {
        result.put(t, f.join().withTarget(t));
      } catch (CompletionException e) {
        result.put(t, PlatformOutcome.failed(p, new TransportException(p, "publish",
            "unexpected failure: " + e.getCause(), e.getCause(), false)).withTarget(t));
      }
    });
    return CrossPostResult.ofTargets(post.idempotencyKey(), result);
  }

  /** What makes two posts the same content, the idempotency key aside. */
  private static int fingerprint(Post post) {
    return java.util.Objects.hash(post.text(), post.media(), post.link().orElse(null), post.audience(),
        post.scheduledAt().orElse(null), post.thread(), post.allOptions().keySet(), post.textOverflow());
  }

  private static PlatformOutcome publishOne(SocialClient c, Post post) {
    try {
      return PlatformOutcome.published(c.publish(post));
    } catch (io.smo.core.exception.ValidationException e) {
      return PlatformOutcome.skipped(c.platform(), e.violations());
    } catch (SmoException e) {
      return PlatformOutcome.failed(c.platform(), e);
    } catch (RuntimeException e) {
      return PlatformOutcome.failed(c.platform(), new TransportException(c.platform(), "publish",
          "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), e, false));
    }
  }

  /** Stops the worker threads; closes the clients too when configured to. */
  @Override
  public void close() {
    executor.shutdown();
    if (closeClients) {
      clients.values().forEach(SocialClient::close);
    }
  }

  /** Builds {@link CrossPoster}. Mutable, not thread-safe. */
  public static final class Builder {
    private final Map<Target, SocialClient> clients = new LinkedHashMap<>();
    private boolean closeClients;
    private IdempotencyMemory memory = IdempotencyMemory.inMemory();

    private Builder() {}

    /**
     * Adds a target client: the account it acts for ({@link SocialClient#target()}) becomes a
     * target. Any number of accounts per platform may be added.
     *
     * @throws IllegalStateException if a client of the same account was already added
     * @throws io.smo.core.exception.SmoException if the client must ask the platform who it is
     *     and that fails
     */
    public Builder add(SocialClient client) {
      requireNonNull(client, "client == null");
      Target t = client.target();
      if (clients.putIfAbsent(t, client) != null) {
        throw new IllegalStateException("two clients for the same account " + t);
      }
      return this;
    }

    /**
     * Sets where outcomes are remembered per (target, idempotency key). Default {@link
     * IdempotencyMemory#inMemory()}.
     */
    public Builder idempotencyMemory(IdempotencyMemory memory) {
      this.memory = requireNonNull(memory, "memory == null");
      return this;
    }

    /** Adds several target clients. */
    public Builder addAll(Collection<? extends SocialClient> clients) {
      new ArrayList<>(clients).forEach(this::add);
      return this;
    }

    /** Sets whether {@link CrossPoster#close()} closes the clients. Default false. */
    public Builder closeClients(boolean closeClients) {
      this.closeClients = closeClients;
      return this;
    }

    /**
     * Returns the CrossPoster.
     *
     * @throws IllegalStateException if no client was added
     */
    public CrossPoster build() {
      return new CrossPoster(this);
    }
  }
}
