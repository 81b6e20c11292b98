package io.smo.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a set of durations in nanoseconds (nearest-rank). */
final class Stats {
  private final long[] sorted;

  Stats(long[] nanos) {
    sorted = nanos.clone();
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  /** Returns the nearest-rank percentile ({@code p} in 0..100) in nanoseconds, or -1 when empty. */
  long percentile(double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  long max() {
    return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  static String s(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
