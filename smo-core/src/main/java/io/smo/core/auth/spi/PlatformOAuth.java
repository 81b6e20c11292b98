package io.smo.core.auth.spi;

import static java.util.Objects.requireNonNull;

import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.AuthorizationRequest;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.auth.TokenRefresher;
import io.smo.core.auth.TokenStore;
import java.time.Clock;

/**
 * The base of every platform's {@code <P>OAuth} class (docs/PLATFORM-MODULE.md, "OAuth: one form"):
 * it holds the platform's {@link OAuth2Flow} and delegates the token calls every platform shares to
 * it once, so that no platform module repeats them. A subclass adds its {@code config(...)}
 * presets, its static {@code create(...)} factories and its platform extras (long-lived tokens,
 * Page tokens), and overrides {@link #exchange(String, String)} or {@link #refresh(AccessToken)}
 * where its platform departs from plain OAuth 2.0.
 *
 * <p>Immutable and thread-safe when the subclass is.
 */
@SmoProtectedApi
public abstract class PlatformOAuth implements TokenRefresher {
  private final Platform platform;
  private final OAuth2Flow flow;
  private final Clock clock;

  /**
   * Creates the base over {@code flow}, judging token expiry in {@link #tokenProvider} by the
   * system UTC clock.
   *
   * @param platform the platform the tokens belong to (named in errors and metrics)
   * @param flow the flow every token call goes through
   * @throws NullPointerException if an argument is null
   */
  protected PlatformOAuth(Platform platform, OAuth2Flow flow) {
    this(platform, flow, Clock.systemUTC());
  }

  /**
   * Creates the base over {@code flow}, judging token expiry in {@link #tokenProvider} by {@code
   * clock}.
   *
   * @param platform the platform the tokens belong to (named in errors and metrics)
   * @param flow the flow every token call goes through
   * @param clock the clock the token providers built here judge expiry by
   * @throws NullPointerException if an argument is null
   */
  protected PlatformOAuth(Platform platform, OAuth2Flow flow, Clock clock) {
    this.platform = requireNonNull(platform, "platform == null");
    this.flow = requireNonNull(flow, "flow == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /**
   * Returns a flow for {@code platform} whose token requests go through {@code httpSettings}
   * (timeouts, proxy and proxy credentials, see {@link HttpSettings#newOkHttpClient()}), on the
   * system UTC clock: what a subclass's {@code create(config, httpSettings)} passes to its
   * constructor.
   *
   * @param platform the platform named in errors
   * @param config the client registration
   * @param httpSettings the HTTP settings for token calls
   * @return the flow
   * @throws NullPointerException if {@code config} ({@code "config == null"}) or {@code
   *     httpSettings} ({@code "httpSettings == null"}) is null
   */
  protected static OAuth2Flow newFlow(
      Platform platform, OAuth2Config config, HttpSettings httpSettings) {
    requireNonNull(config, "config == null");
    return OAuth2Flow.create(
        platform, config, requireNonNull(httpSettings, "httpSettings == null"));
  }

  /**
   * Returns the flow every token call goes through.
   *
   * @return the flow
   */
  protected final OAuth2Flow flow() {
    return flow;
  }

  /**
   * Returns the platform the tokens belong to.
   *
   * @return the platform
   */
  protected final Platform platform() {
    return platform;
  }

  /**
   * Returns the configuration: endpoints, client id, scopes (the secret is hidden in its {@code
   * toString()}).
   *
   * @return the configuration
   */
  public OAuth2Config config() {
    return flow.config();
  }

  /**
   * Returns a new authorization request: the URL to send the user to, a fresh random {@code state}
   * to check on the redirect, and the PKCE verifier to keep for {@link #exchange(String, String)}
   * when the configuration uses PKCE.
   *
   * @return the request
   */
  public AuthorizationRequest authorizationRequest() {
    return flow.authorizationRequest();
  }

  /**
   * Exchanges the code the redirect brought for tokens ({@code grant_type=authorization_code} on
   * the configuration's token endpoint).
   *
   * @param code the {@code code} query parameter of the redirect
   * @param codeVerifier the PKCE verifier of the {@link #authorizationRequest()} that started the
   *     login, or {@code null} without PKCE
   * @return the token (with its refresh token and expiry when the platform sent them)
   * @throws NullPointerException if {@code code} is null
   * @throws io.smo.core.exception.AuthenticationException if the platform refused the code
   * @throws io.smo.core.exception.TransportException if the token endpoint could not be reached or
   *     answered garbage
   */
  public AccessToken exchange(String code, String codeVerifier) {
    return flow.exchangeCode(code, codeVerifier);
  }

  /**
   * Runs the refresh grant ({@code grant_type=refresh_token}) with the refresh token of {@code
   * current}. Platforms that rotate refresh tokens return the new one, which must be persisted
   * ({@link #tokenProvider} does).
   *
   * @param current the token to replace (with its refresh token)
   * @return the fresh token
   * @throws io.smo.core.exception.AuthenticationException if there is no refresh token or the
   *     platform refused it
   * @throws io.smo.core.exception.TransportException if the token endpoint could not be reached or
   *     answered garbage
   */
  @Override
  public AccessToken refresh(AccessToken current) {
    return flow.refresh(current);
  }

  /**
   * Returns a token provider for one stored token: it loads the token from {@code store} under
   * {@code accountId}, refreshes it through {@link #refresh(AccessToken)} before expiry and once
   * after a 401, and saves every new token (with a rotated refresh token) back to {@code store}.
   *
   * @param accountId the key the token is stored under (the client's account id); {@code store}
   *     must hold a token for it
   * @param store where tokens are loaded from and saved to
   * @return the provider
   * @throws NullPointerException if an argument is null
   */
  public RefreshingTokenProvider tokenProvider(String accountId, TokenStore store) {
    return RefreshingTokenProvider.builder(accountId, store, this)
        .clock(clock)
        .platform(platform)
        .build();
  }

  /**
   * Names the class and the flow (which never shows the client secret).
   *
   * @return {@code <SimpleClassName>{<flow>}}
   */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + flow + "}";
  }
}
