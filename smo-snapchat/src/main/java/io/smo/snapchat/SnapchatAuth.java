package io.smo.snapchat;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Snapchat OAuth 2.0 (authorization code + refresh token) through core's {@link OAuth2Flow}.
 *
 * <p>Source: https://developers.snap.com/api/marketing-api/Ads-API/authentication.
 * Authorize at {@code https://accounts.snapchat.com/login/oauth2/authorize}; exchange and refresh
 * at {@code https://accounts.snapchat.com/login/oauth2/access_token} with {@code client_id} and
 * {@code client_secret} in the form body. Access tokens live about 3600 s (older client mocks
 * show 1800); the refresh-token lifetime is UNCONFIRMED. Apps are created in Snap Business
 * Manager; the redirect URI cannot be edited later. PKCE is not documented by Snap and is off.
 *
 * <pre>{@code
 * OAuth2Flow flow = SnapchatAuth.flow(SnapchatAuth.config(clientId, secret, redirect,
 *     Set.of(SnapchatAuth.SCOPE_MARKETING, SnapchatAuth.SCOPE_PROFILE)), httpSettings.newOkHttpClient(), Clock.systemUTC());
 * URI consent = flow.authorizationRequest().url();   // send the user here
 * AccessToken token = flow.exchangeCode(code, null); // then store it in a TokenStore
 * }</pre>
 */
@SmoPublicApi
public final class SnapchatAuth {
  /** The production accounts host. */
  public static final URI ACCOUNTS = URI.create("https://accounts.snapchat.com/");
  /** Scope of the Marketing API. */
  public static final String SCOPE_MARKETING = "snapchat-marketing-api";
  /** Scope of the Public Profile API (name from a third party; UNCONFIRMED). */
  public static final String SCOPE_PROFILE = "snapchat-profile-api";

  private SnapchatAuth() {}

  /**
   * Returns the production OAuth configuration.
   *
   * @param clientId the OAuth client id
   * @param clientSecret the client secret (never logged)
   * @param redirectUri the registered redirect URI
   * @param scopes the scopes, e.g. {@link #SCOPE_MARKETING}
   */
  public static OAuth2Config config(String clientId, String clientSecret, URI redirectUri,
      Set<String> scopes) {
    return config(ACCOUNTS, clientId, clientSecret, redirectUri, scopes);
  }

  /**
   * Returns the OAuth configuration for another accounts host (the sandbox: its Snapchat base
   * URL, which serves {@code login/oauth2/...}).
   *
   * @param accountsBaseUrl the accounts host root, ending with {@code /}
   */
  public static OAuth2Config config(URI accountsBaseUrl, String clientId, String clientSecret,
      URI redirectUri, Set<String> scopes) {
    String base = requireNonNull(accountsBaseUrl, "accountsBaseUrl == null").toString();
    if (!base.endsWith("/")) {
      base += "/";
    }
    return OAuth2Config.builder()
        .authorizationEndpoint(URI.create(base + "login/oauth2/authorize"))
        .tokenEndpoint(URI.create(base + "login/oauth2/access_token"))
        .clientId(clientId).clientSecret(clientSecret).redirectUri(redirectUri).scopes(scopes)
        .pkce(false).clientAuthentication(OAuth2Config.ClientAuthentication.POST_BODY).build();
  }

  /** Returns the flow (authorization URL, code exchange, refresh) for {@code config}. */
  public static OAuth2Flow flow(OAuth2Config config, OkHttpClient http, Clock clock) {
    return new OAuth2Flow(Platform.SNAPCHAT, config, http, clock);
  }
}
