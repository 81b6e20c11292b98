package io.smo.core.fake;

import io.smo.core.resilience.RateBucket;
import java.net.URI;
import java.time.Duration;

/** The fake platform's rate buckets, as a platform module publishes its own. */
public enum FakeBucket implements RateBucket {
  /** The reads of {@link FakeClient} ({@code "reads"}). */
  READS("reads"),
  /** A bucket no fake call uses. */
  CAP("cap"),
  /** A one-letter bucket for store tests. */
  B("b");

  private final String id;

  FakeBucket(String id) {
    this.id = id;
  }

  @Override
  public Spec spec() {
    return new Spec(id, limit(), period(), documentation());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int limit() {
    return 1_000;
  }

  @Override
  public Duration period() {
    return Duration.ofHours(1);
  }

  @Override
  public URI documentation() {
    return URI.create("https://example.invalid/rate-limits");
  }
}
