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
 * <p>The same idempotency key is never published twice to the same account: a repeated {@link
 * #publish(Post)} returns the earlier outcome for targets that published or ended UNKNOWN (retried
 * only for FAILED and SKIPPED ones); reusing a key for a different post is refused (SKIPPED, rule
 * {@code idempotency-key-reused}). Outcomes are kept in the {@link IdempotencyStore} (by default
 * {@link InMemoryIdempotencyStore}: this process, 100,000 entries, 7 days; the JDBC store of {@code
 * smo-jdbc} keeps them across restarts and instances). A target left UNKNOWN (including one whose
 * publisher died mid-call) is reported UNKNOWN again, never republished.
 *
 * <p>A post's {@link Post#firstComment() first comment} is published right after the post, by
 * the same client; the target stays PUBLISHED when the comment fails, and the failure is in
 * {@link PlatformOutcome#firstCommentError()}. Publishing the same post again adds only the
 * missing comment under the existing post (never a second post); a comment whose outcome is
 * unknown is not retried.
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
  private final Cache<String, CompletableFuture<PlatformOutcome>> outcomes = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterWrite(Duration.ofDays(7)).build();
  private final IdempotencyStore idempotency;

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
    idempotency = b.idempotency;
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
      String content = contentHash(post);
      CompletableFuture<PlatformOutcome> f = outcomes.asMap().compute(key + "|" + content, (k, earlier) -> {
        if (earlier != null && earlier.isDone() && missingFirstComment(earlier.join(), post)) {
          PlatformOutcome done = earlier.join(); // published, its first comment missing: add only that
          return CompletableFuture.supplyAsync(() -> addFirstComment(c, post, done), executor);
        }
        if (earlier != null && !(earlier.isDone() && retriable(earlier.join()))) {
          return earlier; // published, unknown or still running: never publish twice
        }
        return CompletableFuture.supplyAsync(() -> publishOnce(c, post, content), executor);
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
    return new CrossPostResult(post.idempotencyKey(), result);
  }

  /**
   * Returns what makes two posts the same content, the idempotency key aside: a SHA-256 (64 hex
   * digits) of text, media, link, audience, schedule, thread, option types and overflow policy,
   * stable across restarts. {@link IdempotencyStore} entries carry it.
   */
  public static String contentHash(Post post) {
    StringBuilder b = new StringBuilder();
    b.append(post.text()).append('\u0000').append(post.media()).append('\u0000')
        .append(post.link().orElse(null)).append('\u0000').append(post.audience()).append('\u0000')
        .append(post.scheduledAt().orElse(null)).append('\u0000').append(post.thread()).append('\u0000')
        .append(new java.util.TreeSet<>(post.allOptions().keySet().stream().map(String::valueOf)
            .collect(java.util.stream.Collectors.toList()))).append('\u0000').append(post.textOverflow());
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Claims the target in the idempotency store, publishes if granted, and records the outcome. */
  private PlatformOutcome publishOnce(SocialClient c, Post post, String content) {
    Platform p = c.platform();
    String target = IdempotencyStore.target(p, c.accountKey());
    IdempotencyStore.Claim claim = idempotency.claim(post.idempotencyKey(), target, content,
        c.clock().instant());
    if (claim.isContentMismatch()) {
      return PlatformOutcome.skipped(p, List.of(Violation.of(p, "idempotencyKey",
          "idempotency-key-reused", post.idempotencyKey(), null,
          "this key was already used for a different post; give each post its own key")));
    }
    if (!claim.isGranted()) {
      return outcomeOf(p, claim.earlier().orElseThrow(), post.idempotencyKey());
    }
    PlatformOutcome o = publishOne(c, post);
    java.time.Instant now = c.clock().instant();
    IdempotencyStore.Entry e = new IdempotencyStore.Entry(post.idempotencyKey(), target, content,
        IdempotencyStore.State.valueOf(o.status().name()),
        o.published().map(PublishedPost::id).orElseGet(() -> o.error()
            .filter(x -> x instanceof PublishOutcomeUnknownException)
            .flatMap(x -> ((PublishOutcomeUnknownException) x).knownId()).orElse(null)),
        o.published().flatMap(PublishedPost::url).map(Object::toString).orElse(null),
        o.status() == PlatformOutcome.Status.PUBLISHED ? null : o.reason(), now);
    idempotency.complete(e);
    return o;
  }

  /** Turns a stored entry into the outcome a repeated publish reports. */
  static PlatformOutcome outcomeOf(Platform p, IdempotencyStore.Entry e, String idempotencyKey) {
    switch (e.state()) {
      case PUBLISHED:
        PublishedPost.Builder b = PublishedPost.builder(PostRef.of(p, e.postId().orElse("")));
        e.url().ifPresent(u -> b.url(java.net.URI.create(u)));
        return PlatformOutcome.published(b.build());
      case IN_FLIGHT:
        return PlatformOutcome.failed(p, new PublishOutcomeUnknownException(p, "publish",
            "an earlier publish with this key was started at " + e.updatedAt() + " and never"
                + " reported back (still running elsewhere, or its process died); reconcile before"
                + " publishing again", null, idempotencyKey, List.of(), e.postId().orElse(null)));
      default:
        return PlatformOutcome.failed(p, new PublishOutcomeUnknownException(p, "publish",
            "an earlier publish with this key ended UNKNOWN at " + e.updatedAt() + ": "
                + e.message().orElse("") + "; reconcile before publishing again", null,
                idempotencyKey, List.of(), e.postId().orElse(null)));
    }
  }

  private static boolean retriable(PlatformOutcome o) {
    return o.status() == PlatformOutcome.Status.FAILED || o.status() == PlatformOutcome.Status.SKIPPED;
  }

  /** Whether {@code o} published but the post's first comment definitely did not. */
  private static boolean missingFirstComment(PlatformOutcome o, Post post) {
    return o.status() == PlatformOutcome.Status.PUBLISHED && post.firstComment().isPresent()
        && o.firstComment().isEmpty()
        && !(o.firstCommentError().orElse(null) instanceof io.smo.core.exception.PublishOutcomeUnknownException);
  }

  /**
   * Publishes the first comment under an already published post; a failure is reported beside
   * the PUBLISHED outcome, never instead of it.
   */
  private static PlatformOutcome addFirstComment(SocialClient c, Post post, PlatformOutcome published) {
    String text = post.firstComment().orElseThrow();
    PublishedPost p = published.published().orElseThrow();
    if (p.scheduled()) {
      return published.withFirstCommentError(new io.smo.core.exception.UnsupportedFeatureException(
          c.platform(), "first comment", "the post is scheduled natively and not live yet; publish the"
          + " campaign again (same idempotency key) after it goes live to add the first comment"));
    }
    try {
      return published.withFirstComment(c.comment(p.ref(), text));
    } catch (SmoException e) {
      return published.withFirstCommentError(e);
    } catch (RuntimeException e) {
      return published.withFirstCommentError(new TransportException(c.platform(), "first comment",
          "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), e, false));
    }
  }

  private static PlatformOutcome publishOne(SocialClient c, Post post) {
    PlatformOutcome o = publishPost(c, post);
    return missingFirstComment(o, post) ? addFirstComment(c, post, o) : o;
  }

  private static PlatformOutcome publishPost(SocialClient c, Post post) {
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
    private IdempotencyStore idempotency = new InMemoryIdempotencyStore();

    private Builder() {}

    /**
     * Sets where outcomes per (idempotency key, target) are kept. Default: a new {@link
     * InMemoryIdempotencyStore} (this CrossPoster only).
     */
    public Builder idempotencyStore(IdempotencyStore store) {
      this.idempotency = requireNonNull(store, "store == null");
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
