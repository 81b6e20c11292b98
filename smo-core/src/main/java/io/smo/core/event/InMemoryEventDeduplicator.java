package io.smo.core.event;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * An {@link EventDeduplicator} held in this JVM: a Caffeine cache bounded in size and age. When the
 * bound is reached the least recently seen keys are evicted first, so a very old re-delivery could
 * pass again; size it above the events you expect within the platforms' retry windows. Thread-safe.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class InMemoryEventDeduplicator implements EventDeduplicator {
  private final Cache<String, Boolean> seen;

  private InMemoryEventDeduplicator(long maximumKeys, Duration retention, Ticker ticker) {
    seen =
        Caffeine.newBuilder()
            .maximumSize(maximumKeys)
            .expireAfterWrite(retention)
            .ticker(ticker)
            // maintenance on the calling thread: no hand-off to the common pool per write
            .executor(Runnable::run)
            .build();
  }

  /**
   * Returns a deduplicator remembering at most {@code maximumKeys} keys, each for {@code
   * retention}.
   *
   * @throws IllegalArgumentException if {@code maximumKeys} is below 1 or {@code retention} is not
   *     positive
   */
  public static InMemoryEventDeduplicator create(long maximumKeys, Duration retention) {
    return create(maximumKeys, retention, Ticker.systemTicker());
  }

  /**
   * Same as {@link #create(long, Duration)} with an injected time source in nanoseconds, for tests
   * of expiry.
   *
   * @throws IllegalArgumentException if {@code maximumKeys} is below 1 or {@code retention} is not
   *     positive
   */
  public static InMemoryEventDeduplicator create(
      long maximumKeys, Duration retention, java.util.function.LongSupplier nanoTime) {
    requireNonNull(nanoTime, "nanoTime == null");
    return create(maximumKeys, retention, (Ticker) nanoTime::getAsLong);
  }

  private static InMemoryEventDeduplicator create(long maximumKeys, Duration retention, Ticker t) {
    requireNonNull(retention, "retention == null");
    if (maximumKeys < 1) {
      throw new IllegalArgumentException("maximumKeys < 1: " + maximumKeys);
    }
    if (retention.isZero() || retention.isNegative()) {
      throw new IllegalArgumentException("retention <= 0: " + retention);
    }
    return new InMemoryEventDeduplicator(maximumKeys, retention, t);
  }

  @Override
  public boolean firstSeen(String key) {
    check(key);
    boolean[] fresh = {false};
    seen.asMap()
        .computeIfAbsent(
            key,
            k -> {
              fresh[0] = true;
              return Boolean.TRUE;
            });
    return fresh[0];
  }

  @Override
  public void forget(String key) {
    if (key != null) {
      seen.invalidate(key);
    }
  }

  /** Returns roughly how many keys are remembered now. */
  public long size() {
    return seen.estimatedSize();
  }

  static void check(String key) {
    requireNonNull(key, "key == null");
    if (key.isEmpty() || key.length() > 512) {
      throw new IllegalArgumentException(
          "dedup key must have 1..512 characters, has " + key.length());
    }
  }
}
