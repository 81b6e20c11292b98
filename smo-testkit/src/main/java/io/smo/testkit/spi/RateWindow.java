package io.smo.testkit.spi;

import io.smo.core.SmoProtectedApi;
import java.time.Duration;
import java.time.Instant;

/**
 * A fixed window of calls that counts down, for emulating rate-limit headers: {@link #take}
 * consumes one call and tells what remains and when the window resets. Not thread-safe.
 */
@SmoProtectedApi
public final class RateWindow {
  private final int limit;
  private final Duration window;
  private Instant start;
  private int used;

  /** Creates a window of {@code limit} calls per {@code window}. */
  public RateWindow(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  /**
   * Consumes one call at {@code now}.
   *
   * @return whether the call is allowed (false when the window is exhausted)
   */
  public boolean take(Instant now) {
    roll(now);
    if (used >= limit) {
      return false;
    }
    used++;
    return true;
  }

  private void roll(Instant now) {
    if (start == null || !now.isBefore(start.plus(window))) {
      start = now;
      used = 0;
    }
  }

  /** Returns the window's limit. */
  public int limit() {
    return limit;
  }

  /** Returns the calls left. */
  public int remaining(Instant now) {
    roll(now);
    return Math.max(0, limit - used);
  }

  /** Returns the calls used, in percent of the limit. */
  public int usedPercent(Instant now) {
    roll(now);
    return (int) Math.min(100, used * 100L / limit);
  }

  /** Returns when the window resets. */
  public Instant resetAt(Instant now) {
    roll(now);
    return start.plus(window);
  }
}
