package io.smo.core;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * An age range in whole years, inclusive at both ends; either end may be open. Immutable. A range
 * with min &gt; max can be built so that {@link PostValidator} reports it with the other
 * violations; {@link #isValid()} tells.
 */
@SmoPublicApi
public final class AgeRange {
  private final Integer min;
  private final Integer max;

  private AgeRange(Integer min, Integer max) {
    this.min = min;
    this.max = max;
  }

  /** Returns the range {@code [min, max]} in years. */
  public static AgeRange of(int min, int max) {
    return new AgeRange(min, max);
  }

  /** Returns the range {@code [min, +inf)} in years. */
  public static AgeRange atLeast(int min) {
    return new AgeRange(min, null);
  }

  /** Returns the lower bound in years, if any. */
  public OptionalInt min() {
    return min == null ? OptionalInt.empty() : OptionalInt.of(min);
  }

  /** Returns the upper bound in years, if any. */
  public OptionalInt max() {
    return max == null ? OptionalInt.empty() : OptionalInt.of(max);
  }

  /** Returns whether bounds are non-negative and min &lt;= max. */
  public boolean isValid() {
    return (min == null || min >= 0)
        && (max == null || max >= 0)
        && (min == null || max == null || min <= max);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgeRange ageRange
        && Objects.equals(min, ageRange.min)
        && Objects.equals(max, ageRange.max);
  }

  @Override
  public int hashCode() {
    return Objects.hash(min, max);
  }

  @Override
  public String toString() {
    return (min == null ? "" : min) + "-" + (max == null ? "" : max);
  }
}
