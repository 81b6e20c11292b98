package io.smo.core.report;

import io.smo.core.SmoPublicApi;

/**
 * A sum of one metric over a group of targets with its coverage: only the targets that report the
 * metric are added, and the sum says how many of the group's targets that was.
 *
 * @param metric the metric's name ({@code clicks}, {@code impressions}, ...)
 * @param value the sum over the covered targets
 * @param covered how many targets reported the metric
 * @param of how many targets the group has
 */
@SmoPublicApi
public record Sum(String metric, long value, int covered, int of) {

  /** Returns e.g. {@code "clicks 120 over 4 of 7 targets"}. */
  @Override
  public String toString() {
    return metric + " " + value + " over " + covered + " of " + of + " targets";
  }
}
