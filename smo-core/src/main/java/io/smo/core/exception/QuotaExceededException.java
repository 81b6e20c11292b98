package io.smo.core.exception;

import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.Optional;

/**
 * A daily or plan cap is used up (YouTube {@code quotaExceeded}, Instagram's 24-hour publishing
 * limit, X usage cap, TikTok daily post cap). Never retried automatically: waiting seconds does not
 * help; {@link #resetAt()} says when it resets, when known.
 */
@SmoPublicApi
public class QuotaExceededException extends PlatformException {
  private static final long serialVersionUID = 1L;

  private final Instant resetAt;

  /**
   * Creates the exception.
   *
   * @param details the platform's answer (or a description of the offline check)
   * @param resetAt when the quota resets (UTC), or {@code null} when unknown
   */
  public QuotaExceededException(ErrorDetails details, Instant resetAt) {
    super(details, false);
    this.resetAt = resetAt;
  }

  /** Returns when the quota resets (UTC), if known. */
  public Optional<Instant> resetAt() {
    return Optional.ofNullable(resetAt);
  }
}
