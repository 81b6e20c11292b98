package io.smo.core;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import java.time.Duration;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Publishes one {@link Post} to several targets, each one account on one platform ({@link Target};
 * several accounts per platform are fine: a global Page and regional Pages): validates it against
 * every target first (offline), then publishes to the valid targets concurrently, each with its own
 * account's client, and returns one {@link PlatformOutcome} per target: PUBLISHED, FAILED, UNKNOWN
 * or SKIPPED. Each target's validation runs once per publish: a client built on the SDK's {@code
 * BaseSocialClient} does not validate again what this validated. Up to {@link
 * Builder#parallelism(int)} targets (default one per target, at most 128) are published at the same
 * time, each on its own thread.
 *
 * <p>The same idempotency key is never published twice to the same target (platform and account): a
 * repeated {@link #publish(Post)} returns the earlier outcome for targets that published or ended
 * UNKNOWN (retried only for FAILED and SKIPPED ones); reusing a key for a different post is refused
 * (SKIPPED, rule {@code idempotency-key-reused}). Outcomes are kept per target in the {@link
 * IdempotencyStore} (by default {@link InMemoryIdempotencyStore}: this process, 100,000 entries, 7
 * days; the JDBC store of {@code smo-jdbc} keeps them across restarts and instances). A target left
 * UNKNOWN (including one whose publisher died mid-call) is reported UNKNOWN again, never
 * republished. Rate limits are kept per account by each client.
 *
 * <p>A post's {@link Post#firstComment() first comment} is published right after the post, by the
 * same client; the target stays PUBLISHED when the comment fails, and the failure is in {@link
 * PlatformOutcome#firstCommentError()}. Publishing the same post again adds only the missing
 * comment under the existing post (never a second post); a comment whose outcome is unknown is not
 * retried.
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
  /** The most publishing threads a CrossPoster starts by default (one per target up to this). */
  public static final int DEFAULT_MAX_PARALLELISM = 128;

  private final Map<Target, SocialClient> clients;
  private final java.util.concurrent.Executor executor;

  /** The pool the poster created (shut down by {@link #close()}), {@code null} for the caller's. */
  private final ExecutorService ownedExecutor;

  private final int parallelism;
  private final boolean closeClients;
  private final io.smo.core.event.SmoListener listener;
  private final Cache<String, CompletableFuture<PlatformOutcome>> outcomes =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofDays(7)).build();
  private final IdempotencyStore idempotency;

  private CrossPoster(Builder b) {
    clients = new TreeMap<>(b.clients);
    if (clients.isEmpty()) {
      throw new IllegalStateException("CrossPoster needs at least one client");
    }
    parallelism =
        b.parallelism > 0 ? b.parallelism : Math.min(clients.size(), DEFAULT_MAX_PARALLELISM);
    if (b.executor != null) {
      ownedExecutor = null;
      executor = b.executor;
    } else {
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              parallelism,
              parallelism,
              60,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              r -> {
                Thread t = new Thread(r, "smo-crossposter");
                t.setDaemon(true);
                return t;
              });
      pool.allowCoreThreadTimeOut(true); // idle posters hold no threads
      ownedExecutor = pool;
      executor = pool;
    }
    closeClients = b.closeClients;
    listener = io.smo.core.event.SmoListeners.of(b.listeners);
    idempotency = b.idempotency;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns how many targets are published to at the same time: at most this many threads publish
   * (started on demand, stopped after 60 s idle). See {@link Builder#parallelism(int)}.
   */
  public int parallelism() {
    return parallelism;
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
      throw new IllegalStateException(
          on.size()
              + " "
              + platform.displayName()
              + " accounts "
              + on
              + " are targets; use client(Target)");
    }
    return on.stream().findFirst().map(clients::get);
  }

  /** Returns the client of {@code target}, if it is a target. */
  public Optional<SocialClient> client(Target target) {
    return Optional.ofNullable(clients.get(target));
  }

  private List<Target> on(Platform platform) {
    List<Target> out = new ArrayList<>();
    clients
        .keySet()
        .forEach(
            t -> {
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
    clients.forEach(
        (t, c) -> {
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
   * Publishes to the chosen targets, each as its own account. Never throws for a target's failure:
   * each target's result is in the returned {@link CrossPostResult}.
   *
   * @param post the post
   * @param targets the targets to publish to (each must have a client)
   * @return one outcome per target
   * @throws IllegalArgumentException if a target has no client
   */
  public CrossPostResult publishTo(Post post, Collection<Target> targets) {
    requireNonNull(post, "post == null");
    long startNanos = System.nanoTime();
    Map<Target, CompletableFuture<PlatformOutcome>> futures = new LinkedHashMap<>();
    Set<Target> chosen = new LinkedHashSet<>(targets);
    for (Target t : chosen) {
      SocialClient c = clients.get(t);
      if (c == null) {
        throw new IllegalArgumentException("no client for " + t);
      }
      List<Violation> violations = c.validate(post);
      if (!violations.isEmpty()) {
        futures.put(
            t,
            CompletableFuture.completedFuture(PlatformOutcome.skipped(t.platform(), violations)));
      }
    }
    String content = futures.size() < chosen.size() ? contentHash(post) : null; // once per publish
    for (Target t : chosen) {
      if (futures.containsKey(t)) {
        continue;
      }
      SocialClient c = clients.get(t);
      String key = t.key() + "|" + post.idempotencyKey();
      CompletableFuture<PlatformOutcome> f =
          outcomes
              .asMap()
              .compute(
                  key + "|" + content,
                  (k, earlier) -> {
                    if (earlier != null
                        && earlier.isDone()
                        && missingFirstComment(earlier.join(), post)) {
                      PlatformOutcome done =
                          earlier.join(); // published, its first comment missing: add only that
                      return CompletableFuture.supplyAsync(
                          () -> addFirstComment(c, post, done).withTarget(t), executor);
                    }
                    if (earlier != null && !(earlier.isDone() && retriable(earlier.join()))) {
                      return earlier; // published, unknown or still running: never publish twice
                    }
                    return CompletableFuture.supplyAsync(
                        () -> publishOnce(c, t, post, content).withTarget(t), executor);
                  });
      futures.put(t, f);
    }
    Map<Target, PlatformOutcome> result = new LinkedHashMap<>();
    futures.forEach(
        (t, f) -> {
          Platform p = t.platform();
          try {
            result.put(t, f.join().withTarget(t));
          } catch (CompletionException e) {
            result.put(
                t,
                PlatformOutcome.failed(
                        p,
                        new TransportException(
                            p,
                            "publish",
                            "unexpected failure: " + e.getCause(),
                            e.getCause(),
                            false))
                    .withTarget(t));
          }
        });
    CrossPostResult done = CrossPostResult.ofTargets(post.idempotencyKey(), result);
    listener.onCrossPost(
        new io.smo.core.event.CrossPostEvent(
            done, Duration.ofNanos(System.nanoTime() - startNanos)));
    return done;
  }

  /**
   * Returns what makes two posts the same content, the idempotency key aside: a SHA-256 (64 hex
   * digits) of text, media, link, audience, schedule, thread, option types and overflow policy,
   * stable across restarts. {@link IdempotencyStore} entries carry it.
   */
  public static String contentHash(Post post) {
    StringBuilder b = new StringBuilder();
    b.append(post.text())
        .append('\u0000')
        .append(post.media())
        .append('\u0000')
        .append(post.link().orElse(null))
        .append('\u0000')
        .append(post.audience())
        .append('\u0000')
        .append(post.scheduledAt().orElse(null))
        .append('\u0000')
        .append(post.thread())
        .append('\u0000')
        .append(
            new java.util.TreeSet<>(
                post.allOptions().keySet().stream()
                    .map(String::valueOf)
                    .collect(java.util.stream.Collectors.toList())))
        .append('\u0000')
        .append(post.textOverflow());
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Claims the target in the idempotency store, publishes if granted, and records the outcome. */
  private PlatformOutcome publishOnce(SocialClient c, Target t, Post post, String content) {
    Platform p = c.platform();
    String target = t.key();
    IdempotencyStore.Claim claim =
        idempotency.claim(post.idempotencyKey(), target, content, c.clock().instant());
    if (claim.isContentMismatch()) {
      return PlatformOutcome.skipped(
          p,
          List.of(
              Violation.of(
                  p,
                  "idempotencyKey",
                  "idempotency-key-reused",
                  post.idempotencyKey(),
                  null,
                  "this key was already used for a different post; give each post its own key")));
    }
    if (!claim.isGranted()) {
      return outcomeOf(p, claim.earlier().orElseThrow(), post.idempotencyKey());
    }
    PlatformOutcome o = publishOne(c, post);
    java.time.Instant now = c.clock().instant();
    IdempotencyStore.Entry e =
        new IdempotencyStore.Entry(
            post.idempotencyKey(),
            target,
            content,
            IdempotencyStore.State.valueOf(o.status().name()),
            o.published()
                .map(PublishedPost::id)
                .orElseGet(
                    () ->
                        o.error()
                            .filter(x -> x instanceof PublishOutcomeUnknownException)
                            .flatMap(x -> ((PublishOutcomeUnknownException) x).knownId())
                            .orElse(null)),
            o.published().flatMap(PublishedPost::url).map(Object::toString).orElse(null),
            o.status() == PlatformOutcome.Status.PUBLISHED ? null : o.reason(),
            now);
    idempotency.complete(e);
    return o;
  }

  /** Turns a stored entry into the outcome a repeated publish reports. */
  static PlatformOutcome outcomeOf(Platform p, IdempotencyStore.Entry e, String idempotencyKey) {
    switch (e.state()) {
      case PUBLISHED -> {
        PublishedPost.Builder b = PublishedPost.builder(PostRef.of(p, e.postId().orElse("")));
        e.url().ifPresent(u -> b.url(java.net.URI.create(u)));
        return PlatformOutcome.published(b.build());
      }
      case IN_FLIGHT -> {
        return PlatformOutcome.failed(
            p,
            new PublishOutcomeUnknownException(
                p,
                "publish",
                "an earlier publish with this key was started at "
                    + e.updatedAt()
                    + " and never"
                    + " reported back (still running elsewhere, or its process died); reconcile before"
                    + " publishing again",
                null,
                idempotencyKey,
                List.of(),
                e.postId().orElse(null)));
      }
      default -> {
        return PlatformOutcome.failed(
            p,
            new PublishOutcomeUnknownException(
                p,
                "publish",
                "an earlier publish with this key ended UNKNOWN at "
                    + e.updatedAt()
                    + ": "
                    + e.message().orElse("")
                    + "; reconcile before publishing again",
                null,
                idempotencyKey,
                List.of(),
                e.postId().orElse(null)));
      }
    }
  }

  private static boolean retriable(PlatformOutcome o) {
    return o.status() == PlatformOutcome.Status.FAILED
        || o.status() == PlatformOutcome.Status.SKIPPED;
  }

  /** Whether {@code o} published but the post's first comment definitely did not. */
  private static boolean missingFirstComment(PlatformOutcome o, Post post) {
    return o.status() == PlatformOutcome.Status.PUBLISHED
        && post.firstComment().isPresent()
        && o.firstComment().isEmpty()
        && !(o.firstCommentError().orElse(null)
            instanceof io.smo.core.exception.PublishOutcomeUnknownException);
  }

  /**
   * Publishes the first comment under an already published post; a failure is reported beside the
   * PUBLISHED outcome, never instead of it.
   */
  private static PlatformOutcome addFirstComment(
      SocialClient c, Post post, PlatformOutcome published) {
    String text = post.firstComment().orElseThrow();
    PublishedPost p = published.published().orElseThrow();
    if (p.scheduled()) {
      return published.withFirstCommentError(
          new io.smo.core.exception.UnsupportedFeatureException(
              c.platform(),
              "first comment",
              "the post is scheduled natively and not live yet; publish the"
                  + " campaign again (same idempotency key) after it goes live to add the first comment"));
    }
    try {
      return published.withFirstComment(c.comment(p.ref(), text));
    } catch (SmoException e) {
      return published.withFirstCommentError(e);
    } catch (RuntimeException e) {
      return published.withFirstCommentError(
          new TransportException(
              c.platform(),
              "first comment",
              "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(),
              e,
              false));
    }
  }

  private static PlatformOutcome publishOne(SocialClient c, Post post) {
    PlatformOutcome o = publishPost(c, post);
    return missingFirstComment(o, post) ? addFirstComment(c, post, o) : o;
  }

  private static PlatformOutcome publishPost(SocialClient c, Post post) {
    try {
      // publishTo validated the post against c already: the client does not validate it again
      return PlatformOutcome.published(
          io.smo.core.internal.Prevalidated.run(c, post, () -> c.publish(post)));
    } catch (io.smo.core.exception.ValidationException e) {
      return PlatformOutcome.skipped(c.platform(), e.violations());
    } catch (SmoException e) {
      return PlatformOutcome.failed(c.platform(), e);
    } catch (RuntimeException e) {
      return PlatformOutcome.failed(
          c.platform(),
          new TransportException(
              c.platform(),
              "publish",
              "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(),
              e,
              false));
    }
  }

  /** Stops the worker threads; closes the clients too when configured to. */
  @Override
  public void close() {
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
    if (closeClients) {
      clients.values().forEach(SocialClient::close);
    }
  }

  /** Builds {@link CrossPoster}. Mutable, not thread-safe. */
  public static final class Builder {
    private final Map<Target, SocialClient> clients = new LinkedHashMap<>();
    private boolean closeClients;
    private final List<io.smo.core.event.SmoListener> listeners = new ArrayList<>();
    private IdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private int parallelism;
    private java.util.concurrent.Executor executor;

    private Builder() {}

    /**
     * Sets how many targets are published to at the same time, which is also the most threads the
     * CrossPoster starts (each blocks on its platform's answers; idle ones stop after 60 s).
     * Default: one per target, up to {@link CrossPoster#DEFAULT_MAX_PARALLELISM} (128), so that 7
     * platforms x 10 accounts publish in about the time of the slowest target. With fewer threads
     * than targets, targets wait for a free thread and a publish takes several platform round
     * trips.
     *
     * @param parallelism the number of threads, 1 to 1024
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1 || parallelism > 1024) {
        throw new IllegalArgumentException("parallelism not in 1..1024: " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Sets the executor the fan-out runs each target's publish on; the poster never shuts it down.
     * Default: a pool the poster owns of {@link #parallelism(int)} daemon threads, shut down by
     * {@link CrossPoster#close()} (never {@code ForkJoinPool.commonPool()}: publishing blocks on
     * I/O and back-off sleeps).
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder asyncExecutor(java.util.concurrent.Executor executor) {
      this.executor = requireNonNull(executor, "asyncExecutor == null");
      return this;
    }

    /**
     * Adds a listener told of every finished cross-post ({@link
     * io.smo.core.event.SmoListener#onCrossPost}); its failures are logged, never thrown. The
     * clients' own calls are reported by the listeners registered on their builders.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(io.smo.core.event.SmoListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Adds a target client: the account it acts for ({@link SocialClient#target()}) becomes a
     * target. Any number of accounts per platform may be added.
     *
     * @throws IllegalStateException if a client of the same account was already added
     * @throws io.smo.core.exception.SmoException if the client must ask the platform who it is and
     *     that fails
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
     * Sets where outcomes per (idempotency key, target) are kept. Default: a new {@link
     * InMemoryIdempotencyStore} (this CrossPoster only); {@code smo-jdbc}'s store survives restarts
     * and is shared by instances.
     */
    public Builder idempotencyStore(IdempotencyStore store) {
      this.idempotency = requireNonNull(store, "store == null");
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
