package io.smo.core.event;

import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * Remembers which events were already handed to the application, so that a platform's retries,
 * duplicate deliveries and out-of-order re-sends give each event exactly once. Keyed by {@link
 * EngagementEvent#dedupKey()} (the platform's event id, or a content hash where it has none).
 *
 * <p>Implementations are thread-safe. {@link #defaults()} is a bounded in-memory one for a single
 * instance; several instances share a database through {@code JdbcEventDeduplicator} in {@code
 * smo-webhooks}. Meta retries for up to 36 hours, TikTok for 72 hours and X replays 5 days back, so
 * keep keys at least that long ({@link #DEFAULT_RETENTION}).
 *
 * @since 0.2
 */
@SmoPublicApi
public interface EventDeduplicator {
  /** How long keys are remembered by default: 7 days, longer than any platform's retry window. */
  Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /**
   * Records {@code key} and returns whether this is the first time it is seen. Atomic: when two
   * threads (or instances) offer the same key at once, exactly one gets {@code true}.
   *
   * @param key the event's dedup key, not null, at most 512 characters
   * @return true if the event is new and must be handled, false for a duplicate
   * @throws IllegalArgumentException if the key is empty or longer than 512 characters
   * @throws io.smo.core.exception.SmoException if the store cannot be reached
   */
  boolean firstSeen(String key);

  /**
   * Forgets {@code key}, so that a later re-delivery is handed over again; call it when handling
   * the event failed and the platform should be allowed to retry. Unknown keys are ignored.
   *
   * @param key the event's dedup key
   */
  void forget(String key);

  /**
   * Returns a bounded in-memory deduplicator: up to 1,000,000 keys, each kept for {@link
   * #DEFAULT_RETENTION}.
   */
  static EventDeduplicator defaults() {
    return InMemoryEventDeduplicator.create(1_000_000, DEFAULT_RETENTION);
  }

  /** Returns a deduplicator that remembers nothing: every event is new. For tests and replays. */
  static EventDeduplicator none() {
    return new EventDeduplicator() {
      @Override
      public boolean firstSeen(String key) {
        InMemoryEventDeduplicator.check(key);
        return true;
      }

      @Override
      public void forget(String key) {}
    };
  }
}
