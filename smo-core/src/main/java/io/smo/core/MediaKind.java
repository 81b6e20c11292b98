package io.smo.core;

/** The kind of a {@link Media} item. */
@SmoPublicApi
public enum MediaKind {
  /** A still image (JPEG, PNG, WebP, HEIC). */
  IMAGE,
  /** A video (MP4, MOV). */
  VIDEO,
  /** An animated GIF; platforms treat it apart from images (X: one GIF per post). */
  GIF
}
