package io.smo.core.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.fake.FakeClient;
import io.smo.core.fake.FakeTime;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.FileChunk;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.spi.ProcessingStatus;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #16 regressions in smo-core: each test failed on the code before the fix. */
@WireMockTest
class CoreReliabilityTest {
  final FakeTime time = new FakeTime();

  FakeClient client(WireMockRuntimeInfo wm, HttpSettings settings, String token) {
    return FakeClient.builder(Platform.TWITTER)
        .baseUrl(URI.create(wm.getHttpBaseUrl() + "/api/"))
        .accessToken(token)
        .clock(time)
        .sleeper(time.sleeper())
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build())
        .rateLimitPolicy(RateLimitPolicy.unlimited())
        .httpSettings(settings)
        .build();
  }

  FakeClient client(WireMockRuntimeInfo wm) {
    return client(
        wm, HttpSettings.builder().readTimeout(Duration.ofSeconds(2)).build(), "token-abcdef-123");
  }

  // ---- Every failure typed ------------------------------------------------------------------

  @Test
  void tokenWithATrailingNewlineIsTrimmedAndNonAsciiIsRefusedWithoutEcho(WireMockRuntimeInfo wm) {
    stubFor(post("/api/posts").willReturn(okJson("{\"id\":\"p1\"}")));
    try (FakeClient c = client(wm, HttpSettings.defaults(), "token-abcdef-123\n")) {
      assertThat(c.publish(Post.builder().text("hi").build()).id()).isEqualTo("p1");
    }
    verify(
        1,
        postRequestedFor(urlEqualTo("/api/posts"))
            .withHeader("Authorization", equalTo("Bearer token-abcdef-123")));
    assertThatThrownBy(() -> client(wm, HttpSettings.defaults(), "tökensecret"))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("tök"));
  }

  @Test
  void rawTransportExceptionAfterTheCreateWasSentIsUnknownNotRaw(WireMockRuntimeInfo wm) {
    stubFor(post("/api/posts").willReturn(okJson("{\"id\":\"p1\"}")));
    OkHttpClient crashing =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  Response r = chain.proceed(chain.request());
                  throw new IllegalStateException(
                      "cannot make a new request because the previous response is still open");
                })
            .build();
    try (FakeClient c =
        client(wm, HttpSettings.builder().okHttpClient(crashing).build(), "token-abcdef-123")) {
      assertThatThrownBy(() -> c.publish(Post.builder().text("hi").build()))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
    verify(1, postRequestedFor(urlEqualTo("/api/posts")));
  }

  @Test
  void rawExceptionBeforeSendIsATypedTransportException(WireMockRuntimeInfo wm) {
    OkHttpClient crashing =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  throw new IllegalStateException("boom");
                })
            .build();
    try (FakeClient c =
        client(wm, HttpSettings.builder().okHttpClient(crashing).build(), "token-abcdef-123")) {
      assertThatThrownBy(() -> c.metrics(PostRef.of(Platform.TWITTER, "p1")))
          .isInstanceOfSatisfying(
              TransportException.class, e -> assertThat(e.retryable()).isFalse());
    }
  }

  @Test
  void mapperCrashAfterAnAcceptedCreateIsUnknown(WireMockRuntimeInfo wm) {
    // a legal but odd 200 answer: the DTO's id is null, the client's mapping then throws an NPE
    stubFor(post("/api/posts").willReturn(okJson("{\"id\":null}")));
    try (FakeClient c = client(wm)) {
      assertThatThrownBy(() -> c.publish(Post.builder().text("hi").build()))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
  }

  @Test
  void successBodiesAreReadWholeWhateverTheirSize(WireMockRuntimeInfo wm) {
    String big = "{\"id\":\"p1\",\"pad\":\"" + "x".repeat(90 * 1024) + "\"}";
    stubFor(get("/raw").willReturn(okJson(big)));
    try (FakeClient c = client(wm)) {
      String body =
          c.runtime()
              .execute(
                  FakeClient.READ,
                  () -> new Request.Builder().url(wm.getHttpBaseUrl() + "/raw").build(),
                  true)
              .body();
      assertThat(body).isEqualTo(big);
    }
  }

  @Test
  void serverEchoOfTheClientsTokenIsMasked(WireMockRuntimeInfo wm) {
    stubFor(
        get("/api/posts/p1")
            .willReturn(
                aResponse().withStatus(400).withBody("bad request for token-abcdef-123 (echoed)")));
    try (FakeClient c = client(wm)) {
      assertThatThrownBy(() -> c.metrics(PostRef.of(Platform.TWITTER, "p1")))
          .isInstanceOf(SmoException.class)
          .satisfies(e -> assertThat(e.toString()).doesNotContain("token-abcdef-123"));
    }
  }

  @Test
  void tokenEndpointOddAnswersAreTypedAndEchoedSecretsMasked(WireMockRuntimeInfo wm) {
    OAuth2Config config =
        OAuth2Config.builder()
            .authorizationEndpoint(URI.create(wm.getHttpBaseUrl() + "/authorize"))
            .tokenEndpoint(URI.create(wm.getHttpBaseUrl() + "/token"))
            .clientId("client-1")
            .clientSecret("client-secret-xyz")
            .build();
    OAuth2Flow flow = new OAuth2Flow(Platform.TWITTER, config, new OkHttpClient(), time);
    AccessToken current =
        AccessToken.builder("old-access").refreshToken("refresh-secret-999").build();
    for (String body :
        List.of(
            "{\"access_token\":\"a\",\"expires_in\":9223372036854775807}",
            "{\"access_token\":\"a\",\"expires_in\":-5}",
            "{\"access_token\":\"a\",\"expires_in\":\"soon\"}",
            "{\"access_token\":\"\"}",
            "{\"access_token\":[]}",
            "{\"access_token\":{}}",
            "{\"access_token\":\"t\\u00f6ken\"}",
            "[]",
            "\"x\"",
            "{\"access_token\":\"a\",\"expires_in\":1e300}")) {
      stubFor(post("/token").willReturn(okJson(body)));
      assertThatThrownBy(() -> flow.refresh(current)).as(body).isInstanceOf(SmoException.class);
    }
    stubFor(
        post("/token")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"refresh-secret-999 is revoked; client-secret-xyz\"}")));
    assertThatThrownBy(() -> flow.refresh(current))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e ->
                assertThat(e.toString() + e.details().bodySnippet().orElse(""))
                    .doesNotContain("refresh-secret-999")
                    .doesNotContain("client-secret-xyz"));
  }

  @Test
  void refusedRefreshIsRememberedForEveryWaitingCaller() throws Exception {
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save(
        "acct",
        AccessToken.builder("expired-access")
            .expiresAt(time.instant().minusSeconds(10))
            .refreshToken("refresh-1")
            .build());
    AtomicInteger requests = new AtomicInteger();
    AuthenticationException refusal =
        new AuthenticationException(
            ErrorDetails.builder(Platform.TWITTER, "refresh token")
                .errorCode("invalid_grant")
                .build());
    RefreshingTokenProvider p =
        RefreshingTokenProvider.builder(
                "acct",
                store,
                t -> {
                  requests.incrementAndGet();
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  throw refusal;
                })
            .clock(time)
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Throwable>> fs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      fs.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  p.token();
                  return null;
                } catch (Throwable t) {
                  return t;
                }
              }));
    }
    start.countDown();
    Set<Throwable> seen = ConcurrentHashMap.newKeySet();
    for (Future<Throwable> f : fs) {
      seen.add(f.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(requests).hasValue(1);
    assertThat(seen).containsExactly(refusal);
  }

  @Test
  void proxyAndItsCredentialsApplyToTokenEndpointClients(WireMockRuntimeInfo wm) throws Exception {
    stubFor(
        any(anyUrl())
            .withHeader("Proxy-Authorization", absent())
            .willReturn(
                aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"p\"")));
    stubFor(
        get("/via-proxy")
            .withHeader("Proxy-Authorization", equalTo(okhttp3.Credentials.basic("u", "pw")))
            .willReturn(okJson("{\"ok\":true}")));
    HttpSettings s =
        HttpSettings.builder()
            .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("localhost", wm.getHttpPort())))
            .proxyCredentials("u", "pw")
            .build();
    assertThat(s.toString()).doesNotContain("pw");
    try (Response r =
        s.newOkHttpClient()
            .newCall(new Request.Builder().url("http://token.example.invalid/via-proxy").build())
            .execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
  }

  // ---- Recovery as documented ---------------------------------------------------------------

  @Test
  void uploadChunkHonoursRetryAfter(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("c.bin"), new byte[1000]);
    int[] sends = {0};
    ChunkedUploader.Protocol p =
        new ChunkedUploader.Protocol() {
          long held;

          @Override
          public long chunkLength(long offset, long total) {
            return 500;
          }

          @Override
          public long send(FileChunk chunk, long total) {
            if (sends[0]++ == 0) {
              throw new RateLimitException(
                  ErrorDetails.builder(Platform.YOUTUBE, "chunk").httpStatus(429).build(),
                  Duration.ofSeconds(2));
            }
            held = chunk.offset() + chunk.length();
            return held;
          }

          @Override
          public long queryOffset(long total) {
            return held;
          }
        };
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ChunkedUploader.upload(
          Platform.YOUTUBE,
          "c.bin",
          ch,
          1000,
          null,
          p,
          UploadListener.NONE,
          RetryPolicy.builder().maxAttempts(3).jitter(0).build(),
          time.sleeper());
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void zeroCheckAfterDoesNotPollInATightLoopAndTheDeadlineWins() {
    int[] checks = {0};
    assertThatThrownBy(
            () ->
                ProcessingPoller.poll(
                    Platform.TWITTER,
                    "media status",
                    "m1",
                    () -> {
                      checks[0]++;
                      return ProcessingStatus.<String>pending("in_progress", 10, Duration.ZERO);
                    },
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(1),
                    time,
                    time.sleeper(),
                    UploadListener.NONE,
                    0))
        .isInstanceOf(MediaProcessingException.class);
    assertThat(checks[0]).isLessThanOrEqualTo(11);
    assertThat(time.sleeps())
        .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    assertThat(time.instant()).isBeforeOrEqualTo(FakeTime.START.plusSeconds(10));
  }
}
