package io.smo.core.exception;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.util.Optional;

/**
 * The platform could not process uploaded media (a failed or expired container, a refused codec),
 * or processing did not finish before the deadline. {@link #mediaId()} names the upload or
 * container concerned.
 */
@SmoPublicApi
public class MediaProcessingException extends SmoException {
  private static final long serialVersionUID = 1L;

  private final String mediaId;
  private final String state;

  /**
   * Creates the exception.
   *
   * @param platform the platform
   * @param operation the SDK operation
   * @param mediaId the media, container or upload id, or {@code null}
   * @param state the platform's last processing state (e.g. {@code ERROR}, {@code EXPIRED}), or
   *     {@code null}
   * @param message what went wrong
   * @param retryable whether publishing again with a fresh upload may succeed
   */
  public MediaProcessingException(
      Platform platform,
      String operation,
      String mediaId,
      String state,
      String message,
      boolean retryable) {
    super(
        platform,
        operation,
        message
            + (mediaId != null ? " (media " + mediaId + ")" : "")
            + (state != null ? " [state " + state + "]" : ""),
        null,
        retryable);
    this.mediaId = mediaId;
    this.state = state;
  }

  /** Returns the media, container or upload id, if known. */
  public Optional<String> mediaId() {
    return Optional.ofNullable(mediaId);
  }

  /** Returns the platform's last processing state, if known. */
  public Optional<String> state() {
    return Optional.ofNullable(state);
  }
}
