package io.smo.core.text;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;

/**
 * The maximum length of one text field and how it is counted, e.g. X post text: 280 by {@link
 * TextCounting#X_WEIGHTED}; YouTube description: 5,000 by {@link TextCounting#UTF8_BYTES}.
 * Immutable.
 */
@SmoPublicApi
public final class TextLimit {
  private final String field;
  private final int max;
  private final TextCounting counting;

  private TextLimit(String field, int max, TextCounting counting) {
    this.field = requireNonNull(field, "field == null");
    this.counting = requireNonNull(counting, "counting == null");
    if (max < 0) {
      throw new IllegalArgumentException("max < 0: " + max);
    }
    this.max = max;
  }

  /**
   * Returns a limit.
   *
   * @param field the field path, e.g. {@code "text"} or {@code "options.youtube.title"}
   * @param max the maximum length in {@code counting}'s unit
   * @param counting how length is counted
   */
  public static TextLimit of(String field, int max, TextCounting counting) {
    return new TextLimit(field, max, counting);
  }

  /** Returns the field path. */
  public String field() {
    return field;
  }

  /** Returns the maximum length. */
  public int max() {
    return max;
  }

  /** Returns how the length is counted. */
  public TextCounting counting() {
    return counting;
  }

  /** Returns the length of {@code text} in this limit's unit. */
  public int count(String text) {
    return counting.count(text);
  }

  /** Returns whether {@code text} fits. */
  public boolean fits(String text) {
    return counting.count(text) <= max;
  }

  @Override
  public String toString() {
    return field + " <= " + max + " " + counting.describe();
  }
}
