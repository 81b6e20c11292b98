package io.smo.pinterest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.AuthorizationRequest;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.auth.TokenRefresher;
import io.smo.core.auth.TokenStore;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.TransportException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Pinterest's OAuth 2.0 authorization-code flow over core's {@link OAuth2Flow}: the authorization
 * URL ({@code https://www.pinterest.com/oauth/}, comma-separated scopes, {@code state}), the code
 * exchange and the refresh grant at {@code POST /v5/oauth/token} with HTTP Basic client
 * authentication.
 *
 * <p>Refresh tokens are <b>continuous</b>: 60 days, refreshable indefinitely, each refresh
 * answering a new refresh token that {@link RefreshingTokenProvider} persists. Apps created
 * before 25 September 2025 must ask for it with {@code continuous_refresh=true}, which this class
 * sends by default ({@link Builder#continuousRefresh(boolean)}); the legacy 365-day token is no
 * longer supported. Access tokens last 30 days.
 *
 * <p>Immutable and thread-safe. The client secret never appears in logs or {@link #toString()}.
 *
 * @see <a href="https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/">Authentication</a>
 * @see <a href="https://developers.pinterest.com/docs/api/v5/oauth-token/">POST /v5/oauth/token</a>
 */
@SmoPublicApi
public final class PinterestOAuth implements TokenRefresher {
  /** Where users authorize the app. */
  public static final URI AUTHORIZATION_ENDPOINT = URI.create("https://www.pinterest.com/oauth/");
  /** The production token endpoint. */
  public static final URI TOKEN_ENDPOINT = URI.create("https://api.pinterest.com/v5/oauth/token");
  /** The scopes a client needs to publish and read Pins and boards. */
  public static final Set<String> PUBLISH_SCOPES = Set.of("boards:read", "boards:write",
      "pins:read", "pins:write");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OAuth2Config config;
  private final OAuth2Flow flow;
  private final OkHttpClient http;
  private final Clock clock;
  private final boolean continuousRefresh;

  private PinterestOAuth(Builder b) {
    URI token = b.baseUrl == null ? TOKEN_ENDPOINT
        : URI.create(b.baseUrl.toString().replaceAll("/+$", "") + "/v5/oauth/token");
    OAuth2Config.Builder c = OAuth2Config.builder()
        .authorizationEndpoint(AUTHORIZATION_ENDPOINT)
        .tokenEndpoint(token)
        .clientId(requireNonNull(b.clientId, "clientId == null"))
        .clientSecret(requireNonNull(b.clientSecret, "clientSecret == null"))
        .redirectUri(b.redirectUri)
        .scopes(b.scopes)
        .scopeDelimiter(",")
        .pkce(false)
        .clientAuthentication(OAuth2Config.ClientAuthentication.BASIC);
    config = c.build();
    http = b.http != null ? b.http : new OkHttpClient();
    clock = b.clock;
    continuousRefresh = b.continuousRefresh;
    flow = new OAuth2Flow(Platform.PINTEREST, config, http, clock);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the client registration (secret hidden in {@code toString()}). */
  public OAuth2Config config() {
    return config;
  }

  /** Returns a new authorization request: the URL to send the user to and the {@code state} to check. */
  public AuthorizationRequest authorizationRequest() {
    return flow.authorizationRequest();
  }

  /**
   * Exchanges the code from the redirect for tokens.
   *
   * @throws AuthenticationException if Pinterest refused the code
   * @throws TransportException if the token endpoint could not be reached or answered garbage
   */
  public AccessToken exchangeCode(String code) {
    return flow.exchangeCode(requireNonNull(code, "code == null"), null);
  }

  /**
   * Runs the refresh grant ({@code grant_type=refresh_token}, plus {@code continuous_refresh=true}
   * unless turned off); the answer carries a new refresh token and its expiry.
   *
   * @throws AuthenticationException if there is no refresh token or Pinterest refused it
   * @throws TransportException if the token endpoint could not be reached or answered garbage
   */
  @Override
  public AccessToken refresh(AccessToken current) {
    String refreshToken = current.refreshToken().orElseThrow(() -> new AuthenticationException(
        ErrorDetails.builder(Platform.PINTEREST, "refresh token").message("no refresh token").build()));
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "refresh_token")
        .add("refresh_token", refreshToken);
    if (continuousRefresh) {
      form.add("continuous_refresh", "true");
    }
    Request req = new Request.Builder().url(config.tokenEndpoint().toString())
        .header("Authorization", Credentials.basic(config.clientId(),
            config.clientSecret().orElse(""), StandardCharsets.UTF_8))
        .header("Accept", "application/json").post(form.build()).build();
    try (Response resp = http.newCall(req).execute()) {
      ResponseBody rb = resp.body();
      String text = rb == null ? "" : rb.string();
      JsonNode json;
      try {
        json = JSON.readTree(text.isEmpty() ? "{}" : text);
      } catch (IOException e) {
        throw new TransportException(Platform.PINTEREST, "refresh token", "token endpoint answered HTTP "
            + resp.code() + " with a body that is not JSON", null, resp.code() >= 500);
      }
      if (resp.code() >= 500) {
        throw new TransportException(Platform.PINTEREST, "refresh token",
            "token endpoint answered HTTP " + resp.code(), null, true);
      }
      if (!resp.isSuccessful() || !json.hasNonNull("access_token")) {
        throw new AuthenticationException(ErrorDetails.builder(Platform.PINTEREST, "refresh token")
            .httpStatus(resp.code()).errorCode(json.path("code").asText(json.path("error").asText(null)))
            .message(json.path("message").asText(json.path("error_description").asText("refused")))
            .build());
      }
      return flow.parseToken(json, current);
    } catch (IOException e) {
      throw new TransportException(Platform.PINTEREST, "refresh token",
          "token endpoint unreachable: " + e.getClass().getSimpleName(), e, true);
    }
  }

  /**
   * Returns a token provider for one account: it loads the token from {@code store}, refreshes
   * through {@link #refresh(AccessToken)} before expiry or after a rejection, and saves every new
   * token (with its rotated refresh token) back to {@code store}.
   */
  public RefreshingTokenProvider tokenProvider(String accountKey, TokenStore store) {
    return RefreshingTokenProvider.builder(accountKey, store, this).clock(clock)
        .platform(Platform.PINTEREST).build();
  }

  @Override
  public String toString() {
    return "PinterestOAuth{" + config + ", continuousRefresh=" + continuousRefresh + "}";
  }

  /** Builds {@link PinterestOAuth}. Mutable, not thread-safe. */
  public static final class Builder {
    private String clientId;
    private String clientSecret;
    private URI redirectUri;
    private final Set<String> scopes = new LinkedHashSet<>(PUBLISH_SCOPES);
    private URI baseUrl;
    private boolean continuousRefresh = true;
    private OkHttpClient http;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the app id. Required. */
    public Builder clientId(String clientId) {
      this.clientId = requireNonNull(clientId, "clientId == null");
      return this;
    }

    /** Sets the app secret. Required; never logged. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = requireNonNull(clientSecret, "clientSecret == null");
      return this;
    }

    /** Sets the registered redirect URI (required by the code exchange). */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    /** Replaces the requested scopes. Default {@link #PUBLISH_SCOPES}. */
    public Builder scopes(Set<String> scopes) {
      this.scopes.clear();
      this.scopes.addAll(scopes);
      return this;
    }

    /** Overrides the API host for the token endpoint (the sandbox); {@code v5/oauth/token} is appended. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** Sets whether refreshes ask for continuous refresh tokens. Default true. */
    public Builder continuousRefresh(boolean continuousRefresh) {
      this.continuousRefresh = continuousRefresh;
      return this;
    }

    /**
     * Uses HTTP settings for the token calls: their timeouts, proxy and proxy credentials
     * ({@link io.smo.core.HttpSettings#newOkHttpClient()}), like the client's own calls.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder httpSettings(io.smo.core.HttpSettings settings) {
      this.http = settings.newOkHttpClient();
      return this;
    }

    /** Sets the HTTP client for token calls (<b>not closed by this class</b>). Default a new one. */
    public Builder httpClient(OkHttpClient http) {
      this.http = requireNonNull(http, "http == null");
      return this;
    }

    /** Sets the clock turning {@code expires_in} into instants. Default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Returns the helper.
     *
     * @throws NullPointerException if client id or secret is missing
     */
    public PinterestOAuth build() {
      return new PinterestOAuth(this);
    }
  }
}
