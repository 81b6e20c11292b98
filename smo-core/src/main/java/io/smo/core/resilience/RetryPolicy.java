package io.smo.core.resilience;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.core.IntervalFunction;
import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How failed calls are retried: bounded attempts, exponential back-off with jitter and a cap
 * (Resilience4j's {@code IntervalFunction.ofExponentialRandomBackoff}), server-advised waits
 * ({@code Retry-After}, rate-limit reset headers) honoured up to {@link #maxRetryAfter()}, and a
 * whole-call time budget.
 *
 * <p>What is retried is decided by the SDK, not by this policy: reads and idempotent writes are
 * retried on transport errors, 429 and 5xx; creates (publish, comment, reply, upload init) only
 * when the request surely did not take effect (no connection, a 429, a platform error documented as
 * "not processed"). Immutable and thread-safe.
 *
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.defaults().toBuilder().maxAttempts(5).build();
 * }</pre>
 */
@SmoPublicApi
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final Duration callBudget;
  private final IntervalFunction interval;

  private RetryPolicy(Builder b) {
    maxAttempts = b.maxAttempts;
    initialBackoff = b.initialBackoff;
    maxBackoff = b.maxBackoff;
    multiplier = b.multiplier;
    jitter = b.jitter;
    maxRetryAfter = b.maxRetryAfter;
    callBudget = b.callBudget;
    interval =
        jitter > 0
            ? IntervalFunction.ofExponentialRandomBackoff(
                initialBackoff, multiplier, jitter, maxBackoff)
            : IntervalFunction.ofExponentialBackoff(initialBackoff, multiplier, maxBackoff);
  }

  /**
   * Returns the default policy: 3 attempts, 500 ms doubling to 30 s with 50% jitter, Retry-After up
   * to 60 s, 5 min budget.
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a policy that never retries. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** Returns a builder holding the default values. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.multiplier = multiplier;
    b.jitter = jitter;
    b.maxRetryAfter = maxRetryAfter;
    b.callBudget = callBudget;
    return b;
  }

  /** Returns the most attempts per call, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the first back-off wait. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Returns the longest back-off wait. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Returns the longest server-advised wait honoured; a longer one fails the call at once. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** Returns the whole-call time budget, every attempt and wait included. */
  public Duration callBudget() {
    return callBudget;
  }

  /**
   * Returns the back-off before attempt {@code attempt + 1}.
   *
   * @param attempt the attempt that just failed, from 1
   */
  public Duration backoff(int attempt) {
    return Duration.ofMillis(interval.apply(Math.max(1, attempt)));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", backoff="
        + initialBackoff
        + "x"
        + multiplier
        + "..."
        + maxBackoff
        + ", jitter="
        + jitter
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", budget="
        + callBudget
        + "}";
  }

  /** Builds {@link RetryPolicy}. Mutable, not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double multiplier = 2.0;
    private double jitter = 0.5;
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration callBudget = Duration.ofMinutes(5);

    private Builder() {}

    /**
     * Sets the most attempts per call, the first included. Default 3; 1 disables retries.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the back-off: first wait, multiplier and cap. Default 500 ms, 2.0, 30 s.
     *
     * @throws IllegalArgumentException if a duration is not positive, cap below first, or
     *     multiplier below 1
     */
    public Builder backoff(Duration initial, double multiplier, Duration max) {
      requireNonNull(initial, "initial == null");
      requireNonNull(max, "max == null");
      if (initial.isZero()
          || initial.isNegative()
          || max.compareTo(initial) < 0
          || multiplier < 1) {
        throw new IllegalArgumentException(
            "bad backoff: " + initial + " x" + multiplier + " .. " + max);
      }
      this.initialBackoff = initial;
      this.multiplier = multiplier;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets the jitter (randomization factor) in [0, 1). Default 0.5.
     *
     * @throws IllegalArgumentException if outside [0, 1)
     */
    public Builder jitter(double jitter) {
      if (jitter < 0 || jitter >= 1) {
        throw new IllegalArgumentException("jitter not in [0,1): " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** Sets the longest server-advised wait honoured. Default 60 s. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = requireNonNull(maxRetryAfter, "maxRetryAfter == null");
      return this;
    }

    /**
     * Sets the whole-call time budget. Default 5 minutes.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder callBudget(Duration callBudget) {
      requireNonNull(callBudget, "callBudget == null");
      if (callBudget.isZero() || callBudget.isNegative()) {
        throw new IllegalArgumentException("callBudget <= 0: " + callBudget);
      }
      this.callBudget = callBudget;
      return this;
    }

    /** Applies {@code edit} to this builder (for lambda configuration). */
    public Builder apply(Consumer<Builder> edit) {
      edit.accept(this);
      return this;
    }

    /** Returns an immutable snapshot. */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
