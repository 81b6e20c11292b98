package io.smo.tiktok;

import static java.util.Objects.requireNonNull;

import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.auth.TokenRefresher;
import io.smo.core.auth.TokenStore;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.tiktok.internal.TikTokApi;
import io.smo.tiktok.internal.TikTokDtos.BusinessRefreshRequest;
import io.smo.tiktok.internal.TikTokDtos.BusinessTokenData;
import io.smo.tiktok.internal.TikTokDtos.BusinessTokenRequest;
import io.smo.tiktok.internal.TikTokErrorMapper;
import io.smo.tiktok.internal.TikTokRateLimitParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The OAuth of the TikTok API for Business, for the token a {@link TikTokBusinessAccount} needs:
 * the account holder opens the app's Authorization URL (shown in the TikTok API for Business portal
 * under My Apps, App Detail, Basic Information), TikTok redirects with {@code code}, and {@link
 * #exchange(String)} trades it for a token and the account's {@code business_id} ({@code POST
 * tt_user/oauth2/token/}). The token lives one day; {@link #refresh(AccessToken)} ({@code POST
 * tt_user/oauth2/refresh_token/}) renews it with a rotated refresh token, and {@link
 * #tokenProvider(String, TokenStore)} does so before expiry. Comments need the scopes {@code
 * comment.list} and {@code comment.list.manage}.
 *
 * <p>The calls run through the SDK's call path as creates: an authorization code and a refresh
 * token are single-use, so a request that may have reached TikTok is never re-sent. Refusals (HTTP
 * 200 with a non-zero {@code code}) become {@link AuthenticationException}; neither the app secret,
 * the code nor a token ever appears in a message or {@code toString()}.
 *
 * <p>Sources: paths, bodies and the answer shape from sns-sdks/python-tiktok @f02da5b ({@code
 * pytiktok/business_account_api.py}, {@code testsdata/business/access_token/token_resp.json}) and
 * its authorization guide, which links the official page; not read from TikTok directly.
 *
 * <pre>{@code
 * try (TikTokBusinessOAuth oauth = TikTokBusinessOAuth.create(appId, appSecret, redirect)) {
 *   TikTokBusinessOAuth.BusinessToken t = oauth.exchange(codeFromRedirect);
 *   store.save(t.businessId(), t.token());
 *   TikTokBusinessAccount account = TikTokBusinessAccount.builder()
 *       .businessId(t.businessId())
 *       .tokenProvider(oauth.tokenProvider(t.businessId(), store))
 *       .build();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Close it to release its connection pool (a token provider made by it stops
 * refreshing then).
 *
 * @see <a href="https://ads.tiktok.com/marketing_api/docs?id=1733079856582657">Authorization for
 *     Business accounts</a>
 */
@SmoPublicApi
public final class TikTokBusinessOAuth implements TokenRefresher, AutoCloseable {
  /** How long a Business API token lives when TikTok does not say: one day. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(1);

  private static final Operation EXCHANGE = Operation.create("exchange business code");
  private static final Operation REFRESH = Operation.create("refresh business token");

  private final String appId;
  private final String appSecret;
  private final URI redirectUri;
  private final ApiRuntime runtime;
  private final TikTokApi api;
  private final Clock clock;

  /**
   * A Business API token and the account it belongs to.
   *
   * <p>{@link #toString()} shows the business id only.
   */
  public static final class BusinessToken {
    private final AccessToken token;
    private final String businessId;

    BusinessToken(AccessToken token, String businessId) {
      this.token = token;
      this.businessId = businessId;
    }

    /** Returns the token (with its refresh token and expiry). */
    public AccessToken token() {
      return token;
    }

    /** Returns the account's {@code business_id} ({@code open_id} in TikTok's answer). */
    public String businessId() {
      return businessId;
    }

    @Override
    public String toString() {
      return "BusinessToken{businessId=" + businessId + "}";
    }
  }

  private TikTokBusinessOAuth(
      String appId, String appSecret, URI redirectUri, HttpSettings settings, URI baseUrl) {
    this.appId = requireText(appId, "appId");
    this.appSecret = requireText(appSecret, "appSecret");
    this.redirectUri = requireNonNull(redirectUri, "redirectUri == null");
    this.clock = Clock.systemUTC();
    this.runtime =
        ApiRuntime.builder(Platform.TIKTOK, "smo-tiktok")
            .baseUrl(requireNonNull(baseUrl, "baseUrl == null"))
            .httpSettings(requireNonNull(settings, "settings == null"))
            .errorMapper(new TikTokErrorMapper())
            .rateLimitParser(new TikTokRateLimitParser())
            .clock(clock)
            .build();
    this.api = runtime.service(TikTokApi.class);
  }

  /**
   * Creates the OAuth helper for production ({@link TikTokBusinessAccount#DEFAULT_BASE_URL}).
   *
   * @param appId the app id of the TikTok API for Business app
   * @param appSecret its secret
   * @param redirectUri the redirect URL registered for the app (sent with the code exchange)
   * @throws IllegalArgumentException if the id or secret is blank
   */
  public static TikTokBusinessOAuth create(String appId, String appSecret, URI redirectUri) {
    return create(
        appId,
        appSecret,
        redirectUri,
        HttpSettings.defaults(),
        TikTokBusinessAccount.DEFAULT_BASE_URL);
  }

  /**
   * Creates the OAuth helper with HTTP settings and another base (the sandbox, a test server).
   *
   * @param appId the app id
   * @param appSecret its secret
   * @param redirectUri the registered redirect URL
   * @param settings timeouts and proxy
   * @param baseUrl the Business API base, e.g. {@code
   *     https://business-api.tiktok.com/open_api/v1.3/}
   * @throws IllegalArgumentException if the id or secret is blank
   */
  public static TikTokBusinessOAuth create(
      String appId, String appSecret, URI redirectUri, HttpSettings settings, URI baseUrl) {
    String b = requireNonNull(baseUrl, "baseUrl == null").toString();
    return new TikTokBusinessOAuth(
        appId, appSecret, redirectUri, settings, b.endsWith("/") ? baseUrl : URI.create(b + "/"));
  }

  /**
   * Exchanges the {@code code} of the redirect for a token and the account's {@code business_id}.
   *
   * @param authCode the code from the redirect
   * @return the token (one day) with its refresh token, and the business id
   * @throws IllegalArgumentException if the code is blank; nothing was sent
   * @throws AuthenticationException if TikTok refused the code (used, expired, another app)
   * @throws io.smo.core.exception.PublishOutcomeUnknownException if the answer was lost after the
   *     code may have been used (ask the account holder to authorize again)
   * @throws SmoException on other failures
   */
  public BusinessToken exchange(String authCode) {
    String code = requireText(authCode, "authCode");
    BusinessTokenData d =
        auth(
            () ->
                TikTokErrorMapper.unwrapBusiness(
                    runtime,
                    EXCHANGE,
                    () ->
                        api.businessToken(
                            ApiRuntime.NoAuth.INSTANCE,
                            new BusinessTokenRequest(
                                appId,
                                appSecret,
                                "authorization_code",
                                code,
                                redirectUri.toString())),
                    List.of(appSecret, code)));
    AccessToken t = token(d, EXCHANGE);
    if (d.openId() == null || d.openId().isBlank()) {
      throw new AuthenticationException(
          ErrorDetails.builder(Platform.TIKTOK, EXCHANGE.name())
              .httpStatus(200)
              .message("TikTok's token answer named no open_id (the business_id)")
              .build());
    }
    return new BusinessToken(t, d.openId());
  }

  /**
   * Renews a token with its refresh token; TikTok rotates the refresh token.
   *
   * @throws AuthenticationException if there is no refresh token, it expired, or TikTok refused it
   * @throws SmoException on other failures
   */
  @Override
  public AccessToken refresh(AccessToken current) {
    requireNonNull(current, "current == null");
    String rt =
        current
            .refreshToken()
            .orElseThrow(
                () ->
                    new AuthenticationException(
                        ErrorDetails.builder(Platform.TIKTOK, REFRESH.name())
                            .message("the Business API token has no refresh token; authorize again")
                            .build()));
    Instant rtExpiry = current.refreshTokenExpiresAt().orElse(null);
    if (rtExpiry != null && !clock.instant().isBefore(rtExpiry)) {
      throw new AuthenticationException(
          ErrorDetails.builder(Platform.TIKTOK, REFRESH.name())
              .message(
                  "the Business API refresh token expired at " + rtExpiry + "; authorize again")
              .build());
    }
    BusinessTokenData d =
        auth(
            () ->
                TikTokErrorMapper.unwrapBusiness(
                    runtime,
                    REFRESH,
                    () ->
                        api.businessRefresh(
                            ApiRuntime.NoAuth.INSTANCE,
                            new BusinessRefreshRequest(appId, appSecret, "refresh_token", rt)),
                    List.of(appSecret, rt, current.value())));
    return token(d, REFRESH);
  }

  /**
   * Returns a token provider for one stored Business API token: it refreshes the token before it
   * expires and saves every new token (with its rotated refresh token) to {@code store}.
   *
   * @param businessId the key the token is stored under
   * @param store holds a token for {@code businessId}
   */
  public RefreshingTokenProvider tokenProvider(String businessId, TokenStore store) {
    return RefreshingTokenProvider.builder(businessId, store, this)
        .platform(Platform.TIKTOK)
        .build();
  }

  /** Releases the connection pool. */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "TikTokBusinessOAuth{appId=" + appId + "}";
  }

  private AccessToken token(BusinessTokenData d, Operation op) {
    if (d == null || d.accessToken() == null || d.accessToken().isBlank()) {
      throw new AuthenticationException(
          ErrorDetails.builder(Platform.TIKTOK, op.name())
              .httpStatus(200)
              .message("TikTok's token answer held no access_token")
              .build());
    }
    Instant now = clock.instant();
    AccessToken.Builder b =
        AccessToken.builder(d.accessToken())
            .tokenType(d.tokenType() == null ? "Bearer" : d.tokenType())
            .expiresAt(
                now.plus(
                    d.expiresIn() != null && d.expiresIn() > 0
                        ? Duration.ofSeconds(d.expiresIn())
                        : DEFAULT_TOKEN_LIFETIME));
    if (d.refreshToken() != null && !d.refreshToken().isBlank()) {
      b.refreshToken(d.refreshToken());
      if (d.refreshTokenExpiresIn() != null && d.refreshTokenExpiresIn() > 0) {
        b.refreshTokenExpiresAt(now.plusSeconds(d.refreshTokenExpiresIn()));
      }
    }
    Set<String> scopes = new LinkedHashSet<>();
    if (d.scope() != null) {
      for (String s : d.scope().split(",", -1)) {
        if (!s.isBlank()) {
          scopes.add(s.trim());
        }
      }
    }
    return b.scopes(scopes).build();
  }

  /** Runs a token call; a refusal of the code or refresh token is an authentication failure. */
  private static <T> T auth(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidRequestException e) {
      throw new AuthenticationException(e.details()); // same details: TikTok's code and text
    }
  }

  private static String requireText(String s, String name) {
    requireNonNull(s, name + " == null");
    if (s.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return s.strip();
  }
}
