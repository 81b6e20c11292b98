package io.smo.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.AuthorizationRequest;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.ValidationException;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.upload.UploadProgress;
import io.smo.testkit.Fault;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.TikTokEmulator;
import io.smo.tiktok.TikTokOptions.Mode;
import io.smo.tiktok.TikTokOptions.PrivacyLevel;
import io.smo.tiktok.internal.DefaultTikTokClient;
import io.smo.tiktok.internal.TikTokUploadProtocol.ChunkPlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against the sandbox's TikTok emulator (strict mode: TikTok publishes no
 * machine-readable spec, so the emulator's own checks are the contract). Each test takes a fresh
 * access token from the emulator so per-token rate limits and expired-token faults stay local.
 */
@SandboxTest(strict = true)
class TikTokSandboxTest {
  @TempDir Path dir;

  static TikTokEmulator emu(Sandbox s) {
    return (TikTokEmulator) s.emulator(Platform.TIKTOK);
  }

  static TikTokClient.Builder builder(Sandbox s) {
    return TikTokClient.builder()
        .baseUrl(s.baseUrl(Platform.TIKTOK))
        .accessToken(emu(s).issueTokens()[0])
        .sleeper(d -> {})
        .rateLimitPolicy(RateLimitPolicy.unlimited());
  }

  static Post video(Media m, PrivacyLevel p) {
    return Post.builder()
        .text("Sandbox clip #test")
        .addMedia(m)
        .option(TikTokOptions.builder().privacyLevel(p).build())
        .build();
  }

  static Media url() {
    return Media.fromUrl(URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO);
  }

  static TikTokOAuth flow(Sandbox s) {
    OAuth2Config cfg =
        TikTokOAuth.config(
                TikTokEmulator.CLIENT_KEY,
                TikTokEmulator.CLIENT_SECRET,
                URI.create("https://app.example/cb"))
            .scopes(Set.of("video.publish", "video.list"))
            .tokenEndpoint(s.baseUrl(Platform.TIKTOK).resolve("v2/oauth/token/"))
            .build();
    return TikTokOAuth.create(cfg);
  }

  @Test
  void smallVideoFileIsPostedAndMetricsGrow(Sandbox s) throws Exception {
    int before = s.created(Platform.TIKTOK, "post").size();
    Path f = TestMedia.mp4(dir, "small.mp4", 100_000);
    try (TikTokClient c = builder(s).build()) {
      PublishedPost p = c.publish(video(Media.fromFile(f), PrivacyLevel.SELF_ONLY));
      assertThat(p.id()).matches("\\d+");
      assertThat(p.url().orElseThrow().toString())
          .startsWith("https://www.tiktok.com/@sbx_creator/video/");
      EngagementMetrics m1 = c.metrics(p.ref());
      EngagementMetrics m2 = c.metrics(p.ref());
      assertThat(m1.views()).isPresent();
      assertThat(m2.views().getAsLong()).isGreaterThan(m1.views().getAsLong());
      assertThat(m2.likes().getAsLong()).isGreaterThan(m1.likes().getAsLong());
    }
    assertThat(s.created(Platform.TIKTOK, "post")).hasSize(before + 1);
  }

  @Test
  void largeVideoIsUploadedInCorrectlySizedChunks(Sandbox s) throws Exception {
    // TikTok's rules scaled down 1000x in both client and emulator, so the docs' 50,000,123-byte
    // example runs with a 50,123-byte file: five chunks, the last carrying the trailing bytes.
    TikTokEmulator e = emu(s);
    e.chunkRules(5_000, 64_000, 128_000, 1000);
    Path f = TestMedia.mp4(dir, "large.mp4", 50_123);
    List<UploadProgress> progress = new CopyOnWriteArrayList<>();
    try (TikTokClient c =
        DefaultTikTokClient.withChunkRules(
            builder(s).chunkSize(10_000).uploadListener(progress::add).build(),
            new ChunkPlan.Rules(5_000, 64_000, 128_000, 1000))) {
      PublishedPost p = c.publish(video(Media.fromFile(f), PrivacyLevel.PUBLIC_TO_EVERYONE));
      assertThat(p.ref().attributes()).doesNotContainKey("postIdPending");
    } finally {
      e.resetChunkRules();
    }
    assertThat(progress)
        .filteredOn(u -> u.state() == io.smo.core.upload.UploadState.UPLOADING)
        .extracting(UploadProgress::bytesSent)
        .contains(10_000L, 20_000L, 30_000L, 40_000L, 50_123L);
    assertThat(progress).anyMatch(u -> u.platformState().orElse("").equals("PROCESSING_UPLOAD"));
  }

  @Test
  void chunkPlanOutsideTikTokRulesIsRefusedAtInit(Sandbox s) throws Exception {
    Path f = TestMedia.mp4(dir, "bad.mp4", 50_123);
    try (TikTokClient c =
        DefaultTikTokClient.withChunkRules(
            builder(s).chunkSize(10_000).build(),
            new ChunkPlan.Rules(5_000, 64_000, 128_000, 1000))) {
      assertThatThrownBy(() -> c.publish(video(Media.fromFile(f), PrivacyLevel.SELF_ONLY)))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              ex -> assertThat(ex.errorCode()).contains("invalid_params"));
    }
  }

  @Test
  void uploadEndpointEnforcesOrderAndSizes(Sandbox s) throws Exception {
    TikTokEmulator e = emu(s);
    e.chunkRules(5_000, 64_000, 128_000, 1000);
    try {
      String token = e.issueTokens()[0];
      HttpClient http = HttpClient.newHttpClient();
      String init =
          "{\"post_info\":{\"title\":\"t\",\"privacy_level\":\"SELF_ONLY\"},\"source_info\":"
              + "{\"source\":\"FILE_UPLOAD\",\"video_size\":30000,\"chunk_size\":10000,\"total_chunk_count\":3}}";
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      s.baseUrl(Platform.TIKTOK).resolve("v2/post/publish/video/init/"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json; charset=UTF-8")
                  .POST(HttpRequest.BodyPublishers.ofString(init))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      String uploadUrl =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(r.body())
              .path("data")
              .path("upload_url")
              .asText();
      assertThat(uploadUrl).startsWith(s.baseUrl(Platform.TIKTOK).toString());
      // second chunk first: out of order
      HttpResponse<String> outOfOrder =
          http.send(
              HttpRequest.newBuilder(URI.create(uploadUrl))
                  .header("Content-Type", "video/mp4")
                  .header("Content-Range", "bytes 10000-19999/30000")
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10_000]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(outOfOrder.statusCode()).isEqualTo(400);
      assertThat(outOfOrder.body()).contains("invalid_file_upload");
      // wrong size
      HttpResponse<String> wrongSize =
          http.send(
              HttpRequest.newBuilder(URI.create(uploadUrl))
                  .header("Content-Type", "video/mp4")
                  .header("Content-Range", "bytes 0-8999/30000")
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[9_000]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(wrongSize.statusCode()).isEqualTo(400);
      HttpResponse<String> good =
          http.send(
              HttpRequest.newBuilder(URI.create(uploadUrl))
                  .header("Content-Type", "video/mp4")
                  .header("Content-Range", "bytes 0-9999/30000")
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10_000]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(good.statusCode()).isEqualTo(206);
    } finally {
      e.resetChunkRules();
    }
  }

  @Test
  void pullFromUrlReportsDownloadProgress(Sandbox s) {
    List<UploadProgress> progress = new CopyOnWriteArrayList<>();
    try (TikTokClient c = builder(s).uploadListener(progress::add).build()) {
      PublishedPost p = c.publish(video(url(), PrivacyLevel.MUTUAL_FOLLOW_FRIENDS));
      assertThat(p.id()).matches("\\d+");
    }
    assertThat(progress)
        .extracting(u -> u.platformState().orElse(""))
        .contains("PROCESSING_DOWNLOAD", "PUBLISH_COMPLETE");
  }

  @Test
  void unverifiedPullDomainIsPermissionException(Sandbox s) {
    try (TikTokClient c = builder(s).build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://unverified.example/v.mp4"), MediaKind.VIDEO),
                          PrivacyLevel.SELF_ONLY)))
          .isInstanceOf(PermissionException.class);
    }
  }

  @Test
  void photoPostFromUrls(Sandbox s) {
    Post post =
        Post.builder()
            .text("Carousel")
            .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/1.jpg"), MediaKind.IMAGE))
            .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/2.jpg"), MediaKind.IMAGE))
            .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/3.jpg"), MediaKind.IMAGE))
            .option(
                TikTokOptions.builder()
                    .privacyLevel(PrivacyLevel.SELF_ONLY)
                    .photoTitle("Three")
                    .build())
            .build();
    try (TikTokClient c = builder(s).build()) {
      PublishedPost p = c.publish(post);
      assertThat(p.id()).matches("\\d+");
      assertThat(s.created(Platform.TIKTOK, "post"))
          .anyMatch(
              cr ->
                  cr.id().startsWith("p_pub_url")
                      && cr.body().path("source_info").path("photo_images").size() == 3);
    }
  }

  @Test
  void inboxUploadEndsInTheCreatorsInbox(Sandbox s) throws Exception {
    Path f = TestMedia.mp4(dir, "inbox.mp4", 20_000);
    try (TikTokClient c = builder(s).build()) {
      PublishedPost p =
          c.publish(
              Post.builder()
                  .addMedia(Media.fromFile(f))
                  .option(TikTokOptions.builder().mode(Mode.UPLOAD_TO_INBOX).build())
                  .build());
      assertThat(p.ref().attributes())
          .containsEntry("postIdPending", "true")
          .containsEntry("status", "SEND_TO_USER_INBOX");
      assertThatThrownBy(() -> c.metrics(p.ref())).isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void privacyLevelTheCreatorDoesNotAllowIsRefusedOffline(Sandbox s) {
    int before = s.created(Platform.TIKTOK).size();
    try (TikTokClient c = builder(s).build()) {
      assertThat(c.creatorInfo().privacyLevelOptions())
          .doesNotContain(PrivacyLevel.FOLLOWER_OF_CREATOR);
      assertThatThrownBy(() -> c.publish(video(url(), PrivacyLevel.FOLLOWER_OF_CREATOR)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .anyMatch(v -> v.field().equals("tiktok.privacyLevel")));
    }
    assertThat(s.created(Platform.TIKTOK)).hasSize(before);
  }

  @Test
  void privateAccountCreatorOffersOnlySelfOnly(Sandbox s) {
    TikTokEmulator e = emu(s);
    e.creator(List.of("FOLLOWER_OF_CREATOR", "SELF_ONLY"), true, true, true, 60);
    try (TikTokClient c = builder(s).build()) {
      assertThatThrownBy(() -> c.publish(video(url(), PrivacyLevel.PUBLIC_TO_EVERYONE)))
          .isInstanceOf(ValidationException.class);
      assertThat(c.publish(video(url(), PrivacyLevel.SELF_ONLY)).id()).matches("\\d+");
    } finally {
      e.resetCreator();
    }
  }

  @Test
  void videoLongerThanTheCreatorMayPostIsRefusedBeforeInit(Sandbox s) throws Exception {
    TikTokEmulator e = emu(s);
    e.creator(List.of("SELF_ONLY"), false, false, false, 60);
    int before = s.created(Platform.TIKTOK).size();
    Path f = TestMedia.mp4WithDuration(dir, "long.mp4", 120);
    assertThat(Media.fromFile(f).info().duration()).contains(java.time.Duration.ofSeconds(120));
    try (TikTokClient c = builder(s).build()) {
      assertThat(c.validate(video(Media.fromFile(f), PrivacyLevel.SELF_ONLY))).isEmpty();
      assertThatThrownBy(() -> c.publish(video(Media.fromFile(f), PrivacyLevel.SELF_ONLY)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              ex ->
                  assertThat(ex.violations())
                      .anyMatch(v -> v.rule().equals("creator-max-duration")));
      Path tooLong = TestMedia.mp4WithDuration(dir, "too-long.mp4", 11 * 60);
      assertThat(c.validate(video(Media.fromFile(tooLong), PrivacyLevel.SELF_ONLY)))
          .anyMatch(v -> v.rule().equals("video-duration"));
    } finally {
      e.resetCreator();
    }
    assertThat(s.created(Platform.TIKTOK)).hasSize(before);
  }

  @Test
  void oauthCodeExchangeAndRefreshRotation(Sandbox s) {
    TikTokOAuth flow = flow(s);
    AuthorizationRequest req = flow.authorizationRequest();
    assertThat(req.url().toString())
        .startsWith("https://www.tiktok.com/v2/auth/authorize/?")
        .contains("client_key=" + TikTokEmulator.CLIENT_KEY)
        .contains("scope=video.")
        .contains("%2C")
        .contains("code_challenge=");
    AccessToken t = flow.exchange("sbx-code", req.codeVerifier());
    AccessToken t2 = flow.refresh(t);
    assertThat(t2.value()).isNotEqualTo(t.value());
    assertThat(t2.refreshToken()).isPresent().isNotEqualTo(t.refreshToken());
    assertThatThrownBy(() -> flow.refresh(t)).isInstanceOf(AuthenticationException.class);
  }

  // ------------------------------------------------------------ faults

  @Test
  void http429IsRetriedThenSucceeds(Sandbox s) {
    s.inject(
        Platform.TIKTOK, Fault.of(Fault.Kind.HTTP_429).on("POST", "/v2/post/publish/video/init/"));
    int before = s.created(Platform.TIKTOK, "post").size();
    try (TikTokClient c = builder(s).build()) {
      assertThat(c.publish(video(url(), PrivacyLevel.SELF_ONLY)).id()).matches("\\d+");
    }
    assertThat(s.created(Platform.TIKTOK, "post")).hasSize(before + 1);
  }

  @Test
  void emulatorRateLimitPerTokenGivesRateLimitException(Sandbox s) {
    try (TikTokClient c = builder(s).retryPolicy(RetryPolicy.none()).build()) {
      Post inbox =
          Post.builder()
              .addMedia(url())
              .option(TikTokOptions.builder().mode(Mode.UPLOAD_TO_INBOX).build())
              .build();
      for (int i = 0; i < 6; i++) {
        c.publish(inbox);
      }
      assertThatThrownBy(() -> c.publish(inbox))
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> assertThat(e.errorCode()).contains("rate_limit_exceeded"));
    }
  }

  @Test
  void http5xxOnCreateIsUnknownOutcomeAndNotRetried(Sandbox s) {
    s.inject(
        Platform.TIKTOK, Fault.of(Fault.Kind.HTTP_5XX).on("POST", "/v2/post/publish/video/init/"));
    int before = s.created(Platform.TIKTOK, "post").size();
    try (TikTokClient c = builder(s).build()) {
      Post post = video(url(), PrivacyLevel.SELF_ONLY);
      assertThatThrownBy(() -> c.publish(post))
          .isInstanceOfSatisfying(
              PublishOutcomeUnknownException.class,
              e -> assertThat(e.idempotencyKey()).contains(post.idempotencyKey()));
    }
    assertThat(s.created(Platform.TIKTOK, "post")).hasSize(before);
  }

  @Test
  void connectionResetOnStatusReadIsRetried(Sandbox s) {
    s.inject(
        Platform.TIKTOK,
        Fault.of(Fault.Kind.CONNECTION_RESET).on("POST", "/v2/post/publish/status/fetch/"));
    try (TikTokClient c = builder(s).build()) {
      assertThat(c.publish(video(url(), PrivacyLevel.SELF_ONLY)).id()).matches("\\d+");
    }
  }

  @Test
  void createdThenResetIsUnknownWithExactlyOnePost(Sandbox s) {
    s.inject(
        Platform.TIKTOK,
        Fault.of(Fault.Kind.CREATED_THEN_RESET).on("POST", "/v2/post/publish/video/init/"));
    int before = s.created(Platform.TIKTOK, "post").size();
    try (TikTokClient c = builder(s).build()) {
      assertThatThrownBy(() -> c.publish(video(url(), PrivacyLevel.SELF_ONLY)))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
    assertThat(s.created(Platform.TIKTOK, "post")).hasSize(before + 1);
  }

  @Test
  void expiredTokenIsRefreshedOnceAndTheRotatedRefreshTokenPersisted(Sandbox s) {
    TikTokEmulator e = emu(s);
    String[] pair = e.issueTokens();
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save("creator", AccessToken.builder(pair[0]).refreshToken(pair[1]).build());
    int refreshes = e.refreshCount();
    s.inject(
        Platform.TIKTOK,
        Fault.of(Fault.Kind.EXPIRED_TOKEN).on("POST", "/v2/post/publish/creator_info/query/"));
    try (TikTokClient c =
        TikTokClient.builder()
            .baseUrl(s.baseUrl(Platform.TIKTOK))
            .tokenProvider(flow(s).tokenProvider("creator", store))
            .accountId("creator")
            .sleeper(d -> {})
            .rateLimitPolicy(RateLimitPolicy.unlimited())
            .build()) {
      assertThat(c.publish(video(url(), PrivacyLevel.SELF_ONLY)).id()).matches("\\d+");
    }
    assertThat(e.refreshCount()).isEqualTo(refreshes + 1);
    AccessToken saved = store.load("creator").orElseThrow();
    assertThat(saved.value()).isNotEqualTo(pair[0]);
    assertThat(saved.refreshToken().orElseThrow()).isNotEqualTo(pair[1]);
  }

  @Test
  void malformedBodyIsTypedException(Sandbox s) {
    try (TikTokClient c = builder(s).build()) {
      PublishedPost p = c.publish(video(url(), PrivacyLevel.SELF_ONLY));
      s.inject(
          Platform.TIKTOK,
          Fault.of(Fault.Kind.MALFORMED_JSON).on("POST", "/v2/video/query/").times(3));
      assertThatThrownBy(() -> c.metrics(p.ref())).isInstanceOf(TransportException.class);
      s.inject(
          Platform.TIKTOK,
          Fault.of(Fault.Kind.TRUNCATED_JSON).on("POST", "/v2/post/publish/video/init/"));
      assertThatThrownBy(() -> c.publish(video(url(), PrivacyLevel.SELF_ONLY)))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
  }

  @Test
  void duplicateContentFaultIsRefusedWithTikToksSpamRiskCode(Sandbox s) {
    s.inject(
        Platform.TIKTOK,
        Fault.of(Fault.Kind.DUPLICATE_CONTENT).on("POST", "/v2/post/publish/video/init/"));
    try (TikTokClient c = builder(s).build()) {
      assertThatThrownBy(() -> c.publish(video(url(), PrivacyLevel.SELF_ONLY)))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> assertThat(e.errorCode()).contains("spam_risk_text"));
    }
  }

  @Test
  void mediaProcessingFailureIsReported(Sandbox s) throws Exception {
    s.inject(
        Platform.TIKTOK, Fault.of(Fault.Kind.MEDIA_PROCESSING_FAILURE).on("PUT", "/upload/video/"));
    Path f = TestMedia.mp4(dir, "broken.mp4", 30_000);
    try (TikTokClient c = builder(s).build()) {
      assertThatThrownBy(() -> c.publish(video(Media.fromFile(f), PrivacyLevel.SELF_ONLY)))
          .isInstanceOf(MediaProcessingException.class)
          .hasMessageContaining("file_format_check_failed");
    }
  }
}
