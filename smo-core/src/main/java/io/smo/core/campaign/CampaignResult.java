package io.smo.core.campaign;

import static java.util.Objects.requireNonNull;

import io.smo.core.CrossPoster;
import io.smo.core.PlatformOutcome;
import io.smo.core.SmoPublicApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What publishing a {@link CampaignPlan} did: per (segment, target) row, the {@link
 * PlatformOutcome} of its post, or nothing for a skipped row (its reason is on the row). Immutable.
 */
@SmoPublicApi
public final class CampaignResult {
  private final CampaignPlan plan;
  private final Map<PlannedPost, PlatformOutcome> outcomes;

  private CampaignResult(CampaignPlan plan, Map<PlannedPost, PlatformOutcome> outcomes) {
    this.plan = plan;
    this.outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
  }

  /**
   * Publishes every publishing row of {@code plan} through {@code poster}, each post to its own
   * target only, with idempotency key {@code campaign|segment|target}: rows that published (or
   * ended UNKNOWN) in an earlier run through the same poster, or the same persistent {@link
   * io.smo.core.IdempotencyStore}, are not published again. Never throws for a target's failure.
   *
   * @throws IllegalArgumentException if a publishing row's target has no client in {@code poster}
   */
  public static CampaignResult publish(CampaignPlan plan, CrossPoster poster) {
    requireNonNull(plan, "plan == null");
    requireNonNull(poster, "poster == null");
    Map<PlannedPost, PlatformOutcome> out = new LinkedHashMap<>();
    for (PlannedPost r : plan.toPublish()) {
      out.put(
          r,
          poster
              .publishTo(r.post().orElseThrow(), List.of(r.target()))
              .outcome(r.target())
              .orElseThrow());
    }
    return new CampaignResult(plan, out);
  }

  /** Returns the plan. */
  public CampaignPlan plan() {
    return plan;
  }

  /** Returns the outcome of a row, empty for a skipped row. */
  public Optional<PlatformOutcome> outcome(PlannedPost row) {
    return Optional.ofNullable(outcomes.get(row));
  }

  /** Returns every row with its outcome (null for skipped rows), in plan order. */
  public List<Map.Entry<PlannedPost, PlatformOutcome>> rows() {
    List<Map.Entry<PlannedPost, PlatformOutcome>> l = new ArrayList<>();
    for (PlannedPost r : plan.rows()) {
      l.add(new java.util.AbstractMap.SimpleImmutableEntry<>(r, outcomes.get(r)));
    }
    return l;
  }

  /** Returns whether every publishing row published and no row was skipped. */
  public boolean allPublished() {
    return plan.rows().stream()
        .allMatch(
            r ->
                r.publishes()
                    && outcomes.get(r) != null
                    && outcomes.get(r).status() == PlatformOutcome.Status.PUBLISHED);
  }
}
