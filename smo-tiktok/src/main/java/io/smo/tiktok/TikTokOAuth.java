package io.smo.tiktok;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.auth.TokenStore;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * TikTok Login Kit (OAuth 2.0, v2) through core's {@link OAuth2Flow}: the authorization URL on
 * {@code https://www.tiktok.com/v2/auth/authorize/} with {@code client_key} and comma-separated
 * scopes, PKCE (required by TikTok for mobile and desktop apps; harmless for web), the code
 * exchange and the refresh grant on {@code POST https://open.tiktokapis.com/v2/oauth/token/} with
 * {@code client_key} and {@code client_secret} in the form.
 *
 * <p>TikTok rotates refresh tokens: each refresh returns a new one and the previous one stops
 * working, so the token returned by a refresh must be persisted. {@link #tokenProvider} builds a
 * {@link RefreshingTokenProvider} that saves every new pair to the {@link TokenStore}. Access
 * tokens live 24 hours per one page of the docs and 2 hours per a newer one; the SDK schedules
 * from {@code expires_in} and never assumes a lifetime.
 *
 * <p>PKCE uses RFC 7636 S256 (base64url); TikTok's Login Kit for Desktop page is reported by
 * users to expect a hex-encoded SHA-256 challenge instead (UNCONFIRMED in the stored docs); web
 * apps with a client secret may turn PKCE off with {@code configBuilder().pkce(false)}.
 *
 * <p>Scopes: {@code video.publish} (direct post, creator_info), {@code video.upload} (inbox),
 * {@code video.list} (metrics), {@code user.info.basic}.
 *
 * <pre>{@code
 * OAuth2Flow flow = TikTokOAuth.flow(TikTokOAuth.config("clientKey", secret,
 *     URI.create("https://app.example.com/cb"), Set.of("video.publish", "video.list")));
 * AuthorizationRequest req = flow.authorizationRequest();   // send the user to req.url()
 * AccessToken token = flow.exchangeCode(code, req.codeVerifier().orElse(null));
 * }</pre>
 *
 * @see <a href="https://developers.tiktok.com/doc/oauth-user-access-token-management">Token management</a>
 * @see <a href="https://developers.tiktok.com/doc/login-kit-web">Login Kit for Web</a>
 */
@SmoPublicApi
public final class TikTokOAuth {
  /** The authorization endpoint. */
  public static final URI AUTHORIZE = URI.create("https://www.tiktok.com/v2/auth/authorize/");
  /** The token endpoint (code exchange and refresh). */
  public static final URI TOKEN = URI.create("https://open.tiktokapis.com/v2/oauth/token/");

  private TikTokOAuth() {}

  /**
   * Returns a config builder pre-set for TikTok: endpoints, {@code client_key}, comma scopes,
   * form-body client authentication, PKCE on.
   */
  public static OAuth2Config.Builder configBuilder() {
    return OAuth2Config.builder().authorizationEndpoint(AUTHORIZE).tokenEndpoint(TOKEN)
        .clientIdParameter("client_key").scopeDelimiter(",").pkce(true)
        .clientAuthentication(OAuth2Config.ClientAuthentication.POST_BODY);
  }

  /**
   * Returns a TikTok OAuth config.
   *
   * @param clientKey the app's client key
   * @param clientSecret the app's client secret (never logged)
   * @param redirectUri the registered redirect URI
   * @param scopes the scopes to request
   */
  public static OAuth2Config config(String clientKey, String clientSecret, URI redirectUri,
      Set<String> scopes) {
    return configBuilder().clientId(clientKey).clientSecret(clientSecret).redirectUri(redirectUri)
        .scopes(scopes).build();
  }

  /** Returns the OAuth flow for {@code config} with its own HTTP client and the system clock. */
  public static OAuth2Flow flow(OAuth2Config config) {
    return new OAuth2Flow(Platform.TIKTOK, config, new OkHttpClient(), Clock.systemUTC());
  }

  /**
   * Returns the OAuth flow for {@code config} whose token requests go through {@code settings}
   * (timeouts, proxy and proxy credentials, see {@link io.smo.core.HttpSettings#newOkHttpClient()}),
   * on the system clock. Pass the same settings as the client's builder so refreshes take its route.
   */
  public static OAuth2Flow flow(OAuth2Config config, io.smo.core.HttpSettings settings) {
    return new OAuth2Flow(Platform.TIKTOK, config,
        java.util.Objects.requireNonNull(settings, "settings == null").newOkHttpClient(), Clock.systemUTC());
  }

  /** Returns the OAuth flow for {@code config} with the given HTTP client and clock. */
  public static OAuth2Flow flow(OAuth2Config config, OkHttpClient http, Clock clock) {
    return new OAuth2Flow(Platform.TIKTOK, config, http, clock);
  }

  /**
   * Returns a token provider for one creator that refreshes through {@code flow} and persists
   * every rotated refresh token in {@code store}.
   *
   * @param openId the creator's {@code open_id} (the store key)
   * @param store where tokens are loaded from and saved to
   * @param flow the OAuth flow
   */
  public static RefreshingTokenProvider tokenProvider(String openId, TokenStore store, OAuth2Flow flow) {
    return RefreshingTokenProvider.builder(openId, store, flow::refresh).platform(Platform.TIKTOK).build();
  }
}
