package io.smo.pinterest;

import static java.util.Objects.requireNonNull;

import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.auth.spi.PlatformOAuth;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Pinterest's OAuth 2.0 authorization-code flow; every token call goes through core's {@link
 * OAuth2Flow}: the authorization URL ({@code https://www.pinterest.com/oauth/}, comma-separated
 * scopes, {@code state}, no PKCE), the code exchange and the refresh grant at {@code POST
 * /v5/oauth/token} with HTTP Basic client authentication.
 *
 * <p>Refresh tokens are <b>continuous</b>: 60 days, refreshable indefinitely, each refresh
 * answering a new refresh token that {@link RefreshingTokenProvider} persists. Apps created before
 * 25 September 2025 must ask for it with {@code continuous_refresh=true}, which {@link #config}
 * adds to the refresh grant by default (remove it with {@code
 * .putRefreshParameter("continuous_refresh", null)}); the legacy 365-day token is no longer
 * supported. Access tokens last 30 days.
 *
 * <pre>{@code
 * OAuth2Config config = PinterestOAuth.config("app-id", "app-secret",
 *     URI.create("https://app.example.com/pinterest/callback")).build();
 * PinterestOAuth oauth = PinterestOAuth.create(config);
 * AuthorizationRequest req = oauth.authorizationRequest();   // send the user to req.url()
 * AccessToken token = oauth.exchange(code, null);            // Pinterest uses no PKCE
 * store.save("brand", token);
 * PinterestClient client = PinterestClient.builder()
 *     .tokenProvider(oauth.tokenProvider("brand", store)).defaultBoardId("549755885175").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. The client secret never appears in logs or {@link #toString()}.
 *
 * @see <a
 *     href="https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/">Authentication</a>
 * @see <a href="https://developers.pinterest.com/docs/api/v5/oauth-token/">POST /v5/oauth/token</a>
 */
@SmoPublicApi
public final class PinterestOAuth extends PlatformOAuth {
  /** Where users authorize the app. */
  public static final URI AUTHORIZATION_ENDPOINT = URI.create("https://www.pinterest.com/oauth/");

  /** The production token endpoint. */
  public static final URI TOKEN_ENDPOINT = URI.create("https://api.pinterest.com/v5/oauth/token");

  /** The scopes a client needs to publish and read Pins and boards. */
  public static final Set<String> PUBLISH_SCOPES =
      Set.of("boards:read", "boards:write", "pins:read", "pins:write");

  private PinterestOAuth(OAuth2Flow flow, Clock clock) {
    super(Platform.PINTEREST, flow, clock);
  }

  /**
   * Returns a configuration builder for Pinterest: its endpoints, {@link #PUBLISH_SCOPES}
   * (comma-separated), no PKCE, HTTP Basic client authentication and {@code
   * continuous_refresh=true} on refreshes. For a test or sandbox host, set {@code
   * tokenEndpoint(host.resolve("v5/oauth/token"))}.
   *
   * @param clientId the app id
   * @param clientSecret the app secret
   * @param redirectUri the redirect URI registered with the app, or {@code null} when only
   *     refreshing
   * @throws NullPointerException if {@code clientId} or {@code clientSecret} is null
   */
  public static OAuth2Config.Builder config(String clientId, String clientSecret, URI redirectUri) {
    return OAuth2Config.builder()
        .authorizationEndpoint(AUTHORIZATION_ENDPOINT)
        .tokenEndpoint(TOKEN_ENDPOINT)
        .clientId(requireNonNull(clientId, "clientId == null"))
        .clientSecret(requireNonNull(clientSecret, "clientSecret == null"))
        .redirectUri(redirectUri)
        .scopes(PUBLISH_SCOPES)
        .scopeDelimiter(",")
        .pkce(false)
        .clientAuthentication(OAuth2Config.ClientAuthentication.BASIC)
        .putRefreshParameter("continuous_refresh", "true");
  }

  /** Returns the OAuth helper over a new default HTTP client and the system clock. */
  public static PinterestOAuth create(OAuth2Config config) {
    return create(config, new OkHttpClient(), Clock.systemUTC());
  }

  /**
   * Returns the OAuth helper whose token requests go through {@code settings} (timeouts, proxy, see
   * {@link HttpSettings#newOkHttpClient()}), on the system clock.
   */
  public static PinterestOAuth create(OAuth2Config config, HttpSettings settings) {
    return create(
        config, requireNonNull(settings, "settings == null").newOkHttpClient(), Clock.systemUTC());
  }

  /**
   * Returns the OAuth helper over {@code http} (not closed by it) and {@code clock} (which turns
   * {@code expires_in} into instants and decides when a token is due for refresh).
   */
  public static PinterestOAuth create(OAuth2Config config, OkHttpClient http, Clock clock) {
    return new PinterestOAuth(
        new OAuth2Flow(Platform.PINTEREST, config, http, clock),
        requireNonNull(clock, "clock == null"));
  }

  @Override
  public String toString() {
    return "PinterestOAuth{" + config() + "}";
  }
}
