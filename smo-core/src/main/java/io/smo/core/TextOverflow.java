package io.smo.core;

/** What to do when a post's text is longer than a platform's limit. */
@SmoPublicApi
public enum TextOverflow {
  /** Refuse the post with a {@link io.smo.core.exception.ValidationException} (the default). */
  REJECT,
  /**
   * Cut the text to the limit on a grapheme boundary, never inside a URL, an emoji ZWJ sequence or
   * a surrogate pair, and end it with an ellipsis ({@code …}).
   */
  TRUNCATE,
  /**
   * Split the text into a thread of replies where the platform has threads (X); else REJECT. Each
   * part ends with its number, {@code " i/n"} (kept inside the limit), so no two parts are ever
   * identical; a post whose parts would still repeat one another (with {@link Post#thread()}) is
   * refused offline ({@code thread-duplicate-part}).
   */
  THREAD
}
