package io.smo.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.smo.core.Media;
import io.smo.core.Post;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.resilience.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #16: the last chunk's answer lost is an unknown outcome carrying the upload session. */
class YouTubeReliabilityTest {
  @TempDir Path dir;
  private WireMockServer wm;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"truncated", "5xx", "reset"})
  void lastChunkAnswerLostAndStatusUnreadableIsUnknownWithTheSession(String how) throws Exception {
    String session =
        "http://127.0.0.1:"
            + wm.port()
            + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=S9";
    wm.stubFor(
        post(urlPathEqualTo("/upload/youtube/v3/videos"))
            .willReturn(aResponse().withStatus(200).withHeader("Location", session)));
    var answer =
        how.equals("truncated")
            ? aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"kind\":\"youtube#vid")
            : how.equals("5xx")
                ? aResponse()
                    .withStatus(503)
                    .withBody("{\"error\":{\"code\":503,\"message\":\"backend\"}}")
                : aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    wm.stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos")).willReturn(answer));
    try (YouTubeClient yt =
        YouTubeClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accessToken("tok-abcdef")
            .chunkSize(256 * 1024)
            .pollInterval(Duration.ofMillis(1))
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
            .sleeper(d -> {})
            .build()) {
      Post post =
          Post.builder()
              .text("desc")
              .addMedia(Media.fromFile(TestFiles.mp4(dir, "v.mp4", 100_000)))
              .option(YouTubeOptions.builder().title("T").waitForProcessing(false).build())
              .build();
      assertThatThrownBy(() -> yt.publish(post))
          .isInstanceOfSatisfying(
              PublishOutcomeUnknownException.class,
              e ->
                  assertThat(e.knownId())
                      .hasValueSatisfying(id -> assertThat(id).contains("upload_id=S9")));
    }
    // one session only: a second publish would have uploaded the video again
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos"))))
        .hasSize(1);
  }

  @org.junit.jupiter.api.Test
  void emptyAnswersAreEmptyPagesNotCrashes() {
    // found by MapperPropertyTest: an HTTP 204 comments page gave a NullPointerException
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
            .willReturn(aResponse().withStatus(204)));
    try (YouTubeClient yt =
        YouTubeClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accessToken("tok-abcdef")
            .sleeper(d -> {})
            .build()) {
      assertThat(
              yt
                  .comments(io.smo.core.PostRef.of(io.smo.core.Platform.YOUTUBE, "vid12345678"))
                  .stream()
                  .count())
          .isZero();
    }
  }
}
