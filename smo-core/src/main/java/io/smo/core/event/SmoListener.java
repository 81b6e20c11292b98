package io.smo.core.event;

import io.smo.core.SmoPublicApi;
import io.smo.core.upload.UploadProgress;

/**
 * Sees what the SDK does: every API call and attempt, retry, rate-limit wait or refusal, token
 * refresh, UNKNOWN outcome, upload progress, cross-post and scheduler run. Register one on a client
 * builder ({@code ClientBuilder.listener}), on {@code CrossPoster.Builder.listener} or on the
 * scheduler. Every method has a no-op default, so an implementation overrides only what it needs.
 *
 * <p>Methods are called on the calling thread, synchronously, and must be fast. An exception a
 * listener throws is caught and logged (SLF4J logger {@code io.smo.core.event}) and never breaks or
 * changes the call. Events never carry tokens, post text or platform ids beyond the account key the
 * caller chose; the free-text fields are marked as such and must not become metric tags.
 *
 * <p>The order for one call is: {@link #onCallStart}, then per attempt any {@link #onRateLimit}
 * wait, {@link #onAttempt}, then {@link #onTokenRefresh} or {@link #onRetry} or {@link
 * #onUnknownOutcome} as they happen (after the {@link #onAttempt} they concern), and finally {@link
 * #onCallEnd}.
 */
@SmoPublicApi
public interface SmoListener {
  /** A listener that ignores everything. */
  SmoListener NONE = new SmoListener() {};

  /** A call starts (before any rate-limit wait). */
  default void onCallStart(ApiCall call) {}

  /** An HTTP attempt of a call finished (answered or not). */
  default void onAttempt(AttemptEvent event) {}

  /** The SDK will retry a call after {@link RetryEvent#delay()}. */
  default void onRetry(RetryEvent event) {}

  /** A call waited for, or was refused by, a rate limit. */
  default void onRateLimit(RateLimitEvent event) {}

  /** A rejected token was refreshed, or its refresh was refused. */
  default void onTokenRefresh(TokenRefreshEvent event) {}

  /** A create ended with an unknown outcome ({@code PublishOutcomeUnknownException}). */
  default void onUnknownOutcome(UnknownOutcomeEvent event) {}

  /** A call ended: returned or threw. Always called once after {@link #onCallStart}. */
  default void onCallEnd(ApiCall call, CallResult result) {}

  /** Upload progress: bytes sent of total, then processing states, then ready or failed. */
  default void onUpload(UploadProgress progress) {}

  /** A cross-post finished. */
  default void onCrossPost(CrossPostEvent event) {}

  /** A scheduler ran one due target. */
  default void onSchedulerRun(SchedulerRunEvent event) {}

  /**
   * An inbox read left out a whole element of the platform's answer (an element without id): what
   * was dropped and where. Items that were only partly mapped say so in their own {@code dropped()}
   * notes instead.
   */
  default void onInboxDrop(InboxDropEvent event) {}
}
