package io.smo.core.event;

import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * A call waited for, or was refused by, a rate limit.
 *
 * @param call the call
 * @param action whether the SDK waited or refused the call
 * @param source whether the SDK's own limiter (documented caps, a window the platform reported
 *     exhausted) or the platform's 429 answer was the reason
 * @param duration the wait, or for a refusal how long until the limit is expected to reopen
 */
@SmoPublicApi
public record RateLimitEvent(ApiCall call, Action action, Source source, Duration duration) {
  /** What the SDK did. */
  public enum Action {
    /** Waited, then went on. */
    WAITED,
    /** Refused the call with a {@code RateLimitException}. */
    REFUSED;

    /** Returns the lower-case tag value. */
    public String tagValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Where the limit came from. */
  public enum Source {
    /** The SDK's limiter, before any request was sent. */
    CLIENT,
    /** The platform answered 429 (or its rate-limit error). */
    SERVER;

    /** Returns the lower-case tag value. */
    public String tagValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
