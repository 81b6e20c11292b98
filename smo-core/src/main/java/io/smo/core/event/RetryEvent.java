package io.smo.core.event;

import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * The SDK is about to retry an {@link ApiCall}.
 *
 * @param call the call
 * @param attempt the attempt that failed (the next one is {@code attempt + 1})
 * @param reason why the failed attempt may be retried
 * @param delay how long the SDK waits before the next attempt (back-off or the server's {@code
 *     Retry-After})
 */
@SmoPublicApi
public record RetryEvent(ApiCall call, int attempt, Reason reason, Duration delay) {
  /** Why a call is retried: a fixed set, usable as a metric tag. */
  public enum Reason {
    /** A 429 or a platform rate-limit error. */
    RATE_LIMITED,
    /** A 5xx or another error the platform marks retryable. */
    SERVER_ERROR,
    /** No answer, or an unreadable one, on a call that is safe to repeat. */
    TRANSPORT_ERROR;

    /** Returns the lower-case tag value. */
    public String tagValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
