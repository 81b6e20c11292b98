package io.smo.core.fake;

import io.smo.core.resilience.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when its {@link #sleeper()} "sleeps": no real waiting, every requested
 * wait recorded. Thread-safe.
 */
public final class FakeTime extends Clock {
  /** A fixed start on a whole second (HTTP dates have second resolution). */
  public static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

  private final AtomicReference<Instant> now;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public FakeTime() {
    this(START);
  }

  public FakeTime(Instant start) {
    now = new AtomicReference<>(start);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the clock forward. */
  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  /** Returns a sleeper that records the wait and advances this clock instead of sleeping. */
  public Sleeper sleeper() {
    return d -> {
      sleeps.add(d);
      advance(d);
    };
  }

  /** Returns every wait asked for, in order. */
  public List<Duration> sleeps() {
    return sleeps;
  }
}
