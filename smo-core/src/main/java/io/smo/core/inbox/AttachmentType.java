package io.smo.core.inbox;

import io.smo.core.SmoPublicApi;

/** The neutral type of a message {@link Attachment}. */
@SmoPublicApi
public enum AttachmentType {
  /** A still image (Meta {@code image}, X {@code photo}). */
  IMAGE,
  /** A video (Meta {@code video}, X {@code video}). */
  VIDEO,
  /** An animated GIF (X {@code animated_gif}). */
  ANIMATED_GIF,
  /** An audio clip. */
  AUDIO,
  /** Any other file (Meta {@code file}). */
  FILE,
  /** A sticker. */
  STICKER,
  /**
   * A shared post, reel or story (Meta {@code share}, {@code reel}, {@code ig_reel}, {@code
   * story_mention}).
   */
  SHARE,
  /**
   * A type the SDK does not know; {@link Attachment#platformType()} says what the platform sent.
   */
  UNKNOWN
}
