package io.smo.core.exception;

import io.smo.core.SmoPublicApi;

/**
 * The access token is missing, invalid, expired or revoked (HTTP 401, Meta code 190, Google {@code
 * authError}...). The SDK refreshes once when it can, then throws this. Not retryable as is:
 * re-authorize.
 */
@SmoPublicApi
public class AuthenticationException extends PlatformException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from what the platform said.
   *
   * @param details the platform's answer
   */
  public AuthenticationException(ErrorDetails details) {
    super(details, false);
  }
}
