package io.smo.core.exception;

import io.smo.core.SmoPublicApi;

/**
 * The platform refused the request as malformed or invalid (HTTP 400 and its platform equivalents)
 * in a way offline validation did not catch.
 */
@SmoPublicApi
public class InvalidRequestException extends PlatformException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from what the platform said.
   *
   * @param details the platform's answer
   */
  public InvalidRequestException(ErrorDetails details) {
    super(details, false);
  }
}
