package io.smo.core.exception;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateLimitSnapshot;
import java.util.Optional;

/**
 * The platform answered with an error that no more specific subclass describes. Carries the {@link
 * ErrorDetails}: HTTP status, platform code and subcode, message, trace id and the rate-limit state
 * of that response.
 */
@SmoPublicApi
public class PlatformException extends SmoException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorDetails details;

  /**
   * Creates an exception from what the platform said.
   *
   * @param details the platform's answer
   * @param retryable whether the same call may succeed if retried
   */
  public PlatformException(ErrorDetails details, boolean retryable) {
    this(details, retryable, null);
  }

  /**
   * Creates an exception from what the platform said, with a cause.
   *
   * @param details the platform's answer
   * @param retryable whether the same call may succeed if retried
   * @param cause the cause, or {@code null}
   */
  public PlatformException(ErrorDetails details, boolean retryable, Throwable cause) {
    super(details.platform(), details.operation(), details.summary(), cause, retryable);
    this.details = details;
  }

  /** Returns what the platform said. */
  public ErrorDetails details() {
    return details;
  }

  /** Returns the HTTP status (0 when the error came inside a 2xx body). */
  public int statusCode() {
    return details.httpStatus();
  }

  /** Returns the platform error code, if any. */
  public Optional<String> errorCode() {
    return details.errorCode();
  }

  /** Returns the platform error subcode, if any. */
  public Optional<String> errorSubcode() {
    return details.errorSubcode();
  }

  /** Returns the platform trace or request id, if any. */
  public Optional<String> traceId() {
    return details.traceId();
  }

  /** Returns the rate-limit state of the failed response, if the platform sent one. */
  public Optional<RateLimitSnapshot> rateLimit() {
    return details.rateLimit();
  }
}
