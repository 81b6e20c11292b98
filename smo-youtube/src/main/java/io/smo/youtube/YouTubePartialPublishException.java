package io.smo.youtube;

import io.smo.core.Platform;
import io.smo.core.PublishedPost;
import io.smo.core.SmoPublicApi;
import io.smo.core.exception.SmoException;

/**
 * The video was uploaded (it exists on YouTube, see {@link #published()}), but a follow-up step of
 * the same publish failed: the thumbnail ({@code thumbnails.set}) or the playlist insertion ({@code
 * playlistItems.insert}). Publishing again would upload a second video; instead retry the step with
 * {@link YouTubeClient#setThumbnail} or {@link YouTubeClient#addToPlaylist}. The cause is the
 * step's own exception.
 */
@SmoPublicApi
public class YouTubePartialPublishException extends SmoException {
  private static final long serialVersionUID = 1L;

  private final transient PublishedPost published;
  private final String failedStep;

  /**
   * Creates the exception.
   *
   * @param published the video that was published
   * @param failedStep the step that failed ({@code "thumbnails.set"} or {@code
   *     "playlistItems.insert"})
   * @param cause the step's exception
   */
  public YouTubePartialPublishException(
      PublishedPost published, String failedStep, SmoException cause) {
    super(
        Platform.YOUTUBE,
        "publish",
        "video "
            + published.id()
            + " was published but "
            + failedStep
            + " failed: "
            + cause.getMessage(),
        cause,
        false);
    this.published = published;
    this.failedStep = failedStep;
  }

  /** Returns the video that was published. */
  public PublishedPost published() {
    return published;
  }

  /** Returns the step that failed, e.g. {@code "thumbnails.set"}. */
  public String failedStep() {
    return failedStep;
  }
}
