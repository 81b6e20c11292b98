package io.smo.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import com.zaxxer.hikari.HikariDataSource;
import io.smo.core.Platform;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.exception.AuthenticationException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two instances (two pools on one database, each with its own store and provider), 100 threads
 * each, one expired rotating token: exactly one refresh request; every call goes out with the
 * rotated token. A refused refresh: one request, remembered by both instances. Tokens encrypted at
 * rest. Runs on H2 and on PostgreSQL when reachable.
 */
@WireMockTest
class JdbcTokenStoreTest {
  // 200 calls at once on a loaded build machine: WireMock may take longer than OkHttp's default 10
  // s
  static final OkHttpClient HTTP =
      new OkHttpClient.Builder()
          .connectTimeout(java.time.Duration.ofSeconds(60))
          .readTimeout(java.time.Duration.ofSeconds(60))
          .build();
  static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final int THREADS = 100;

  final List<HikariDataSource> pools = new ArrayList<>();
  String base;
  String account;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
    account = "x:user-" + UUID.randomUUID();
    stubFor(
        get("/api/me")
            .withHeader("Authorization", equalTo("Bearer rotated-access"))
            .willReturn(okJson("{\"ok\":true}")));
    stubFor(get("/api/me").atPriority(10).willReturn(aResponse().withStatus(401)));
  }

  @AfterEach
  void tearDown() {
    pools.forEach(HikariDataSource::close);
  }

  HikariDataSource pool(String db) {
    HikariDataSource ds = Databases.pool(db, "tokens", 8);
    pools.add(ds);
    return ds;
  }

  OAuth2Flow flow() {
    OAuth2Config config =
        OAuth2Config.builder()
            .authorizationEndpoint(URI.create(base + "/oauth/authorize"))
            .tokenEndpoint(URI.create(base + "/oauth/token"))
            .clientId("client-abc")
            .clientSecret("shh-client-secret")
            .build();
    return new OAuth2Flow(Platform.TWITTER, config, HTTP, Clock.systemUTC());
  }

  RefreshingTokenProvider instance(HikariDataSource ds) {
    return RefreshingTokenProvider.builder(
            account, new JdbcTokenStore(ds, TokenCipher.aesGcm(KEY)), flow())
        .platform(Platform.TWITTER)
        .build();
  }

  void storeExpired(HikariDataSource ds) {
    new JdbcTokenStore(ds, TokenCipher.aesGcm(KEY))
        .save(
            account,
            AccessToken.builder("old-access")
                .refreshToken("refresh-1")
                .expiresAt(Instant.now().minusSeconds(10))
                .scopes(Set.of("tweet.read", "offline.access"))
                .build());
  }

  /** Runs one call per thread on both instances at once; returns the failures. */
  List<Throwable> hammer(RefreshingTokenProvider a, RefreshingTokenProvider b) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> fs = new ArrayList<>();
    for (int i = 0; i < 2 * THREADS; i++) {
      RefreshingTokenProvider p = i % 2 == 0 ? a : b;
      fs.add(
          pool.submit(
              () -> {
                start.await();
                AccessToken t = p.token();
                try (Response r =
                    HTTP.newCall(
                            new Request.Builder()
                                .url(base + "/api/me")
                                .header("Authorization", "Bearer " + t.value())
                                .build())
                        .execute()) {
                  assertThat(r.code()).as("call with %s", t.fingerprint()).isEqualTo(200);
                }
                return null;
              }));
    }
    start.countDown();
    List<Throwable> failures = new ArrayList<>();
    for (Future<?> f : fs) {
      try {
        f.get(120, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    pool.shutdown();
    return failures;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void twoInstancesRefreshARotatingTokenExactlyOnce(String db) throws Exception {
    stubFor(
        post("/oauth/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"rotated-access\","
                        + "\"refresh_token\":\"refresh-2\",\"token_type\":\"bearer\",\"expires_in\":7200}")));
    HikariDataSource one = pool(db);
    HikariDataSource two = pool(db);
    storeExpired(one);
    List<Throwable> failures = hammer(instance(one), instance(two));
    assertThat(failures).isEmpty();
    verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    AccessToken stored =
        new JdbcTokenStore(two, TokenCipher.aesGcm(KEY)).load(account).orElseThrow();
    assertThat(stored.value()).isEqualTo("rotated-access");
    assertThat(stored.refreshToken()).hasValue("refresh-2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void aRefusedRefreshIsAskedOnceAndRemembered(String db) throws Exception {
    stubFor(
        post("/oauth/token")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}")));
    HikariDataSource one = pool(db);
    HikariDataSource two = pool(db);
    storeExpired(one);
    List<Throwable> failures = hammer(instance(one), instance(two));
    assertThat(failures).hasSize(2 * THREADS).allMatch(e -> e instanceof AuthenticationException);
    verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    // a third instance started later does not ask again either
    assertThatThrownBy(() -> instance(pool(db)).token())
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("refused earlier");
    verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void tokensAreEncryptedAtRestAndRefreshTokensNeverEmptied(String db) throws Exception {
    HikariDataSource ds = pool(db);
    JdbcTokenStore store = new JdbcTokenStore(ds, TokenCipher.aesGcm(KEY));
    store.save(
        account, AccessToken.builder("secret-access").refreshToken("secret-refresh").build());
    store.save(account, AccessToken.builder("secret-access-2").build());
    assertThat(store.load(account).orElseThrow().refreshToken()).hasValue("secret-refresh");
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT access_token, refresh_token FROM smo_token WHERE account_key = ?")) {
      s.setString(1, account);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).startsWith("v1:").doesNotContain("secret");
        assertThat(rs.getString(2)).startsWith("v1:").doesNotContain("secret");
      }
    }
    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertThatThrownBy(() -> new JdbcTokenStore(ds, TokenCipher.aesGcm(other)).load(account))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wrong key")
        .hasMessageNotContaining("secret");
    assertThat(store.toString()).doesNotContain("secret");
  }

  @Test
  void aCiphertextDoesNotDecryptForAnotherAccount() {
    TokenCipher c = TokenCipher.aesGcm(KEY);
    String sealed = c.encrypt("tok", "smo_token/a/access");
    assertThat(c.decrypt(sealed, "smo_token/a/access")).isEqualTo("tok");
    assertThatThrownBy(() -> c.decrypt(sealed, "smo_token/b/access"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TokenCipher.aesGcm(new byte[7]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
