package io.smo.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.PlatformException;
import io.smo.core.fake.FakeClient;
import io.smo.core.fake.FakeTime;
import io.smo.core.internal.HttpLoggingInterceptor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Secrets never reach logs (at TRACE, configured in {@code simplelogger.properties}), exception
 * messages or toString. Captures slf4j-simple's output on System.err while a whole flow runs: token
 * refresh with a client secret, calls with a bearer token, a URL carrying {@code access_token} and
 * {@code appsecret_proof}, bodies echoing tokens, and a 401.
 */
@WireMockTest
class SecretRedactionTest {
  static final String ACCESS_1 = "sekAccessOne111";
  static final String REFRESH_1 = "sekRefreshOne111";
  static final String ACCESS_2 = "sekAccessTwo222";
  static final String REFRESH_2 = "sekRefreshTwo222";
  static final String CLIENT_SECRET = "sekClientSecret333";
  static final String PROOF = "sekAppsecretProof444";
  static final List<String> SECRETS =
      List.of(ACCESS_1, REFRESH_1, ACCESS_2, REFRESH_2, CLIENT_SECRET, PROOF);

  @Test
  void noSecretInTraceLogsExceptionsOrToString(WireMockRuntimeInfo wm) {
    assertThat(LoggerFactory.getLogger("io.smo.http").isTraceEnabled())
        .as("simplelogger.properties sets io.smo to TRACE")
        .isTrue();
    String base = wm.getHttpBaseUrl();
    stubFor(
        post("/oauth/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\""
                        + ACCESS_2
                        + "\",\"expires_in\":3600,\"refresh_token\":\""
                        + REFRESH_2
                        + "\",\"token_type\":\"bearer\"}")));
    stubFor(
        get("/api/posts/p1")
            .willReturn(
                okJson(
                    "{\"id\":\"p1\",\"likes\":1,\"echo\":{\"access_token\":\""
                        + ACCESS_2
                        + "\"}}")));
    stubFor(
        get(urlPathEqualTo("/api/raw"))
            .willReturn(okJson("{\"ok\":true}").withHeader("Set-Cookie", "session=" + ACCESS_2)));
    stubFor(
        get("/api/posts/denied")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Invalid OAuth access token\",\"access_token\":\""
                            + ACCESS_2
                            + "\",\"refresh_token\":\""
                            + REFRESH_2
                            + "\"}}")));

    FakeTime time = new FakeTime();
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save(
        "acct",
        AccessToken.builder(ACCESS_1)
            .refreshToken(REFRESH_1)
            .expiresAt(FakeTime.START.minusSeconds(10))
            .build());
    OAuth2Config config =
        OAuth2Config.builder()
            .authorizationEndpoint(URI.create(base + "/oauth/authorize"))
            .tokenEndpoint(URI.create(base + "/oauth/token"))
            .clientId("cid")
            .clientSecret(CLIENT_SECRET)
            .build();
    OkHttpClient loggingHttp =
        new OkHttpClient.Builder().addInterceptor(new HttpLoggingInterceptor()).build();
    OAuth2Flow flow = new OAuth2Flow(Platform.FACEBOOK, config, loggingHttp, time);
    RefreshingTokenProvider tokens =
        RefreshingTokenProvider.builder("acct", store, flow).clock(time).build();

    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    AuthenticationException denied;
    PlatformException unknownPath;
    String toStrings;
    try (FakeClient client =
        FakeClient.builder(Platform.FACEBOOK)
            .baseUrl(URI.create(base + "/api/"))
            .tokenProvider(tokens)
            .clock(time)
            .sleeper(time.sleeper())
            .build()) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      client.metrics(PostRef.of(Platform.FACEBOOK, "p1"));
      client
          .runtime()
          .execute(
              FakeClient.READ,
              () ->
                  new Request.Builder()
                      .url(
                          base
                              + "/api/raw?fields=id&access_token="
                              + ACCESS_2
                              + "&appsecret_proof="
                              + PROOF)
                      .build(),
              true);
      denied =
          catchThrowableOfType(
              AuthenticationException.class,
              () -> client.metrics(PostRef.of(Platform.FACEBOOK, "denied")));
      unknownPath =
          catchThrowableOfType(
              PlatformException.class,
              () -> client.metrics(PostRef.of(Platform.FACEBOOK, "missing")));
      toStrings =
          client
              + " "
              + tokens
              + " "
              + store
              + " "
              + flow
              + " "
              + config
              + " "
              + store.load("acct").orElseThrow();
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    // the flow really was logged at TRACE: request lines, headers and bodies
    assertThat(log)
        .contains("--> POST")
        .contains("--> GET")
        .contains("grant_type=refresh_token")
        .contains("Authorization: [REDACTED]")
        .contains("appsecret_proof=[REDACTED]");
    for (String secret : SECRETS) {
      assertThat(log).as("log output contains %s", secret).doesNotContain(secret);
      assertThat(denied.getMessage()).doesNotContain(secret);
      assertThat(denied.details().bodySnippet().orElse("")).doesNotContain(secret);
      assertThat(String.valueOf(denied.getCause())).doesNotContain(secret);
      assertThat(unknownPath.getMessage()).doesNotContain(secret);
      assertThat(toStrings).doesNotContain(secret);
    }
    assertThat(denied.details().bodySnippet())
        .hasValueSatisfying(b -> assertThat(b).contains("Invalid OAuth"));
  }
}
