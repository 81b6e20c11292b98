package io.smo.core.event;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.smo.core.CrossPoster;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.TokenProvider;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.fake.FakeClient;
import io.smo.core.fake.FakeTime;
import io.smo.core.http.Operation;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event SPI: what a listener sees for success, retry, 429, refresh and UNKNOWN. */
@WireMockTest
class SmoListenerTest {
  static final PostRef REF = PostRef.of(Platform.TWITTER, "p1");

  FakeTime time;
  Recorder rec;
  FakeClient client;
  String base;

  /** Records every event as a short line. */
  static final class Recorder implements SmoListener {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<CallResult> results = new CopyOnWriteArrayList<>();
    final List<AttemptEvent> attempts = new CopyOnWriteArrayList<>();

    @Override
    public void onCallStart(ApiCall c) {
      lines.add(
          "start " + c.platform().id() + " " + c.account() + " " + c.operation() + " " + c.kind());
    }

    @Override
    public void onAttempt(AttemptEvent e) {
      attempts.add(e);
      lines.add("attempt " + e.attempt() + " " + e.status() + " " + e.outcome().tagValue());
    }

    @Override
    public void onRetry(RetryEvent e) {
      lines.add("retry " + e.attempt() + " " + e.reason().tagValue() + " " + e.delay());
    }

    @Override
    public void onRateLimit(RateLimitEvent e) {
      lines.add(
          "ratelimit " + e.action().tagValue() + " " + e.source().tagValue() + " " + e.duration());
    }

    @Override
    public void onTokenRefresh(TokenRefreshEvent e) {
      lines.add("refresh " + e.refreshed());
    }

    @Override
    public void onUnknownOutcome(UnknownOutcomeEvent e) {
      lines.add("unknown " + e.attempt());
    }

    @Override
    public void onCallEnd(ApiCall c, CallResult r) {
      results.add(r);
      lines.add("end " + r.outcome().tagValue() + " " + r.attempts());
    }

    @Override
    public void onCrossPost(CrossPostEvent e) {
      lines.add("crosspost " + e.result().outcomes().keySet());
    }
  }

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    time = new FakeTime();
    rec = new Recorder();
    base = wm.getHttpBaseUrl();
    client = builder(RateLimitPolicy.unlimited()).accessToken("test-token-123").build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  FakeClient.Builder builder(RateLimitPolicy limits) {
    return FakeClient.builder(Platform.TWITTER)
        .baseUrl(URI.create(base + "/api/"))
        .clock(time)
        .sleeper(time.sleeper())
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(3)
                .jitter(0)
                .backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10))
                .build())
        .rateLimitPolicy(limits)
        .listener(rec);
  }

  static Post aPost() {
    return Post.builder().text("hello").build();
  }

  @Test
  void successIsOneCallWithOneAttempt() {
    stubFor(post("/api/posts").willReturn(okJson("{\"id\":\"p1\"}")));
    client.publish(aPost());
    assertThat(rec.lines)
        .containsExactly(
            "start twitter acct-1 create post CREATE", "attempt 1 200 success", "end success 1");
    AttemptEvent a = rec.attempts.get(0);
    assertThat(a.bytesSent()).isPositive();
    assertThat(a.bytesReceived())
        .isIn(-1L, (long) "{\"id\":\"p1\"}".length()); // declared length; -1 when chunked
    assertThat(rec.results.get(0).error()).isNull();
  }

  @Test
  void retryIsReportedWithItsReasonAndWait() {
    stubFor(
        get("/api/posts/p1")
            .inScenario("s")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    stubFor(
        get("/api/posts/p1")
            .inScenario("s")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"id\":\"p1\",\"likes\":1}")));
    client.metrics(REF);
    assertThat(rec.lines)
        .containsExactly(
            "start twitter acct-1 read post READ",
            "attempt 1 503 server_error",
            "retry 1 server_error PT1S",
            "attempt 2 200 success",
            "end success 2");
  }

  @Test
  void a429IsWaitedOutAndReported() {
    stubFor(
        post("/api/posts")
            .inScenario("rl")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30"))
            .willSetStateTo("ok"));
    stubFor(
        post("/api/posts")
            .inScenario("rl")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"id\":\"p1\"}")));
    client.publish(aPost());
    assertThat(rec.lines)
        .containsExactly(
            "start twitter acct-1 create post CREATE",
            "attempt 1 429 rate_limited",
            "retry 1 rate_limited PT30S",
            "ratelimit waited server PT30S",
            "attempt 2 200 success",
            "end success 2");
  }

  @Test
  void a429BeyondTheCapIsARefusal() {
    stubFor(
        get("/api/posts/p1")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    assertThatThrownBy(() -> client.metrics(REF)).isInstanceOf(RateLimitException.class);
    assertThat(rec.lines)
        .containsExactly(
            "start twitter acct-1 read post READ",
            "attempt 1 429 rate_limited",
            "ratelimit refused server PT1H",
            "end rate_limited 1");
    assertThat(rec.results.get(0).error()).isInstanceOf(RateLimitException.class);
  }

  @Test
  void clientSideWaitAndRefusalAreReported() {
    long reset = FakeTime.START.plusSeconds(20).getEpochSecond();
    stubFor(
        get("/api/posts/p1")
            .willReturn(
                okJson("{\"id\":\"p1\",\"likes\":1}")
                    .withHeader("x-rate-limit-remaining", "0")
                    .withHeader("x-rate-limit-reset", String.valueOf(reset))));
    // the gate fails fast by default: allow it to wait for the server's window
    client.close();
    client =
        builder(RateLimitPolicy.builder().maxWait(Duration.ofSeconds(30)).build())
            .accessToken("test-token-123")
            .build();
    client.metrics(REF);
    client.metrics(REF);
    assertThat(rec.lines).contains("ratelimit waited client PT20S");

    FakeClient capped =
        builder(
                RateLimitPolicy.builder()
                    .bucket(io.smo.core.fake.FakeBucket.READS, 1, Duration.ofHours(1))
                    .maxWait(Duration.ZERO)
                    .build())
            .accessToken("t")
            .build();
    rec.lines.clear();
    capped.metrics(REF);
    assertThatThrownBy(() -> capped.metrics(REF)).isInstanceOf(RateLimitException.class);
    assertThat(rec.lines)
        .containsSubsequence(
            "start twitter acct-1 read post READ",
            "ratelimit refused client PT1H",
            "end rate_limited 0");
    assertThat(rec.lines).doesNotContain("ratelimit refused server PT1H");
    capped.close();
  }

  @Test
  void tokenRefreshIsReportedAndTheRejectedAttemptIsNotCounted() {
    client.close();
    client =
        builder(RateLimitPolicy.unlimited())
            .tokenProvider(
                new TokenProvider() {
                  volatile AccessToken current = AccessToken.of("old");

                  @Override
                  public AccessToken token() {
                    return current;
                  }

                  @Override
                  public AccessToken refreshAfterRejection(AccessToken rejected) {
                    current = AccessToken.of("new");
                    return current;
                  }
                })
            .build();
    stubFor(
        get("/api/posts/p1")
            .inScenario("a")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(401))
            .willSetStateTo("ok"));
    stubFor(
        get("/api/posts/p1")
            .inScenario("a")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"id\":\"p1\",\"likes\":1}")));
    client.metrics(REF);
    assertThat(rec.lines)
        .containsExactly(
            "start twitter acct-1 read post READ",
            "attempt 1 401 auth_error",
            "refresh true",
            "attempt 1 200 success",
            "end success 1");
  }

  @Test
  void refusedRefreshIsReported() {
    stubFor(get("/api/posts/p1").willReturn(aResponse().withStatus(401)));
    assertThatThrownBy(() -> client.metrics(REF)).isInstanceOf(AuthenticationException.class);
    assertThat(rec.lines)
        .containsExactly(
            "start twitter acct-1 read post READ",
            "attempt 1 401 auth_error",
            "refresh false",
            "end auth_error 1");
  }

  @Test
  void unknownOutcomeIsReported() {
    stubFor(post("/api/posts").willReturn(aResponse().withStatus(500)));
    assertThatThrownBy(() -> client.publish(aPost()))
        .isInstanceOf(PublishOutcomeUnknownException.class);
    assertThat(rec.lines)
        .containsExactly(
            "start twitter acct-1 create post CREATE",
            "attempt 1 500 server_error",
            "unknown 1",
            "end unknown 1");
  }

  @Test
  void transportFailureHasNoStatus() {
    stubFor(
        get("/api/posts/p1")
            .willReturn(
                aResponse()
                    .withFault(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client.metrics(REF))
        .isInstanceOf(io.smo.core.exception.TransportException.class);
    assertThat(rec.lines)
        .contains(
            "attempt 1 0 transport_error", "retry 1 transport_error PT1S", "end transport_error 3");
  }

  @Test
  void failingListenerNeverBreaksTheCall() {
    client.close();
    SmoListener boom =
        new SmoListener() {
          @Override
          public void onCallStart(ApiCall call) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void onAttempt(AttemptEvent event) {
            throw new LinkageError("boom");
          }

          @Override
          public void onCallEnd(ApiCall call, CallResult result) {
            throw new IllegalStateException("boom");
          }
        };
    client = builder(RateLimitPolicy.unlimited()).listener(boom).accessToken("t").build();
    stubFor(post("/api/posts").willReturn(okJson("{\"id\":\"p1\"}")));
    assertThat(client.publish(aPost()).id()).isEqualTo("p1");
    // the second listener still hears everything
    assertThat(rec.lines)
        .containsExactly(
            "start twitter acct-1 create post CREATE", "attempt 1 200 success", "end success 1");
  }

  @Test
  void crossPosterReportsEachCrossPost() {
    stubFor(post("/api/posts").willReturn(okJson("{\"id\":\"p1\"}")));
    try (CrossPoster cp = CrossPoster.builder().add(client).listener(rec).build()) {
      cp.publish(aPost());
    }
    assertThat(rec.lines).contains("crosspost [TWITTER]");
  }

  @Test
  void uploadProgressReachesTheListenerOfThePublishingClient() {
    List<io.smo.core.upload.UploadProgress> seen = new CopyOnWriteArrayList<>();
    SmoListener l =
        new SmoListener() {
          @Override
          public void onUpload(io.smo.core.upload.UploadProgress p) {
            seen.add(p);
          }
        };
    io.smo.core.upload.UploadProgress p =
        new io.smo.core.upload.UploadProgress(
            Platform.TWITTER, "a.mp4", io.smo.core.upload.UploadState.READY, 10, 10, null, null);
    io.smo.core.upload.spi.ChunkedUploader.notify(io.smo.core.upload.UploadListener.NONE, p);
    assertThat(seen).isEmpty(); // no client publishing on this thread
    SmoListener previous = io.smo.core.internal.CallEvents.enterPublish(SmoListeners.of(l));
    try {
      io.smo.core.upload.spi.ChunkedUploader.notify(
          x -> {
            throw new IllegalStateException("the user's upload listener fails");
          },
          p);
    } finally {
      io.smo.core.internal.CallEvents.exitPublish(previous);
    }
    assertThat(seen).containsExactly(p);
  }

  @Test
  void outcomeClassifiesStatusesAndErrors() {
    assertThat(Outcome.ofStatus(0)).isEqualTo(Outcome.TRANSPORT_ERROR);
    assertThat(Outcome.ofStatus(308)).isEqualTo(Outcome.SUCCESS);
    assertThat(Outcome.ofStatus(403)).isEqualTo(Outcome.AUTH_ERROR);
    assertThat(Outcome.ofStatus(404)).isEqualTo(Outcome.CLIENT_ERROR);
    assertThat(Outcome.ofStatus(429)).isEqualTo(Outcome.RATE_LIMITED);
    assertThat(Outcome.ofStatus(502)).isEqualTo(Outcome.SERVER_ERROR);
    assertThat(Outcome.of(null)).isEqualTo(Outcome.SUCCESS);
    assertThat(Operation.Kind.values()).hasSize(3);
  }
}
