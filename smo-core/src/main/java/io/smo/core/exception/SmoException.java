package io.smo.core.exception;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.util.Optional;

/**
 * The root of every exception the SDK throws. Unchecked. Carries the platform and the operation
 * (when known), whether a retry could succeed, and how many attempts were made. No subclass carries
 * a secret in its message or fields.
 *
 * <p>Subclasses: {@link ValidationException} (before any network call), {@link PlatformException}
 * and its children (the platform answered with an error), {@link TransportException} (no usable
 * answer), {@link PublishOutcomeUnknownException} (the request may have taken effect), {@link
 * MediaProcessingException}, {@link UnsupportedFeatureException}.
 */
@SmoPublicApi
public class SmoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Platform platform;
  private final String operation;
  private final boolean retryable;
  private int attempts = 1;

  /**
   * Creates an exception.
   *
   * @param platform the platform, or {@code null} when none applies
   * @param operation the SDK operation (e.g. {@code "publish"}), or {@code null}
   * @param message the message, already free of secrets
   * @param cause the cause, or {@code null}
   * @param retryable whether the same call may succeed if retried
   */
  public SmoException(
      Platform platform, String operation, String message, Throwable cause, boolean retryable) {
    super(prefix(platform, operation) + message, cause);
    this.platform = platform;
    this.operation = operation;
    this.retryable = retryable;
  }

  private static String prefix(Platform platform, String operation) {
    if (platform == null && operation == null) {
      return "";
    }
    String op = operation == null ? "" : operation;
    String where = platform == null ? op : op.isEmpty() ? platform.id() : platform.id() + " " + op;
    return "[" + where + "] ";
  }

  /** Returns the platform, if the error concerns one. */
  public Optional<Platform> platform() {
    return Optional.ofNullable(platform);
  }

  /**
   * Returns the SDK operation that failed (e.g. {@code "publish"}, {@code "metrics"}), if known.
   */
  public Optional<String> operation() {
    return Optional.ofNullable(operation);
  }

  /**
   * Returns whether retrying the same call could succeed (after {@code retryAfter} where given).
   */
  public boolean retryable() {
    return retryable;
  }

  /** Returns how many attempts were made before this exception was thrown (at least 1). */
  public int attempts() {
    return attempts;
  }

  /**
   * Records the number of attempts made; called by the SDK's retry loop.
   *
   * @param attempts at least 1
   * @return this exception
   */
  public SmoException withAttempts(int attempts) {
    this.attempts = Math.max(1, attempts);
    return this;
  }
}
