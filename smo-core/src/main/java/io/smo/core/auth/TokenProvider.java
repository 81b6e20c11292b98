package io.smo.core.auth;

import io.smo.core.SmoPublicApi;

/**
 * Supplies the access token for each call. Implementations are thread-safe.
 *
 * <p>{@link #of(String)} wraps a fixed token; {@link RefreshingTokenProvider} caches, refreshes
 * before expiry and after a rejection, one refresh at a time, and persists through a {@link
 * TokenStore}.
 */
@SmoPublicApi
public interface TokenProvider {
  /**
   * Returns a token valid for the next call.
   *
   * @throws io.smo.core.exception.AuthenticationException if no valid token can be had
   */
  AccessToken token();

  /**
   * Called once when the platform rejected {@code rejected} as invalid or expired; returns a fresh
   * token to retry with, or {@code null} when this provider cannot refresh.
   *
   * @throws io.smo.core.exception.AuthenticationException if the refresh itself was refused
   */
  default AccessToken refreshAfterRejection(AccessToken rejected) {
    return null;
  }

  /** Returns a provider of one fixed token that cannot be refreshed. */
  static TokenProvider of(String accessToken) {
    AccessToken token = AccessToken.of(accessToken);
    return new TokenProvider() {
      @Override
      public AccessToken token() {
        return token;
      }

      @Override
      public String toString() {
        return "TokenProvider{fixed " + token.fingerprint() + "}";
      }
    };
  }
}
