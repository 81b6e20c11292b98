package io.smo.scheduler;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * A wall-clock time in an IANA zone turned into the UTC {@link Instant} a post is due, with what
 * was done when that local time does not exist or exists twice on a DST change. Immutable.
 *
 * <p>The rule, applied by {@link #resolve(LocalDateTime, ZoneId)}:
 *
 * <ul>
 *   <li><b>gap</b> (spring forward: 02:30 does not exist in Europe/Berlin on 2026-03-29): the time
 *       is moved forward by the length of the gap (02:30 becomes 03:30 CEST), the same instant
 *       {@link ZonedDateTime#of} picks; {@link #kind()} is {@link Kind#GAP}.
 *   <li><b>overlap</b> (fall back: 01:30 happens twice in America/Los_Angeles on 2026-11-01): the
 *       <em>first</em> occurrence is taken (01:30 PDT, 08:30 UTC), so the post never goes out an
 *       hour later than the earliest reading; {@link #kind()} is {@link Kind#OVERLAP}. Give an
 *       offset ({@link #resolve(LocalDateTime, ZoneId, ZoneOffset)}) to choose the second one.
 * </ul>
 *
 * Either way {@link #adjustment()} says so in one sentence the caller shows (the {@code smo}
 * command prints it); nothing is adjusted silently.
 */
@SmoPublicApi
public final class ScheduleTime {
  /** How the local time mapped to an instant. */
  public enum Kind {
    /** The local time exists once: no adjustment. */
    EXACT,
    /** The local time fell in a DST gap and was moved forward by the gap's length. */
    GAP,
    /** The local time exists twice; the earlier occurrence was taken unless an offset chose. */
    OVERLAP
  }

  private final LocalDateTime local;
  private final ZonedDateTime resolved;
  private final Kind kind;
  private final String adjustment;

  private ScheduleTime(LocalDateTime local, ZonedDateTime resolved, Kind kind, String adjustment) {
    this.local = local;
    this.resolved = resolved;
    this.kind = kind;
    this.adjustment = adjustment;
  }

  /**
   * Resolves {@code local} in {@code zone} by the rule above.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ScheduleTime resolve(LocalDateTime local, ZoneId zone) {
    return resolve(local, zone, null);
  }

  /**
   * Resolves {@code local} in {@code zone}; in an overlap, {@code preferredOffset} (when it is one
   * of the two valid offsets) chooses the occurrence.
   *
   * @param local the wall-clock time
   * @param zone the IANA zone
   * @param preferredOffset the offset to prefer in an overlap, or {@code null} for the earlier
   * @throws NullPointerException if {@code local} or {@code zone} is null
   */
  public static ScheduleTime resolve(LocalDateTime local, ZoneId zone, ZoneOffset preferredOffset) {
    requireNonNull(local, "local == null");
    requireNonNull(zone, "zone == null");
    ZoneOffsetTransition tr = zone.getRules().getTransition(local);
    if (tr == null) {
      return new ScheduleTime(local, ZonedDateTime.of(local, zone), Kind.EXACT, null);
    }
    if (tr.isGap()) {
      ZonedDateTime z = ZonedDateTime.of(local, zone); // shifted by the gap's length
      return new ScheduleTime(
          local,
          z,
          Kind.GAP,
          local
              + " does not exist in "
              + zone
              + " (clocks jump from "
              + tr.getDateTimeBefore().toLocalTime()
              + " to "
              + tr.getDateTimeAfter().toLocalTime()
              + "); moved forward by "
              + minutes(tr.getDuration())
              + " to "
              + z.toLocalDateTime()
              + z.getOffset()
              + " ("
              + z.toInstant()
              + ")");
    }
    ZoneOffset offset = tr.getOffsetBefore();
    String which = "the first occurrence";
    if (preferredOffset != null && preferredOffset.equals(tr.getOffsetAfter())) {
      offset = tr.getOffsetAfter();
      which = "the second occurrence, as asked";
    }
    ZonedDateTime z = ZonedDateTime.ofLocal(local, zone, offset);
    return new ScheduleTime(
        local,
        z,
        Kind.OVERLAP,
        local
            + " happens twice in "
            + zone
            + " (clocks go back from "
            + tr.getDateTimeBefore().toLocalTime()
            + " to "
            + tr.getDateTimeAfter().toLocalTime()
            + "); took "
            + which
            + ", "
            + z.getOffset()
            + " ("
            + z.toInstant()
            + ")");
  }

  private static String minutes(Duration d) {
    long m = d.abs().toMinutes();
    return m % 60 == 0 ? (m / 60) + " h" : m + " min";
  }

  /** Returns the UTC instant the post is due. */
  public Instant instant() {
    return resolved.toInstant();
  }

  /** Returns the zone (kept for display). */
  public ZoneId zone() {
    return resolved.getZone();
  }

  /** Returns the wall-clock time as given. */
  public LocalDateTime local() {
    return local;
  }

  /** Returns the resolved zoned time. */
  public ZonedDateTime zoned() {
    return resolved;
  }

  /** Returns how the local time mapped. */
  public Kind kind() {
    return kind;
  }

  /** Returns what was done about a DST gap or overlap, for the caller to show; empty when exact. */
  public Optional<String> adjustment() {
    return Optional.ofNullable(adjustment);
  }

  @Override
  public String toString() {
    return resolved + (adjustment != null ? " (" + adjustment + ")" : "");
  }
}
