package io.smo.core.report;

import io.smo.core.SmoPublicApi;
import java.util.Map;
import java.util.Objects;

/**
 * A group of targets (one platform, one account, one segment, or all) with its sums.
 *
 * @param dimension {@code platform}, {@code account}, {@code segment} or {@code total}
 * @param key the group's value, e.g. {@code facebook}, {@code facebook:default}, {@code munich},
 *     {@code all}
 * @param targets how many targets the group has
 * @param sums the sums by metric name, in report order; {@code reach} only where the group is on
 *     one platform (reach is never added across platforms: their audiences overlap)
 * @param engagementRate engagements / impressions over the targets reporting both (see {@link
 *     CampaignReport}), or {@code null} when none does
 * @param engagementRateCovered how many targets the engagement rate covers
 */
@SmoPublicApi
public record Rollup(
    String dimension,
    String key,
    int targets,
    Map<String, Sum> sums,
    Double engagementRate,
    int engagementRateCovered) {

  /** Checks and copies the components. */
  public Rollup {
    Objects.requireNonNull(dimension, "dimension == null");
    Objects.requireNonNull(key, "key == null");
    sums = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sums));
  }

  /** Returns the sum of {@code metric}, if any target reported it. */
  public java.util.Optional<Sum> sum(String metric) {
    return java.util.Optional.ofNullable(sums.get(metric));
  }
}
