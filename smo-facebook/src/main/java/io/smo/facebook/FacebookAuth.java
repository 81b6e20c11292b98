package io.smo.facebook;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.TokenRefresher;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.http.ApiRuntime;
import io.smo.core.HttpSettings;
import io.smo.core.http.Operation;
import io.smo.core.resilience.Sleeper;
import io.smo.facebook.graph.AppSecretProof;
import io.smo.facebook.graph.GraphApiVersion;
import io.smo.facebook.graph.GraphErrorMapper;
import io.smo.facebook.graph.GraphPaging;
import io.smo.facebook.graph.GraphRateLimitParser;
import io.smo.facebook.internal.GraphHttp;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facebook Login for Pages: the OAuth configuration for {@link io.smo.core.auth.OAuth2Flow}
 * (authorization URL and code exchange), the long-lived user token exchange ({@code GET
 * /oauth/access_token?grant_type=fb_exchange_token}, about 60 days), and Page access tokens from
 * {@code GET /me/accounts} (a Page token obtained with a long-lived user token does not expire).
 * {@link #pageTokenRefresher(String, String)} plugs the last into a {@link
 * io.smo.core.auth.RefreshingTokenProvider}. Thread-safe; close it when done. Secrets never
 * appear in {@link #toString()} or messages.
 *
 * @see <a href="https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived">Long-lived tokens</a>
 */
@SmoPublicApi
public final class FacebookAuth implements AutoCloseable {
  /** Scopes a Page publisher needs. */
  public static final Set<String> PUBLISH_SCOPES = Set.of("pages_show_list", "pages_manage_posts",
      "pages_read_engagement", "pages_manage_engagement", "pages_read_user_content",
      "publish_video", "read_insights");

  private static final Operation EXCHANGE = Operation.read("token_exchange", "oauth");
  private static final Operation ACCOUNTS = Operation.read("page_tokens", "oauth");

  private final String appId;
  private final String appSecret;
  private final GraphApiVersion version;
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

  private FacebookAuth(Builder b) {
    appId = requireNonNull(b.appId, "appId == null");
    appSecret = requireNonNull(b.appSecret, "appSecret == null");
    version = b.version;
    ApiRuntime rt = ApiRuntime.builder(Platform.FACEBOOK, "smo-facebook")
        .baseUrl(b.baseUrl).httpSettings(b.httpSettings)
        .errorMapper(new GraphErrorMapper(Platform.FACEBOOK))
        .rateLimitParser(new GraphRateLimitParser(Platform.FACEBOOK))
        .clock(b.clock).sleeper(b.sleeper).build();
    http = new GraphHttp(rt, version);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the OAuth configuration for {@link io.smo.core.auth.OAuth2Flow}: the Facebook Login
   * dialog ({@code https://www.facebook.com/<version>/dialog/oauth}) and the Graph token endpoint.
   *
   * @param redirectUri the registered redirect URI
   * @param scopes the permissions to ask for (e.g. {@link #PUBLISH_SCOPES})
   */
  public OAuth2Config oauthConfig(URI redirectUri, Set<String> scopes) {
    return OAuth2Config.builder()
        .authorizationEndpoint(URI.create("https://www.facebook.com/" + version.path() + "/dialog/oauth"))
        .tokenEndpoint(http.url("oauth/access_token", Map.of()).uri())
        .clientId(appId).clientSecret(appSecret).redirectUri(redirectUri).scopes(scopes)
        .scopeDelimiter(",").pkce(false).build();
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
    AccessToken.Builder b = AccessToken.builder(r.path("access_token").asText())
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
        out.add(new PageAccount(n.path("id").asText(), n.path("name").asText(""),
            AccessToken.of(n.path("access_token").asText()), tasks));
      }
      var next = GraphPaging.nextCursor(page);
      if (next.isEmpty()) {
        break;
      }
      String url = GraphPaging.rebase(next.get(), http.runtime().baseUrl());
      page = http.send(ACCOUNTS, () -> new okhttp3.Request.Builder().url(okhttp3.HttpUrl.get(url)
          .newBuilder().addQueryParameter("access_token", userToken).build()).build());
    }
    return out;
  }

  /**
   * Returns a refresher that fetches a fresh Page token for {@code pageId} from {@code
   * /me/accounts}, for {@link io.smo.core.auth.RefreshingTokenProvider}. The user token used is
   * the current token's refresh token when it has one, else {@code userToken}; the new Page token
   * carries the user token as its refresh token, so the store keeps it.
   *
   * @param userToken the long-lived user token
   * @param pageId the Page
   */
  public TokenRefresher pageTokenRefresher(String userToken, String pageId) {
    return current -> {
      String user = current == null ? userToken : current.refreshToken().orElse(userToken);
      return pages(user).stream().filter(p -> p.id().equals(pageId)).findFirst()
        .map(p -> p.token().toBuilder().refreshToken(user).build())
        .orElseThrow(() -> new AuthenticationException(ErrorDetails.builder(Platform.FACEBOOK,
            "page_tokens").message("the user does not manage Page " + pageId).build()));
    };
  }

  @Override
  public void close() {
    http.runtime().close();
  }

  @Override
  public String toString() {
    return "FacebookAuth{appId=" + appId + ", version=" + version + "}";
  }

  /** Builds {@link FacebookAuth}. Mutable, not thread-safe. */
  public static final class Builder {
    private String appId;
    private String appSecret;
    private GraphApiVersion version = GraphApiVersion.DEFAULT;
    private URI baseUrl = FacebookClient.DEFAULT_BASE_URL;
    private HttpSettings httpSettings = HttpSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    /** Sets the app id. Required. */
    public Builder appId(String appId) {
      this.appId = appId;
      return this;
    }

    /** Sets the app secret. Required. Never logged. */
    public Builder appSecret(String appSecret) {
      this.appSecret = appSecret;
      return this;
    }

    /** Sets the Graph version. Default {@link GraphApiVersion#DEFAULT}. */
    public Builder graphVersion(GraphApiVersion version) {
      this.version = requireNonNull(version, "version == null");
      return this;
    }

    /** Overrides the Graph host (tests, sandbox). */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** Sets HTTP settings. */
    public Builder httpSettings(HttpSettings s) {
      this.httpSettings = requireNonNull(s, "httpSettings == null");
      return this;
    }

    /** Sets the clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets the sleeper. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Returns the helper. */
    public FacebookAuth build() {
      return new FacebookAuth(this);
    }
  }
}
