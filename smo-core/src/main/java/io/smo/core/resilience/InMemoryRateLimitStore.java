package io.smo.core.resilience;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.spi.RateLimitWindow;
import java.time.Duration;
import java.util.function.Function;

/**
 * A {@link RateLimitStore} in this JVM's memory: one {@link RateLimitWindow} per key, changed under
 * the key's monitor, kept in a bounded Caffeine cache (100,000 keys, forgotten after a day idle).
 * {@link #shared()} is the store every client uses unless its {@link RateLimitPolicy} names
 * another, so two clients of the same account in one JVM share one allowance; the state of an
 * account is forgotten when the last open client of it closes ({@link #forget(String)}).
 * Thread-safe.
 */
@SmoPublicApi
public final class InMemoryRateLimitStore implements RateLimitStore {
  private static final InMemoryRateLimitStore SHARED = new InMemoryRateLimitStore();

  private final Cache<String, RateLimitWindow> windows =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofDays(1)).build();

  /** Creates an empty store of its own (not shared with the default one). */
  public InMemoryRateLimitStore() {}

  /** Returns the JVM-wide store clients use by default. */
  public static InMemoryRateLimitStore shared() {
    return SHARED;
  }

  @Override
  public <R> R update(String key, Function<RateLimitWindow, R> change) {
    requireNonNull(key, "key == null");
    RateLimitWindow w = windows.get(key, k -> new RateLimitWindow());
    synchronized (w) {
      return change.apply(w);
    }
  }

  /**
   * Forgets the state of every key that starts with {@code keyPrefix} (e.g. {@code
   * "twitter:api.x.com:user-42:"}).
   */
  public void forget(String keyPrefix) {
    requireNonNull(keyPrefix, "keyPrefix == null");
    windows.asMap().keySet().removeIf(k -> k.startsWith(keyPrefix));
  }

  @Override
  public String toString() {
    return "InMemoryRateLimitStore{" + windows.estimatedSize() + " keys}";
  }
}
