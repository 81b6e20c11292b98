package io.smo.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Audience;
import io.smo.core.Comment;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.Visibility;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.DuplicateContentException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.TransportException;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.testkit.Fault;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.YouTubeEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end against the sandbox in strict mode (requests checked against the discovery documents).
 */
@SandboxTest(strict = true)
class YouTubeSandboxTest {
  @TempDir Path dir;

  private final List<UploadProgress> progress = new CopyOnWriteArrayList<>();

  @BeforeEach
  void roomyQuota(Sandbox sandbox) {
    emulator(sandbox).quotaLimit(1_000_000);
  }

  private static YouTubeEmulator emulator(Sandbox sandbox) {
    return (YouTubeEmulator) sandbox.emulator(Platform.YOUTUBE);
  }

  private YouTubeClient.Builder builder(Sandbox sandbox) {
    return YouTubeClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.YOUTUBE))
        .accessToken(sandbox.credentials(Platform.YOUTUBE).accessToken())
        .chunkSize(256 * 1024)
        .pollInterval(Duration.ofMillis(1))
        .uploadListener(progress::add)
        .sleeper(d -> {});
  }

  private YouTubeClient client(Sandbox sandbox) {
    return builder(sandbox).build();
  }

  private Post video(String name, int size) throws Exception {
    return Post.builder()
        .text("A sandbox video\nwith a description")
        .addMedia(Media.fromFile(TestFiles.mp4(dir, name, size)))
        .option(
            YouTubeOptions.builder()
                .title("Sandbox " + name)
                .tags("smo", "sandbox")
                .categoryId("22")
                .selfDeclaredMadeForKids(false)
                .build())
        .build();
  }

  @Test
  void publishesThroughResumableUploadAndProcessing(Sandbox sandbox) throws Exception {
    int before = sandbox.created(Platform.YOUTUBE, "post").size();
    try (YouTubeClient yt = client(sandbox)) {
      Post post =
          video("a.mp4", 700 * 1024).toBuilder()
              .option(
                  YouTubeOptions.builder()
                      .title("With extras")
                      .thumbnail(TestFiles.jpeg(dir, "t.jpg"))
                      .playlistId(sandbox.credentials(Platform.YOUTUBE).extra("playlistId"))
                      .build())
              .audience(Audience.builder().visibility(Visibility.UNLISTED).build())
              .build();
      PublishedPost p = yt.publish(post);
      assertThat(p.id()).hasSize(11);
      assertThat(sandbox.created(Platform.YOUTUBE, "post")).hasSize(before + 1);
      assertThat(sandbox.created(Platform.YOUTUBE, "media"))
          .anySatisfy(c -> assertThat(c.id()).isEqualTo(p.id() + "/thumbnail"));
      assertThat(sandbox.created(Platform.YOUTUBE, "playlistItem")).isNotEmpty();
      assertThat(emulator(sandbox).video(p.id()).path("status").path("privacyStatus").asText())
          .isEqualTo("unlisted");
      assertThat(emulator(sandbox).duplicateBytesReceived()).isZero();
      assertThat(progress)
          .extracting(UploadProgress::state)
          .contains(
              UploadState.STARTING,
              UploadState.UPLOADING,
              UploadState.PROCESSING,
              UploadState.READY);
      assertThat(progress)
          .filteredOn(x -> x.state() == UploadState.UPLOADING)
          .extracting(UploadProgress::bytesSent)
          .contains(262_144L, 524_288L, 716_800L);
      assertThat(yt.quotaUsed()).isGreaterThanOrEqualTo(1600 + 50 + 50);
      assertThat(sandbox.strictViolations()).isEmpty();
    }
  }

  @Test
  void schedulesNatively(Sandbox sandbox) throws Exception {
    Instant at =
        Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    try (YouTubeClient yt = client(sandbox)) {
      PublishedPost p = yt.publish(video("s.mp4", 300 * 1024).toBuilder().scheduledAt(at).build());
      assertThat(p.scheduled()).isTrue();
      assertThat(p.publishedAt()).contains(at);
      assertThat(emulator(sandbox).video(p.id()).path("status").path("privacyStatus").asText())
          .isEqualTo("private");
    }
  }

  @Test
  void updatesDeletesAndReadsMetrics(Sandbox sandbox) throws Exception {
    try (YouTubeClient yt = builder(sandbox).analytics(true).build()) {
      PublishedPost p = yt.publish(video("m.mp4", 100 * 1024));
      yt.updateVideo(
          p.ref(),
          YouTubeVideoUpdate.builder().title("New title").visibility(Visibility.PRIVATE).build());
      assertThat(emulator(sandbox).video(p.id()).path("snippet").path("title").asText())
          .isEqualTo("New title");
      assertThat(emulator(sandbox).video(p.id()).path("snippet").path("description").asText())
          .isEqualTo("A sandbox video\nwith a description");
      EngagementMetrics m1 = yt.metrics(p.ref());
      EngagementMetrics m2 = yt.metrics(p.ref());
      assertThat(m1.views()).isPresent();
      assertThat(m2.views().getAsLong()).isGreaterThan(m1.views().getAsLong());
      assertThat(m1.comments()).hasValue(105);
      assertThat(m1.shares()).isPresent();
      assertThat(m1.raw())
          .containsKeys(
              "viewCount",
              "analytics.views",
              "analytics.estimatedMinutesWatched",
              "analytics.demographics",
              "analytics.country");
      yt.delete(p.ref());
      assertThat(sandbox.created(Platform.YOUTUBE, "post")).noneMatch(c -> c.id().equals(p.id()));
      assertThatThrownBy(() -> yt.metrics(p.ref()))
          .isInstanceOf(io.smo.core.exception.NotFoundException.class);
    }
  }

  @Test
  void commentsPaginateAndCanBeAnsweredAndModerated(Sandbox sandbox) throws Exception {
    try (YouTubeClient yt = client(sandbox)) {
      PublishedPost p = yt.publish(video("c.mp4", 50 * 1024));
      List<Comment> all = yt.comments(p.ref()).toList();
      long topLevel = all.stream().filter(c -> c.parentId().isEmpty()).count();
      assertThat(topLevel).isEqualTo(104); // 105 seeded, one held for review
      assertThat(all).anyMatch(c -> c.parentId().isPresent());
      Comment first = all.get(0);
      Comment reply = yt.reply(first.ref(), "Thanks!");
      assertThat(reply.parentId()).contains(first.id());
      Comment top = yt.comment(p.ref(), "Pinned note");
      assertThat(sandbox.created(Platform.YOUTUBE, "reply"))
          .anyMatch(c -> c.id().equals(reply.id()));
      assertThat(sandbox.created(Platform.YOUTUBE, "comment"))
          .anyMatch(c -> c.id().equals(top.id()));
      yt.moderate(first.ref(), ModerationAction.HIDE);
      assertThat(yt.comments(p.ref()).stream().filter(c -> c.parentId().isEmpty()).count())
          .isEqualTo(104);
      yt.moderate(first.ref(), ModerationAction.UNHIDE);
      yt.setModerationStatus(all.get(1).ref(), YouTubeModerationStatus.REJECTED, true);
      yt.moderate(reply.ref(), ModerationAction.DELETE);
      assertThat(sandbox.created(Platform.YOUTUBE, "reply"))
          .noneMatch(c -> c.id().equals(reply.id()));
      assertThatThrownBy(() -> yt.moderate(all.get(2).ref(), ModerationAction.DELETE))
          .isInstanceOf(PermissionException.class);
      assertThat(sandbox.strictViolations()).isEmpty();
    }
  }

  @Test
  void rateLimitedCallIsRetried(Sandbox sandbox) throws Exception {
    try (YouTubeClient yt = client(sandbox)) {
      PublishedPost p = yt.publish(video("r.mp4", 10 * 1024));
      sandbox.inject(
          Platform.YOUTUBE, Fault.of(Fault.Kind.HTTP_429).on("GET", "/youtube/v3/videos"));
      assertThat(yt.metrics(p.ref()).views()).isPresent();
    }
  }

  @Test
  void serverErrorOnLastChunkResumesWithOneVideo(Sandbox sandbox) throws Exception {
    int before = sandbox.created(Platform.YOUTUBE, "post").size();
    sandbox.inject(
        Platform.YOUTUBE, Fault.of(Fault.Kind.HTTP_5XX).on("PUT", "/upload/youtube/v3/videos"));
    try (YouTubeClient yt = client(sandbox)) {
      PublishedPost p = yt.publish(video("five.mp4", 200 * 1024));
      assertThat(sandbox.created(Platform.YOUTUBE, "post")).hasSize(before + 1);
      assertThat(p.id()).isNotBlank();
      assertThat(progress).extracting(UploadProgress::state).contains(UploadState.RESUMING);
    }
  }

  @Test
  void serverErrorOnReplyIsAnUnknownOutcome(Sandbox sandbox) throws Exception {
    try (YouTubeClient yt = client(sandbox)) {
      PublishedPost p = yt.publish(video("fr.mp4", 10 * 1024));
      Comment first = yt.comments(p.ref()).firstPage().items().get(0);
      sandbox.inject(
          Platform.YOUTUBE, Fault.of(Fault.Kind.HTTP_5XX).on("POST", "/youtube/v3/comments"));
      assertThatThrownBy(() -> yt.reply(first.ref(), "hello"))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
  }

  @Test
  void resetAfterLastChunkTookEffectGivesExactlyOneVideo(Sandbox sandbox) throws Exception {
    int before = sandbox.created(Platform.YOUTUBE, "post").size();
    // one chunk only: the reset hits the request that creates the video
    sandbox.inject(
        Platform.YOUTUBE,
        Fault.of(Fault.Kind.CREATED_THEN_RESET).on("PUT", "/upload/youtube/v3/videos"));
    try (YouTubeClient yt = client(sandbox)) {
      PublishedPost p = yt.publish(video("reset.mp4", 100 * 1024));
      assertThat(sandbox.created(Platform.YOUTUBE, "post")).hasSize(before + 1);
      assertThat(sandbox.created(Platform.YOUTUBE, "post").get(before).id()).isEqualTo(p.id());
      assertThat(emulator(sandbox).duplicateBytesReceived()).isZero();
    }
  }

  @Test
  void resetAfterReplyTookEffectIsUnknownAndNotRepeated(Sandbox sandbox) throws Exception {
    try (YouTubeClient yt = client(sandbox)) {
      PublishedPost p = yt.publish(video("rr.mp4", 10 * 1024));
      Comment first = yt.comments(p.ref()).firstPage().items().get(0);
      int before = sandbox.created(Platform.YOUTUBE, "reply").size();
      sandbox.inject(
          Platform.YOUTUBE,
          Fault.of(Fault.Kind.CREATED_THEN_RESET).on("POST", "/youtube/v3/comments"));
      assertThatThrownBy(() -> yt.reply(first.ref(), "once"))
          .isInstanceOf(PublishOutcomeUnknownException.class);
      assertThat(sandbox.created(Platform.YOUTUBE, "reply")).hasSize(before + 1);
    }
  }

  @Test
  void expiredTokenIsRefreshedOnceThroughGoogleOAuth(Sandbox sandbox) throws Exception {
    var creds = sandbox.credentials(Platform.YOUTUBE);
    InMemoryTokenStore store = new InMemoryTokenStore();
    String chan = creds.accountId();
    store.save(
        chan, AccessToken.builder(creds.accessToken()).refreshToken(creds.refreshToken()).build());
    URI tokenEndpoint = sandbox.baseUrl(Platform.YOUTUBE).resolve("token");
    try (YouTubeClient yt =
        YouTubeClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.YOUTUBE))
            .oauth(
                YouTubeOAuth.create(
                    YouTubeOAuth.config(creds.clientId(), creds.clientSecret(), null)
                        .tokenEndpoint(tokenEndpoint)
                        .build()),
                store)
            .accountId(chan)
            .chunkSize(256 * 1024)
            .pollInterval(Duration.ofMillis(1))
            .sleeper(d -> {})
            .build()) {
      PublishedPost p = yt.publish(video("tok.mp4", 10 * 1024));
      sandbox.inject(
          Platform.YOUTUBE, Fault.of(Fault.Kind.EXPIRED_TOKEN).on("GET", "/youtube/v3/videos"));
      EngagementMetrics m = yt.metrics(p.ref());
      assertThat(m.views()).isPresent();
      assertThat(store.load(chan).orElseThrow().value()).isNotEqualTo(creds.accessToken());
      assertThat(store.load(chan).orElseThrow().refreshToken()).contains(creds.refreshToken());
      // the refreshed token carries yt-analytics.readonly, so analytics were read too
      assertThat(m.raw()).containsKey("analytics.views");
    }
  }

  @Test
  void revokedRefreshTokenExplainsTheTestingAppExpiry(Sandbox sandbox) throws Exception {
    var creds = sandbox.credentials(Platform.YOUTUBE);
    InMemoryTokenStore store = new InMemoryTokenStore();
    String chan = creds.accountId();
    store.save(
        chan,
        AccessToken.builder("sbx-yt-stale")
            .refreshToken("sbx-yt-unknown-refresh")
            .expiresAt(Instant.EPOCH)
            .build());
    try (YouTubeClient yt =
        YouTubeClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.YOUTUBE))
            .oauth(
                YouTubeOAuth.config(creds.clientId(), creds.clientSecret(), null)
                    .tokenEndpoint(sandbox.baseUrl(Platform.YOUTUBE).resolve("token"))
                    .build(),
                store)
            .accountId(chan)
            .sleeper(d -> {})
            .build()) {
      assertThatThrownBy(() -> yt.metrics(PostRef.of(Platform.YOUTUBE, "abc")))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("invalid_grant")
          .hasMessageContaining("7 days");
    }
  }

  @Test
  void malformedBodyIsATypedException(Sandbox sandbox) throws Exception {
    try (YouTubeClient yt = client(sandbox)) {
      PublishedPost p = yt.publish(video("mal.mp4", 10 * 1024));
      sandbox.inject(
          Platform.YOUTUBE,
          Fault.of(Fault.Kind.MALFORMED_JSON).on("GET", "/youtube/v3/videos").times(5));
      assertThatThrownBy(() -> yt.metrics(p.ref())).isInstanceOf(TransportException.class);
    }
  }

  @Test
  void processingFailureIsReported(Sandbox sandbox) throws Exception {
    sandbox.inject(
        Platform.YOUTUBE,
        Fault.of(Fault.Kind.MEDIA_PROCESSING_FAILURE).on("POST", "/upload/youtube/v3/videos"));
    try (YouTubeClient yt = client(sandbox)) {
      assertThatThrownBy(() -> yt.publish(video("bad.mp4", 10 * 1024)))
          .isInstanceOf(MediaProcessingException.class)
          .hasMessageContaining("conversion");
    }
  }

  @Test
  void duplicateOnPlaylistIsAPartialPublish(Sandbox sandbox) throws Exception {
    sandbox.inject(
        Platform.YOUTUBE,
        Fault.of(Fault.Kind.DUPLICATE_CONTENT).on("POST", "/youtube/v3/playlistItems"));
    try (YouTubeClient yt = client(sandbox)) {
      Post post =
          video("dup.mp4", 10 * 1024).toBuilder()
              .option(
                  YouTubeOptions.builder()
                      .title("dup")
                      .playlistId(sandbox.credentials(Platform.YOUTUBE).extra("playlistId"))
                      .build())
              .build();
      assertThatThrownBy(() -> yt.publish(post))
          .isInstanceOfSatisfying(
              YouTubePartialPublishException.class,
              e -> {
                assertThat(e.failedStep()).isEqualTo("playlistItems.insert");
                assertThat(e.getCause()).isInstanceOf(DuplicateContentException.class);
                assertThat(sandbox.created(Platform.YOUTUBE, "post"))
                    .anyMatch(c -> c.id().equals(e.published().id()));
              });
    }
  }

  @Test
  void projectQuotaExhaustedIsNotRetried(Sandbox sandbox) throws Exception {
    emulator(sandbox).quotaLimit(1000);
    int before = sandbox.created(Platform.YOUTUBE, "post").size();
    try (YouTubeClient yt = client(sandbox)) {
      assertThatThrownBy(() -> yt.publish(video("q.mp4", 10 * 1024)))
          .isInstanceOfSatisfying(
              QuotaExceededException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.resetAt()).isPresent();
              });
      assertThat(yt.quotaRemaining()).isZero();
      // now refused offline, before any request
      assertThatThrownBy(() -> yt.metrics(PostRef.of(Platform.YOUTUBE, "x")))
          .isInstanceOfSatisfying(
              QuotaExceededException.class, e -> assertThat(e.statusCode()).isZero());
    }
    assertThat(sandbox.created(Platform.YOUTUBE, "post")).hasSize(before);
  }

  @Test
  void invalidPostsFailOfflineWithEveryViolation(Sandbox sandbox) throws Exception {
    try (YouTubeClient yt = client(sandbox)) {
      Post bad =
          Post.builder()
              .text("x".repeat(4999) + "é<")
              .addMedia(Media.fromFile(TestFiles.mp4(dir, "v.mp4", 1024)))
              .option(YouTubeOptions.builder().title("t".repeat(101)).license("mine").build())
              .audience(Audience.builder().visibility(Visibility.FOLLOWERS).countries("DE").build())
              .build();
      assertThat(yt.validate(bad))
          .extracting(v -> v.field() + ":" + v.rule())
          .contains(
              "text:max-length",
              "text:no-angle-brackets",
              "options.youtube.title:max-length",
              "options.youtube.license:enum",
              "audience.visibility:visibility-unsupported",
              "audience.countries:audience-unsupported");
      assertThat(yt.quotaUsed()).isZero();
    }
  }

  @Test
  void emptyTagsAndTagsWithCommasAreRefusedOffline(Sandbox sandbox) throws Exception {
    try (YouTubeClient yt = client(sandbox)) {
      Post bad =
          Post.builder()
              .text("tags")
              .addMedia(Media.fromFile(TestFiles.mp4(dir, "tags.mp4", 1024)))
              .option(YouTubeOptions.builder().title("Tags").tags("ok", " ", "a,b").build())
              .build();
      assertThat(yt.validate(bad))
          .extracting(v -> v.field() + ":" + v.rule())
          .containsExactly("options.youtube.tags:not-empty", "options.youtube.tags:no-comma");
    }
  }
}
