package io.smo.core;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Publishes one {@link Post} to several platforms: validates it against every target first
 * (offline), then publishes to the valid targets concurrently, and returns one {@link
 * PlatformOutcome} per platform: PUBLISHED, FAILED, UNKNOWN or SKIPPED.
 *
 * <p>The same idempotency key is never published twice to the same account by the same
 * CrossPoster: a repeated {@link #publish(Post)} returns the earlier outcome for targets that
 * published or ended UNKNOWN (retried only for FAILED and SKIPPED ones); reusing a key for a
 * different post is refused (SKIPPED, rule {@code idempotency-key-reused}). Outcomes are remembered in
 * a bounded cache (100,000 keys, 7 days).
 *
 * <p>Thread-safe. {@link #close()} closes the clients it was given only if built with {@link
 * Builder#closeClients(boolean)}.
 *
 * <pre>{@code
 * try (CrossPoster poster = CrossPoster.builder().add(x).add(facebook).add(youtube).build()) {
 *   CrossPostResult result = poster.publish(post);
 *   result.outcomes().values().forEach(System.out::println);
 * }
 * }</pre>
 */
@SmoPublicApi
public final class CrossPoster implements AutoCloseable {
  private final Map<Platform, SocialClient> clients;
  private final ExecutorService executor;
  private final boolean closeClients;
  private final io.smo.core.event.SmoListener listener;
  private final Cache<String, CompletableFuture<PlatformOutcome>> outcomes = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterWrite(Duration.ofDays(7)).build();
  private final Cache<String, Integer> contents = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterWrite(Duration.ofDays(7)).build();

  private CrossPoster(Builder b) {
    clients = new EnumMap<>(b.clients);
    if (clients.isEmpty()) {
      throw new IllegalStateException("CrossPoster needs at least one client");
    }
    executor = Executors.newFixedThreadPool(Math.min(clients.size(), 8), r -> {
      Thread t = new Thread(r, "smo-crossposter");
      t.setDaemon(true);
      return t;
    });
    closeClients = b.closeClients;
    listener = io.smo.core.event.SmoListeners.of(b.listeners);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the target platforms. */
  public Set<Platform> platforms() {
    return clients.keySet();
  }

  /** Returns the client of {@code platform}, if it is a target. */
  public java.util.Optional<SocialClient> client(Platform platform) {
    return java.util.Optional.ofNullable(clients.get(platform));
  }

  /**
   * Validates {@code post} against every target, offline.
   *
   * @return the violations per platform; a platform with none maps to an empty list
   */
  public Map<Platform, List<Violation>> validate(Post post) {
    Map<Platform, List<Violation>> out = new LinkedHashMap<>();
    clients.forEach((p, c) -> out.put(p, c.validate(post)));
    return out;
  }

  /** Publishes to every target. See {@link #publish(Post, Collection)}. */
  public CrossPostResult publish(Post post) {
    return publish(post, clients.keySet());
  }

  /**
   * Publishes to the chosen targets. Never throws for a platform's failure: each platform's
   * result is in the returned {@link CrossPostResult}.
   *
   * @param post the post
   * @param targets the platforms to publish to (each must have a client)
   * @return one outcome per target
   * @throws IllegalArgumentException if a target has no client
   */
  public CrossPostResult publish(Post post, Collection<Platform> targets) {
    requireNonNull(post, "post == null");
    long startNanos = System.nanoTime();
    Map<Platform, CompletableFuture<PlatformOutcome>> futures = new EnumMap<>(Platform.class);
    for (Platform p : targets) {
      SocialClient c = clients.get(p);
      if (c == null) {
        throw new IllegalArgumentException("no client for " + p);
      }
      List<Violation> violations = c.validate(post);
      if (!violations.isEmpty()) {
        futures.put(p, CompletableFuture.completedFuture(PlatformOutcome.skipped(p, violations)));
      }
    }
    for (Platform p : targets) {
      if (futures.containsKey(p)) {
        continue;
      }
      SocialClient c = clients.get(p);
      String key = p.id() + "|" + c.accountKey() + "|" + post.idempotencyKey();
      int content = fingerprint(post);
      Integer earlierContent = contents.asMap().putIfAbsent(key, content);
      if (earlierContent != null && earlierContent != content) {
        futures.put(p, CompletableFuture.completedFuture(PlatformOutcome.skipped(p, List.of(
            Violation.of(p, "idempotencyKey", "idempotency-key-reused", post.idempotencyKey(), null,
                "this key was already used for a different post; give each post its own key")))));
        continue;
      }
      CompletableFuture<PlatformOutcome> f = outcomes.asMap().compute(key, (k, earlier) -> {
        if (earlier != null && !(earlier.isDone() && retriable(earlier.join()))) {
          return earlier; // published, unknown or still running: never publish twice
        }
        return CompletableFuture.supplyAsync(() -> publishOne(c, post), executor);
      });
      futures.put(p, f);
    }
    Map<Platform, PlatformOutcome> result = new EnumMap<>(Platform.class);
    futures.forEach((p, f) -> {
      try {
        result.put(p, f.join());
      } catch (CompletionException e) {
        result.put(p, PlatformOutcome.failed(p, new TransportException(p, "publish",
            "unexpected failure: " + e.getCause(), e.getCause(), false)));
      }
    });
    CrossPostResult done = new CrossPostResult(post.idempotencyKey(), result);
    listener.onCrossPost(new io.smo.core.event.CrossPostEvent(done, Duration.ofNanos(System.nanoTime() - startNanos)));
    return done;
  }

  /** What makes two posts the same content, the idempotency key aside. */
  private static int fingerprint(Post post) {
    return java.util.Objects.hash(post.text(), post.media(), post.link().orElse(null), post.audience(),
        post.scheduledAt().orElse(null), post.thread(), post.allOptions().keySet(), post.textOverflow());
  }

  private static boolean retriable(PlatformOutcome o) {
    return o.status() == PlatformOutcome.Status.FAILED || o.status() == PlatformOutcome.Status.SKIPPED;
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
    private final Map<Platform, SocialClient> clients = new EnumMap<>(Platform.class);
    private boolean closeClients;
    private final List<io.smo.core.event.SmoListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a listener told of every finished cross-post ({@link
     * io.smo.core.event.SmoListener#onCrossPost}); its failures are logged, never thrown. The
     * clients' own calls are reported by the listeners registered on their builders.
     */
    public Builder listener(io.smo.core.event.SmoListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Adds a target client.
     *
     * @throws IllegalStateException if a client of that platform was already added
     */
    public Builder add(SocialClient client) {
      requireNonNull(client, "client == null");
      if (clients.putIfAbsent(client.platform(), client) != null) {
        throw new IllegalStateException("two clients for " + client.platform());
      }
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
