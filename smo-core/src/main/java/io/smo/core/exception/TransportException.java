package io.smo.core.exception;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;

/**
 * No usable answer: the connection failed, timed out, was reset, or the body could not be parsed.
 * For a create, the SDK raises this only when the request surely did not take effect (e.g. the
 * connection was never established); otherwise {@link PublishOutcomeUnknownException}.
 */
@SmoPublicApi
public class TransportException extends SmoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param platform the platform
   * @param operation the SDK operation
   * @param message what happened, free of secrets
   * @param cause the I/O or parsing failure
   * @param retryable whether a retry is safe and may succeed
   */
  public TransportException(
      Platform platform, String operation, String message, Throwable cause, boolean retryable) {
    super(platform, operation, message, cause, retryable);
  }
}
