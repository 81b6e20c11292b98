package io.smo.core.resilience.spi;

import io.smo.core.SmoProtectedApi;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * The rate-limit state of one (platform, API host, account, bucket): the platform's window as the
 * server last reported it (limit, calls left, reset instant), the permits reserved by calls still
 * in flight, and the client-side cap's own fixed window. A {@link
 * io.smo.core.resilience.RateLimitStore} keeps one per key and applies every change under a lock (a
 * monitor in memory, a row lock in a database), so that every client sharing the store shares the
 * allowance.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>a permit is reserved <em>before</em> a call is sent ({@link #tryAcquire}), against the
 *       smaller of the client-side cap and the server's window, so concurrent calls cannot
 *       overshoot; a refusal says when the window opens;
 *   <li>the server's {@code remaining} lowers the calls left (never raises them within a window:
 *       calls reserved but not yet counted by the server would overshoot otherwise);
 *   <li>a later reset reported by the server moves the window; an answer from an earlier window is
 *       ignored;
 *   <li>when the window passes, it reopens with the limit minus the calls still in flight from the
 *       window before (they may be counted in the new one);
 *   <li>the window length is learned from consecutive resets; while the next reset is unknown and
 *       the calls left are used up, calls are refused for at most 60 s;
 *   <li>a wait the platform asked for (a 429's retry-after) refuses calls until then, or until an
 *       answer reports capacity again (calls left, or usage under 100 %).
 * </ul>
 *
 * <p>Mutable and not thread-safe: stores serialize access. {@link #encode()} and {@link
 * #decode(String)} turn it into a short text for a database column.
 */
@SmoProtectedApi
public final class RateLimitWindow {
  private static final long UNKNOWN = -1;
  private static final long UNKNOWN_RESET_GRACE_MS = 60_000;
  private static final long UNKNOWN_RESET_RETRY_MS = 1_000;

  private long epoch;
  private long resetAtMs = UNKNOWN;
  private long lastServerResetMs = UNKNOWN;
  private long periodMs = UNKNOWN;
  private long limit = UNKNOWN;
  private long available = UNKNOWN;
  private long inFlight;
  private long inFlightPrev;
  private long openedAtMs;
  private long capResetAtMs = UNKNOWN;
  private long capAvailable;
  private long blockedUntilMs = UNKNOWN;

  /** Creates the state of a key never seen: nothing known, nothing reserved. */
  public RateLimitWindow() {}

  /**
   * The answer to {@link #tryAcquire}: a permit (with its window's sequence number) or a refusal.
   */
  public static final class Grant {
    private final boolean granted;
    private final long epoch;
    private final Instant retryAt;
    private final String reason;
    private final boolean byCap;

    private Grant(boolean granted, long epoch, Instant retryAt, String reason, boolean byCap) {
      this.granted = granted;
      this.epoch = epoch;
      this.retryAt = retryAt;
      this.reason = reason;
      this.byCap = byCap;
    }

    /** Returns whether only the client-side cap refused (the platform asked for no wait). */
    public boolean byCap() {
      return byCap;
    }

    /** Returns whether a permit was reserved. */
    public boolean granted() {
      return granted;
    }

    /** Returns the window sequence number the permit belongs to (pass it to {@link #complete}). */
    public long epoch() {
      return epoch;
    }

    /** Returns, for a refusal, the earliest instant (UTC) a permit may be had. */
    public Optional<Instant> retryAt() {
      return Optional.ofNullable(retryAt);
    }

    /** Returns, for a refusal, why: {@code "client-side cap of 100/PT15M reached"} or similar. */
    public String reason() {
      return reason;
    }
  }

  /**
   * Reserves one permit if both the client-side cap and the server's window allow it.
   *
   * @param now the current instant (UTC)
   * @param cap the client-side cap, or {@code null} for none
   * @return the permit, or a refusal with the instant the blocking window opens
   */
  public Grant tryAcquire(Instant now, RateLimitPolicy.BucketLimit cap) {
    long t = now.toEpochMilli();
    roll(t);
    long retry = UNKNOWN;
    String reason = null;
    boolean byCap = false;
    if (cap != null) {
      if (capResetAtMs == UNKNOWN || t >= capResetAtMs) {
        capResetAtMs = t + cap.period().toMillis();
        capAvailable = cap.limit();
      }
      if (capAvailable <= 0) {
        retry = capResetAtMs;
        reason = "client-side cap of " + cap + " reached";
        byCap = true;
      }
    }
    if (blockedUntilMs != UNKNOWN && t < blockedUntilMs && blockedUntilMs > retry) {
      retry = blockedUntilMs;
      reason = "the platform asked to wait (429 or exhausted quota)";
      byCap = false;
    }
    if (available == 0) {
      long serverRetry = resetAtMs != UNKNOWN ? resetAtMs : t + UNKNOWN_RESET_RETRY_MS;
      if (serverRetry > retry) {
        retry = serverRetry;
        byCap = false;
        reason =
            "server-reported window exhausted"
                + (limit != UNKNOWN ? " (limit " + limit + ")" : "")
                + (resetAtMs != UNKNOWN ? "" : "; reset not yet known");
      }
    }
    if (retry != UNKNOWN) {
      return new Grant(false, epoch, Instant.ofEpochMilli(retry), reason, byCap);
    }
    if (cap != null) {
      capAvailable--;
    }
    if (available > 0) {
      available--;
    }
    inFlight++;
    return new Grant(true, epoch, null, null, false);
  }

  /**
   * Ends a call that held a permit of window {@code permitEpoch}: it is no longer in flight, and
   * the server's figures on its answer (if any) are taken in.
   *
   * @param permitEpoch {@link Grant#epoch()} of the permit
   * @param observed the rate-limit figures of the answer, or {@code null}
   * @param now when the answer arrived (UTC)
   */
  public void complete(long permitEpoch, RateLimitSnapshot observed, Instant now) {
    if (permitEpoch == epoch) {
      inFlight = Math.max(0, inFlight - 1);
    } else if (permitEpoch == epoch - 1) {
      inFlightPrev = Math.max(0, inFlightPrev - 1);
    }
    if (observed != null) {
      observe(observed, now);
    }
  }

  /**
   * Takes in the server's figures. Counts (remaining and reset, as X and Pinterest send) drive the
   * window; any other snapshot (Meta's percentages) only blocks the key until its reset when it
   * reports the window exhausted.
   *
   * @param s the figures
   * @param now when they arrived (UTC)
   */
  public void observe(RateLimitSnapshot s, Instant now) {
    long t = now.toEpochMilli();
    roll(t);
    if (!s.exhausted() && (s.remaining().isPresent() || s.usagePercent().isPresent())) {
      blockedUntilMs = UNKNOWN; // the platform reports capacity again: its wait is over
    }
    Long reset = s.resetAt().map(Instant::toEpochMilli).orElse(null);
    boolean counting = s.remaining().isPresent() && reset != null;
    if (!counting) {
      if (s.exhausted() && reset != null && reset > t) {
        blockUntil(Instant.ofEpochMilli(reset), now);
      }
      return;
    }
    if (reset <= t || (lastServerResetMs != UNKNOWN && reset < lastServerResetMs)) {
      return; // an answer about a window that is over
    }
    if (resetAtMs == UNKNOWN || reset > resetAtMs) {
      if (lastServerResetMs != UNKNOWN && reset > lastServerResetMs) {
        long gap = reset - lastServerResetMs;
        periodMs = periodMs == UNKNOWN ? gap : Math.min(periodMs, gap);
      }
      if (resetAtMs != UNKNOWN && t < resetAtMs) {
        openWindow(t, reset); // the server moved to a later window before our clock did
      } else {
        resetAtMs = reset;
      }
    } else if (reset < resetAtMs) {
      return; // an answer counted in an earlier window
    }
    if (lastServerResetMs == UNKNOWN || reset > lastServerResetMs) {
      lastServerResetMs = reset;
    }
    s.limit().ifPresent(l -> limit = l);
    long remaining = Math.max(0, s.remaining().getAsLong());
    available =
        available == UNKNOWN ? Math.max(0, remaining - inFlight) : Math.min(available, remaining);
  }

  /**
   * Refuses permits until {@code until} (a 429's retry-after, or an exhausted app-wide window).
   *
   * @param until when calls may go again (UTC)
   * @param now the current instant (UTC)
   */
  public void blockUntil(Instant until, Instant now) {
    long u = until.toEpochMilli();
    if (u <= now.toEpochMilli()) {
      return;
    }
    if (u > blockedUntilMs) {
      blockedUntilMs = u;
    }
  }

  /** Returns the calls left in the server's window as far as known, or empty when unknown. */
  public java.util.OptionalLong available() {
    return available == UNKNOWN
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(available);
  }

  /** Returns the end of the server's window as far as known (UTC). */
  public Optional<Instant> resetAt() {
    return resetAtMs == UNKNOWN ? Optional.empty() : Optional.of(Instant.ofEpochMilli(resetAtMs));
  }

  /**
   * Returns the number of permits reserved by calls not completed yet (this window and the one
   * before).
   */
  public long inFlight() {
    return inFlight + inFlightPrev;
  }

  private void roll(long t) {
    if (resetAtMs != UNKNOWN && t >= resetAtMs) {
      long next = UNKNOWN;
      if (periodMs > 0 && lastServerResetMs != UNKNOWN && resetAtMs == lastServerResetMs) {
        next = resetAtMs + periodMs * ((t - resetAtMs) / periodMs + 1);
      }
      openWindow(t, next);
    } else if (resetAtMs == UNKNOWN && available == 0 && t - openedAtMs >= UNKNOWN_RESET_GRACE_MS) {
      openWindow(t, UNKNOWN);
    }
  }

  private void openWindow(long t, long reset) {
    epoch++;
    inFlightPrev = inFlight;
    inFlight = 0;
    available = limit == UNKNOWN ? UNKNOWN : Math.max(0, limit - inFlightPrev);
    resetAtMs = reset;
    openedAtMs = t;
  }

  /** Returns the state as a short text ({@code v1;...}) for a database column. */
  public String encode() {
    return "v1;"
        + epoch
        + ";"
        + resetAtMs
        + ";"
        + lastServerResetMs
        + ";"
        + periodMs
        + ";"
        + limit
        + ";"
        + available
        + ";"
        + inFlight
        + ";"
        + inFlightPrev
        + ";"
        + openedAtMs
        + ";"
        + capResetAtMs
        + ";"
        + capAvailable
        + ";"
        + blockedUntilMs;
  }

  /**
   * Reads a state written by {@link #encode()}; an unreadable or {@code null} text gives a fresh
   * state (the worst case is one window counted from scratch).
   */
  public static RateLimitWindow decode(String text) {
    RateLimitWindow w = new RateLimitWindow();
    if (text == null || !text.startsWith("v1;")) {
      return w;
    }
    String[] p = text.split(";", -1);
    if (p.length != 13) {
      return w;
    }
    try {
      w.epoch = Long.parseLong(p[1]);
      w.resetAtMs = Long.parseLong(p[2]);
      w.lastServerResetMs = Long.parseLong(p[3]);
      w.periodMs = Long.parseLong(p[4]);
      w.limit = Long.parseLong(p[5]);
      w.available = Long.parseLong(p[6]);
      w.inFlight = Long.parseLong(p[7]);
      w.inFlightPrev = Long.parseLong(p[8]);
      w.openedAtMs = Long.parseLong(p[9]);
      w.capResetAtMs = Long.parseLong(p[10]);
      w.capAvailable = Long.parseLong(p[11]);
      w.blockedUntilMs = Long.parseLong(p[12]);
      return w;
    } catch (NumberFormatException e) {
      return new RateLimitWindow();
    }
  }

  @Override
  public String toString() {
    return "RateLimitWindow{" + encode() + "}";
  }
}
