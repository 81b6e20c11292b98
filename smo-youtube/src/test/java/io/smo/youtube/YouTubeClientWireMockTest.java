package io.smo.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.resilience.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WireMock tests of every operation and error path, asserting the recorded requests. */
class YouTubeClientWireMockTest {
  private static final int KB256 = 256 * 1024;
  private static final String VIDEO =
      "{\"kind\":\"youtube#video\",\"id\":\"vid12345678\","
          + "\"snippet\":{\"publishedAt\":\"2025-01-01T00:00:00Z\",\"title\":\"t\",\"categoryId\":\"22\"},"
          + "\"status\":{\"uploadStatus\":\"uploaded\",\"privacyStatus\":\"public\"}}";
  private static final String QUOTA =
      "{\"error\":{\"code\":403,\"message\":\"The request cannot be completed"
          + " because you have exceeded your <a href=\\\"/youtube/v3/getting-started#quota\\\">quota</a>.\","
          + "\"errors\":[{\"message\":\"q\",\"domain\":\"youtube.quota\",\"reason\":\"quotaExceeded\"}]}}";

  @TempDir Path dir;
  private WireMockServer wm;
  private String session;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    session =
        "http://127.0.0.1:"
            + wm.port()
            + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=S1";
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private YouTubeClient client(YouTubeQuota quota) {
    return YouTubeClient.builder()
        .baseUrl(URI.create(wm.baseUrl() + "/"))
        .accessToken("tok")
        .chunkSize(KB256)
        .quota(quota)
        .pollInterval(Duration.ofMillis(1))
        .retryPolicy(RetryPolicy.builder().maxAttempts(4).build())
        .sleeper(d -> {})
        .build();
  }

  private YouTubeClient client() {
    return client(YouTubeQuota.defaults());
  }

  private Post videoPost(int size) throws Exception {
    return Post.builder()
        .text("desc")
        .addMedia(Media.fromFile(TestFiles.mp4(dir, "v.mp4", size)))
        .option(YouTubeOptions.builder().title("T").waitForProcessing(false).build())
        .build();
  }

  private void stubSessionStart() {
    wm.stubFor(
        post(urlPathEqualTo("/upload/youtube/v3/videos"))
            .willReturn(aResponse().withStatus(200).withHeader("Location", session)));
  }

  private List<String> chunkRanges() {
    return wm.findAll(putRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos"))).stream()
        .filter(r -> r.getBody().length > 0)
        .map(r -> r.getHeader("Content-Range"))
        .collect(Collectors.toList());
  }

  private List<LoggedRequest> statusQueries() {
    return wm.findAll(
        putRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withHeader("Content-Range", matching("bytes \\*/\\d+")));
  }

  @Test
  void uploadSendsSessionStartThenChunksOf256KiB() throws Exception {
    stubSessionStart();
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withHeader("Content-Range", equalTo("bytes 0-262143/600000"))
            .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-262143")));
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withHeader("Content-Range", equalTo("bytes 262144-524287/600000"))
            .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-524287")));
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withHeader("Content-Range", equalTo("bytes 524288-599999/600000"))
            .willReturn(aResponse().withStatus(200).withBody(VIDEO)));
    try (YouTubeClient yt = client()) {
      PublishedPost p = yt.publish(videoPost(600_000));
      assertThat(p.id()).isEqualTo("vid12345678");
      assertThat(yt.quotaUsed()).isEqualTo(1600);
    }
    LoggedRequest start =
        wm.findAll(postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos"))).get(0);
    assertThat(start.queryParameter("uploadType").firstValue()).isEqualTo("resumable");
    assertThat(start.queryParameter("part").firstValue()).isEqualTo("snippet,status");
    assertThat(start.getHeader("X-Upload-Content-Length")).isEqualTo("600000");
    assertThat(start.getHeader("X-Upload-Content-Type")).isEqualTo("video/mp4");
    assertThat(start.getHeader("Authorization")).isEqualTo("Bearer tok");
    assertThat(start.getBodyAsString())
        .contains("\"title\":\"T\"", "\"description\":\"desc\"", "\"privacyStatus\":\"public\"");
    assertThat(chunkRanges())
        .containsExactly(
            "bytes 0-262143/600000", "bytes 262144-524287/600000", "bytes 524288-599999/600000");
  }

  @Test
  void interruptedChunkIsFollowedByStatusQueryAndNoByteIsSentTwice() throws Exception {
    stubSessionStart();
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withHeader("Content-Range", equalTo("bytes 0-262143/600000"))
            .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-262143")));
    // the second chunk arrives, but the answer is lost
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withHeader("Content-Range", equalTo("bytes 262144-524287/600000"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withHeader("Content-Range", equalTo("bytes */600000"))
            .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-524287")));
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withHeader("Content-Range", equalTo("bytes 524288-599999/600000"))
            .willReturn(aResponse().withStatus(201).withBody(VIDEO)));
    try (YouTubeClient yt = client()) {
      assertThat(yt.publish(videoPost(600_000)).id()).isEqualTo("vid12345678");
    }
    assertThat(statusQueries()).hasSize(1);
    assertThat(chunkRanges())
        .containsExactly(
            "bytes 0-262143/600000", "bytes 262144-524287/600000", "bytes 524288-599999/600000");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
  }

  @Test
  void statusQueryAnswering200MeansDoneAndNothingIsUploadedAgain() throws Exception {
    stubSessionStart();
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withHeader("Content-Range", equalTo("bytes 0-99999/100000"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withHeader("Content-Range", equalTo("bytes */100000"))
            .willReturn(aResponse().withStatus(200).withBody(VIDEO)));
    try (YouTubeClient yt = client()) {
      assertThat(yt.publish(videoPost(100_000)).id()).isEqualTo("vid12345678");
    }
    assertThat(chunkRanges()).containsExactly("bytes 0-99999/100000");
    assertThat(statusQueries()).hasSize(1);
    wm.verify(1, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
  }

  @Test
  void expiredSessionStartsOver() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/upload/youtube/v3/videos"))
            .inScenario("s")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(200).withHeader("Location", session))
            .willSetStateTo("second"));
    String session2 = session.replace("S1", "S2");
    wm.stubFor(
        post(urlPathEqualTo("/upload/youtube/v3/videos"))
            .inScenario("s")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withStatus(200).withHeader("Location", session2)));
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withQueryParam("upload_id", equalTo("S1"))
            .withHeader("Content-Range", containing("-"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody(
                        "{\"error\":{\"code\":503,\"errors\":[{\"reason\":\"backendError\"}]}}")));
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withQueryParam("upload_id", equalTo("S1"))
            .withHeader("Content-Range", equalTo("bytes */1000"))
            .willReturn(aResponse().withStatus(404)));
    wm.stubFor(
        put(urlPathEqualTo("/upload/youtube/v3/videos"))
            .withQueryParam("upload_id", equalTo("S2"))
            .willReturn(aResponse().withStatus(200).withBody(VIDEO)));
    try (YouTubeClient yt = client()) {
      assertThat(yt.publish(videoPost(1000)).id()).isEqualTo("vid12345678");
      assertThat(yt.quotaUsed()).isEqualTo(3200);
    }
    wm.verify(2, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
  }

  @Test
  void quotaThatCannotFitIsRefusedOfflineAndServerQuotaIsNotRetried() throws Exception {
    try (YouTubeClient yt = client(YouTubeQuota.builder().dailyLimit(1000).build())) {
      assertThatThrownBy(() -> yt.publish(videoPost(1000)))
          .isInstanceOfSatisfying(
              QuotaExceededException.class, e -> assertThat(e.resetAt()).isPresent());
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/videos"))
            .willReturn(aResponse().withStatus(403).withBody(QUOTA)));
    try (YouTubeClient yt = client()) {
      assertThatThrownBy(() -> yt.metrics(PostRef.of(Platform.YOUTUBE, "v1")))
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageContaining("exceeded your quota");
      assertThat(yt.quotaRemaining()).isZero();
    }
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void rateLimitIsRetriedThenGivesUp() {
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/videos"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"error\":{\"code\":403,\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\"rateLimitExceeded\"}]}}")));
    try (YouTubeClient yt = client()) {
      assertThatThrownBy(() -> yt.metrics(PostRef.of(Platform.YOUTUBE, "v1")))
          .isInstanceOf(RateLimitException.class);
    }
    wm.verify(4, getRequestedFor(urlPathEqualTo("/youtube/v3/videos")));
  }

  @Test
  void metricsCommentsAndModeration() {
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/videos"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"items\":[{\"id\":\"v1\",\"snippet\":{\"publishedAt\":\"2025-01-01T00:00:00Z\"},\"statistics\":"
                            + "{\"viewCount\":\"10\",\"likeCount\":\"2\",\"commentCount\":\"1\"}}]}")));
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/commentThreads"))
            .withQueryParam("pageToken", equalTo("P2"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"items\":[{\"id\":\"c2\",\"snippet\":{\"totalReplyCount\":0,"
                            + "\"topLevelComment\":{\"id\":\"c2\",\"snippet\":{\"textOriginal\":\"two\"}}}}]}")));
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/commentThreads"))
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"nextPageToken\":\"P2\",\"items\":[{\"id\":\"c1\","
                            + "\"snippet\":{\"totalReplyCount\":1,\"topLevelComment\":{\"id\":\"c1\",\"snippet\":{\"textOriginal\":\"one\"}}},"
                            + "\"replies\":{\"comments\":[{\"id\":\"c1.r\",\"snippet\":{\"parentId\":\"c1\",\"textOriginal\":\"r\"}}]}}]}")));
    wm.stubFor(
        post(urlPathEqualTo("/youtube/v3/comments"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"id\":\"c1.new\",\"snippet\":{\"parentId\":\"c1\",\"textOriginal\":\"hi\"}}")));
    wm.stubFor(
        post(urlPathEqualTo("/youtube/v3/comments/setModerationStatus"))
            .willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        delete(urlPathEqualTo("/youtube/v3/comments")).willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        delete(urlPathEqualTo("/youtube/v3/videos")).willReturn(aResponse().withStatus(204)));
    try (YouTubeClient yt = client()) {
      EngagementMetrics m = yt.metrics(PostRef.of(Platform.YOUTUBE, "v1"));
      assertThat(m.views()).hasValue(10);
      assertThat(m.raw())
          .doesNotContainKey("analytics.views"); // a fixed token grants no analytics scope
      List<Comment> all = new ArrayList<>(yt.comments(PostRef.of(Platform.YOUTUBE, "v1")).toList());
      assertThat(all).extracting(Comment::id).containsExactly("c1", "c1.r", "c2");
      assertThat(yt.reply(CommentRef.of(Platform.YOUTUBE, "c1"), "hi").id()).isEqualTo("c1.new");
      yt.moderate(CommentRef.of(Platform.YOUTUBE, "c1"), ModerationAction.HIDE);
      yt.moderate(CommentRef.of(Platform.YOUTUBE, "c1"), ModerationAction.DELETE);
      yt.delete(PostRef.of(Platform.YOUTUBE, "v1"));
    }
    LoggedRequest reply =
        wm.findAll(postRequestedFor(urlPathEqualTo("/youtube/v3/comments"))).get(0);
    assertThat(reply.getBodyAsString()).contains("\"parentId\":\"c1\"", "\"textOriginal\":\"hi\"");
    LoggedRequest mod =
        wm.findAll(postRequestedFor(urlPathEqualTo("/youtube/v3/comments/setModerationStatus")))
            .get(0);
    assertThat(mod.queryParameter("moderationStatus").firstValue()).isEqualTo("heldForReview");
    wm.verify(
        1,
        com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                urlPathEqualTo("/youtube/v3/videos"))
            .withQueryParam("id", equalTo("v1")));
  }

  @Test
  void updateWithUploadOnlyScopeIsAPermissionError() {
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/videos"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(VIDEO.replace("{\"kind\"", "{\"items\":[{\"kind\"") + "]}")));
    wm.stubFor(
        put(urlPathEqualTo("/youtube/v3/videos"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"error\":{\"code\":403,\"message\":\"Request had insufficient authentication scopes.\",\"errors\":"
                            + "[{\"domain\":\"global\",\"reason\":\"insufficientPermissions\"}],\"status\":\"PERMISSION_DENIED\"}}")));
    try (YouTubeClient yt = client()) {
      assertThatThrownBy(
              () ->
                  yt.updateVideo(
                      PostRef.of(Platform.YOUTUBE, "vid12345678"),
                      YouTubeVideoUpdate.builder().title("x").build()))
          .isInstanceOfSatisfying(
              PermissionException.class, e -> assertThat(e.missing()).isPresent());
    }
    LoggedRequest upd = wm.findAll(putRequestedFor(urlPathEqualTo("/youtube/v3/videos"))).get(0);
    assertThat(upd.getBodyAsString())
        .contains("\"title\":\"x\"", "\"categoryId\":\"22\"", "\"privacyStatus\":\"public\"");
  }

  @Test
  void emptyVideoListIsNotFound() {
    wm.stubFor(
        get(urlPathEqualTo("/youtube/v3/videos"))
            .willReturn(aResponse().withStatus(200).withBody("{\"items\":[]}")));
    try (YouTubeClient yt = client()) {
      assertThatThrownBy(() -> yt.metrics(PostRef.of(Platform.YOUTUBE, "gone")))
          .isInstanceOf(NotFoundException.class);
    }
  }
}
