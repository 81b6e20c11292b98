package io.smo.core;

import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One platform account, seen through the platform-neutral model: publish, delete, metrics,
 * comments, replies and moderation. Each platform module implements it as {@code <Platform>Client},
 * built with a builder, and adds its extras.
 *
 * <p>Implementations are immutable and thread-safe; share one per account. {@link #close()}
 * releases only what the client created itself (never a user-supplied {@code OkHttpClient}).
 *
 * <p>Operations a platform does not offer throw {@link UnsupportedFeatureException}; {@link
 * #capabilities()} says so up front.
 */
@SmoPublicApi
public interface SocialClient extends AutoCloseable {

  /** Returns the platform. */
  Platform platform();

  /** Returns what the platform accepts and offers, for offline validation. */
  Capabilities capabilities();

  /**
   * Returns a stable key naming the account this client acts for (a Page id, a user id, a channel
   * id), used to keep idempotency and rate limits per account. Default: the platform id.
   */
  default String accountKey() {
    return platform().id();
  }

  /**
   * Returns the target this client publishes to: its platform and {@link #accountKey()}.
   *
   * @throws io.smo.core.exception.SmoException if the account must be read from the platform (first
   *     call) and that fails
   */
  default Target target() {
    return Target.of(this);
  }

  /** Returns the clock the client uses (for scheduling windows and token expiry). */
  default Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Validates {@code post} offline against {@link #capabilities()} and the platform's own rules.
   *
   * @return every violation; empty when the post can be published
   */
  default List<Violation> validate(Post post) {
    return PostValidator.validate(post, capabilities(), clock());
  }

  /**
   * Publishes {@code post} (natively scheduled when it has a scheduled time and the platform
   * schedules natively).
   *
   * @return the published post's ref, URL and time
   * @throws ValidationException if the post breaks a rule; nothing was sent
   * @throws PublishOutcomeUnknownException if the request may have taken effect but the answer was
   *     lost; the SDK did not retry, so nothing was posted twice
   * @throws RateLimitException if a rate limit refused the call after the allowed retries
   * @throws AuthenticationException if the token is invalid and could not be refreshed
   * @throws SmoException for every other failure
   */
  PublishedPost publish(Post post);

  /**
   * Publishes asynchronously on the client's executor.
   *
   * @return a future completed with the published post, or exceptionally with a {@link
   *     SmoException}
   */
  default CompletableFuture<PublishedPost> publishAsync(Post post) {
    return CompletableFuture.supplyAsync(() -> publish(post), asyncExecutor());
  }

  /**
   * Deletes a post.
   *
   * @throws UnsupportedFeatureException if the platform has no delete
   * @throws SmoException on failure
   */
  void delete(PostRef ref);

  /**
   * Reads a post's engagement figures.
   *
   * @throws UnsupportedFeatureException if the platform reports none
   * @throws SmoException on failure
   */
  EngagementMetrics metrics(PostRef ref);

  /** Reads metrics asynchronously on the client's executor. */
  default CompletableFuture<EngagementMetrics> metricsAsync(PostRef ref) {
    return CompletableFuture.supplyAsync(() -> metrics(ref), asyncExecutor());
  }

  /**
   * Returns the comments on a post as a lazy paginator: no call is made until iteration starts.
   *
   * @throws UnsupportedFeatureException if the platform has no comments API
   */
  Paginator<Comment> comments(PostRef ref);

  /**
   * Replies to a comment.
   *
   * @return the new reply
   * @throws UnsupportedFeatureException if the platform cannot reply through its API
   * @throws PublishOutcomeUnknownException if the reply may have been created but the answer was
   *     lost
   * @throws SmoException on failure
   */
  Comment reply(CommentRef comment, String text);

  /**
   * Comments on (answers) a post itself.
   *
   * @return the new comment
   * @throws UnsupportedFeatureException if the platform cannot comment through its API
   * @throws SmoException on failure
   */
  Comment comment(PostRef post, String text);

  /**
   * Hides, unhides or deletes a comment.
   *
   * @throws UnsupportedFeatureException if the platform does not offer the action
   * @throws SmoException on failure
   */
  void moderate(CommentRef comment, ModerationAction action);

  /**
   * Reads the figures of the account this client acts for (followers, following, post count), each
   * absent where the platform does not report it. See {@link AccountInfo} for the fields each
   * platform reads.
   *
   * @throws UnsupportedFeatureException if the platform has no such API (the default)
   * @throws SmoException on failure
   */
  default AccountInfo accountInfo() {
    throw new UnsupportedFeatureException(
        platform(),
        "account info",
        platform().displayName() + " reports no account figures through this SDK");
  }

  /** Returns the rate-limit state of the last response, if the platform reported one. */
  Optional<RateLimitSnapshot> lastRateLimit();

  /**
   * Returns the executor the async variants ({@link #publishAsync}, {@link #metricsAsync}) run on:
   * the one set with {@link ClientBuilder#asyncExecutor}, else the SDK's own shared pool of at most
   * 16 daemon threads (idle threads end after 60 s). Never {@code ForkJoinPool.commonPool()}: the
   * calls block on I/O and back-off sleeps.
   */
  default Executor asyncExecutor() {
    return io.smo.core.internal.AsyncExecutors.shared();
  }

  /** Releases what the client created (connection pools); idempotent. Never throws. */
  @Override
  void close();

  /**
   * Returns the account's own posts created at or after {@code since} (UTC), newest first, as far
   * as the platform lists them (at most 100), for {@link Reconciler} to settle an unknown outcome.
   *
   * @throws UnsupportedFeatureException if the platform (or this module) cannot list them
   * @throws SmoException if the listing failed
   */
  default List<AccountPost> recentPosts(java.time.Instant since) {
    throw new UnsupportedFeatureException(
        platform(),
        "recent posts",
        "listing an account's own posts is not implemented for this platform");
  }
}
