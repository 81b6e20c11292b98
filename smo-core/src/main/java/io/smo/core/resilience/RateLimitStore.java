package io.smo.core.resilience;

import io.smo.core.resilience.spi.RateLimitWindow;

import io.smo.core.SmoPublicApi;
import java.util.function.Function;

/**
 * Where rate-limit state lives, so that every client of one account shares one allowance: {@link
 * InMemoryRateLimitStore#shared()} (the default) shares it between the clients of one JVM; the
 * JDBC store of {@code smo-jdbc} shares it between instances through one database.
 *
 * <p>Keys are {@code platform:host:account:bucket}, e.g. {@code twitter:api.x.com:user-42:tweets.read}.
 * Implementations are thread-safe and apply each change atomically: no two changes of one key
 * interleave, in this JVM or (for shared stores) in any other.
 */
@SmoPublicApi
public interface RateLimitStore {
  /**
   * Applies {@code change} to the state of {@code key} atomically and saves the result.
   *
   * @param key the key
   * @param change reads and updates the state (a fresh {@link RateLimitWindow} for a new key); it
   *     must be quick and must not call the store again
   * @return what {@code change} returned
   * @throws RuntimeException what {@code change} threw (the state is then left unchanged where the
   *     store can roll back), or an unchecked exception of the store's (e.g. a database failure)
   */
  <R> R update(String key, Function<RateLimitWindow, R> change);
}
