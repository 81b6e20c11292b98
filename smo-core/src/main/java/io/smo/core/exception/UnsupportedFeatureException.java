package io.smo.core.exception;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;

/**
 * The platform's API does not offer the operation (TikTok has no delete, Pinterest no comments
 * API...). {@link io.smo.core.Capabilities} says so up front.
 */
@SmoPublicApi
public class UnsupportedFeatureException extends SmoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param platform the platform
   * @param operation the operation it does not offer
   * @param reason why, for people (e.g. "TikTok's Content Posting API has no delete endpoint")
   */
  public UnsupportedFeatureException(Platform platform, String operation, String reason) {
    super(
        platform,
        operation,
        platform.displayName() + " does not support " + operation + ": " + reason,
        null,
        false);
  }
}
