package io.smo.core.resilience;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The rate-limit state a platform reported on one response: scope, limit, remaining calls, reset
 * instant and usage percent (Meta reports percentages, X reports counts). Immutable.
 *
 * <p>Each platform module parses its own headers (X {@code x-rate-limit-*}, Meta {@code
 * X-App-Usage} / {@code X-Business-Use-Case-Usage}, Pinterest {@code x-ratelimit-*}) into it.
 * Clients expose the last one ({@code lastRateLimit()}); every {@code RateLimitException} and
 * {@code PlatformException} carries the one of its response.
 */
@SmoPublicApi
public final class RateLimitSnapshot {
  /** What a limit counts. */
  public enum Scope {
    /** The whole app (Meta X-App-Usage, X per-app caps). */
    APP,
    /** One user token. */
    USER,
    /** One Page or business object (Meta BUC). */
    PAGE,
    /** One endpoint or endpoint family (X per-endpoint windows, Pinterest categories). */
    ENDPOINT
  }

  private final Platform platform;
  private final Scope scope;
  private final String bucket;
  private final Long limit;
  private final Long remaining;
  private final Instant resetAt;
  private final Double usagePercent;
  private final Instant observedAt;

  private RateLimitSnapshot(Builder b) {
    platform = requireNonNull(b.platform, "platform == null");
    scope = b.scope;
    bucket = b.bucket;
    limit = b.limit;
    remaining = b.remaining;
    resetAt = b.resetAt;
    usagePercent = b.usagePercent;
    observedAt = requireNonNull(b.observedAt, "observedAt == null");
  }

  /** Returns a builder for a snapshot of {@code platform} observed at {@code observedAt}. */
  public static Builder builder(Platform platform, Instant observedAt) {
    Builder b = new Builder();
    b.platform = platform;
    b.observedAt = observedAt;
    return b;
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns what the limit counts. */
  public Scope scope() {
    return scope;
  }

  /**
   * Returns the endpoint family or header name the figures came from, e.g. {@code "tweets.create"}
   * (a bucket id of the platform's {@code RateBucket}).
   */
  public String bucket() {
    return bucket;
  }

  /** Returns the number of calls allowed in the window, if reported. */
  public OptionalLong limit() {
    return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
  }

  /** Returns the calls left in the window, if reported. */
  public OptionalLong remaining() {
    return remaining == null ? OptionalLong.empty() : OptionalLong.of(remaining);
  }

  /** Returns when the window resets (UTC), if reported. */
  public Optional<Instant> resetAt() {
    return Optional.ofNullable(resetAt);
  }

  /**
   * Returns the usage in percent (0-100+, the highest of Meta's call/CPU/time figures), if
   * reported.
   */
  public OptionalDouble usagePercent() {
    return usagePercent == null ? OptionalDouble.empty() : OptionalDouble.of(usagePercent);
  }

  /** Returns when the response carrying these figures arrived (UTC). */
  public Instant observedAt() {
    return observedAt;
  }

  /** Returns whether the window is used up: remaining is 0, or usage is at least 100 percent. */
  public boolean exhausted() {
    return (remaining != null && remaining <= 0) || (usagePercent != null && usagePercent >= 100);
  }

  /** Returns the wait until reset measured from {@code now}, zero if past or unknown. */
  public Duration untilReset(Instant now) {
    if (resetAt == null || !resetAt.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, resetAt);
  }

  @Override
  public String toString() {
    return "RateLimit{"
        + platform.id()
        + " "
        + scope
        + (bucket != null ? " " + bucket : "")
        + (limit != null ? " limit=" + limit : "")
        + (remaining != null ? " remaining=" + remaining : "")
        + (usagePercent != null ? " usage=" + usagePercent + "%" : "")
        + (resetAt != null ? " reset=" + resetAt : "")
        + "}";
  }

  /** Builds {@link RateLimitSnapshot}. Mutable, not thread-safe. */
  public static final class Builder {
    private Platform platform;
    private Scope scope = Scope.APP;
    private String bucket;
    private Long limit;
    private Long remaining;
    private Instant resetAt;
    private Double usagePercent;
    private Instant observedAt;

    private Builder() {}

    /** Sets the scope. Default APP. */
    public Builder scope(Scope scope) {
      this.scope = requireNonNull(scope, "scope == null");
      return this;
    }

    /** Sets the bucket name. */
    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    /** Sets the window's limit (calls). */
    public Builder limit(Long limit) {
      this.limit = limit;
      return this;
    }

    /** Sets the calls remaining. */
    public Builder remaining(Long remaining) {
      this.remaining = remaining;
      return this;
    }

    /** Sets the reset instant (UTC). */
    public Builder resetAt(Instant resetAt) {
      this.resetAt = resetAt;
      return this;
    }

    /** Sets the usage percent. */
    public Builder usagePercent(Double usagePercent) {
      this.usagePercent = usagePercent;
      return this;
    }

    /** Returns an immutable snapshot. */
    public RateLimitSnapshot build() {
      return new RateLimitSnapshot(this);
    }
  }
}
