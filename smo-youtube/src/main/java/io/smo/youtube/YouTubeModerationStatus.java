package io.smo.youtube;

import io.smo.core.SmoPublicApi;

/**
 * The moderation states {@code comments.setModerationStatus} can set
 * (https://developers.google.com/youtube/v3/docs/comments/setModerationStatus).
 */
@SmoPublicApi
public enum YouTubeModerationStatus {
  /** {@code heldForReview}: hidden from the public until a moderator publishes it. */
  HELD_FOR_REVIEW("heldForReview"),
  /** {@code published}: visible to everyone. */
  PUBLISHED("published"),
  /**
   * {@code rejected}: removed from display; per the newest reference a rejected comment cannot be
   * published again. Use it to remove other people's comments ({@code comments.delete} only works
   * for the comment's author).
   */
  REJECTED("rejected");

  private final String wireValue;

  YouTubeModerationStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /** Returns the value sent on the wire, e.g. {@code heldForReview}. */
  public String wireValue() {
    return wireValue;
  }
}
