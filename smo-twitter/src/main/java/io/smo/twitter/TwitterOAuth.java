package io.smo.twitter;

import static java.util.Objects.requireNonNull;

import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.TokenStore;
import io.smo.core.auth.spi.PlatformOAuth;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * OAuth 2.0 Authorization Code with PKCE for X; every token call goes through core's {@link
 * OAuth2Flow}: authorize at {@code https://x.com/i/oauth2/authorize}, exchange and refresh at
 * {@code https://api.x.com/2/oauth2/token}. Access tokens live 2 hours; a refresh token is issued
 * only with {@code offline.access}, and X rotates it on every refresh (the new one is saved in the
 * {@link TokenStore} with the access token). Confidential clients authenticate with HTTP Basic.
 *
 * <pre>{@code
 * OAuth2Config config = TwitterOAuth.config("client-id", "client-secret",
 *     URI.create("https://app.example.com/x/callback")).build();
 * TwitterOAuth oauth = TwitterOAuth.create(config);
 * AuthorizationRequest req = oauth.authorizationRequest();      // send the user to req.url()
 * AccessToken token = oauth.exchange(code, req.codeVerifier().orElseThrow());
 * store.save("me", token);
 * TwitterClient client = TwitterClient.builder()
 *     .tokenProvider(oauth.tokenProvider("me", store)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Secrets never reach logs, exception messages or {@link
 * #toString()}.
 *
 * @see <a
 *     href="https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code">OAuth
 *     2.0 Authorization Code with PKCE</a>
 */
@SmoPublicApi
public final class TwitterOAuth extends PlatformOAuth {
  /** The authorization endpoint. */
  public static final URI AUTHORIZATION_ENDPOINT = URI.create("https://x.com/i/oauth2/authorize");

  /** The token endpoint (code exchange and refresh). */
  public static final URI TOKEN_ENDPOINT = URI.create("https://api.x.com/2/oauth2/token");

  /**
   * The scopes this module needs: read and write posts, hide replies, upload media, read the user,
   * and {@code offline.access} for a refresh token.
   */
  public static final Set<String> DEFAULT_SCOPES =
      Set.of(
          "tweet.read",
          "tweet.write",
          "tweet.moderate.write",
          "users.read",
          "media.write",
          "offline.access");

  private TwitterOAuth(OAuth2Flow flow) {
    super(Platform.TWITTER, flow);
  }

  /**
   * Returns a configuration builder for X with PKCE and {@link #DEFAULT_SCOPES}.
   *
   * @param clientId the app's OAuth 2.0 client id
   * @param clientSecret the client secret of a confidential client, or {@code null} for a public
   *     client (then {@code client_id} is sent in the form)
   * @param redirectUri the callback registered with the app (must match exactly)
   * @throws NullPointerException if {@code clientId} or {@code redirectUri} is null
   */
  public static OAuth2Config.Builder config(String clientId, String clientSecret, URI redirectUri) {
    OAuth2Config.Builder b =
        OAuth2Config.builder()
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

  /** Returns the OAuth helper over a new default HTTP client and the system clock. */
  public static TwitterOAuth create(OAuth2Config config) {
    return create(config, new OkHttpClient(), Clock.systemUTC());
  }

  /**
   * Returns the OAuth helper whose token requests go through {@code settings} (timeouts, proxy and
   * proxy credentials, see {@link HttpSettings#newOkHttpClient()}), on the system clock. Pass the
   * same settings as the client's builder so refreshes take the client's route.
   */
  public static TwitterOAuth create(OAuth2Config config, HttpSettings settings) {
    return create(
        config, requireNonNull(settings, "settings == null").newOkHttpClient(), Clock.systemUTC());
  }

  /** Returns the OAuth helper over {@code http} (not closed by it) and {@code clock}. */
  public static TwitterOAuth create(OAuth2Config config, OkHttpClient http, Clock clock) {
    return new TwitterOAuth(new OAuth2Flow(Platform.TWITTER, config, http, clock));
  }

  /** Names the client id only, never the secret. */
  @Override
  public String toString() {
    return "TwitterOAuth{clientId=" + config().clientId() + "}";
  }
}
