package io.smo.core.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.spi.TokenResponses;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.Operation;
import io.smo.core.http.RetryDecision;
import io.smo.core.internal.Redactor;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.resilience.Sleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OAuth 2.0 authorization-code flow helpers (RFC 6749) with PKCE S256 (RFC 7636, a 32-byte {@link
 * java.security.SecureRandom} verifier and its SHA-256 challenge, computed with the JDK): the
 * authorization URL with {@code state}, the code exchange, and the refresh-token grant ({@link
 * TokenRefresher}). Token responses are read in the RFC 6749 §5.1 shape ({@code access_token},
 * {@code expires_in} seconds, {@code refresh_token}, {@code refresh_token_expires_in}, {@code
 * scope}); error responses ({@code error}, {@code error_description}) become {@link
 * AuthenticationException}.
 *
 * <p>Token calls go through the SDK's {@link RetryDecision} as non-idempotent calls (a code can be
 * used once; a refresh may rotate the refresh token): retried only when the request surely did not
 * reach the server (connection refused, unknown host, no connection established) or on a 429 with
 * {@code Retry-After} (waited up to {@link RetryPolicy#maxRetryAfter()}, at most {@link
 * RetryPolicy#maxAttempts()} attempts of {@link RetryPolicy#defaults()}); any other failure is
 * thrown at once as a typed {@link TransportException}, {@link RateLimitException} or {@link
 * AuthenticationException}. OkHttp's own silent re-send is off for token calls.
 *
 * <p>Thread-safe. Secrets never reach logs or exception messages.
 */
@SmoPublicApi
public final class OAuth2Flow implements TokenRefresher {

  private final Platform platform;
  private final OAuth2Config config;
  private final OkHttpClient http;
  private final Clock clock;
  private final RetryPolicy retryPolicy = RetryPolicy.defaults();
  private final Sleeper sleeper = Sleeper.SYSTEM;

  /**
   * Creates a flow over an OkHttp client.
   *
   * @param platform the platform named in errors
   * @param config the client registration
   * @param http the HTTP client for token calls (not closed by this flow; the flow derives one with
   *     {@code newBuilder()} that never re-sends a request silently)
   * @param clock the clock turning {@code expires_in} into instants
   * @deprecated use {@link #create(Platform, OAuth2Config, HttpSettings, Clock)}; an {@code
   *     OkHttpClient} to share goes into {@link HttpSettings.Builder#okHttpClient}. Kept while
   *     platform modules still call it.
   */
  @Deprecated
  public OAuth2Flow(Platform platform, OAuth2Config config, OkHttpClient http, Clock clock) {
    this.platform = requireNonNull(platform, "platform == null");
    this.config = requireNonNull(config, "config == null");
    this.http = tokenClient(requireNonNull(http, "http == null"));
    this.clock = requireNonNull(clock, "clock == null");
  }

  /**
   * Creates a flow whose token calls use {@code settings} (timeouts, proxy, a shared client) and
   * the system UTC clock.
   *
   * @param platform the platform named in errors
   * @param config the client registration
   * @param settings the HTTP settings for token calls
   * @return the flow
   */
  public static OAuth2Flow create(Platform platform, OAuth2Config config, HttpSettings settings) {
    return create(platform, config, settings, Clock.systemUTC());
  }

  /**
   * Creates a flow whose token calls use {@code settings} (timeouts, proxy, a shared client).
   *
   * @param platform the platform named in errors
   * @param config the client registration
   * @param settings the HTTP settings for token calls
   * @param clock the clock turning {@code expires_in} (seconds) into UTC instants
   * @return the flow
   */
  @SuppressWarnings("deprecation")
  public static OAuth2Flow create(
      Platform platform, OAuth2Config config, HttpSettings settings, Clock clock) {
    return new OAuth2Flow(
        platform, config, requireNonNull(settings, "settings == null").newOkHttpClient(), clock);
  }

  /** Marks, as a request tag, that a token request reached the network. */
  private static final class SentMark {
    volatile boolean sent;
  }

  private static OkHttpClient tokenClient(OkHttpClient base) {
    return base.newBuilder()
        .retryOnConnectionFailure(false)
        .addNetworkInterceptor(
            chain -> {
              SentMark m = chain.request().tag(SentMark.class);
              if (m != null) {
                m.sent = true;
              }
              return chain.proceed(chain.request());
            })
        .build();
  }

  /** Returns the configuration. */
  public OAuth2Config config() {
    return config;
  }

  /** Returns a new authorization request: URL, fresh random {@code state} and PKCE verifier. */
  public AuthorizationRequest authorizationRequest() {
    String state = Pkce.newState();
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put(config.clientIdParameter(), config.clientId());
    config.redirectUri().ifPresent(r -> q.put("redirect_uri", r.toString()));
    if (!config.scopes().isEmpty()) {
      q.put("scope", String.join(config.scopeDelimiter(), config.scopes()));
    }
    q.put("state", state);
    String verifier = null;
    if (config.pkce()) {
      verifier = Pkce.newVerifier();
      q.put("code_challenge", Pkce.s256Challenge(verifier));
      q.put("code_challenge_method", "S256");
    }
    q.putAll(config.extraAuthorizationParameters());
    StringBuilder url = new StringBuilder(config.authorizationEndpoint().toString());
    url.append(url.indexOf("?") >= 0 ? '&' : '?');
    boolean first = true;
    for (Map.Entry<String, String> e : q.entrySet()) {
      if (!first) {
        url.append('&');
      }
      first = false;
      url.append(enc(e.getKey())).append('=').append(enc(e.getValue()));
    }
    return new AuthorizationRequest(URI.create(url.toString()), state, verifier);
  }

  /**
   * Exchanges an authorization code for tokens.
   *
   * @param code the code from the redirect
   * @param codeVerifier the verifier of the {@link AuthorizationRequest}, or {@code null} without
   *     PKCE
   * @throws AuthenticationException if the server refused the code
   * @throws TransportException if the token endpoint could not be reached or answered garbage
   */
  public AccessToken exchangeCode(String code, String codeVerifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", requireNonNull(code, "code == null"));
    config.redirectUri().ifPresent(r -> form.put("redirect_uri", r.toString()));
    if (codeVerifier != null) {
      form.put("code_verifier", codeVerifier);
    }
    return tokenCall("exchange code", form, null);
  }

  /**
   * Runs the refresh-token grant, with the configuration's {@link
   * OAuth2Config#extraRefreshParameters()}.
   *
   * @throws AuthenticationException if there is no refresh token, or the server refused it
   * @throws TransportException if the token endpoint could not be reached or answered garbage
   */
  @Override
  public AccessToken refresh(AccessToken current) {
    String refreshToken =
        current
            .refreshToken()
            .orElseThrow(
                () ->
                    new AuthenticationException(
                        ErrorDetails.builder(platform, "refresh token")
                            .message("no refresh token")
                            .build()));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    config.extraRefreshParameters().forEach(form::putIfAbsent);
    return tokenCall("refresh token", form, current);
  }

  private AccessToken tokenCall(String operation, Map<String, String> form, AccessToken previous) {
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    Request.Builder req = new Request.Builder().url(config.tokenEndpoint().toString());
    if (config.clientAuthentication() == OAuth2Config.ClientAuthentication.BASIC
        && config.clientSecret().isPresent()) {
      req.header(
          "Authorization",
          Credentials.basic(
              config.clientId(), config.clientSecret().get(), StandardCharsets.UTF_8));
    } else {
      body.add(config.clientIdParameter(), config.clientId());
      config.clientSecret().ifPresent(s -> body.add("client_secret", s));
    }
    req.post(body.build()).header("Accept", "application/json");
    Operation op = Operation.create(operation);
    Instant deadline = clock.instant().plus(retryPolicy.callBudget());
    for (int attempt = 1; ; attempt++) {
      SentMark mark = new SentMark();
      RetryDecision.Failure failure;
      SmoException error;
      try {
        return attempt(operation, req.tag(SentMark.class, mark).build(), form, previous);
      } catch (RateLimitException e) {
        error = e;
        failure =
            new RetryDecision.Failure(
                RetryDecision.Cause.RATE_LIMITED,
                true,
                429,
                !e.retryAfter().isZero(),
                false,
                e.retryAfter());
      } catch (TokenEndpointUnreachable e) {
        IOException io = e.io;
        boolean notSent =
            !mark.sent
                || io instanceof ConnectException
                || io instanceof UnknownHostException
                || io instanceof NoRouteToHostException;
        error =
            new TransportException(
                platform,
                operation,
                "token endpoint unreachable: "
                    + io.getClass().getSimpleName()
                    + (notSent
                        ? " before the request was sent"
                        : " after the"
                            + " request was sent; not retried, since a code exchange or refresh is not idempotent"),
                io,
                true);
        failure =
            new RetryDecision.Failure(
                RetryDecision.Cause.IO_ERROR, !notSent, 0, true, false, Duration.ZERO);
      }
      RetryDecision d =
          RetryDecision.decide(
              failure,
              attempt,
              op,
              false,
              retryPolicy,
              Duration.between(clock.instant(), deadline));
      if (d.action() != RetryDecision.Action.WAIT) {
        throw error.withAttempts(attempt);
      }
      try {
        sleeper.sleep(d.delay());
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw error.withAttempts(attempt);
      }
    }
  }

  /** An I/O failure of one token attempt, classified by the loop. */
  private static final class TokenEndpointUnreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient IOException io;

    TokenEndpointUnreachable(IOException io) {
      super(null, null, false, false);
      this.io = io;
    }
  }

  private AccessToken attempt(
      String operation, Request request, Map<String, String> form, AccessToken previous) {
    try (Response resp = http.newCall(request).execute()) {
      if (resp.code() == 429) {
        Duration retryAfter = retryAfterSeconds(resp.header("Retry-After"));
        throw new RateLimitException(
            ErrorDetails.builder(platform, operation)
                .httpStatus(429)
                .message(
                    "token endpoint answered HTTP 429"
                        + (retryAfter.isZero()
                            ? " without Retry-After"
                            : ", Retry-After " + retryAfter.toSeconds() + " s"))
                .build(),
            retryAfter);
      }
      ResponseBody rb = resp.body();
      String text = rb == null ? "" : rb.string();
      JsonNode json = TokenResponses.parse(text, resp.code(), platform, operation);
      if (json == null || !json.isObject()) {
        throw new TransportException(
            platform,
            operation,
            "token endpoint answered HTTP " + resp.code() + " with JSON that is not an object",
            null,
            resp.code() >= 500);
      }
      JsonNode data =
          json.has("data") && json.get("data").isObject() && !json.has("access_token")
              ? json.get("data")
              : json; // TikTok-style envelopes
      if (!resp.isSuccessful() || !data.hasNonNull("access_token")) {
        String error = data.path("error").asText(json.path("error").asText(null));
        String description =
            data.path("error_description")
                .asText(json.path("error_description").asText(json.path("message").asText("")));
        if (resp.code() >= 500) {
          throw new TransportException(
              platform, operation, "token endpoint answered HTTP " + resp.code(), null, true);
        }
        // a server may echo the refresh token, code or secret in its text: mask the values sent
        List<String> secrets = new ArrayList<>(form.values());
        secrets.removeAll(config.extraRefreshParameters().values()); // fixed values, not secrets
        config.clientSecret().ifPresent(secrets::add);
        throw new AuthenticationException(
            ErrorDetails.builder(platform, operation)
                .httpStatus(resp.code())
                .errorCode(error == null ? null : Redactor.redactSecrets(error, secrets))
                .message(Redactor.redactSecrets(description, secrets))
                .bodySnippet(Redactor.redactSecrets(text, secrets))
                .build());
      }
      return parseToken(data, previous);
    } catch (IOException e) {
      throw new TokenEndpointUnreachable(e);
    } catch (SmoException | TokenEndpointUnreachable e) {
      throw e;
    } catch (RuntimeException e) {
      // OkHttp or a parser threw something raw: typed, without its message (it may hold a value)
      throw new TransportException(
          platform, operation, "token call failed: " + e.getClass().getSimpleName(), null, false);
    }
  }

  /**
   * Reads an RFC 6749 §5.1 token response.
   *
   * @param json the response object
   * @param previous the token being replaced, whose scopes are kept when the response names none
   * @return the token
   * @throws AuthenticationException if {@code access_token} is missing, not a usable string, or a
   *     lifetime is not a number of seconds in range ({@link TokenResponses})
   */
  public AccessToken parseToken(JsonNode json, AccessToken previous) {
    Instant now = clock.instant();
    String op = "token";
    AccessToken.Builder b =
        AccessToken.builder(TokenResponses.token(json, "access_token", platform, op));
    if (json.hasNonNull("token_type") && json.get("token_type").isTextual()) {
      b.tokenType(json.get("token_type").asText());
    }
    b.expiresAt(TokenResponses.expiresAt(now, json, "expires_in", platform, op));
    if (json.hasNonNull("refresh_token") && !json.get("refresh_token").asText().isBlank()) {
      b.refreshToken(TokenResponses.token(json, "refresh_token", platform, op));
      if (json.hasNonNull("refresh_token_expires_in")) {
        b.refreshTokenExpiresAt(
            TokenResponses.expiresAt(now, json, "refresh_token_expires_in", platform, op));
      } else if (json.hasNonNull("refresh_expires_in")) {
        b.refreshTokenExpiresAt(
            TokenResponses.expiresAt(now, json, "refresh_expires_in", platform, op));
      }
    }
    if (json.hasNonNull("scope")) {
      Set<String> scopes =
          new LinkedHashSet<>(Arrays.asList(json.get("scope").asText().split("[ ,]+")));
      scopes.remove("");
      b.scopes(scopes);
    } else if (previous != null) {
      b.scopes(previous.scopes());
    }
    return b.build();
  }

  /**
   * A {@code Retry-After} in seconds (RFC 9110 §10.2.3 delay-seconds); zero when absent or a date.
   */
  private static Duration retryAfterSeconds(String header) {
    if (header == null) {
      return Duration.ZERO;
    }
    try {
      long s = Long.parseLong(header.trim());
      return s > 0 ? Duration.ofSeconds(s) : Duration.ZERO;
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "OAuth2Flow{" + platform.id() + ", " + config + "}";
  }
}
