package io.smo.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Feature;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.tiktok.TikTokOptions.Mode;
import io.smo.tiktok.TikTokOptions.PrivacyLevel;
import io.smo.tiktok.internal.DefaultTikTokClient;
import io.smo.tiktok.internal.TikTokUploadProtocol.ChunkPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation and error path against a WireMock server speaking TikTok's documented wire
 * format.
 */
class TikTokClientWireMockTest {
  static WireMockServer wm;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
  }

  @AfterAll
  static void stop() {
    wm.stop();
  }

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  static String ok(String data) {
    return "{\"data\":"
        + data
        + ",\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"LOG-OK\"}}";
  }

  static String err(String code) {
    return "{\"data\":{},\"error\":{\"code\":\""
        + code
        + "\",\"message\":\"msg "
        + code
        + "\",\"log_id\":\"LOG-"
        + code
        + "\"}}";
  }

  static final String CREATOR =
      ok(
          "{\"creator_avatar_url\":\"https://a/x.jpg\",\"creator_username\":\"maker\","
              + "\"creator_nickname\":\"Maker\",\"privacy_level_options\":[\"PUBLIC_TO_EVERYONE\","
              + "\"MUTUAL_FOLLOW_FRIENDS\",\"SELF_ONLY\"],\"comment_disabled\":true,\"duet_disabled\":false,"
              + "\"stitch_disabled\":true,\"max_video_post_duration_sec\":600}");

  TikTokClient.Builder builder() {
    return TikTokClient.builder()
        .baseUrl(URI.create(wm.baseUrl() + "/"))
        .accessToken("act.test")
        .sleeper(d -> {})
        .rateLimitPolicy(RateLimitPolicy.unlimited());
  }

  void stubCreator() {
    wm.stubFor(
        post(urlPathEqualTo("/v2/post/publish/creator_info/query/"))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(CREATOR)));
  }

  void stubJson(String path, int status, String body) {
    wm.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  void stubStatusSequence(String... bodies) {
    String state = Scenario.STARTED;
    for (int i = 0; i < bodies.length; i++) {
      String next = i == bodies.length - 1 ? state : "s" + (i + 1);
      wm.stubFor(
          post(urlPathEqualTo("/v2/post/publish/status/fetch/"))
              .inScenario("status")
              .whenScenarioStateIs(state)
              .willReturn(
                  aResponse().withHeader("Content-Type", "application/json").withBody(bodies[i]))
              .willSetStateTo(next));
      state = next;
    }
  }

  static Post video(Media m, TikTokOptions o) {
    return Post.builder().text("Launch day #new").addMedia(m).option(o).build();
  }

  static TikTokOptions selfOnly() {
    return TikTokOptions.builder().privacyLevel(PrivacyLevel.SELF_ONLY).build();
  }

  @Test
  void creatorInfoIsMappedAndCachedForAMinute() {
    stubCreator();
    try (TikTokClient c = builder().build()) {
      CreatorInfo a = c.creatorInfo();
      CreatorInfo b = c.creatorInfo();
      assertThat(a).isEqualTo(b);
      assertThat(a.username()).isEqualTo("maker");
      assertThat(a.commentDisabled()).isTrue();
      assertThat(a.privacyLevelOptions()).contains(PrivacyLevel.SELF_ONLY);
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v2/post/publish/creator_info/query/")));
  }

  @Test
  void directFileUploadSmallVideoInOneChunkThenPolls() throws Exception {
    stubCreator();
    Path f = TestMedia.mp4(dir, "clip.mp4", 4000);
    String upload = wm.baseUrl() + "/upload/?upload_id=1&upload_token=t";
    stubJson(
        "/v2/post/publish/video/init/",
        200,
        ok("{\"publish_id\":\"v_pub_file~v2-1.9\",\"upload_url\":\"" + upload + "\"}"));
    wm.stubFor(put(urlPathEqualTo("/upload/")).willReturn(aResponse().withStatus(201)));
    stubStatusSequence(
        ok(
            "{\"status\":\"PROCESSING_UPLOAD\",\"uploaded_bytes\":4000,\"publicaly_available_post_id\":[]}"),
        ok(
            "{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[7390000000000000001]}"));
    List<UploadProgress> progress = new CopyOnWriteArrayList<>();
    try (TikTokClient c = builder().uploadListener(progress::add).build()) {
      PublishedPost p = c.publish(video(Media.fromFile(f), selfOnly()));
      assertThat(p.id()).isEqualTo("7390000000000000001");
      assertThat(p.url())
          .contains(URI.create("https://www.tiktok.com/@maker/video/7390000000000000001"));
      assertThat(p.ref().attributes()).containsEntry("publishId", "v_pub_file~v2-1.9");
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/"))
            .withHeader("Authorization", equalTo("Bearer act.test"))
            .withRequestBody(
                equalToJson(
                    "{\"post_info\":{\"title\":\"Launch day #new\","
                        + "\"privacy_level\":\"SELF_ONLY\",\"disable_duet\":false,\"disable_comment\":true,"
                        + "\"disable_stitch\":true},\"source_info\":{\"source\":\"FILE_UPLOAD\",\"video_size\":4000,"
                        + "\"chunk_size\":4000,\"total_chunk_count\":1}}")));
    wm.verify(
        putRequestedFor(urlPathEqualTo("/upload/"))
            .withHeader("Content-Range", equalTo("bytes 0-3999/4000"))
            .withHeader("Content-Type", equalTo("video/mp4"))
            .withoutHeader("Authorization"));
    assertThat(progress)
        .extracting(UploadProgress::state)
        .contains(
            UploadState.STARTING, UploadState.UPLOADING, UploadState.PROCESSING, UploadState.READY);
  }

  @Test
  void largeVideoIsSentInCorrectlySizedChunksInOrder() throws Exception {
    // TikTok's rules scaled down 1000x so a 50,123-byte file plays the guide's 50,000,123-byte
    // example
    stubCreator();
    Path f = TestMedia.mp4(dir, "big.mp4", 50_123);
    String upload = wm.baseUrl() + "/upload/?upload_id=2&upload_token=t";
    stubJson(
        "/v2/post/publish/video/init/",
        200,
        ok("{\"publish_id\":\"v_pub_file~v2-1.10\",\"upload_url\":\"" + upload + "\"}"));
    wm.stubFor(put(urlPathEqualTo("/upload/")).willReturn(aResponse().withStatus(206)));
    wm.stubFor(
        put(urlPathEqualTo("/upload/"))
            .withHeader("Content-Range", equalTo("bytes 40000-50122/50123"))
            .willReturn(aResponse().withStatus(201)));
    stubStatusSequence(
        ok("{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[\"73\"]}"));
    try (TikTokClient c =
        DefaultTikTokClient.withChunkRules(
            builder().chunkSize(10_000).build(),
            new ChunkPlan.Rules(5_000, 64_000, 128_000, 1000))) {
      assertThat(c.publish(video(Media.fromFile(f), selfOnly())).id()).isEqualTo("73");
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/"))
            .withRequestBody(matchingJsonPath("$.source_info.chunk_size", equalTo("10000")))
            .withRequestBody(matchingJsonPath("$.source_info.total_chunk_count", equalTo("5"))));
    List<LoggedRequest> puts = wm.findAll(putRequestedFor(urlPathEqualTo("/upload/")));
    assertThat(puts)
        .extracting(r -> r.getHeader("Content-Range"))
        .containsExactly(
            "bytes 0-9999/50123",
            "bytes 10000-19999/50123",
            "bytes 20000-29999/50123",
            "bytes 30000-39999/50123",
            "bytes 40000-50122/50123");
    assertThat(puts)
        .extracting(r -> r.getBody().length)
        .containsExactly(10000, 10000, 10000, 10000, 10123);
  }

  @Test
  void failedChunkResumesFromServerOffsetReadFromStatus() throws Exception {
    stubCreator();
    Path f = TestMedia.mp4(dir, "r.mp4", 30_000);
    String upload = wm.baseUrl() + "/upload/?upload_id=3&upload_token=t";
    stubJson(
        "/v2/post/publish/video/init/",
        200,
        ok("{\"publish_id\":\"v_pub_file~v2-1.11\",\"upload_url\":\"" + upload + "\"}"));
    wm.stubFor(put(urlPathEqualTo("/upload/")).willReturn(aResponse().withStatus(206)));
    wm.stubFor(
        put(urlPathEqualTo("/upload/"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .withHeader("Content-Range", equalTo("bytes 10000-19999/30000"))
            .willReturn(aResponse().withStatus(500).withBody(err("internal_error")))
            .willSetStateTo("ok"));
    wm.stubFor(
        put(urlPathEqualTo("/upload/"))
            .withHeader("Content-Range", equalTo("bytes 20000-29999/30000"))
            .willReturn(aResponse().withStatus(201)));
    stubStatusSequence(
        ok("{\"status\":\"PROCESSING_UPLOAD\",\"uploaded_bytes\":10000}"),
        ok("{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[\"74\"]}"));
    try (TikTokClient c =
        DefaultTikTokClient.withChunkRules(
            builder().chunkSize(10_000).build(),
            new ChunkPlan.Rules(5_000, 64_000, 128_000, 1000))) {
      assertThat(c.publish(video(Media.fromFile(f), selfOnly())).id()).isEqualTo("74");
    }
    assertThat(wm.findAll(putRequestedFor(urlPathEqualTo("/upload/"))))
        .extracting(r -> r.getHeader("Content-Range"))
        .containsExactly(
            "bytes 0-9999/30000",
            "bytes 10000-19999/30000",
            "bytes 10000-19999/30000",
            "bytes 20000-29999/30000");
  }

  @Test
  void pullFromUrlVideo() {
    stubCreator();
    stubJson("/v2/post/publish/video/init/", 200, ok("{\"publish_id\":\"v_pub_url~v2.1\"}"));
    stubStatusSequence(
        ok("{\"status\":\"PROCESSING_DOWNLOAD\"}"),
        ok("{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[\"75\"]}"));
    try (TikTokClient c = builder().build()) {
      PublishedPost p =
          c.publish(
              video(
                  Media.fromUrl(URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                  TikTokOptions.builder()
                      .privacyLevel(PrivacyLevel.PUBLIC_TO_EVERYONE)
                      .disableDuet(true)
                      .brandOrganic(true)
                      .aiGenerated(true)
                      .videoCoverTimestampMs(1500)
                      .build()));
      assertThat(p.id()).isEqualTo("75");
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/"))
            .withRequestBody(
                equalToJson(
                    "{\"post_info\":{\"title\":\"Launch day #new\","
                        + "\"privacy_level\":\"PUBLIC_TO_EVERYONE\",\"disable_duet\":true,\"disable_comment\":true,"
                        + "\"disable_stitch\":true,\"video_cover_timestamp_ms\":1500,\"brand_organic_toggle\":true,"
                        + "\"is_aigc\":true},\"source_info\":{\"source\":\"PULL_FROM_URL\","
                        + "\"video_url\":\"https://cdn.example.com/v.mp4\"}}")));
    wm.verify(0, putRequestedFor(anyUrl()));
  }

  @Test
  void uploadToInboxSendsNoPostInfoAndNeedsNoPrivacy() {
    stubJson(
        "/v2/post/publish/inbox/video/init/", 200, ok("{\"publish_id\":\"v_inbox_url~v2.1\"}"));
    stubStatusSequence(
        ok("{\"status\":\"SEND_TO_USER_INBOX\",\"publicaly_available_post_id\":[]}"));
    try (TikTokClient c = builder().build()) {
      PublishedPost p =
          c.publish(
              video(
                  Media.fromUrl(URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                  TikTokOptions.builder().mode(Mode.UPLOAD_TO_INBOX).build()));
      assertThat(p.id()).isEqualTo("v_inbox_url~v2.1");
      assertThat(p.ref().attributes())
          .containsEntry("postIdPending", "true")
          .containsEntry("status", "SEND_TO_USER_INBOX");
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo("/v2/post/publish/inbox/video/init/"))
            .withRequestBody(
                equalToJson(
                    "{\"source_info\":{\"source\":\"PULL_FROM_URL\","
                        + "\"video_url\":\"https://cdn.example.com/v.mp4\"}}")));
    wm.verify(0, postRequestedFor(urlPathEqualTo("/v2/post/publish/creator_info/query/")));
  }

  @Test
  void photoPostPullsUrls() {
    stubCreator();
    stubJson("/v2/post/publish/content/init/", 200, ok("{\"publish_id\":\"p_pub_url~v2.1\"}"));
    stubStatusSequence(
        ok("{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[\"76\"]}"));
    Post post =
        Post.builder()
            .text("Three looks")
            .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/1.jpg"), MediaKind.IMAGE))
            .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/2.jpg"), MediaKind.IMAGE))
            .option(
                TikTokOptions.builder()
                    .privacyLevel(PrivacyLevel.MUTUAL_FOLLOW_FRIENDS)
                    .photoTitle("Looks")
                    .photoCoverIndex(1)
                    .autoAddMusic(true)
                    .build())
            .build();
    try (TikTokClient c = builder().build()) {
      assertThat(c.publish(post).id()).isEqualTo("76");
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo("/v2/post/publish/content/init/"))
            .withRequestBody(
                equalToJson(
                    "{\"post_info\":{\"title\":\"Looks\",\"description\":\"Three looks\","
                        + "\"privacy_level\":\"MUTUAL_FOLLOW_FRIENDS\",\"disable_comment\":true,\"auto_add_music\":true},"
                        + "\"source_info\":{\"source\":\"PULL_FROM_URL\",\"photo_cover_index\":1,\"photo_images\":["
                        + "\"https://cdn.example.com/1.jpg\",\"https://cdn.example.com/2.jpg\"]},"
                        + "\"post_mode\":\"DIRECT_POST\",\"media_type\":\"PHOTO\"}")));
  }

  @Test
  void metricsThroughVideoQuery() {
    stubJson(
        "/v2/video/query/",
        200,
        ok(
            "{\"videos\":[{\"id\":\"77\",\"view_count\":1200,"
                + "\"like_count\":80,\"comment_count\":7,\"share_count\":3}],\"cursor\":0,\"has_more\":false}"));
    try (TikTokClient c = builder().build()) {
      EngagementMetrics m = c.metrics(PostRef.of(Platform.TIKTOK, "77"));
      assertThat(m.views()).hasValue(1200);
      assertThat(m.likes()).hasValue(80);
      assertThat(m.comments()).hasValue(7);
      assertThat(m.shares()).hasValue(3);
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo("/v2/video/query/"))
            .withQueryParam(
                "fields",
                equalTo(
                    "id,title,create_time,share_url,view_count,like_count,comment_count,share_count"))
            .withRequestBody(equalToJson("{\"filters\":{\"video_ids\":[\"77\"]}}")));
  }

  @Test
  void metricsOfPendingRefReadsStatusFirst() {
    stubStatusSequence(
        ok("{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[\"78\"]}"));
    stubJson("/v2/video/query/", 200, ok("{\"videos\":[{\"id\":\"78\",\"view_count\":5}]}"));
    PostRef pending =
        PostRef.of(
            Platform.TIKTOK,
            "v_pub_url~v2.5",
            java.util.Map.of("publishId", "v_pub_url~v2.5", "postIdPending", "true"));
    try (TikTokClient c = builder().build()) {
      EngagementMetrics m = c.metrics(pending);
      assertThat(m.ref().id()).isEqualTo("78");
      assertThat(m.views()).hasValue(5);
      assertThat(m.likes()).isEmpty();
    }
  }

  @Test
  void metricsOfUnknownVideoIsNotFound() {
    stubJson("/v2/video/query/", 200, ok("{\"videos\":[]}"));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(() -> c.metrics(PostRef.of(Platform.TIKTOK, "1")))
          .isInstanceOf(io.smo.core.exception.NotFoundException.class);
    }
  }

  @Test
  void clientSideCapOfSixInitsPerMinutePerToken() {
    assertThat(TikTokClient.defaultRateLimits().bucket("inbox-init").orElseThrow().limit())
        .isEqualTo(6);
    assertThat(TikTokClient.defaultRateLimits().bucket("creator-info").orElseThrow().limit())
        .isEqualTo(20);
    assertThat(TikTokClient.defaultRateLimits().bucket("status").orElseThrow().limit())
        .isEqualTo(30);
    stubJson(
        "/v2/post/publish/inbox/video/init/", 200, ok("{\"publish_id\":\"v_inbox_url~v2.9\"}"));
    stubStatusSequence(ok("{\"status\":\"SEND_TO_USER_INBOX\"}"));
    Post inbox =
        Post.builder()
            .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO))
            .option(TikTokOptions.builder().mode(Mode.UPLOAD_TO_INBOX).build())
            .build();
    try (TikTokClient c =
        builder()
            .rateLimitPolicy(
                TikTokClient.defaultRateLimits().toBuilder().maxWait(Duration.ZERO).build())
            .build()) {
      for (int i = 0; i < 6; i++) {
        c.publish(inbox);
      }
      assertThatThrownBy(() -> c.publish(inbox))
          .isInstanceOf(RateLimitException.class)
          .hasMessageContaining("client-side");
    }
    wm.verify(6, postRequestedFor(urlPathEqualTo("/v2/post/publish/inbox/video/init/")));
  }

  // ------------------------------------------------------------ errors

  @Test
  void invalidTokenIsAuthenticationExceptionWithLogId() {
    stubJson("/v2/post/publish/creator_info/query/", 401, err("access_token_invalid"));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(c::creatorInfo)
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> assertThat(e.traceId()).contains("LOG-access_token_invalid"));
    }
  }

  @Test
  void errorInsideA200BodyIsMapped() {
    stubJson("/v2/post/publish/creator_info/query/", 200, err("scope_not_authorized"));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(c::creatorInfo).isInstanceOf(PermissionException.class);
    }
  }

  @Test
  void rateLimitExceededIsRetriedThenRaised() {
    stubJson("/v2/post/publish/creator_info/query/", 429, err("rate_limit_exceeded"));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(c::creatorInfo)
          .isInstanceOfSatisfying(
              RateLimitException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    }
    wm.verify(3, postRequestedFor(urlPathEqualTo("/v2/post/publish/creator_info/query/")));
  }

  @Test
  void rateLimitOnInitIsRetriedSafelyThenSucceeds() {
    stubCreator();
    wm.stubFor(
        post(urlPathEqualTo("/v2/post/publish/video/init/"))
            .inScenario("rl")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withBody(err("rate_limit_exceeded")))
            .willSetStateTo("ok"));
    wm.stubFor(
        post(urlPathEqualTo("/v2/post/publish/video/init/"))
            .inScenario("rl")
            .whenScenarioStateIs("ok")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(ok("{\"publish_id\":\"v_pub_url~v2.2\"}"))));
    stubStatusSequence(
        ok("{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[\"79\"]}"));
    try (TikTokClient c = builder().build()) {
      assertThat(
              c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                          selfOnly()))
                  .id())
          .isEqualTo("79");
    }
    wm.verify(2, postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")));
  }

  @Test
  void dailyPostCapIsQuotaExceededNeverRetried() {
    stubCreator();
    stubJson("/v2/post/publish/video/init/", 403, err("spam_risk_too_many_posts"));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                          selfOnly())))
          .isInstanceOf(QuotaExceededException.class);
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")));
  }

  @Test
  void privacyMismatchFromServerIsValidationException() {
    stubCreator();
    stubJson("/v2/post/publish/video/init/", 400, err("privacy_level_option_mismatch"));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                          selfOnly())))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations().get(0).message())
                      .contains("LOG-privacy_level_option_mismatch"));
    }
  }

  @Test
  void unauditedAppPostingPubliclyIsPermissionExceptionExplainingWhy() {
    stubCreator();
    stubJson(
        "/v2/post/publish/video/init/",
        403,
        err("unaudited_client_can_only_post_to_private_accounts"));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                          TikTokOptions.builder()
                              .privacyLevel(PrivacyLevel.PUBLIC_TO_EVERYONE)
                              .build())))
          .isInstanceOf(PermissionException.class)
          .hasMessageContaining("must be private")
          .hasMessageContaining("audit");
    }
  }

  @Test
  void invalidParamsIsInvalidRequest() {
    stubCreator();
    stubJson("/v2/post/publish/video/init/", 400, err("invalid_params"));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                          selfOnly())))
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void internalErrorOnInitIsUnknownOutcomeNotRetried() {
    stubCreator();
    stubJson("/v2/post/publish/video/init/", 500, err("internal_error"));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                          selfOnly())))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")));
  }

  @Test
  void internalErrorOnReadIsRetried() {
    wm.stubFor(
        post(urlPathEqualTo("/v2/post/publish/creator_info/query/"))
            .inScenario("ie")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500).withBody(err("internal_error")))
            .willSetStateTo("ok"));
    wm.stubFor(
        post(urlPathEqualTo("/v2/post/publish/creator_info/query/"))
            .inScenario("ie")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withBody(CREATOR)));
    try (TikTokClient c = builder().build()) {
      assertThat(c.creatorInfo().username()).isEqualTo("maker");
    }
  }

  @Test
  void malformedBodyOnReadIsTransportException() {
    stubJson("/v2/video/query/", 200, "<html>oops</html>");
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(() -> c.metrics(PostRef.of(Platform.TIKTOK, "1")))
          .isInstanceOf(TransportException.class);
    }
  }

  @Test
  void malformedBodyOnInitIsUnknownOutcome() {
    stubCreator();
    stubJson("/v2/post/publish/video/init/", 200, "{\"data\":{\"publish_id\":\"v_");
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                          selfOnly())))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
  }

  @Test
  void processingFailureIsMediaProcessingException() {
    stubCreator();
    stubJson("/v2/post/publish/video/init/", 200, ok("{\"publish_id\":\"v_pub_url~v2.3\"}"));
    stubStatusSequence(ok("{\"status\":\"FAILED\",\"fail_reason\":\"duration_check_failed\"}"));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                          selfOnly())))
          .isInstanceOf(MediaProcessingException.class)
          .hasMessageContaining("duration_check_failed");
    }
  }

  @Test
  void statusNeverFinishingWithinDeadlineIsUnknownOutcomeWithPublishId() {
    stubCreator();
    stubJson("/v2/post/publish/video/init/", 200, ok("{\"publish_id\":\"v_pub_url~v2.4\"}"));
    stubStatusSequence(ok("{\"status\":\"PROCESSING_DOWNLOAD\"}"));
    MutableClock clock = new MutableClock();
    try (TikTokClient c =
        builder()
            .clock(clock)
            .sleeper(clock::advance)
            .processingTimeout(Duration.ofMinutes(1))
            .build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                          selfOnly())))
          .isInstanceOfSatisfying(
              PublishOutcomeUnknownException.class,
              e -> assertThat(e.knownId()).contains("v_pub_url~v2.4"));
    }
  }

  // ------------------------------------------------------------ offline validation

  @Test
  void missingPrivacyLevelFailsBeforeAnyCall() throws Exception {
    Path f = TestMedia.mp4(dir, "a.mp4", 2000);
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(
              () -> c.publish(Post.builder().text("x").addMedia(Media.fromFile(f)).build()))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .anyMatch(
                          v ->
                              v.field().equals("tiktok.privacyLevel")
                                  && v.rule().equals("required")));
      assertThatThrownBy(() -> c.publish(video(Media.fromFile(f), TikTokOptions.builder().build())))
          .isInstanceOf(ValidationException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void privacyLevelTheCreatorDoesNotOfferIsRefusedBeforeInit() throws Exception {
    stubCreator();
    Path f = TestMedia.mp4(dir, "b.mp4", 2000);
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromFile(f),
                          TikTokOptions.builder()
                              .privacyLevel(PrivacyLevel.FOLLOWER_OF_CREATOR)
                              .build())))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .anyMatch(v -> v.rule().equals("privacy-level-option")));
    }
    wm.verify(0, postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")));
  }

  @Test
  void interactionTheCreatorDisabledCannotBeTurnedOn() {
    stubCreator();
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      video(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                          TikTokOptions.builder()
                              .privacyLevel(PrivacyLevel.SELF_ONLY)
                              .disableComment(false)
                              .disableStitch(false)
                              .build())))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(v -> v.field())
                      .containsExactlyInAnyOrder("tiktok.disableComment", "tiktok.disableStitch"));
    }
    wm.verify(0, postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")));
  }

  @Test
  void offlineRulesForPhotosLinksAndBrandedContent() throws Exception {
    Path jpg = dir.resolve("p.jpg");
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "jpg",
        jpg.toFile());
    try (TikTokClient c = builder().build()) {
      Post photoFromFile =
          Post.builder().text("x").addMedia(Media.fromFile(jpg)).option(selfOnly()).build();
      assertThat(c.validate(photoFromFile)).anyMatch(v -> v.rule().equals("pull-from-url-only"));
      Post withLink =
          video(
                  Media.fromUrl(URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                  TikTokOptions.builder()
                      .privacyLevel(PrivacyLevel.SELF_ONLY)
                      .brandContent(true)
                      .build())
              .toBuilder()
              .link(URI.create("https://example.com"))
              .build();
      assertThat(c.validate(withLink))
          .extracting(v -> v.rule())
          .contains("link-unsupported", "branded-content-private");
      Post longTitle =
          Post.builder()
              .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/1.jpg"), MediaKind.IMAGE))
              .option(
                  TikTokOptions.builder()
                      .privacyLevel(PrivacyLevel.SELF_ONLY)
                      .photoTitle("t".repeat(91))
                      .photoCoverIndex(3)
                      .build())
              .build();
      assertThat(c.validate(longTitle))
          .extracting(v -> v.field())
          .contains("tiktok.photoTitle", "tiktok.photoCoverIndex");
      Post conflict =
          video(
                  Media.fromUrl(URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                  selfOnly())
              .toBuilder()
              .audience(
                  io.smo.core.Audience.builder()
                      .visibility(io.smo.core.Visibility.FOLLOWERS)
                      .build())
              .build();
      assertThat(c.validate(conflict)).anyMatch(v -> v.rule().equals("visibility-conflict"));
      Post scheduled =
          video(
                  Media.fromUrl(URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO),
                  selfOnly())
              .toBuilder()
              .scheduledAt(Instant.now().plusSeconds(3600))
              .build();
      assertThat(c.validate(scheduled)).anyMatch(v -> v.rule().equals("scheduling-unsupported"));
      Post textOnly = Post.builder().text("hello").option(selfOnly()).build();
      assertThat(c.validate(textOnly)).anyMatch(v -> v.rule().equals("media-required"));
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void unsupportedOperationsAreDeclaredAndThrow() {
    try (TikTokClient c = builder().build()) {
      assertThat(c.capabilities().supports(Feature.DELETE)).isFalse();
      assertThat(c.capabilities().supports(Feature.COMMENTS)).isFalse();
      assertThat(c.capabilities().supports(Feature.NATIVE_SCHEDULING)).isFalse();
      assertThat(c.capabilities().supports(Feature.METRICS)).isTrue();
      PostRef ref = PostRef.of(Platform.TIKTOK, "1");
      CommentRef cref = CommentRef.of(Platform.TIKTOK, "2");
      assertThatThrownBy(() -> c.delete(ref)).isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(() -> c.comments(ref)).isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(() -> c.comment(ref, "x")).isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(() -> c.reply(cref, "x")).isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(() -> c.moderate(cref, ModerationAction.HIDE))
          .isInstanceOf(UnsupportedFeatureException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void secretsStayOutOfToString() {
    try (TikTokClient c = builder().build()) {
      assertThat(c.toString()).doesNotContain("act.test");
    }
  }

  /** A clock that the sleeper advances. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
