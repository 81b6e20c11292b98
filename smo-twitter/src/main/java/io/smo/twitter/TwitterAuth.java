package io.smo.twitter;

import static java.util.Objects.requireNonNull;

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
 * OAuth 2.0 Authorization Code with PKCE for X, through core's {@link OAuth2Flow}: authorize at
 * {@code https://x.com/i/oauth2/authorize}, exchange and refresh at {@code
 * https://api.x.com/2/oauth2/token}. Access tokens live 2 hours; a refresh token is issued only
 * with {@code offline.access}, and X rotates it on every refresh (the new one is saved in the
 * {@link TokenStore} with the access token). Confidential clients authenticate with HTTP Basic.
 *
 * <pre>{@code
 * OAuth2Config config = TwitterAuth.config("client-id", "client-secret",
 *     URI.create("https://app.example.com/x/callback")).build();
 * OAuth2Flow flow = TwitterAuth.flow(config);
 * AuthorizationRequest req = flow.authorizationRequest();     // send the user to req.url()
 * AccessToken token = flow.exchangeCode(code, req.codeVerifier());
 * store.save("me", token);
 * TwitterClient client = TwitterClient.builder()
 *     .tokenProvider(TwitterAuth.tokenProvider("me", store, flow)).build();
 * }</pre>
 *
 * @see <a href="https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code">OAuth 2.0 Authorization Code with PKCE</a>
 */
@SmoPublicApi
public final class TwitterAuth {
  /** The authorization endpoint. */
  public static final URI AUTHORIZATION_ENDPOINT = URI.create("https://x.com/i/oauth2/authorize");
  /** The token endpoint (code exchange and refresh). */
  public static final URI TOKEN_ENDPOINT = URI.create("https://api.x.com/2/oauth2/token");
  /**
   * The scopes this module needs: read and write posts, hide replies, upload media, read the
   * user, and {@code offline.access} for a refresh token.
   */
  public static final Set<String> DEFAULT_SCOPES = Set.of("tweet.read", "tweet.write",
      "tweet.moderate.write", "users.read", "media.write", "offline.access");

  private TwitterAuth() {}

  /**
   * Returns a configuration builder for X with PKCE and {@link #DEFAULT_SCOPES}.
   *
   * @param clientId the app's OAuth 2.0 client id
   * @param clientSecret the client secret of a confidential client, or {@code null} for a public
   *     client (then {@code client_id} is sent in the form)
   * @param redirectUri the callback registered with the app (must match exactly)
   */
  public static OAuth2Config.Builder config(String clientId, String clientSecret, URI redirectUri) {
    OAuth2Config.Builder b = OAuth2Config.builder()
        .authorizationEndpoint(AUTHORIZATION_ENDPOINT)
        .tokenEndpoint(TOKEN_ENDPOINT)
        .clientId(requireNonNull(clientId, "clientId == null"))
        .redirectUri(requireNonNull(redirectUri, "redirectUri == null"))
        .scopes(DEFAULT_SCOPES)
        .pkce(true);
    if (clientSecret != null) {
      b.clientSecret(clientSecret).clientAuthentication(OAuth2Config.ClientAuthentication.BASIC);
    }
    return b;
  }

  /** Returns a flow over a new HTTP client and the system clock. */
  public static OAuth2Flow flow(OAuth2Config config) {
    return flow(config, new OkHttpClient(), Clock.systemUTC());
  }

  /**
   * Returns a flow whose token requests go through {@code settings} (timeouts, proxy and proxy
   * credentials, see {@link io.smo.core.HttpSettings#newOkHttpClient()}), on the system clock.
   * Pass the same settings as the client's builder so refreshes take the client's route.
   */
  public static OAuth2Flow flow(OAuth2Config config, io.smo.core.HttpSettings settings) {
    return flow(config, requireNonNull(settings, "settings == null").newOkHttpClient(), Clock.systemUTC());
  }

  /** Returns a flow over {@code http} (not closed by the flow) and {@code clock}. */
  public static OAuth2Flow flow(OAuth2Config config, OkHttpClient http, Clock clock) {
    return new OAuth2Flow(Platform.TWITTER, config, http, clock);
  }

  /**
   * Returns a token provider that refreshes before expiry (and once after a 401), saving each
   * rotated refresh token in {@code store}.
   *
   * @param accountKey the key the token is stored under; {@code store} must hold a token for it
   */
  public static RefreshingTokenProvider tokenProvider(String accountKey, TokenStore store,
      OAuth2Flow flow) {
    return RefreshingTokenProvider.builder(accountKey, store, flow).platform(Platform.TWITTER).build();
  }
}
