package io.smo.core.media;

import io.smo.core.MediaKind;
import io.smo.core.SmoPublicApi;

/** A media container format, detected from a file's first bytes (its magic number). */
@SmoPublicApi
public enum MediaFormat {
  /** JPEG ({@code FF D8 FF}). */
  JPEG("image/jpeg", MediaKind.IMAGE),
  /** PNG ({@code 89 50 4E 47 0D 0A 1A 0A}). */
  PNG("image/png", MediaKind.IMAGE),
  /** GIF ({@code GIF87a} / {@code GIF89a}). */
  GIF("image/gif", MediaKind.GIF),
  /** WebP ({@code RIFF....WEBP}). */
  WEBP("image/webp", MediaKind.IMAGE),
  /** HEIC/HEIF (ISO BMFF with an {@code heic}/{@code mif1} brand). */
  HEIC("image/heic", MediaKind.IMAGE),
  /** MPEG-4 (ISO BMFF {@code ftyp} box with an MP4 brand). */
  MP4("video/mp4", MediaKind.VIDEO),
  /** QuickTime ({@code ftyp qt }). */
  MOV("video/quicktime", MediaKind.VIDEO),
  /** Anything else; never accepted by a platform. */
  UNKNOWN("application/octet-stream", null);

  private final String mimeType;
  private final MediaKind kind;

  MediaFormat(String mimeType, MediaKind kind) {
    this.mimeType = mimeType;
    this.kind = kind;
  }

  /** Returns the IANA media type, e.g. {@code "image/jpeg"}. */
  public String mimeType() {
    return mimeType;
  }

  /** Returns the media kind this format carries, or {@code null} for {@link #UNKNOWN}. */
  public MediaKind kind() {
    return kind;
  }
}
