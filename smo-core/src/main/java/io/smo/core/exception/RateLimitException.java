package io.smo.core.exception;

import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A rate limit was hit: the platform answered 429 (or its in-body equivalent, e.g. Meta codes 4,
 * 17, 32, 613), or the client-side limiter refused to wait longer than allowed. The request was not
 * processed, so a retry after {@link #retryAfter()} is safe, even for a publish.
 */
@SmoPublicApi
public class RateLimitException extends PlatformException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;
  private final Instant retryAt;

  /**
   * Creates the exception.
   *
   * @param details the platform's answer (with its rate-limit snapshot when sent)
   * @param retryAfter how long to wait before retrying; {@link Duration#ZERO} when unknown
   */
  public RateLimitException(ErrorDetails details, Duration retryAfter) {
    this(details, retryAfter, null);
  }

  /**
   * Creates the exception with the instant the limit's window opens (the client-side limiter knows
   * it exactly).
   *
   * @param details the platform's answer, or the limiter's reason
   * @param retryAfter how long to wait before retrying; {@link Duration#ZERO} when unknown
   * @param retryAt when calls may go again (UTC), or {@code null} when unknown
   */
  public RateLimitException(ErrorDetails details, Duration retryAfter, Instant retryAt) {
    super(details, true);
    this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    this.retryAt = retryAt;
  }

  /**
   * Returns when calls may go again (UTC), when known: the window's reset for a call the
   * client-side limiter refused.
   */
  public Optional<Instant> retryAt() {
    return Optional.ofNullable(retryAt);
  }

  /** Returns how long to wait before retrying (server-advised when sent; zero when unknown). */
  public Duration retryAfter() {
    return retryAfter;
  }
}
