package io.smo.scheduler;

import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A scheduled post as stored: id, due instant (UTC) with the zone the user chose (kept for display
 * only), the text's first characters, and one {@link ScheduledTarget} per platform. Immutable.
 */
@SmoPublicApi
public final class ScheduledPost {
  private final String id;
  private final Instant dueAt;
  private final ZoneId zone;
  private final String summary;
  private final List<ScheduledTarget> targets;

  /**
   * Creates a view.
   *
   * @param id the schedule id
   * @param dueAt when it is due (UTC)
   * @param zone the zone for display
   * @param summary the post text's first 60 characters
   * @param targets one entry per target platform
   */
  public ScheduledPost(
      String id, Instant dueAt, ZoneId zone, String summary, List<ScheduledTarget> targets) {
    this.id = id;
    this.dueAt = dueAt;
    this.zone = zone;
    this.summary = summary;
    this.targets = List.copyOf(targets);
  }

  /** Returns the schedule id. */
  public String id() {
    return id;
  }

  /** Returns the due instant (UTC). */
  public Instant dueAt() {
    return dueAt;
  }

  /** Returns the zone the schedule was made in (display only). */
  public ZoneId zone() {
    return zone;
  }

  /** Returns the due time in its zone, for display. */
  public ZonedDateTime dueAtLocal() {
    return dueAt.atZone(zone);
  }

  /** Returns the start of the post text. */
  public String summary() {
    return summary;
  }

  /** Returns the targets. */
  public List<ScheduledTarget> targets() {
    return targets;
  }

  /** Returns whether every target reached a terminal status. */
  public boolean done() {
    return targets.stream().allMatch(t -> t.status().terminal());
  }

  @Override
  public String toString() {
    return id + " " + dueAtLocal() + " " + targets;
  }
}
