package io.smo.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that ticks with real time and that tests move forward by hand. */
final class MutableClock extends Clock {
  private final AtomicReference<Instant> base;
  private volatile long baseNanos = System.nanoTime();

  MutableClock(Instant start) {
    base = new AtomicReference<>(start);
  }

  synchronized void set(Instant instant) {
    base.set(instant);
    baseNanos = System.nanoTime();
  }

  synchronized void advance(Duration d) {
    set(instant().plus(d));
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
    return base.get().plusNanos(System.nanoTime() - baseNanos);
  }
}
