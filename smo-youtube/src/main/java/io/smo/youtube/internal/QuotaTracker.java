package io.smo.youtube.internal;

import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.youtube.YouTubeQuota;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * Counts the quota units this client spends per Pacific-time day and refuses, offline, a call that
 * cannot fit. Every request costs its units, failed ones too. Every Data API call of the client
 * goes through {@link #call} or {@link #execute}, which charge the method's units, then run the
 * call on the runtime and note Google's own {@code quotaExceeded}. Thread-safe.
 */
@SmoInternalApi
public final class QuotaTracker {
  private final YouTubeQuota quota;
  private final Clock clock;
  private Instant resetAt;
  private long used;

  /** Creates a tracker. */
  public QuotaTracker(YouTubeQuota quota, Clock clock) {
    this.quota = quota;
    this.clock = clock;
  }

  /** Returns the next midnight in {@code America/Los_Angeles} after {@code now}. */
  public static Instant nextReset(Instant now) {
    ZonedDateTime local = now.atZone(YouTubeQuota.RESET_ZONE);
    return local.toLocalDate().plusDays(1).atStartOfDay(YouTubeQuota.RESET_ZONE).toInstant();
  }

  private void roll() {
    Instant now = clock.instant();
    if (resetAt == null || !now.isBefore(resetAt)) {
      resetAt = nextReset(now);
      used = 0;
    }
  }

  /**
   * Charges the cost of {@code method}.
   *
   * @throws QuotaExceededException (offline, HTTP status 0) if the call does not fit today
   */
  public synchronized void charge(String method, String operation) {
    roll();
    int cost = quota.cost(method);
    if (quota.enforced() && used + cost > quota.dailyLimit()) {
      throw new QuotaExceededException(
          ErrorDetails.builder(Platform.YOUTUBE, operation)
              .errorCode("quotaExceeded")
              .errorSubcode("client")
              .message(
                  method
                      + " costs "
                      + cost
                      + " units but only "
                      + Math.max(0, quota.dailyLimit() - used)
                      + " of the daily "
                      + quota.dailyLimit()
                      + " are left (counted by the client; resets at"
                      + " midnight Pacific time)")
              .build(),
          resetAt);
    }
    used += cost;
  }

  /** Records Google's own {@code quotaExceeded}: nothing is left until the reset. */
  public synchronized void exhausted() {
    roll();
    used = Math.max(used, quota.dailyLimit());
  }

  /** Returns the units used today. */
  public synchronized long used() {
    roll();
    return used;
  }

  /** Returns the units left today. */
  public synchronized long remaining() {
    roll();
    return Math.max(0, quota.dailyLimit() - used);
  }

  /**
   * Charges {@code method}, then runs a Retrofit call on {@code runtime}.
   *
   * @param method the API method whose cost is charged ({@code videos.list}, ...)
   * @throws QuotaExceededException if the call does not fit today, or Google says the quota is gone
   */
  public <T> T call(
      ApiRuntime runtime, String method, Operation op, Supplier<retrofit2.Call<T>> c) {
    charge(method, op.name());
    try {
      return runtime.call(op, c);
    } catch (QuotaExceededException e) {
      note(e);
      throw e;
    }
  }

  /**
   * Charges {@code method}, then runs a raw request on {@code runtime} (see {@link
   * ApiRuntime#execute}).
   *
   * @param method the API method whose cost is charged
   * @param accepted the non-2xx statuses returned instead of thrown
   * @throws QuotaExceededException if the call does not fit today, or Google says the quota is gone
   */
  public ApiResponse<String> execute(
      ApiRuntime runtime, String method, Operation op, Supplier<Request> r, int... accepted) {
    charge(method, op.name());
    try {
      return runtime.execute(op, r, true, accepted);
    } catch (QuotaExceededException e) {
      note(e);
      throw e;
    }
  }

  private void note(QuotaExceededException e) {
    String code = e.errorCode().orElse("");
    if (e.statusCode() != 0
        && (code.equals("quotaExceeded") || code.startsWith("dailyLimitExceeded"))) {
      exhausted();
    }
  }
}
