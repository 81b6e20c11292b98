package io.smo.snapchat;

import static java.util.Objects.requireNonNull;

import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.AuthorizationRequest;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.auth.TokenStore;
import io.smo.core.auth.spi.PlatformOAuth;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Snapchat OAuth 2.0 (authorization code + refresh token). Every token call goes through core's
 * {@link OAuth2Flow}. Immutable and thread-safe.
 *
 * <p>Source: https://developers.snap.com/api/marketing-api/Ads-API/authentication. Authorize at
 * {@code https://accounts.snapchat.com/login/oauth2/authorize}; exchange and refresh at {@code
 * https://accounts.snapchat.com/login/oauth2/access_token} with {@code client_id} and {@code
 * client_secret} in the form body. Access tokens live about 3600 s (older client mocks show 1800);
 * the refresh-token lifetime is UNCONFIRMED. Apps are created in Snap Business Manager; the
 * redirect URI cannot be edited later. PKCE is not documented by Snap and is off.
 *
 * <pre>{@code
 * OAuth2Config config = SnapchatOAuth.config(clientId, secret, redirect)
 *     .scopes(Set.of(SnapchatOAuth.SCOPE_MARKETING, SnapchatOAuth.SCOPE_PROFILE)).build();
 * SnapchatOAuth oauth = SnapchatOAuth.create(config, httpSettings);
 * AuthorizationRequest request = oauth.authorizationRequest();   // send the user to request.url()
 * AccessToken token = oauth.exchange(code, request.codeVerifier()); // then keep it in a TokenStore
 * }</pre>
 */
@SmoPublicApi
public final class SnapchatOAuth extends PlatformOAuth {
  /** The production accounts host. */
  public static final URI ACCOUNTS = URI.create("https://accounts.snapchat.com/");

  /** Scope of the Marketing API. */
  public static final String SCOPE_MARKETING = "snapchat-marketing-api";

  /** Scope of the Public Profile API (name from a third party; UNCONFIRMED). */
  public static final String SCOPE_PROFILE = "snapchat-profile-api";

  private SnapchatOAuth(OAuth2Flow flow) {
    super(Platform.SNAPCHAT, flow);
  }

  /**
   * Returns a config builder pre-set for Snapchat's production accounts host: endpoints, client
   * credentials in the form body, PKCE off, scope {@link #SCOPE_MARKETING}. Change what differs
   * (e.g. add {@link #SCOPE_PROFILE}) and {@code build()}.
   *
   * @param clientId the OAuth client id
   * @param clientSecret the client secret (never logged)
   * @param redirectUri the registered redirect URI, or {@code null} when only refreshing
   */
  public static OAuth2Config.Builder config(String clientId, String clientSecret, URI redirectUri) {
    return config(ACCOUNTS, clientId, clientSecret, redirectUri);
  }

  /**
   * Returns a config builder for another accounts host (the sandbox: its Snapchat base URL, which
   * serves {@code login/oauth2/...}), otherwise as {@link #config(String, String, URI)}.
   *
   * @param accountsBaseUrl the accounts host root
   */
  public static OAuth2Config.Builder config(
      URI accountsBaseUrl, String clientId, String clientSecret, URI redirectUri) {
    String base = requireNonNull(accountsBaseUrl, "accountsBaseUrl == null").toString();
    if (!base.endsWith("/")) {
      base += "/";
    }
    OAuth2Config.Builder b =
        OAuth2Config.builder()
            .authorizationEndpoint(URI.create(base + "login/oauth2/authorize"))
            .tokenEndpoint(URI.create(base + "login/oauth2/access_token"))
            .clientId(requireNonNull(clientId, "clientId == null"))
            .clientSecret(requireNonNull(clientSecret, "clientSecret == null"))
            .scopes(Set.of(SCOPE_MARKETING))
            .pkce(false)
            .clientAuthentication(OAuth2Config.ClientAuthentication.POST_BODY);
    return redirectUri == null ? b : b.redirectUri(redirectUri);
  }

  /** Returns Snapchat OAuth for {@code config}, with its own HTTP client and the system clock. */
  public static SnapchatOAuth create(OAuth2Config config) {
    return create(config, HttpSettings.defaults());
  }

  /**
   * Returns Snapchat OAuth for {@code config} whose token requests go through {@code httpSettings},
   * on the system clock. Pass the client builder's settings so refreshes take the same route.
   */
  public static SnapchatOAuth create(OAuth2Config config, HttpSettings httpSettings) {
    return new SnapchatOAuth(newFlow(Platform.SNAPCHAT, config, httpSettings));
  }

  /**
   * Exchanges the code from the redirect for tokens.
   *
   * @param code the {@code code} query parameter of the redirect
   * @param codeVerifier the {@link AuthorizationRequest#codeVerifier()} (empty: Snap uses no PKCE)
   * @throws io.smo.core.exception.AuthenticationException if Snap refused the code
   * @throws io.smo.core.exception.TransportException if the token endpoint could not be reached
   */
  public AccessToken exchange(String code, Optional<String> codeVerifier) {
    return exchange(code, requireNonNull(codeVerifier, "codeVerifier == null").orElse(null));
  }

  /**
   * Returns a token provider that loads tokens from {@code store} under {@code accountId},
   * refreshes them through this OAuth before expiry and once after a 401, and saves rotated ones.
   *
   * @param accountId the store key (the client's account id)
   * @param store where tokens are loaded from and saved to
   * @param clock the clock expiry is judged by
   */
  public RefreshingTokenProvider tokenProvider(String accountId, TokenStore store, Clock clock) {
    return RefreshingTokenProvider.builder(accountId, store, this)
        .clock(clock)
        .platform(Platform.SNAPCHAT)
        .build();
  }
}
