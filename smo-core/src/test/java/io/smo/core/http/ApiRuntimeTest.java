package io.smo.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.TransportException;
import io.smo.core.fake.FakeClient;
import io.smo.core.fake.FakeTime;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RetryPolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call path: retries, the no-double-publish rule, error mapping and rate limits. */
@WireMockTest
class ApiRuntimeTest {
  static final PostRef REF = PostRef.of(Platform.TWITTER, "p1");

  FakeTime time;
  FakeClient client;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    time = new FakeTime();
    client = client(wm.getHttpBaseUrl(), RateLimitPolicy.unlimited(), Duration.ofSeconds(2));
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  FakeClient client(String base, RateLimitPolicy limits, Duration readTimeout) {
    return FakeClient.builder(Platform.TWITTER)
        .baseUrl(URI.create(base + "/api/"))
        .accessToken("test-token-123")
        .clock(time)
        .sleeper(time.sleeper())
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(3)
                .jitter(0)
                .backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10))
                .build())
        .rateLimitPolicy(limits)
        .httpSettings(s -> s.readTimeout(readTimeout).connectTimeout(Duration.ofSeconds(2)))
        .build();
  }

  static Post aPost() {
    return Post.builder().text("hello").build();
  }

  @Test
  void publishesAndSendsHeaders() {
    stubFor(post("/api/posts").willReturn(okJson("{\"id\":\"p1\",\"unknown\":true}")));
    PublishedPost p = client.publish(aPost());
    assertThat(p.ref()).isEqualTo(REF);
    verify(
        1,
        postRequestedFor(urlEqualTo("/api/posts"))
            .withHeader("Authorization", equalTo("Bearer test-token-123"))
            .withHeader(
                "User-Agent",
                com.github.tomakehurst.wiremock.client.WireMock.matching(
                    "smo-sdk/\\S+ smo-fake .*"))
            .withRequestBody(equalTo("{\"text\":\"hello\"}")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aClosedClientSendsNothing() {
    stubFor(post("/api/posts").willReturn(okJson("{\"id\":\"p1\"}")));
    client.close();
    client.close(); // twice is harmless
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.publish(aPost()))
        .isInstanceOf(io.smo.core.exception.TransportException.class)
        .hasMessageContaining("the client is closed: nothing was sent")
        .satisfies(e -> assertThat(((io.smo.core.exception.SmoException) e).retryable()).isFalse());
    verify(0, postRequestedFor(urlEqualTo("/api/posts")));
  }

  @Test
  void retriesA429HonouringRetryAfterSeconds() {
    stubFor(
        get("/api/posts/p1")
            .inScenario("rl")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("ok"));
    stubFor(
        get("/api/posts/p1")
            .inScenario("rl")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"id\":\"p1\",\"likes\":5}")));
    EngagementMetrics m = client.metrics(REF);
    assertThat(m.likes()).hasValue(5);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    verify(2, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void retriesA429HonouringRetryAfterHttpDate() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            FakeTime.START.plusSeconds(30).atOffset(ZoneOffset.UTC));
    stubFor(
        post("/api/posts")
            .inScenario("rl")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", date))
            .willSetStateTo("ok"));
    stubFor(
        post("/api/posts")
            .inScenario("rl")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"id\":\"p1\"}")));
    // a 429 on a create was not processed: retried
    assertThat(client.publish(aPost()).id()).isEqualTo("p1");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    verify(2, postRequestedFor(urlEqualTo("/api/posts")));
  }

  @Test
  void retryAfterBeyondTheCapIsNotWaited() {
    stubFor(
        get("/api/posts/p1")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    assertThatThrownBy(() -> client.metrics(REF))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
              assertThat(e.attempts()).isEqualTo(1);
            });
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void createTimingOutAfterSendIsUnknownAndNotRetried(WireMockRuntimeInfo wm) {
    FakeClient slow =
        client(wm.getHttpBaseUrl(), RateLimitPolicy.unlimited(), Duration.ofMillis(300));
    stubFor(post("/api/posts").willReturn(okJson("{\"id\":\"p1\"}").withFixedDelay(3000)));
    Post p = aPost();
    assertThatThrownBy(() -> slow.publish(p))
        .isInstanceOfSatisfying(
            PublishOutcomeUnknownException.class,
            e -> {
              assertThat(e.idempotencyKey()).hasValue(p.idempotencyKey());
              assertThat(e.platform()).hasValue(Platform.TWITTER);
              assertThat(e.operation()).hasValue("create post");
              assertThat(e.getMessage()).contains("timed out after the request was sent");
              assertThat(e.retryable()).isFalse();
            });
    verify(1, postRequestedFor(urlEqualTo("/api/posts")));
    slow.close();
  }

  @Test
  void readTimingOutIsRetried(WireMockRuntimeInfo wm) {
    FakeClient slow =
        client(wm.getHttpBaseUrl(), RateLimitPolicy.unlimited(), Duration.ofMillis(300));
    stubFor(
        get("/api/posts/p1")
            .inScenario("slow")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"id\":\"p1\",\"likes\":1}").withFixedDelay(3000))
            .willSetStateTo("fast"));
    stubFor(
        get("/api/posts/p1")
            .inScenario("slow")
            .whenScenarioStateIs("fast")
            .willReturn(okJson("{\"id\":\"p1\",\"likes\":2}")));
    assertThat(slow.metrics(REF).likes()).hasValue(2);
    assertThat(time.sleeps()).hasSize(1);
    slow.close();
  }

  @Test
  void createWithConnectionRefusedIsRetried() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    FakeClient refused =
        client("http://127.0.0.1:" + port, RateLimitPolicy.unlimited(), Duration.ofSeconds(1));
    assertThatThrownBy(() -> refused.publish(aPost()))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e).isNotInstanceOf(PublishOutcomeUnknownException.class);
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getMessage()).contains("connection refused");
            });
    // backoff 1s then 2s, without jitter
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    refused.close();
  }

  @Test
  void serverErrorOnCreateIsUnknown() {
    stubFor(
        post("/api/posts")
            .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"busy\"}")));
    assertThatThrownBy(() -> client.publish(aPost()))
        .isInstanceOfSatisfying(
            PublishOutcomeUnknownException.class,
            e -> {
              assertThat(e.getMessage()).contains("HTTP 503");
              assertThat(e.getCause()).isInstanceOf(PlatformException.class);
            });
    verify(1, postRequestedFor(urlEqualTo("/api/posts")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void serverErrorOnReadIsRetried() {
    stubFor(
        get("/api/posts/p1")
            .inScenario("5xx")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("ok"));
    stubFor(
        get("/api/posts/p1")
            .inScenario("5xx")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"id\":\"p1\",\"likes\":3}")));
    assertThat(client.metrics(REF).likes()).hasValue(3);
    verify(2, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void persistentServerErrorOnReadGivesUpAfterMaxAttempts() {
    stubFor(get("/api/posts/p1").willReturn(aResponse().withStatus(502)));
    assertThatThrownBy(() -> client.metrics(REF))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(502);
              assertThat(e.retryable()).isTrue();
              assertThat(e.attempts()).isEqualTo(3);
            });
    verify(3, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void clientErrorsAreNotRetried() {
    stubFor(get("/api/posts/p1").willReturn(aResponse().withStatus(404).withBody("{}")));
    assertThatThrownBy(() -> client.metrics(REF))
        .isInstanceOf(io.smo.core.exception.NotFoundException.class);
    verify(1, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void unreadableSuccessBodyOnCreateIsUnknown() {
    stubFor(post("/api/posts").willReturn(okJson("{\"id\": \"p1\", ")));
    assertThatThrownBy(() -> client.publish(aPost()))
        .isInstanceOfSatisfying(
            PublishOutcomeUnknownException.class,
            e -> assertThat(e.getMessage()).contains("could not be read"));
    verify(1, postRequestedFor(urlEqualTo("/api/posts")));
  }

  @Test
  void unreadableSuccessBodyOnReadIsTransportException() {
    stubFor(get("/api/posts/p1").willReturn(okJson("<html>oops</html>")));
    assertThatThrownBy(() -> client.metrics(REF))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e).isNotInstanceOf(PublishOutcomeUnknownException.class);
              assertThat(e.getMessage()).contains("malformed response body");
            });
  }

  @Test
  void connectionResetAfterSendOnCreateIsUnknown() {
    stubFor(post("/api/posts").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client.publish(aPost()))
        .isInstanceOf(PublishOutcomeUnknownException.class);
    verify(1, postRequestedFor(urlEqualTo("/api/posts")));
  }

  @Test
  void clientSideCapFailsFastWithMaxWaitZero(WireMockRuntimeInfo wm) {
    FakeClient capped =
        client(
            wm.getHttpBaseUrl(),
            RateLimitPolicy.builder()
                .bucket(io.smo.core.fake.FakeBucket.READS, 2, Duration.ofHours(1))
                .maxWait(Duration.ZERO)
                .build(),
            Duration.ofSeconds(2));
    stubFor(get("/api/posts/p1").willReturn(okJson("{\"id\":\"p1\",\"likes\":1}")));
    capped.metrics(REF);
    capped.metrics(REF);
    assertThatThrownBy(() -> capped.metrics(REF))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.getMessage()).contains("client-side cap");
              assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
            });
    verify(2, getRequestedFor(urlEqualTo("/api/posts/p1")));
    assertThat(time.sleeps()).isEmpty();
    capped.close();
  }

  @Test
  void serverReportedExhaustionBlocksTheBucket() {
    long reset = FakeTime.START.plusSeconds(600).getEpochSecond();
    stubFor(
        get("/api/posts/p1")
            .willReturn(
                okJson("{\"id\":\"p1\",\"likes\":1}")
                    .withHeader("x-rate-limit-limit", "900")
                    .withHeader("x-rate-limit-remaining", "0")
                    .withHeader("x-rate-limit-reset", String.valueOf(reset))));
    stubFor(post("/api/posts").willReturn(okJson("{\"id\":\"p2\"}")));
    client.metrics(REF);
    assertThat(client.lastRateLimit())
        .hasValueSatisfying(
            s -> {
              assertThat(s.remaining()).hasValue(0);
              assertThat(s.exhausted()).isTrue();
            });
    // the "reads" bucket waits for the reset (600 s > maxWait 30 s): fail fast, no request
    assertThatThrownBy(() -> client.metrics(REF))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(600));
              assertThat(e.getMessage()).contains("exhausted");
            });
    verify(1, getRequestedFor(urlEqualTo("/api/posts/p1")));
    // another bucket is not blocked
    assertThat(client.publish(aPost()).id()).isEqualTo("p2");
    // after the reset the bucket opens again
    time.advance(Duration.ofSeconds(601));
    client.metrics(REF);
    verify(2, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void shortServerBlockIsWaitedOutWhenAWaitIsAllowed(WireMockRuntimeInfo wm) {
    long reset = FakeTime.START.plusSeconds(20).getEpochSecond();
    stubFor(
        get("/api/posts/p1")
            .willReturn(
                okJson("{\"id\":\"p1\",\"likes\":1}")
                    .withHeader("x-rate-limit-remaining", "0")
                    .withHeader("x-rate-limit-reset", String.valueOf(reset))));
    FakeClient waiting =
        client(
            wm.getHttpBaseUrl(),
            RateLimitPolicy.builder().maxWait(Duration.ofSeconds(30)).build(),
            Duration.ofSeconds(2));
    waiting.metrics(REF);
    waiting.metrics(REF);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(20));
    waiting.close();
  }

  @Test
  void shortServerBlockFailsFastByDefault() {
    long reset = FakeTime.START.plusSeconds(20).getEpochSecond();
    stubFor(
        get("/api/posts/p1")
            .willReturn(
                okJson("{\"id\":\"p1\",\"likes\":1}")
                    .withHeader("x-rate-limit-remaining", "0")
                    .withHeader("x-rate-limit-reset", String.valueOf(reset))));
    client.metrics(REF);
    assertThatThrownBy(() -> client.metrics(REF))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.retryAt()).hasValue(Instant.ofEpochSecond(reset));
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(20));
            });
    assertThat(time.sleeps()).isEmpty();
    verify(1, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void rateLimitSnapshotIsAttachedOnTheErrorPath() {
    stubFor(
        get("/api/posts/p1")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("x-rate-limit-remaining", "17")
                    .withHeader("x-rate-limit-limit", "900")));
    assertThatThrownBy(() -> client.metrics(REF))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e ->
                assertThat(e.rateLimit())
                    .hasValueSatisfying(s -> assertThat(s.remaining()).hasValue(17)));
    assertThat(client.lastRateLimit()).isPresent();
  }
}
