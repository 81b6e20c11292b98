package io.smo.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.fake.FakeClient;
import io.smo.core.fake.FakeTime;
import io.smo.core.resilience.RetryPolicy;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mixed outcomes and the never-twice rule, with four fake platform clients on WireMock. */
@WireMockTest
class CrossPosterTest {
  FakeTime time;
  CrossPoster poster;
  String base;

  FakeClient client(Platform p, Capabilities caps) {
    return FakeClient.builder(p)
        .capabilities(caps)
        .baseUrl(URI.create(base + "/" + p.id() + "/"))
        .accessToken("t-" + p.id())
        .clock(time)
        .sleeper(time.sleeper())
        .retryPolicy(RetryPolicy.builder().jitter(0).build())
        .build();
  }

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
    time = new FakeTime();
    stubFor(post("/facebook/posts").willReturn(okJson("{\"id\":\"fb-1\"}")));
    stubFor(
        post("/twitter/posts")
            .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad\"}")));
    stubFor(post("/youtube/posts").willReturn(aResponse().withStatus(500)));
    stubFor(post("/pinterest/posts").willReturn(okJson("{\"id\":\"pin-1\"}")));
    poster =
        CrossPoster.builder()
            .add(client(Platform.FACEBOOK, FakeClient.defaultCapabilities(Platform.FACEBOOK)))
            .add(client(Platform.TWITTER, FakeClient.defaultCapabilities(Platform.TWITTER)))
            .add(client(Platform.YOUTUBE, FakeClient.defaultCapabilities(Platform.YOUTUBE)))
            .add(
                client(
                    Platform.PINTEREST,
                    FakeClient.defaultCapabilities(Platform.PINTEREST).toBuilder()
                        .mediaRequired(true)
                        .build()))
            .closeClients(true)
            .build();
  }

  @AfterEach
  void tearDown() {
    poster.close();
  }

  @Test
  void reportsEachPlatformsOutcome() {
    Post post = Post.builder().text("launch day").build();
    CrossPostResult r = poster.publish(post);
    assertThat(r.idempotencyKey()).isEqualTo(post.idempotencyKey());
    assertThat(r.outcomes())
        .containsOnlyKeys(
            Platform.FACEBOOK, Platform.TWITTER, Platform.YOUTUBE, Platform.PINTEREST);

    PlatformOutcome fb = r.outcome(Platform.FACEBOOK).orElseThrow();
    assertThat(fb.status()).isEqualTo(PlatformOutcome.Status.PUBLISHED);
    assertThat(fb.published()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("fb-1"));

    PlatformOutcome x = r.outcome(Platform.TWITTER).orElseThrow();
    assertThat(x.status()).isEqualTo(PlatformOutcome.Status.FAILED);
    assertThat(x.error())
        .hasValueSatisfying(e -> assertThat(e).isInstanceOf(InvalidRequestException.class));

    PlatformOutcome yt = r.outcome(Platform.YOUTUBE).orElseThrow();
    assertThat(yt.status()).isEqualTo(PlatformOutcome.Status.UNKNOWN);
    assertThat(yt.error())
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        PublishOutcomeUnknownException.class,
                        u -> assertThat(u.idempotencyKey()).hasValue(post.idempotencyKey())));

    PlatformOutcome pin = r.outcome(Platform.PINTEREST).orElseThrow();
    assertThat(pin.status()).isEqualTo(PlatformOutcome.Status.SKIPPED);
    assertThat(pin.violations()).extracting(Violation::rule).containsExactly("media-required");
    assertThat(pin.reason()).contains("media-required");

    assertThat(r.allPublished()).isFalse();
    assertThat(r.count(PlatformOutcome.Status.PUBLISHED)).isEqualTo(1);
    // a skipped platform is never called
    verify(0, postRequestedFor(urlEqualTo("/pinterest/posts")));
    verify(1, postRequestedFor(urlEqualTo("/youtube/posts")));
  }

  @Test
  void sameKeyIsNeverPublishedTwiceToTheSameAccount() {
    Post post = Post.builder().text("once").idempotencyKey("campaign-42").build();
    CrossPostResult first = poster.publish(post);
    CrossPostResult second = poster.publish(post.toBuilder().build());
    // published and unknown outcomes are returned again without a second call
    assertThat(second.outcome(Platform.FACEBOOK).orElseThrow())
        .isSameAs(first.outcome(Platform.FACEBOOK).orElseThrow());
    assertThat(second.outcome(Platform.YOUTUBE).orElseThrow())
        .isSameAs(first.outcome(Platform.YOUTUBE).orElseThrow());
    verify(1, postRequestedFor(urlEqualTo("/facebook/posts")));
    verify(1, postRequestedFor(urlEqualTo("/youtube/posts")));
    // a definite failure did not post: trying again is allowed
    verify(2, postRequestedFor(urlEqualTo("/twitter/posts")));
    // a different key is a different post
    poster.publish(
        Post.builder().text("once").idempotencyKey("campaign-43").build(),
        List.of(Platform.FACEBOOK));
    verify(2, postRequestedFor(urlEqualTo("/facebook/posts")));
  }

  @Test
  void concurrentDuplicatesShareOneCall() throws Exception {
    stubFor(post("/facebook/posts").willReturn(okJson("{\"id\":\"fb-slow\"}").withFixedDelay(300)));
    Post post = Post.builder().text("race").idempotencyKey("race-1").build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<CrossPostResult>> fs = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        fs.add(
            pool.submit(
                () -> {
                  go.await();
                  return poster.publish(post, List.of(Platform.FACEBOOK));
                }));
      }
      go.countDown();
      for (Future<CrossPostResult> f : fs) {
        assertThat(f.get(30, TimeUnit.SECONDS).outcome(Platform.FACEBOOK).orElseThrow().published())
            .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("fb-slow"));
      }
    } finally {
      pool.shutdownNow();
    }
    verify(1, postRequestedFor(urlEqualTo("/facebook/posts")));
  }

  @Test
  void validateReportsPerPlatformWithoutCalls() {
    var v = poster.validate(Post.builder().text("x".repeat(300)).build());
    assertThat(v.get(Platform.TWITTER)).extracting(Violation::rule).containsExactly("max-length");
    assertThat(v.get(Platform.PINTEREST))
        .extracting(Violation::rule)
        .containsExactlyInAnyOrder("max-length", "media-required");
    verify(0, postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }

  @Test
  void asyncPublishWorks() throws Exception {
    SocialClient fb = poster.client(Platform.FACEBOOK).orElseThrow();
    CompletableFuture<PublishedPost> f = fb.publishAsync(Post.builder().text("async").build());
    assertThat(f.get(30, TimeUnit.SECONDS).id()).isEqualTo("fb-1");
    assertThat(time.sleeps()).isEmpty();
  }
}
