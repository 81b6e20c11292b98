package io.smo.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.TransportException;
import io.smo.core.fake.FakeClient;
import io.smo.core.fake.FakeTime;
import io.smo.core.resilience.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proactive and reactive refresh through {@link OAuth2Flow} against a WireMock token endpoint. */
@WireMockTest
class TokenRefreshTest {
  static final PostRef REF = PostRef.of(Platform.TWITTER, "p1");
  static final OkHttpClient HTTP = new OkHttpClient();

  FakeTime time;
  InMemoryTokenStore store;
  OAuth2Flow flow;
  String base;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    time = new FakeTime();
    store = new InMemoryTokenStore();
    base = wm.getHttpBaseUrl();
    OAuth2Config config =
        OAuth2Config.builder()
            .authorizationEndpoint(URI.create(base + "/oauth/authorize"))
            .tokenEndpoint(URI.create(base + "/oauth/token"))
            .clientId("client-abc")
            .clientSecret("shh-client-secret")
            .build();
    flow = new OAuth2Flow(Platform.TWITTER, config, HTTP, time);
  }

  RefreshingTokenProvider provider() {
    return RefreshingTokenProvider.builder("acct-1", store, flow)
        .clock(time)
        .platform(Platform.TWITTER)
        .build();
  }

  FakeClient client(TokenProvider tokens) {
    return FakeClient.builder(Platform.TWITTER)
        .baseUrl(URI.create(base + "/api/"))
        .tokenProvider(tokens)
        .clock(time)
        .sleeper(time.sleeper())
        .retryPolicy(RetryPolicy.builder().jitter(0).build())
        .build();
  }

  void storeExpired(String refresh) {
    store.save(
        "acct-1",
        AccessToken.builder("old-access")
            .refreshToken(refresh)
            .expiresAt(FakeTime.START.minusSeconds(1))
            .scopes(Set.of("tweet.write"))
            .build());
  }

  static void tokenEndpointAnswers(String json) {
    stubFor(post("/oauth/token").willReturn(okJson(json)));
  }

  @Test
  void hundredThreadsWithAnExpiredTokenRefreshExactlyOnce() throws Exception {
    storeExpired("refresh-1");
    stubFor(
        post("/oauth/token")
            .willReturn(
                okJson(
                        "{\"access_token\":\"new-access\",\"token_type\":\"bearer\",\"expires_in\":7200,"
                            + "\"refresh_token\":\"refresh-2\"}")
                    .withFixedDelay(200)));
    stubFor(
        get("/api/posts/p1")
            .withHeader("Authorization", equalTo("Bearer new-access"))
            .willReturn(okJson("{\"id\":\"p1\",\"likes\":9}")));
    FakeClient client = client(provider());
    int n = 100;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Long>> results = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.metrics(REF).likes().getAsLong();
                }));
      }
      start.countDown();
      for (Future<Long> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(9L);
      }
    } finally {
      pool.shutdownNow();
      client.close();
    }
    verify(
        1,
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=refresh-1"))
            .withRequestBody(containing("client_secret=shh-client-secret")));
    verify(n, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void rotatedRefreshTokenIsPersistedWithItsAccessToken() {
    storeExpired("refresh-1");
    tokenEndpointAnswers(
        "{\"access_token\":\"new-access\",\"expires_in\":3600,"
            + "\"refresh_token\":\"refresh-2\",\"refresh_token_expires_in\":86400,\"scope\":\"a b\"}");
    AccessToken t = provider().token();
    assertThat(t.value()).isEqualTo("new-access");
    AccessToken stored = store.load("acct-1").orElseThrow();
    assertThat(stored.value()).isEqualTo("new-access");
    assertThat(stored.refreshToken()).hasValue("refresh-2");
    assertThat(stored.expiresAt()).hasValue(FakeTime.START.plusSeconds(3600));
    assertThat(stored.refreshTokenExpiresAt()).hasValue(FakeTime.START.plusSeconds(86400));
    assertThat(stored.scopes()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void storedRefreshTokenIsNeverOverwrittenWithAnEmptyOne() {
    storeExpired("refresh-1");
    tokenEndpointAnswers(
        "{\"access_token\":\"new-access\",\"expires_in\":3600,\"refresh_token\":\"\"}");
    provider().token();
    assertThat(store.load("acct-1").orElseThrow().refreshToken()).hasValue("refresh-1");
    assertThat(store.load("acct-1").orElseThrow().scopes()).containsExactly("tweet.write");

    storeExpired("refresh-1");
    tokenEndpointAnswers("{\"access_token\":\"newer-access\",\"expires_in\":3600}");
    provider().token();
    AccessToken stored = store.load("acct-1").orElseThrow();
    assertThat(stored.value()).isEqualTo("newer-access");
    assertThat(stored.refreshToken()).hasValue("refresh-1");
  }

  @Test
  void validTokenIsCachedUntilShortlyBeforeExpiry() {
    store.save(
        "acct-1",
        AccessToken.builder("valid")
            .refreshToken("r")
            .expiresAt(FakeTime.START.plusSeconds(600))
            .build());
    tokenEndpointAnswers("{\"access_token\":\"fresh\",\"expires_in\":3600}");
    RefreshingTokenProvider p = provider();
    assertThat(p.token().value()).isEqualTo("valid");
    time.advance(Duration.ofSeconds(500));
    assertThat(p.token().value()).isEqualTo("valid");
    verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
    // inside the 60 s skew: refreshed proactively
    time.advance(Duration.ofSeconds(50));
    assertThat(p.token().value()).isEqualTo("fresh");
    verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void reactiveRefreshOn401Once() {
    store.save(
        "acct-1",
        AccessToken.builder("revoked")
            .refreshToken("refresh-1")
            .expiresAt(FakeTime.START.plusSeconds(3600))
            .build());
    tokenEndpointAnswers("{\"access_token\":\"new-access\",\"expires_in\":3600}");
    stubFor(
        get("/api/posts/p1")
            .withHeader("Authorization", equalTo("Bearer revoked"))
            .willReturn(aResponse().withStatus(401)));
    stubFor(
        get("/api/posts/p1")
            .withHeader("Authorization", equalTo("Bearer new-access"))
            .willReturn(okJson("{\"id\":\"p1\",\"likes\":4}")));
    try (FakeClient client = client(provider())) {
      assertThat(client.metrics(REF).likes()).hasValue(4);
    }
    verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    verify(2, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void a401AfterTheRefreshIsNotRefreshedAgain() {
    store.save(
        "acct-1",
        AccessToken.builder("revoked")
            .refreshToken("refresh-1")
            .expiresAt(FakeTime.START.plusSeconds(3600))
            .build());
    tokenEndpointAnswers("{\"access_token\":\"new-access\",\"expires_in\":3600}");
    stubFor(get("/api/posts/p1").willReturn(aResponse().withStatus(401)));
    try (FakeClient client = client(provider())) {
      assertThatThrownBy(() -> client.metrics(REF)).isInstanceOf(AuthenticationException.class);
    }
    verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    verify(2, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void fixedTokenIsNotRefreshedOn401() {
    stubFor(get("/api/posts/p1").willReturn(aResponse().withStatus(401)));
    try (FakeClient client = client(TokenProvider.of("fixed-token"))) {
      assertThatThrownBy(() -> client.metrics(REF)).isInstanceOf(AuthenticationException.class);
    }
    verify(1, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void concurrentRejectionsRefreshOnce() throws Exception {
    store.save(
        "acct-1",
        AccessToken.builder("revoked")
            .refreshToken("refresh-1")
            .expiresAt(FakeTime.START.plusSeconds(3600))
            .build());
    AtomicInteger refreshes = new AtomicInteger();
    RefreshingTokenProvider p =
        RefreshingTokenProvider.builder(
                "acct-1",
                store,
                current -> {
                  refreshes.incrementAndGet();
                  return AccessToken.builder("new-" + refreshes.get())
                      .expiresAt(FakeTime.START.plusSeconds(3600))
                      .build();
                })
            .clock(time)
            .build();
    AccessToken rejected = p.token();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<AccessToken>> fs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fs.add(pool.submit(() -> p.refreshAfterRejection(rejected)));
    }
    for (Future<AccessToken> f : fs) {
      assertThat(f.get(30, TimeUnit.SECONDS).value()).isEqualTo("new-1");
    }
    pool.shutdown();
    assertThat(refreshes).hasValue(1);
    assertThat(store.load("acct-1").orElseThrow().refreshToken()).hasValue("refresh-1");
  }

  @Test
  void expiredTokenWithoutRefreshTokenFailsClearly() {
    store.save(
        "acct-1", AccessToken.builder("old").expiresAt(FakeTime.START.minusSeconds(5)).build());
    assertThatThrownBy(() -> provider().token())
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("no refresh token")
        .hasMessageNotContaining("old");
    assertThatThrownBy(() -> RefreshingTokenProvider.builder("nobody", store, flow).build().token())
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("authorize first");
  }

  @Test
  void tokenEndpointErrorsAreTyped() {
    storeExpired("refresh-1");
    stubFor(
        post("/oauth/token")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token refresh-1 revoked\"}")));
    assertThatThrownBy(() -> provider().token())
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.errorCode()).hasValue("invalid_grant"));
    stubFor(post("/oauth/token").willReturn(aResponse().withStatus(502).withBody("<html>")));
    assertThatThrownBy(() -> provider().token()).isInstanceOf(TransportException.class);
  }

  @Test
  void tiktokEnvelopeIsUnderstood() {
    storeExpired("refresh-1");
    tokenEndpointAnswers(
        "{\"data\":{\"access_token\":\"tt-access\",\"expires_in\":86400,"
            + "\"refresh_token\":\"tt-refresh\",\"refresh_expires_in\":31536000},\"message\":\"success\"}");
    assertThat(provider().token().value()).isEqualTo("tt-access");
    assertThat(store.load("acct-1").orElseThrow().refreshToken()).hasValue("tt-refresh");
  }

  @Test
  void basicClientAuthenticationSendsCredentialsInTheHeader(WireMockRuntimeInfo wm) {
    OAuth2Flow basic =
        new OAuth2Flow(
            Platform.PINTEREST,
            OAuth2Config.builder()
                .authorizationEndpoint(URI.create(base + "/oauth/authorize"))
                .tokenEndpoint(URI.create(base + "/oauth/token"))
                .clientId("cid")
                .clientSecret("csecret")
                .clientAuthentication(OAuth2Config.ClientAuthentication.BASIC)
                .build(),
            HTTP,
            time);
    tokenEndpointAnswers("{\"access_token\":\"a\",\"expires_in\":10}");
    basic.exchangeCode("the-code", "the-verifier");
    verify(
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withHeader("Authorization", equalTo(okhttp3.Credentials.basic("cid", "csecret")))
            .withRequestBody(containing("grant_type=authorization_code"))
            .withRequestBody(containing("code=the-code"))
            .withRequestBody(containing("code_verifier=the-verifier")));
    verify(0, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("csecret")));
  }
}
