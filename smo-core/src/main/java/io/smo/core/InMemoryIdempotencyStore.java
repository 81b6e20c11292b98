package io.smo.core;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An {@link IdempotencyStore} in this process's memory: a bounded cache (100,000 entries, 7 days),
 * lost when the process exits. The default of {@link CrossPoster}. Thread-safe.
 */
@SmoPublicApi
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final Cache<String, Entry> entries =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofDays(7)).build();

  /** Creates an empty store. */
  public InMemoryIdempotencyStore() {}

  private static String key(String idempotencyKey, String target) {
    return idempotencyKey + "\n" + target;
  }

  @Override
  public Claim claim(String idempotencyKey, String target, String contentHash, Instant now) {
    requireNonNull(contentHash, "contentHash == null");
    Claim[] out = new Claim[1];
    entries
        .asMap()
        .compute(
            key(idempotencyKey, target),
            (k, earlier) -> {
              if (earlier == null
                  || (earlier.contentHash().equals(contentHash)
                      && (earlier.state() == State.FAILED || earlier.state() == State.SKIPPED))) {
                out[0] = Claim.granted();
                return new Entry(
                    idempotencyKey, target, contentHash, State.IN_FLIGHT, null, null, null, now);
              }
              out[0] =
                  earlier.contentHash().equals(contentHash)
                      ? Claim.done(earlier)
                      : Claim.contentMismatch(earlier);
              return earlier;
            });
    return out[0];
  }

  @Override
  public void complete(Entry entry) {
    entries.put(key(entry.idempotencyKey(), entry.target()), entry);
  }

  @Override
  public List<Entry> entries(String idempotencyKey) {
    return entries.asMap().values().stream()
        .filter(e -> e.idempotencyKey().equals(idempotencyKey))
        .sorted(Comparator.comparing(Entry::target))
        .collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return "InMemoryIdempotencyStore{" + entries.estimatedSize() + " entries}";
  }
}
