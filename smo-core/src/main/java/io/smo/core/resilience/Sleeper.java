package io.smo.core.resilience;

import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * Waits for a duration: back-off waits, {@code Retry-After} waits and processing polls go through
 * it, so tests can inject one that does not really sleep.
 */
@SmoPublicApi
@FunctionalInterface
public interface Sleeper {
  /** The real sleeper: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM =
      d -> {
        if (!d.isNegative() && !d.isZero()) {
          Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
        }
      };

  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
