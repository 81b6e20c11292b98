package io.smo.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a {@link CrossPoster} remembers so that one idempotency key is never published twice to
 * the same target (platform and account). Keys are {@code platform:account|idempotencyKey}. The
 * default, {@link #inMemory()}, lives as long as the CrossPoster; a persistent implementation
 * (for example over JDBC) makes the promise hold across restarts and processes.
 *
 * <p>Implementations are thread-safe.
 */
@SmoPublicApi
public interface IdempotencyMemory {

  /**
   * Publishes under {@code key} at most once: returns the earlier outcome when the key published,
   * ended UNKNOWN or is in flight, or runs {@code publish} when it never ran or its last run was
   * FAILED or SKIPPED (with the same content).
   *
   * @param key {@code platform:account|idempotencyKey}
   * @param contentFingerprint what makes the post the same content, its key aside
   * @param publish starts the publish; called at most once per call of this method
   * @return the outcome, or empty when {@code key} was already used for different content
   */
  Optional<CompletableFuture<PlatformOutcome>> publishOnce(String key, int contentFingerprint,
      Supplier<CompletableFuture<PlatformOutcome>> publish);

  /** Returns a memory held in this process: 100,000 keys for 7 days. */
  static IdempotencyMemory inMemory() {
    return new IdempotencyMemory() {
      private final Cache<String, CompletableFuture<PlatformOutcome>> outcomes = Caffeine.newBuilder()
          .maximumSize(100_000).expireAfterWrite(Duration.ofDays(7)).build();
      private final Cache<String, Integer> contents = Caffeine.newBuilder()
          .maximumSize(100_000).expireAfterWrite(Duration.ofDays(7)).build();

      @Override
      public Optional<CompletableFuture<PlatformOutcome>> publishOnce(String key, int fingerprint,
          Supplier<CompletableFuture<PlatformOutcome>> publish) {
        Integer earlierContent = contents.asMap().putIfAbsent(key, fingerprint);
        if (earlierContent != null && earlierContent != fingerprint) {
          return Optional.empty();
        }
        return Optional.of(outcomes.asMap().compute(key, (k, earlier) -> {
          if (earlier != null && !(earlier.isDone() && retriable(earlier.join()))) {
            return earlier; // published, unknown or still running: never publish twice
          }
          return publish.get();
        }));
      }

      private boolean retriable(PlatformOutcome o) {
        return o.status() == PlatformOutcome.Status.FAILED || o.status() == PlatformOutcome.Status.SKIPPED;
      }
    };
  }
}
