package io.smo.core.exception;

import io.smo.core.SmoPublicApi;

/**
 * The platform refused the post as a duplicate of a recent one (X 403 duplicate content, Meta code
 * 506). Not retryable: the content already exists.
 */
@SmoPublicApi
public class DuplicateContentException extends PlatformException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from what the platform said.
   *
   * @param details the platform's answer
   */
  public DuplicateContentException(ErrorDetails details) {
    super(details, false);
  }
}
