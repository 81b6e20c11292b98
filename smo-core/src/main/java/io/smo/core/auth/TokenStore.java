package io.smo.core.auth;

import io.smo.core.SmoPublicApi;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Persists tokens per account so that refreshed (and rotated) tokens survive restarts. The access
 * token and its refresh token are saved together in one call, so a rotation is stored atomically.
 * Implementations are thread-safe; {@link InMemoryTokenStore} is the default; the JDBC store of
 * {@code smo-jdbc} shares tokens between instances, encrypted at rest.
 *
 * <p>{@link #refresh} is how {@link RefreshingTokenProvider} refreshes: the store runs the refresh
 * under the account's lock, so that exactly one caller refreshes (one thread in the JVM for the
 * default implementation; one instance of many for a shared store) and the others read the rotated
 * token, which matters for platforms whose refresh tokens are single-use (X, TikTok, Pinterest).
 */
@SmoPublicApi
public interface TokenStore {
  /**
   * Loads the token of {@code accountKey}.
   *
   * @return the stored token, or empty when none
   */
  Optional<AccessToken> load(String accountKey);

  /**
   * Saves the token of {@code accountKey}, replacing the earlier one. The SDK never calls this with
   * a token lacking a refresh token when the stored one had one: it carries the old refresh token
   * over first.
   */
  void save(String accountKey, AccessToken token);

  /**
   * Replaces the token of {@code accountKey} with what {@code change} makes of it, under the
   * account's lock: no other {@code refresh} of the same account runs meanwhile (in this JVM for
   * this default implementation, which locks the store object; across instances for a shared
   * store). {@code change} receives the stored token as it is once the lock is held (another caller
   * may just have rotated it) and returns the token to keep: the same instance keeps the stored one
   * unchanged, another is saved. A stored refresh token is never replaced by an empty one.
   *
   * <p>A shared store may remember that {@code change} threw an {@link
   * io.smo.core.exception.AuthenticationException} (a refused refresh) for the stored refresh
   * token, and then throw it again to later callers without running {@code change}, so that
   * instances do not hammer the token endpoint with a refresh token known to be refused.
   *
   * @param accountKey the account
   * @param change turns the stored token ({@code null} when none) into the token to keep; may call
   *     the platform's token endpoint
   * @return the token kept
   * @throws io.smo.core.exception.AuthenticationException what {@code change} threw, or a
   *     remembered refusal
   */
  @SuppressWarnings(
      "ReferenceEquality") // identity on purpose: the same instance back means "no change"
  default AccessToken refresh(String accountKey, UnaryOperator<AccessToken> change) {
    synchronized (this) {
      AccessToken current = load(accountKey).orElse(null);
      AccessToken next = change.apply(current);
      if (next != null && next != current) {
        if (current != null
            && next.refreshToken().isEmpty()
            && current.refreshToken().isPresent()) {
          next =
              next.toBuilder()
                  .refreshToken(current.refreshToken().get())
                  .refreshTokenExpiresAt(current.refreshTokenExpiresAt().orElse(null))
                  .build();
        }
        save(accountKey, next);
      }
      return next;
    }
  }
}
