package io.smo.core.event;

import io.smo.core.SmoPublicApi;

/**
 * The platform rejected a token during a call and the SDK asked the token provider for a fresh one.
 * Never carries a token.
 *
 * @param call the call whose attempt was rejected
 * @param refreshed {@code true} when a fresh token came and the call is attempted again; {@code
 *     false} when the provider refused (no refresh token, refresh token revoked)
 */
@SmoPublicApi
public record TokenRefreshEvent(ApiCall call, boolean refreshed) {}
