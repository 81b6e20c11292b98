package io.smo.core;

import java.time.Duration;
import java.time.Instant;

/**
 * How far ahead a platform schedules posts natively, e.g. Facebook: at least 10 minutes and at most
 * 30 days after the request. Immutable.
 */
@SmoPublicApi
public final class SchedulingWindow {
  private final Duration minLead;
  private final Duration maxLead;

  private SchedulingWindow(Duration minLead, Duration maxLead) {
    if (minLead.isNegative() || maxLead.compareTo(minLead) < 0) {
      throw new IllegalArgumentException("bad window: " + minLead + ".." + maxLead);
    }
    this.minLead = minLead;
    this.maxLead = maxLead;
  }

  /** Returns a window from {@code minLead} to {@code maxLead} after now. */
  public static SchedulingWindow of(Duration minLead, Duration maxLead) {
    return new SchedulingWindow(minLead, maxLead);
  }

  /** Returns the shortest lead time accepted. */
  public Duration minLead() {
    return minLead;
  }

  /** Returns the longest lead time accepted. */
  public Duration maxLead() {
    return maxLead;
  }

  /** Returns whether {@code at} lies in the window measured from {@code now}. */
  public boolean contains(Instant at, Instant now) {
    return !at.isBefore(now.plus(minLead)) && !at.isAfter(now.plus(maxLead));
  }

  @Override
  public String toString() {
    return minLead + ".." + maxLead;
  }
}
