package io.smo.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.TextOverflow;
import io.smo.core.Violation;
import io.smo.core.exception.MediaProcessingException;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Issue #16 regressions for X: each failed on the code before the fix. */
@SandboxTest
class TwitterReliabilityTest {

  @Test
  void repetitiveTextThreadsIntoDistinctNumberedParts(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.TWITTER);
    String text = "Sale! ".repeat(150).trim() + " " + System.nanoTime();
    try (TwitterClient x =
        TwitterClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.TWITTER))
            .accessToken(c.accessToken())
            .sleeper(d -> {})
            .build()) {
      Post post = Post.builder().text(text).textOverflow(TextOverflow.THREAD).build();
      assertThat(x.validate(post)).isEmpty();
      PublishedPost p = x.publish(post);
      assertThat(p.parts()).hasSizeGreaterThanOrEqualTo(3);
      List<String> bodies =
          sandbox.created(Platform.TWITTER).stream()
              .filter(cr -> p.parts().stream().anyMatch(r -> r.id().equals(cr.id())))
              .map(cr -> cr.body().path("text").asText())
              .toList();
      assertThat(new HashSet<>(bodies)).hasSameSizeAs(bodies);
      assertThat(bodies.get(0)).endsWith(" 1/" + bodies.size());
    }
  }

  @Test
  void identicalThreadPartsAreRefusedOffline(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.TWITTER);
    try (TwitterClient x =
        TwitterClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.TWITTER))
            .accessToken(c.accessToken())
            .build()) {
      List<Violation> v =
          x.validate(Post.builder().text("same").thread(List.of("more", "same")).build());
      assertThat(v).extracting(Violation::rule).contains("thread-duplicate-part");
    }
  }

  @Test
  void zeroCheckAfterSecsNeverPollsInATightLoopAndTheDeadlineWins() {
    WireMockServer wm = new WireMockServer(options().dynamicPort());
    wm.start();
    try {
      Instant[] now = {Instant.parse("2026-09-01T10:00:00Z")};
      java.time.Clock clock =
          new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
              return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId z) {
              return this;
            }

            @Override
            public Instant instant() {
              return now[0];
            }
          };
      List<Duration> sleeps = new CopyOnWriteArrayList<>();
      String pending =
          "{\"data\":{\"id\":\"9\",\"processing_info\":{\"state\":\"in_progress\",\"check_after_secs\":0}}}";
      wm.stubFor(
          post("/2/media/upload/initialize")
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"data\":{\"id\":\"9\",\"media_key\":\"16_9\"}}")));
      wm.stubFor(
          post("/2/media/upload/9/append")
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"data\":{}}")));
      wm.stubFor(
          post("/2/media/upload/9/finalize")
              .willReturn(
                  aResponse().withHeader("Content-Type", "application/json").withBody(pending)));
      wm.stubFor(
          get(urlPathEqualTo("/2/media/upload"))
              .willReturn(
                  aResponse().withHeader("Content-Type", "application/json").withBody(pending)));
      try (TwitterClient x =
          TwitterClient.builder()
              .baseUrl(URI.create(wm.baseUrl() + "/"))
              .accessToken("tok")
              .clock(clock)
              .sleeper(
                  d -> {
                    sleeps.add(d);
                    now[0] = now[0].plus(d);
                  })
              .chunkSize(100)
              .processingTimeout(Duration.ofSeconds(10))
              .build()) {
        assertThatThrownBy(() -> x.uploadMedia(Media.fromBytes(TestMedia.gif())))
            .isInstanceOf(MediaProcessingException.class);
      }
      assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/2/media/upload"))))
          .hasSizeLessThanOrEqualTo(11);
      assertThat(sleeps)
          .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
      assertThat(now[0]).isBeforeOrEqualTo(Instant.parse("2026-09-01T10:00:10Z"));
    } finally {
      wm.stop();
    }
  }
}
