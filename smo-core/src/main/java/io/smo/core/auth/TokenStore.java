package io.smo.core.auth;

import io.smo.core.SmoPublicApi;
import java.util.Optional;

/**
 * Persists tokens per account so that refreshed (and rotated) tokens survive restarts. The access
 * token and its refresh token are saved together in one call, so a rotation is stored atomically.
 * Implementations are thread-safe; {@link InMemoryTokenStore} is the default.
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
   * Saves the token of {@code accountKey}, replacing the earlier one. The SDK never calls this
   * with a token lacking a refresh token when the stored one had one: it carries the old refresh
   * token over first.
   */
  void save(String accountKey, AccessToken token);
}
