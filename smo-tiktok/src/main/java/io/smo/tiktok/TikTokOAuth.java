package io.smo.tiktok;

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
import java.util.Optional;

/**
 * TikTok Login Kit (OAuth 2.0, v2): the authorization URL on {@code
 * https://www.tiktok.com/v2/auth/authorize/} with {@code client_key} and comma-separated scopes,
 * PKCE (required by TikTok for mobile and desktop apps; harmless for web), the code exchange and
 * the refresh grant on {@code POST https://open.tiktokapis.com/v2/oauth/token/} with {@code
 * client_key} and {@code client_secret} in the form. Every token call goes through core's {@link
 * OAuth2Flow}. Immutable and thread-safe.
 *
 * <p>TikTok rotates refresh tokens: each refresh returns a new one and the previous one stops
 * working, so the token returned by a refresh must be persisted. {@link #tokenProvider} builds a
 * {@link RefreshingTokenProvider} that saves every new pair to the {@link TokenStore}. Access
 * tokens live 24 hours per one page of the docs and 2 hours per a newer one; the SDK schedules from
 * {@code expires_in} and never assumes a lifetime.
 *
 * <p>PKCE uses RFC 7636 S256 (base64url); TikTok's Login Kit for Desktop page is reported by users
 * to expect a hex-encoded SHA-256 challenge instead (UNCONFIRMED in the stored docs); web apps with
 * a client secret may turn PKCE off with {@code config(...).pkce(false)}.
 *
 * <p>Scopes: {@code video.publish} (direct post, creator_info), {@code video.upload} (inbox),
 * {@code video.list} (metrics), {@code user.info.basic} (the {@code open_id} the client learns its
 * account id from; {@link #DEFAULT_SCOPES}).
 *
 * <pre>{@code
 * OAuth2Config config = TikTokOAuth.config("clientKey", secret, URI.create("https://app.example.com/cb"))
 *     .build();
 * TikTokOAuth oauth = TikTokOAuth.create(config);
 * AuthorizationRequest request = oauth.authorizationRequest();   // send the user to request.url()
 * AccessToken token = oauth.exchange(code, request.codeVerifier());
 * }</pre>
 *
 * @see <a href="https://developers.tiktok.com/doc/oauth-user-access-token-management">Token
 *     management</a>
 * @see <a href="https://developers.tiktok.com/doc/login-kit-web">Login Kit for Web</a>
 */
@SmoPublicApi
public final class TikTokOAuth extends PlatformOAuth {
  /** The authorization endpoint. */
  public static final URI AUTHORIZE = URI.create("https://www.tiktok.com/v2/auth/authorize/");

  /** The token endpoint (code exchange and refresh). */
  public static final URI TOKEN = URI.create("https://open.tiktokapis.com/v2/oauth/token/");

  /** The scopes {@link #config} requests unless told otherwise. */
  public static final java.util.Set<String> DEFAULT_SCOPES =
      java.util.Set.of("user.info.basic", "video.publish", "video.upload", "video.list");

  private TikTokOAuth(OAuth2Flow flow) {
    super(Platform.TIKTOK, flow);
  }

  /**
   * Returns a config builder pre-set for TikTok: endpoints, {@code client_key} as the client id
   * parameter, comma-separated scopes ({@link #DEFAULT_SCOPES}), client credentials in the form
   * body, PKCE on. Change what differs (scopes, the token endpoint of a sandbox) and {@code
   * build()}.
   *
   * @param clientKey the app's client key
   * @param clientSecret the app's client secret (never logged)
   * @param redirectUri the registered redirect URI, or {@code null} when only refreshing
   */
  public static OAuth2Config.Builder config(
      String clientKey, String clientSecret, URI redirectUri) {
    OAuth2Config.Builder b =
        OAuth2Config.builder()
            .authorizationEndpoint(AUTHORIZE)
            .tokenEndpoint(TOKEN)
            .clientIdParameter("client_key")
            .scopeDelimiter(",")
            .pkce(true)
            .clientAuthentication(OAuth2Config.ClientAuthentication.POST_BODY)
            .clientId(requireNonNull(clientKey, "clientKey == null"))
            .clientSecret(requireNonNull(clientSecret, "clientSecret == null"))
            .scopes(DEFAULT_SCOPES);
    return redirectUri == null ? b : b.redirectUri(redirectUri);
  }

  /** Returns TikTok OAuth for {@code config}, with its own HTTP client and the system clock. */
  public static TikTokOAuth create(OAuth2Config config) {
    return create(config, HttpSettings.defaults());
  }

  /**
   * Returns TikTok OAuth for {@code config} whose token requests go through {@code httpSettings}
   * (timeouts, proxy and proxy credentials), on the system clock. Pass the client builder's
   * settings so refreshes take the same route.
   */
  public static TikTokOAuth create(OAuth2Config config, HttpSettings httpSettings) {
    return new TikTokOAuth(newFlow(Platform.TIKTOK, config, httpSettings));
  }

  /**
   * Exchanges the code from the redirect for tokens ({@code open_id} is TikTok's account id).
   *
   * @param code the {@code code} query parameter of the redirect
   * @param codeVerifier the {@link AuthorizationRequest#codeVerifier()} of the request
   * @throws io.smo.core.exception.AuthenticationException if TikTok refused the code
   * @throws io.smo.core.exception.TransportException if the token endpoint could not be reached
   */
  public AccessToken exchange(String code, Optional<String> codeVerifier) {
    return exchange(code, requireNonNull(codeVerifier, "codeVerifier == null").orElse(null));
  }
}
