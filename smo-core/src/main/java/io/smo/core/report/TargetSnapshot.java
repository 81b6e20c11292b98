package io.smo.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smo.core.SmoPublicApi;
import java.util.Map;
import java.util.Objects;

/**
 * One target's figures at one moment.
 *
 * @param target the target
 * @param state what reading it gave
 * @param metrics the figures the platform reported, by lower-case neutral name ({@code
 *     impressions}, {@code reach}, {@code views}, {@code likes}, {@code comments}, {@code shares},
 *     {@code saves}, {@code clicks}) plus {@code link_clicks} from the shortener; absent means not
 *     reported, never zero
 * @param error why the figures are missing ({@link State#FAILED}, {@link State#DELETED}, ...), or
 *     {@code null}
 */
@SmoPublicApi
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetSnapshot(
    ResultTarget target, State state, Map<String, Long> metrics, String error) {

  /** What reading a target gave. */
  public enum State {
    /** Figures read. */
    MEASURED,
    /** The platform says the post no longer exists. */
    DELETED,
    /** Reading failed (see the error); the report is produced without this target. */
    FAILED,
    /** The target was not published (FAILED, UNKNOWN or SKIPPED at publish time). */
    NOT_PUBLISHED,
    /** The record names a platform this SDK does not know. */
    UNKNOWN_PLATFORM,
    /** No client (credentials) for the target's platform and account. */
    NO_CLIENT,
    /** The platform reports no per-post figures. */
    NO_METRICS
  }

  /** Checks and copies the components. */
  public TargetSnapshot {
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(state, "state == null");
    metrics = Map.copyOf(metrics);
  }

  /** Returns a metric, or {@code null} when not reported. */
  public Long metric(String name) {
    return metrics.get(name);
  }

  /**
   * Returns the engagements as the report defines them: likes + comments + shares + saves, over
   * those the platform reports; {@code null} when it reports none of them.
   */
  public Long engagements() {
    long sum = 0;
    boolean any = false;
    for (String m : CampaignReport.ENGAGEMENT_PARTS) {
      Long v = metrics.get(m);
      if (v != null) {
        sum += v;
        any = true;
      }
    }
    return any ? sum : null;
  }
}
