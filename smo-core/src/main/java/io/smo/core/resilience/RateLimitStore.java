package io.smo.core.resilience;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.spi.RateLimitWindow;
import java.util.function.Function;

/**
 * Where rate-limit state lives, so that every client of one account shares one allowance: {@link
 * InMemoryRateLimitStore#shared()} (the default) shares it between the clients of one JVM; the JDBC
 * store of {@code smo-jdbc} shares it between instances through one database.
 *
 * <p>Keys are {@code platform:host:account:bucket}, e.g. {@code
 * twitter:api.x.com:user-42:tweets.read}. Implementations are thread-safe and apply each change
 * atomically: no two changes of one key interleave, in this JVM or (for shared stores) in any
 * other.
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

  /**
   * Applies {@code change} to the state of {@code key} like {@link #update}, without making the
   * caller wait for it to be stored: used for what a call reports after its answer (its permit
   * returned, the server's figures, a wait asked for), which no caller needs the result of. The
   * change is applied atomically, before any change of {@code key} this store object receives
   * later, and soon (a shared store applies it with the next transaction of the key, or on its own
   * when the key is idle). The default applies it at once through {@link #update}.
   *
   * @param key the key
   * @param change updates the state; it must be quick and must not call the store again
   * @throws RuntimeException only from the default implementation, as {@link #update} throws; a
   *     store that defers the change logs a failure instead (the permit then stays counted as in
   *     flight until the window passes: never an overshoot)
   */
  default void updateLater(String key, java.util.function.Consumer<RateLimitWindow> change) {
    update(
        key,
        w -> {
          change.accept(w);
          return null;
        });
  }
}
