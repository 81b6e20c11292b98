package io.smo.facebook;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.TokenRefresher;
import io.smo.core.auth.spi.PlatformOAuth;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.metagraph.GraphApiVersion;
import io.smo.metagraph.spi.AppSecretProof;
import io.smo.metagraph.spi.GraphErrorMapper;
import io.smo.metagraph.spi.GraphHttp;
import io.smo.metagraph.spi.GraphPaging;
import io.smo.metagraph.spi.GraphRateLimitParser;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facebook Login for Pages, in the one OAuth form every platform module has: built from an {@link
 * OAuth2Config} ({@link #config(String, String, URI)} presets the Facebook Login dialog, the Graph
 * token endpoint, comma-separated scopes and no PKCE), every standard token call delegated to
 * core's {@link OAuth2Flow}. Facebook's extras are instance methods: the long-lived user token
 * exchange ({@code GET /oauth/access_token?grant_type=fb_exchange_token}, about 60 days), Page
 * access tokens from {@code GET /me/accounts} (a Page token obtained with a long-lived user token
 * does not expire) and {@link #pageTokenRefresher(String, String)} for a {@link
 * io.smo.core.auth.RefreshingTokenProvider}. Thread-safe; close it to release its runtime. Secrets
 * never appear in {@link #toString()} or messages.
 *
 * <pre>{@code
 * OAuth2Config config = FacebookOAuth.config(appId, appSecret, redirectUri).build();
 * try (FacebookOAuth oauth = FacebookOAuth.create(config)) {
 *   AuthorizationRequest request = oauth.authorizationRequest();     // send the user there
 *   AccessToken user = oauth.exchange(code, request.codeVerifier());  // short-lived user token
 *   AccessToken longLived = oauth.exchangeForLongLived(user.value());
 *   List<FacebookOAuth.PageAccount> pages = oauth.pages(longLived.value());
 * }
 * }</pre>
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow">Manual
 *     login flow</a>
 * @see <a
 *     href="https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived">Long-lived
 *     tokens</a>
 */
@SmoPublicApi
public final class FacebookOAuth extends PlatformOAuth implements AutoCloseable {
  /** Scopes a Page publisher needs (the default scopes of {@link #config(String, String, URI)}). */
  public static final Set<String> PUBLISH_SCOPES =
      Set.of(
          "pages_show_list",
          "pages_manage_posts",
          "pages_read_engagement",
          "pages_manage_engagement",
          "pages_read_user_content",
          "publish_video",
          "read_insights");

  private static final Pattern TOKEN_ENDPOINT =
      Pattern.compile("^(.*/)(v\\d{1,3}\\.\\d{1,2})/oauth/access_token/?$");
  private static final Operation EXCHANGE =
      Operation.read("token_exchange", FacebookRateBucket.OAUTH);
  private static final Operation ACCOUNTS = Operation.read("page_tokens", FacebookRateBucket.OAUTH);

  private final String appId;
  private final String appSecret;
  private final GraphHttp http;

  /** A Page the user manages, with its Page access token and the user's tasks on it. */
  public static final class PageAccount {
    private final String id;
    private final String name;
    private final AccessToken token;
    private final List<String> tasks;

    PageAccount(String id, String name, AccessToken token, List<String> tasks) {
      this.id = id;
      this.name = name;
      this.token = token;
      this.tasks = List.copyOf(tasks);
    }

    /** Returns the Page id. */
    public String id() {
      return id;
    }

    /** Returns the Page name. */
    public String name() {
      return name;
    }

    /** Returns the Page access token. */
    public AccessToken token() {
      return token;
    }

    /** Returns the user's tasks on the Page ({@code CREATE_CONTENT}, {@code MODERATE}, ...). */
    public List<String> tasks() {
      return tasks;
    }

    @Override
    public String toString() {
      return "PageAccount{" + id + " " + name + " tasks=" + tasks + "}";
    }
  }

  private FacebookOAuth(OAuth2Config config, HttpSettings settings) {
    this(config, tokenEndpoint(config), settings);
  }

  private FacebookOAuth(OAuth2Config config, Matcher m, HttpSettings settings) {
    this(
        config,
        m,
        ApiRuntime.builder(Platform.FACEBOOK, "smo-facebook")
            .baseUrl(URI.create(m.group(1)))
            .httpSettings(requireNonNull(settings, "settings == null"))
            .errorMapper(new GraphErrorMapper(Platform.FACEBOOK))
            .rateLimitParser(new GraphRateLimitParser(Platform.FACEBOOK))
            .build());
  }

  private FacebookOAuth(OAuth2Config config, Matcher m, ApiRuntime rt) {
    super(
        Platform.FACEBOOK, new OAuth2Flow(Platform.FACEBOOK, config, rt.http(), Clock.systemUTC()));
    this.appId = config.clientId();
    this.appSecret = config.clientSecret().orElseThrow();
    this.http = new GraphHttp(rt, GraphApiVersion.of(m.group(2)));
  }

  /** Checks {@code config} and returns the match of its token endpoint (graph root, version). */
  private static Matcher tokenEndpoint(OAuth2Config config) {
    requireNonNull(config, "config == null");
    if (config.clientSecret().isEmpty()) {
      throw new IllegalArgumentException(
          "a Facebook app needs its app secret (clientSecret) for the code exchange");
    }
    Matcher m = TOKEN_ENDPOINT.matcher(config.tokenEndpoint().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "token endpoint is not <graph>/vNN.N/oauth/access_token: " + config.tokenEndpoint());
    }
    return m;
  }

  /**
   * Returns a configuration preset for Facebook Login on the production hosts with {@link
   * GraphApiVersion#DEFAULT}: the dialog {@code https://www.facebook.com/<version>/dialog/oauth},
   * the token endpoint {@code https://graph.facebook.com/<version>/oauth/access_token}, scopes
   * {@link #PUBLISH_SCOPES} joined by commas, no PKCE. Change scopes (or anything else) on the
   * returned builder.
   *
   * @param appId the app id
   * @param appSecret the app secret (never logged)
   * @param redirectUri the registered redirect URI
   * @return the preset builder
   */
  public static OAuth2Config.Builder config(String appId, String appSecret, URI redirectUri) {
    return config(
        appId, appSecret, redirectUri, FacebookClient.DEFAULT_BASE_URL, GraphApiVersion.DEFAULT);
  }

  /**
   * Like {@link #config(String, String, URI)} with another Graph host (the sandbox, a proxy) and
   * version; the Graph extras ({@link #exchangeForLongLived}, {@link #pages}) use the same host.
   *
   * @param appId the app id
   * @param appSecret the app secret (never logged)
   * @param redirectUri the registered redirect URI
   * @param graphBaseUrl the Graph host, e.g. {@code https://graph.facebook.com/}
   * @param version the Graph version
   * @return the preset builder
   */
  public static OAuth2Config.Builder config(
      String appId, String appSecret, URI redirectUri, URI graphBaseUrl, GraphApiVersion version) {
    String base =
        graphBaseUrl.toString().endsWith("/") ? graphBaseUrl.toString() : graphBaseUrl + "/";
    return OAuth2Config.builder()
        .authorizationEndpoint(
            URI.create("https://www.facebook.com/" + version.path() + "/dialog/oauth"))
        .tokenEndpoint(URI.create(base + version.path() + "/oauth/access_token"))
        .clientId(appId)
        .clientSecret(appSecret)
        .redirectUri(redirectUri)
        .scopes(PUBLISH_SCOPES)
        .scopeDelimiter(",")
        .pkce(false);
  }

  /**
   * Creates the helper with default HTTP settings.
   *
   * @param config the configuration (see {@link #config(String, String, URI)}); needs the app
   *     secret
   * @return the helper
   * @throws IllegalArgumentException if the secret is missing or the token endpoint is not a Graph
   *     one
   */
  public static FacebookOAuth create(OAuth2Config config) {
    return create(config, HttpSettings.defaults());
  }

  /**
   * Creates the helper.
   *
   * @param config the configuration (see {@link #config(String, String, URI)}); needs the app
   *     secret
   * @param settings HTTP settings for every call it makes
   * @return the helper
   * @throws IllegalArgumentException if the secret is missing or the token endpoint is not a Graph
   *     one
   */
  public static FacebookOAuth create(OAuth2Config config, HttpSettings settings) {
    return new FacebookOAuth(config, settings);
  }

  /**
   * Refreshes a user token the way Facebook allows: Facebook issues no OAuth refresh tokens, so the
   * token (or the user token kept as its refresh token) is exchanged for a long-lived one ({@link
   * #exchangeForLongLived(String)}). For Page tokens use {@link #pageTokenRefresher(String,
   * String)}.
   *
   * @param current the token to refresh
   * @return the long-lived user token
   * @throws io.smo.core.exception.SmoException mapped Graph errors (190 for a bad token)
   */
  @Override
  public AccessToken refresh(AccessToken current) {
    requireNonNull(current, "current == null");
    return exchangeForLongLived(current.refreshToken().orElse(current.value()));
  }

  /**
   * Exchanges a short-lived user token for a long-lived one (about 60 days).
   *
   * @param shortLivedUserToken the token from the login
   * @return the long-lived token with its expiry
   * @throws io.smo.core.exception.SmoException mapped Graph errors (190 for a bad token)
   */
  public AccessToken exchangeForLongLived(String shortLivedUserToken) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("grant_type", "fb_exchange_token");
    q.put("client_id", appId);
    q.put("client_secret", appSecret);
    q.put("fb_exchange_token", shortLivedUserToken);
    JsonNode r = http.get(EXCHANGE, "oauth/access_token", q);
    AccessToken.Builder b =
        AccessToken.builder(r.path("access_token").asText())
            .tokenType(r.path("token_type").asText("bearer"));
    if (r.hasNonNull("expires_in")) {
      b.expiresAt(http.runtime().clock().instant().plusSeconds(r.get("expires_in").asLong()));
    }
    return b.build();
  }

  /**
   * Lists the Pages a user manages with their Page tokens ({@code GET /me/accounts}, all pages).
   *
   * @param userToken a (preferably long-lived) user token
   * @return the Pages
   */
  public List<PageAccount> pages(String userToken) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("fields", "id,name,access_token,tasks");
    q.put("access_token", userToken);
    q.put(AppSecretProof.PARAM, AppSecretProof.of(appSecret).forToken(userToken));
    List<PageAccount> out = new ArrayList<>();
    JsonNode page = http.get(ACCOUNTS, "me/accounts", q);
    for (int guard = 0; guard < 100; guard++) {
      for (JsonNode n : page.path("data")) {
        List<String> tasks = new ArrayList<>();
        n.path("tasks").forEach(t -> tasks.add(t.asText()));
        out.add(
            new PageAccount(
                n.path("id").asText(),
                n.path("name").asText(""),
                AccessToken.of(n.path("access_token").asText()),
                tasks));
      }
      var next = GraphPaging.nextCursor(page);
      if (next.isEmpty()) {
        break;
      }
      String url = GraphPaging.rebase(next.get(), http.runtime().baseUrl());
      page =
          http.send(
              ACCOUNTS,
              () ->
                  new okhttp3.Request.Builder()
                      .url(
                          okhttp3.HttpUrl.get(url)
                              .newBuilder()
                              .addQueryParameter("access_token", userToken)
                              .build())
                      .build());
    }
    return out;
  }

  /**
   * Returns a refresher that fetches a fresh Page token for {@code pageId} from {@code
   * /me/accounts}, for {@link io.smo.core.auth.RefreshingTokenProvider}. The user token used is the
   * current token's refresh token when it has one, else {@code userToken}; the new Page token
   * carries the user token as its refresh token, so the store keeps it.
   *
   * @param userToken the long-lived user token
   * @param pageId the Page
   */
  public TokenRefresher pageTokenRefresher(String userToken, String pageId) {
    return current -> {
      String user = current == null ? userToken : current.refreshToken().orElse(userToken);
      return pages(user).stream()
          .filter(p -> p.id().equals(pageId))
          .findFirst()
          .map(p -> p.token().toBuilder().refreshToken(user).build())
          .orElseThrow(
              () ->
                  new AuthenticationException(
                      ErrorDetails.builder(Platform.FACEBOOK, "page_tokens")
                          .message("the user does not manage Page " + pageId)
                          .build()));
    };
  }

  @Override
  public void close() {
    http.runtime().close();
  }

  @Override
  public String toString() {
    return "FacebookOAuth{appId=" + appId + ", version=" + http.version() + "}";
  }
}
