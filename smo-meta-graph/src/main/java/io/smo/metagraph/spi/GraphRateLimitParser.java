package io.smo.metagraph.spi;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.http.Operation;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Turns Meta's usage headers ({@code X-App-Usage}, {@code X-Page-Usage}, {@code
 * X-Business-Use-Case-Usage}; see {@link GraphUsage}) into the core {@link RateLimitSnapshot}: the
 * most used figure set wins. Usage is reported in percent; scope APP for {@code X-App-Usage}, PAGE
 * for the others; the reset instant is set from {@code estimated_time_to_regain_access} (minutes)
 * when it is above 0 (Meta's windows roll, so without an estimate no reset instant is invented).
 * Never throws.
 *
 * <p>{@link #pacingDelay(RateLimitSnapshot)} gives the pause the clients insert before the next
 * call once usage passes {@link #SLOWDOWN_FROM_PERCENT}, so that calls slow down before Meta
 * throttles at 100 percent.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting/">Graph API
 *     rate limiting</a>
 */
@SmoProtectedApi
public final class GraphRateLimitParser implements RateLimitHeaderParser {
  /** Usage (percent) from which calls are paced: 75. */
  public static final int SLOWDOWN_FROM_PERCENT = 75;

  /** The longest pause pacing inserts (at 99 percent): 20 seconds. */
  public static final Duration MAX_PACING_DELAY = Duration.ofSeconds(20);

  private final Platform platform;

  /**
   * Creates a parser.
   *
   * @param platform the platform the snapshots are for
   */
  public GraphRateLimitParser(Platform platform) {
    this.platform = requireNonNull(platform, "platform == null");
  }

  @Override
  public Optional<RateLimitSnapshot> parse(Headers headers, Operation operation, Instant now) {
    List<GraphUsage> all = GraphUsage.parse(headers);
    return all.stream()
        .max(
            Comparator.comparingInt(GraphUsage::usagePercent)
                .thenComparing(u -> u.regainAccessIn()))
        .map(u -> toSnapshot(u, now));
  }

  /**
   * Converts one figure set.
   *
   * @param u the figures
   * @param now when the response arrived
   * @return the snapshot
   */
  public RateLimitSnapshot toSnapshot(GraphUsage u, Instant now) {
    RateLimitSnapshot.Builder b =
        RateLimitSnapshot.builder(platform, now)
            .scope(
                GraphUsage.APP_USAGE.equals(u.header())
                    ? RateLimitSnapshot.Scope.APP
                    : RateLimitSnapshot.Scope.PAGE)
            .bucket(
                u.header()
                    + u.objectId().map(id -> ":" + id).orElse("")
                    + u.type().map(t -> ":" + t).orElse(""))
            .usagePercent((double) u.usagePercent());
    if (!u.regainAccessIn().isZero()) {
      b.resetAt(now.plus(u.regainAccessIn()));
    }
    return b.build();
  }

  /**
   * Returns how long to pause before the next call given the last usage: zero below {@link
   * #SLOWDOWN_FROM_PERCENT} percent, then growing linearly to {@link #MAX_PACING_DELAY} at 99
   * percent; at 100 percent and more the core rate-limit gate blocks until the reset instead.
   *
   * @param last the last snapshot, or {@code null}
   * @return the pause, never negative
   */
  public static Duration pacingDelay(RateLimitSnapshot last) {
    if (last == null || last.usagePercent().isEmpty()) {
      return Duration.ZERO;
    }
    double p = last.usagePercent().getAsDouble();
    if (p < SLOWDOWN_FROM_PERCENT || p >= 100) {
      return Duration.ZERO;
    }
    double share = (p - SLOWDOWN_FROM_PERCENT + 1) / (100.0 - SLOWDOWN_FROM_PERCENT);
    return Duration.ofMillis((long) (MAX_PACING_DELAY.toMillis() * Math.min(1.0, share)));
  }
}
