package io.smo.core.exception;

import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * A rate limit was hit: the platform answered 429 (or its in-body equivalent, e.g. Meta codes 4,
 * 17, 32, 613), or the client-side limiter refused to wait longer than allowed. The request was
 * not processed, so a retry after {@link #retryAfter()} is safe, even for a publish.
 */
@SmoPublicApi
public class RateLimitException extends PlatformException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param details the platform's answer (with its rate-limit snapshot when sent)
   * @param retryAfter how long to wait before retrying; {@link Duration#ZERO} when unknown
   */
  public RateLimitException(ErrorDetails details, Duration retryAfter) {
    super(details, true);
    this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
  }

  /** Returns how long to wait before retrying (server-advised when sent; zero when unknown). */
  public Duration retryAfter() {
    return retryAfter;
  }
}
