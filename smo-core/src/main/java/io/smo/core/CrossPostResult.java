package io.smo.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@link PlatformOutcome} per target platform of a {@link CrossPoster#publish(Post)}. One
 * platform's failure never hides another's success. Immutable.
 */
@SmoPublicApi
public final class CrossPostResult {
  private final String idempotencyKey;
  private final Map<Platform, PlatformOutcome> outcomes;

  /**
   * Creates a result.
   *
   * @param idempotencyKey the post's idempotency key
   * @param outcomes the outcome per platform
   */
  public CrossPostResult(String idempotencyKey, Map<Platform, PlatformOutcome> outcomes) {
    this.idempotencyKey = idempotencyKey;
    this.outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
  }

  /** Returns the post's idempotency key. */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** Returns the outcome per platform, in {@link Platform} order. */
  public Map<Platform, PlatformOutcome> outcomes() {
    return outcomes;
  }

  /** Returns the outcome of one platform, if it was a target. */
  public Optional<PlatformOutcome> outcome(Platform platform) {
    return Optional.ofNullable(outcomes.get(platform));
  }

  /** Returns whether every target published. */
  public boolean allPublished() {
    return outcomes.values().stream().allMatch(o -> o.status() == PlatformOutcome.Status.PUBLISHED);
  }

  /** Returns how many targets ended with {@code status}. */
  public long count(PlatformOutcome.Status status) {
    return outcomes.values().stream().filter(o -> o.status() == status).count();
  }

  @Override
  public String toString() {
    return "CrossPostResult" + outcomes.values();
  }
}
