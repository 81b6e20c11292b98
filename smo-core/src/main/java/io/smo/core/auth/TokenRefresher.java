package io.smo.core.auth;

import io.smo.core.SmoPublicApi;

/**
 * Turns a token about to expire (or rejected) into a new one: an OAuth 2.0 refresh-token grant
 * ({@link OAuth2Flow}), a Meta long-lived token exchange, or anything a platform needs.
 */
@SmoPublicApi
@FunctionalInterface
public interface TokenRefresher {
  /**
   * Returns a fresh token. The result may omit the refresh token when the server did not rotate it;
   * the caller keeps the old one then.
   *
   * @param current the token to replace (with its refresh token)
   * @throws io.smo.core.exception.AuthenticationException if the grant was refused (revoked,
   *     expired refresh token)
   */
  AccessToken refresh(AccessToken current);
}
