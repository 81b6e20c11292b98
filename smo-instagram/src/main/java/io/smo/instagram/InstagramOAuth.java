package io.smo.instagram;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.spi.PlatformOAuth;
import io.smo.core.auth.spi.TokenResponses;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.TransportException;
import io.smo.core.internal.Redactor;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Business Login for Instagram (the Instagram Login flavour), in the SDK's one OAuth form: built
 * from an {@link OAuth2Config} ({@link #config} presets the endpoints and scopes), the
 * authorization URL, the code exchange for a short-lived token (about one hour), the exchange for a
 * 60-day long-lived token, and its refresh. As a {@link io.smo.core.auth.TokenRefresher} it
 * refreshes long-lived tokens, so a {@link io.smo.core.auth.RefreshingTokenProvider} built on it
 * keeps an account signed in for as long as the token is refreshed within 60 days.
 *
 * <ol>
 *   <li>{@code GET
 *       https://www.instagram.com/oauth/authorize?client_id&redirect_uri&response_type=code&scope=a,b&state}
 *       — the code in the redirect is valid one hour, single use; a trailing {@code #_} is
 *       stripped;
 *   <li>{@code POST https://api.instagram.com/oauth/access_token} (form {@code client_id,
 *       client_secret, grant_type=authorization_code, redirect_uri, code}) → short-lived token and
 *       the Instagram user id;
 *   <li>{@code GET
 *       https://graph.instagram.com/access_token?grant_type=ig_exchange_token&client_secret&access_token}
 *       → {@code {access_token, token_type, expires_in}} (60 days), server side only;
 *   <li>{@code GET
 *       https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token}
 *       — only for a token at least 24 hours old and not expired; refused offline otherwise.
 * </ol>
 *
 * <p>Instagram has no separate refresh token: a long-lived token is refreshed with itself, so the
 * tokens this class returns carry their own value as {@link AccessToken#refreshToken()}. A token
 * stored by other means needs the same for a {@link io.smo.core.auth.RefreshingTokenProvider}.
 *
 * <p>With the Facebook Login flavour, tokens follow Facebook's rules instead: obtain a Page access
 * token for the Page linked to the Instagram account (see {@code smo-facebook}).
 *
 * <p>Thread-safe. The client secret and tokens never appear in logs, messages or {@link
 * #toString()}.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login">Business
 *     Login for Instagram</a>
 */
@SmoPublicApi
public final class InstagramOAuth extends PlatformOAuth {
  /** Production authorization endpoint. */
  public static final URI AUTHORIZATION_ENDPOINT =
      URI.create("https://www.instagram.com/oauth/authorize");

  /** Production token endpoint (code exchange). */
  public static final URI TOKEN_ENDPOINT =
      URI.create("https://api.instagram.com/oauth/access_token");

  /** Production Graph host of the long-lived token calls. */
  public static final URI GRAPH_HOST = URI.create("https://graph.instagram.com/");

  /** The default scopes: basic, content publish, manage comments, manage insights. */
  public static final Set<String> DEFAULT_SCOPES =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              List.of(
                  "instagram_business_basic",
                  "instagram_business_content_publish",
                  "instagram_business_manage_comments",
                  "instagram_business_manage_insights")));

  /** Lifetime of a long-lived token. */
  public static final Duration LONG_LIVED = Duration.ofDays(60);

  /** Age a long-lived token must reach before it can be refreshed. */
  public static final Duration MIN_AGE_FOR_REFRESH = Duration.ofHours(24);

  /** Assumed lifetime of a short-lived token when the answer gives none. */
  public static final Duration SHORT_LIVED = Duration.ofHours(1);

  /** A token together with the Instagram user id it belongs to. */
  public static final class UserToken {
    private final AccessToken token;
    private final String userId;

    UserToken(AccessToken token, String userId) {
      this.token = token;
      this.userId = userId;
    }

    /** Returns the token. */
    public AccessToken token() {
      return token;
    }

    /** Returns the Instagram professional account id (use it as {@code accountId}). */
    public String userId() {
      return userId;
    }

    @Override
    public String toString() {
      return "UserToken{user=" + userId + ", token=" + token + "}";
    }
  }

  private final OAuth2Config config;
  private final URI graphHost;
  private final OkHttpClient http;
  private final Clock clock;

  private InstagramOAuth(OAuth2Config config, OkHttpClient http, Clock clock) {
    super(
        Platform.INSTAGRAM,
        new OAuth2Flow(Platform.INSTAGRAM, checked(config), http, clock),
        clock);
    this.config = config;
    this.http = http;
    this.clock = clock;
    this.graphHost = graphHost(config.tokenEndpoint());
  }

  /** Returns {@code config} once it has the client secret and redirect URI the calls need. */
  private static OAuth2Config checked(OAuth2Config config) {
    requireNonNull(config, "config == null");
    requireNonNull(config.clientSecret().orElse(null), "config has no client secret");
    requireNonNull(config.redirectUri().orElse(null), "config has no redirect URI");
    return config;
  }

  /**
   * Returns a configuration builder preset for Business Login for Instagram: the production
   * endpoints ({@link #AUTHORIZATION_ENDPOINT}, {@link #TOKEN_ENDPOINT}), {@link #DEFAULT_SCOPES}
   * joined by commas, no PKCE (Instagram does not take it).
   *
   * @param clientId the Instagram app id
   * @param clientSecret the Instagram app secret (never logged)
   * @param redirectUri the redirect URI registered with the app
   */
  public static OAuth2Config.Builder config(String clientId, String clientSecret, URI redirectUri) {
    return OAuth2Config.builder()
        .authorizationEndpoint(AUTHORIZATION_ENDPOINT)
        .tokenEndpoint(TOKEN_ENDPOINT)
        .clientId(requireNonNull(clientId, "clientId == null"))
        .clientSecret(requireNonNull(clientSecret, "clientSecret == null"))
        .redirectUri(requireNonNull(redirectUri, "redirectUri == null"))
        .scopes(DEFAULT_SCOPES)
        .scopeDelimiter(",")
        .pkce(false);
  }

  /**
   * Returns {@link #config(String, String, URI)} with every endpoint below one base (the sandbox):
   * {@code <base>oauth/authorize}, {@code <base>oauth/access_token}, and the long-lived token calls
   * on {@code <base>access_token}, {@code <base>refresh_access_token}.
   *
   * @param baseUrl the base, e.g. {@code Sandbox.baseUrl(Platform.INSTAGRAM)}
   */
  public static OAuth2Config.Builder config(
      String clientId, String clientSecret, URI redirectUri, URI baseUrl) {
    String s = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
    return config(clientId, clientSecret, redirectUri)
        .authorizationEndpoint(URI.create(s + "oauth/authorize"))
        .tokenEndpoint(URI.create(s + "oauth/access_token"));
  }

  /**
   * Creates the helper with a new default HTTP client.
   *
   * @param config from {@link #config}; needs the client secret and redirect URI
   * @throws NullPointerException if the secret or redirect URI is missing
   */
  public static InstagramOAuth create(OAuth2Config config) {
    return new InstagramOAuth(config, new OkHttpClient(), Clock.systemUTC());
  }

  /**
   * Creates the helper whose token calls use {@code settings}' timeouts, proxy and proxy
   * credentials ({@link HttpSettings#newOkHttpClient()}), like the client's own calls.
   *
   * @throws NullPointerException if the secret or redirect URI is missing
   */
  public static InstagramOAuth create(OAuth2Config config, HttpSettings settings) {
    return new InstagramOAuth(config, settings.newOkHttpClient(), Clock.systemUTC());
  }

  /**
   * Returns a copy that reads expiry instants from {@code clock} (tests).
   *
   * @param clock the clock
   */
  public InstagramOAuth withClock(Clock clock) {
    return new InstagramOAuth(config, http, requireNonNull(clock, "clock == null"));
  }

  private static URI graphHost(URI tokenEndpoint) {
    if ("api.instagram.com".equalsIgnoreCase(tokenEndpoint.getHost())) {
      return GRAPH_HOST;
    }
    // a base such as the sandbox's: <base>oauth/access_token -> <base>
    return tokenEndpoint.resolve("../");
  }

  /**
   * Exchanges the code from the redirect for a short-lived token (about one hour); see {@link
   * #exchangeCode(String)} for the Instagram user id that comes with it.
   *
   * @param code the {@code code} parameter (a trailing {@code #_} is removed)
   * @param codeVerifier ignored (Instagram takes no PKCE); may be {@code null}
   * @throws AuthenticationException if the code was refused (used, expired, wrong redirect)
   * @throws TransportException if the endpoint could not be reached or answered garbage
   */
  @Override
  public AccessToken exchange(String code, String codeVerifier) {
    return exchangeCode(code).token();
  }

  /**
   * Exchanges the code from the redirect for a short-lived token.
   *
   * @param code the {@code code} parameter (a trailing {@code #_} is removed)
   * @return the short-lived token and the user id
   * @throws AuthenticationException if the code was refused (used, expired, wrong redirect)
   * @throws TransportException if the endpoint could not be reached or answered garbage
   */
  public UserToken exchangeCode(String code) {
    String c = requireNonNull(code, "code == null");
    if (c.endsWith("#_")) {
      c = c.substring(0, c.length() - 2);
    }
    FormBody form =
        new FormBody.Builder()
            .add("client_id", config.clientId())
            .add("client_secret", config.clientSecret().orElseThrow())
            .add("grant_type", "authorization_code")
            .add("redirect_uri", config.redirectUri().orElseThrow().toString())
            .add("code", c)
            .build();
    JsonNode json =
        call(
            "exchange code",
            new Request.Builder().url(config.tokenEndpoint().toString()).post(form).build());
    JsonNode data = json.path("data").isArray() ? json.path("data").path(0) : json;
    AccessToken.Builder t =
        AccessToken.builder(data.path("access_token").asText())
            .expiresAt(
                clock
                    .instant()
                    .plus(
                        data.hasNonNull("expires_in")
                            ? Duration.ofSeconds(data.get("expires_in").asLong())
                            : SHORT_LIVED));
    Set<String> scopes = new LinkedHashSet<>();
    JsonNode perms = data.path("permissions");
    if (perms.isArray()) {
      perms.forEach(p -> scopes.add(p.asText()));
    } else if (perms.isTextual()) {
      for (String s : perms.asText().split(",", -1)) {
        if (!s.isBlank()) {
          scopes.add(s.trim());
        }
      }
    }
    t.scopes(scopes);
    return new UserToken(t.build(), data.path("user_id").asText(null));
  }

  /**
   * Exchanges a short-lived token for a long-lived one (60 days).
   *
   * @throws AuthenticationException if refused
   * @throws TransportException if the endpoint could not be reached or answered garbage
   */
  public AccessToken exchangeForLongLived(AccessToken shortLived) {
    HttpUrl url =
        HttpUrl.get(graphHost.resolve("access_token").toString())
            .newBuilder()
            .addQueryParameter("grant_type", "ig_exchange_token")
            .addQueryParameter("client_secret", config.clientSecret().orElseThrow())
            .addQueryParameter("access_token", shortLived.value())
            .build();
    return longLived(
        call("long-lived token", new Request.Builder().url(url).get().build()), shortLived);
  }

  /**
   * Refreshes a long-lived token for another 60 days.
   *
   * @throws AuthenticationException if the token is younger than 24 hours (refused offline),
   *     expired, or the server refused it
   * @throws TransportException if the endpoint could not be reached or answered garbage
   */
  @Override
  public AccessToken refresh(AccessToken current) {
    Instant now = clock.instant();
    current
        .expiresAt()
        .ifPresent(
            exp -> {
              Instant issued = exp.minus(LONG_LIVED);
              if (now.isBefore(issued.plus(MIN_AGE_FOR_REFRESH))) {
                throw new AuthenticationException(
                    ErrorDetails.builder(Platform.INSTAGRAM, "refresh token")
                        .message(
                            "a long-lived Instagram token can be refreshed only once it is 24 hours old"
                                + " (this one was issued at "
                                + issued
                                + ")")
                        .build());
              }
              if (now.isAfter(exp)) {
                throw new AuthenticationException(
                    ErrorDetails.builder(Platform.INSTAGRAM, "refresh token")
                        .message("the long-lived token expired at " + exp + "; sign in again")
                        .build());
              }
            });
    HttpUrl url =
        HttpUrl.get(graphHost.resolve("refresh_access_token").toString())
            .newBuilder()
            .addQueryParameter("grant_type", "ig_refresh_token")
            .addQueryParameter("access_token", current.value())
            .build();
    return longLived(call("refresh token", new Request.Builder().url(url).get().build()), current);
  }

  private AccessToken longLived(JsonNode json, AccessToken previous) {
    AccessToken.Builder b =
        AccessToken.builder(json.path("access_token").asText())
            .tokenType(json.path("token_type").asText("bearer"))
            .expiresAt(
                clock
                    .instant()
                    .plus(
                        json.hasNonNull("expires_in")
                            ? Duration.ofSeconds(json.get("expires_in").asLong())
                            : LONG_LIVED))
            .scopes(previous.scopes());
    // the long-lived token is its own refresh credential; naming it as the refresh token lets a
    // RefreshingTokenProvider refresh it
    b.refreshToken(json.path("access_token").asText());
    return b.build();
  }

  private JsonNode call(String operation, Request request) {
    try (Response resp = http.newCall(request).execute()) {
      ResponseBody rb = resp.body();
      String text = rb == null ? "" : rb.string();
      JsonNode json = TokenResponses.parse(text, resp.code(), Platform.INSTAGRAM, operation);
      JsonNode data = json.path("data").isArray() ? json.path("data").path(0) : json;
      if (resp.isSuccessful() && data.hasNonNull("access_token")) {
        return json;
      }
      if (resp.code() >= 500) {
        throw new TransportException(
            Platform.INSTAGRAM,
            operation,
            "token endpoint answered HTTP " + resp.code(),
            null,
            true);
      }
      // IG OAuth shape {"error_type","code","error_message"} or the Graph {"error":{...}} shape
      JsonNode err = json.path("error");
      String type = json.path("error_type").asText(err.path("type").asText(null));
      String message =
          json.path("error_message")
              .asText(
                  err.path("message")
                      .asText("token endpoint answered HTTP " + resp.code() + " without a token"));
      Object code = json.has("code") ? json.get("code").asText() : err.path("code").asText(null);
      throw new AuthenticationException(
          ErrorDetails.builder(Platform.INSTAGRAM, operation)
              .httpStatus(resp.code())
              .errorCode(code)
              .message(Redactor.redactText((type != null ? type + ": " : "") + message))
              .traceId(err.path("fbtrace_id").asText(null))
              .bodySnippet(Redactor.redactText(text))
              .build());
    } catch (IOException e) {
      throw new TransportException(
          Platform.INSTAGRAM,
          operation,
          "token endpoint unreachable: " + e.getClass().getSimpleName(),
          e,
          true);
    }
  }

  @Override
  public String toString() {
    return "InstagramOAuth{clientId=" + config.clientId() + ", graphHost=" + graphHost + "}";
  }
}
