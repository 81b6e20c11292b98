package io.smo.webhooks;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.event.EventDeduplicator;
import java.time.Clock;

/**
 * Settings every webhook handler shares: the de-duplicator, the body cap and the clock. Mutable and
 * not thread-safe.
 *
 * @param <B> the concrete builder
 * @param <H> the handler it builds
 * @since 0.2
 */
@SmoPublicApi
public abstract class WebhookHandlerBuilder<
    B extends WebhookHandlerBuilder<B, H>, H extends WebhookHandler> {
  /** The default body cap: 1 MiB (Meta batches up to 1,000 updates in one delivery). */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  EventDeduplicator deduplicator = EventDeduplicator.defaults();
  int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  Clock clock = Clock.systemUTC();

  WebhookHandlerBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Sets where seen events are remembered. Default: a bounded in-memory one per handler ({@link
   * EventDeduplicator#defaults()}); share one (or a {@code JdbcEventDeduplicator}) between handlers
   * and instances.
   */
  public B deduplicator(EventDeduplicator deduplicator) {
    this.deduplicator = requireNonNull(deduplicator, "deduplicator == null");
    return self();
  }

  /**
   * Sets the largest body accepted, in bytes; larger bodies are answered 413. Default {@link
   * #DEFAULT_MAX_BODY_BYTES}.
   *
   * @throws IllegalArgumentException if below 1
   */
  public B maxBodyBytes(int maxBodyBytes) {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes < 1: " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
    return self();
  }

  /** Sets the clock used for timestamp tolerance checks. Default system UTC. */
  public B clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock == null");
    return self();
  }

  /**
   * Returns the handler.
   *
   * @throws IllegalStateException if a required secret or token is missing
   */
  public abstract H build();

  static String required(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(
          name + " is required: webhook verification cannot be turned off");
    }
    return value;
  }
}
