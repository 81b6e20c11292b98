package io.smo.core.media;

import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@link MediaInspector} read from a media file without loading it: format, size in bytes,
 * pixel dimensions and, for video, duration. Immutable.
 */
@SmoPublicApi
public final class MediaInfo {
  private final MediaFormat format;
  private final long sizeBytes;
  private final int width;
  private final int height;
  private final Duration duration;
  private final boolean hasAudio;

  /**
   * Creates a description.
   *
   * @param format detected format
   * @param sizeBytes size in bytes, or -1 when unknown (URL sources)
   * @param width width in pixels, or 0 when unknown
   * @param height height in pixels, or 0 when unknown
   * @param duration video duration, or {@code null} for images or when unknown
   * @param hasAudio whether a video has an audio track
   */
  public MediaInfo(
      MediaFormat format,
      long sizeBytes,
      int width,
      int height,
      Duration duration,
      boolean hasAudio) {
    this.format = format;
    this.sizeBytes = sizeBytes;
    this.width = width;
    this.height = height;
    this.duration = duration;
    this.hasAudio = hasAudio;
  }

  /** Returns the format detected from the content. */
  public MediaFormat format() {
    return format;
  }

  /** Returns the size in bytes, when known. */
  public OptionalLong sizeBytes() {
    return sizeBytes < 0 ? OptionalLong.empty() : OptionalLong.of(sizeBytes);
  }

  /** Returns the width in pixels, when known. */
  public OptionalInt width() {
    return width <= 0 ? OptionalInt.empty() : OptionalInt.of(width);
  }

  /** Returns the height in pixels, when known. */
  public OptionalInt height() {
    return height <= 0 ? OptionalInt.empty() : OptionalInt.of(height);
  }

  /** Returns width / height, when both are known. */
  public Optional<Double> aspectRatio() {
    return width > 0 && height > 0 ? Optional.of((double) width / height) : Optional.empty();
  }

  /** Returns the video duration, when known. */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /** Returns whether the video has an audio track ({@code false} for images). */
  public boolean hasAudio() {
    return hasAudio;
  }

  @Override
  public String toString() {
    return "MediaInfo{"
        + format
        + ", "
        + sizeBytes
        + " bytes, "
        + width
        + "x"
        + height
        + (duration != null ? ", " + duration : "")
        + "}";
  }
}
