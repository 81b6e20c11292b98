package io.smo.core.exception;

import io.smo.core.SmoPublicApi;

/**
 * The post, comment, media or account does not exist or is not visible to this token (HTTP 404,
 * Meta code 100 subcode 33).
 */
@SmoPublicApi
public class NotFoundException extends PlatformException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from what the platform said.
   *
   * @param details the platform's answer
   */
  public NotFoundException(ErrorDetails details) {
    super(details, false);
  }
}
