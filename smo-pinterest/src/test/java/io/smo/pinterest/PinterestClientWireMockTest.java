package io.smo.pinterest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.testkit.SharedFixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every client operation and error path against WireMock, asserting the recorded requests. */
class PinterestClientWireMockTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final String PIN =
      "{\"id\":\"813744226420795884\",\"created_at\":\"2025-03-01T12:00:00\","
          + "\"board_id\":\"549755885175\"}";

  private WireMockServer wm;
  private PinterestClient client;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    client = builder().build();
  }

  @AfterEach
  void stop() {
    client.close();
    wm.stop();
  }

  private PinterestClient.Builder builder() {
    return PinterestClient.builder()
        .baseUrl(URI.create(wm.baseUrl() + "/"))
        .accessToken("tok-1")
        .defaultBoardId("549755885175")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .sleeper(d -> {})
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build());
  }

  private JsonNode body(LoggedRequest r) throws Exception {
    return JSON.readTree(r.getBodyAsString());
  }

  private void stubPin() {
    wm.stubFor(
        post("/v5/pins")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(PIN)));
  }

  @Test
  void publishesImageUrlPin() throws Exception {
    stubPin();
    PublishedPost p =
        client.publish(
            Post.builder()
                .text("Summer salads")
                .link(URI.create("https://example.com/salads"))
                .addMedia(
                    Media.fromUrl(URI.create("https://cdn.example.com/a.jpg"), MediaKind.IMAGE)
                        .withAltText("A salad bowl"))
                .option(
                    PinterestOptions.builder()
                        .title("Salads")
                        .dominantColor("#6E7874")
                        .boardSectionId("77")
                        .build())
                .build());
    assertThat(p.ref()).isEqualTo(PostRef.of(Platform.PINTEREST, "813744226420795884"));
    assertThat(p.url()).contains(URI.create("https://www.pinterest.com/pin/813744226420795884/"));
    assertThat(p.publishedAt()).contains(NOW);
    LoggedRequest r = wm.findAll(postRequestedFor(urlEqualTo("/v5/pins"))).get(0);
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-1");
    assertThat(r.getHeader("User-Agent")).contains("smo-pinterest");
    JsonNode b = body(r);
    assertThat(b.get("board_id").asText()).isEqualTo("549755885175");
    assertThat(b.get("board_section_id").asText()).isEqualTo("77");
    assertThat(b.get("title").asText()).isEqualTo("Salads");
    assertThat(b.get("description").asText()).isEqualTo("Summer salads");
    assertThat(b.get("link").asText()).isEqualTo("https://example.com/salads");
    assertThat(b.get("alt_text").asText()).isEqualTo("A salad bowl");
    assertThat(b.get("dominant_color").asText()).isEqualTo("#6E7874");
    assertThat(b.at("/media_source/source_type").asText()).isEqualTo("image_url");
    assertThat(b.at("/media_source/url").asText()).isEqualTo("https://cdn.example.com/a.jpg");
  }

  @Test
  void publishesImageFileAsStreamedBase64(@TempDir Path dir) throws Exception {
    stubPin();
    Path png = TestMedia.imageFile(dir, "a.png", "png");
    client.publish(
        Post.builder().addMedia(Media.fromFile(png)).option(PinterestOptions.board("123")).build());
    JsonNode b = body(wm.findAll(postRequestedFor(urlEqualTo("/v5/pins"))).get(0));
    assertThat(b.get("board_id").asText()).isEqualTo("123");
    assertThat(b.has("description")).isFalse();
    assertThat(b.at("/media_source/source_type").asText()).isEqualTo("image_base64");
    assertThat(b.at("/media_source/content_type").asText()).isEqualTo("image/png");
    assertThat(Base64.getDecoder().decode(b.at("/media_source/data").asText()))
        .isEqualTo(Files.readAllBytes(png));
  }

  @Test
  void publishesCarousels(@TempDir Path dir) throws Exception {
    stubPin();
    client.publish(
        Post.builder()
            .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/1.jpg"), MediaKind.IMAGE))
            .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/2.jpg"), MediaKind.IMAGE))
            .build());
    byte[] jpg = TestMedia.image("jpg");
    client.publish(
        Post.builder()
            .addMedia(Media.fromBytes(jpg))
            .addMedia(Media.fromFile(TestMedia.imageFile(dir, "b.png", "png")))
            .build());
    List<LoggedRequest> all = wm.findAll(postRequestedFor(urlEqualTo("/v5/pins")));
    JsonNode urls = body(all.get(0)).get("media_source");
    assertThat(urls.get("source_type").asText()).isEqualTo("multiple_image_urls");
    assertThat(urls.at("/items/1/url").asText()).isEqualTo("https://cdn.example.com/2.jpg");
    JsonNode b64 = body(all.get(1)).get("media_source");
    assertThat(b64.get("source_type").asText()).isEqualTo("multiple_image_base64");
    assertThat(b64.at("/items/0/content_type").asText()).isEqualTo("image/jpeg");
    assertThat(Base64.getDecoder().decode(b64.at("/items/0/data").asText())).isEqualTo(jpg);
    assertThat(b64.at("/items/1/content_type").asText()).isEqualTo("image/png");
  }

  @Test
  void publishesVideoAfterUploadAndSeveralPolls(@TempDir Path dir) throws Exception {
    String register =
        SharedFixtures.read(
                "fixtures/pinterest/spec-derived/media_upload_register_response_from_schema.json")
            .replace(
                "https://pinterest-media-upload.s3-accelerate.amazonaws.com/",
                wm.baseUrl() + "/s3/");
    wm.stubFor(
        post("/v5/media")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(register)));
    wm.stubFor(post("/s3/").willReturn(aResponse().withStatus(204)));
    String[] states = {"registered", "processing", "processing", "succeeded"};
    for (int i = 0; i < states.length; i++) {
      wm.stubFor(
          get("/v5/media/12345")
              .inScenario("poll")
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "s" + i)
              .willSetStateTo("s" + (i + 1))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"media_id\":\"12345\",\"media_type\":\"video\",\"status\":\""
                              + states[i]
                              + "\"}")));
    }
    stubPin();
    List<UploadProgress> progress = new CopyOnWriteArrayList<>();
    Path mp4 = TestMedia.videoFile(dir, "clip.mp4", 300_000);
    try (PinterestClient c = builder().uploadListener(progress::add).build()) {
      c.publish(
          Post.builder()
              .text("clip")
              .addMedia(Media.fromFile(mp4))
              .option(
                  PinterestOptions.builder()
                      .coverImageUrl(URI.create("https://cdn.example.com/c.jpg"))
                      .build())
              .build());
    }
    assertThat(
            body(wm.findAll(postRequestedFor(urlEqualTo("/v5/media"))).get(0))
                .get("media_type")
                .asText())
        .isEqualTo("video");
    LoggedRequest up = wm.findAll(postRequestedFor(urlEqualTo("/s3/"))).get(0);
    assertThat(up.getHeader("Authorization")).isNull();
    assertThat(up.getHeader("Content-Type")).startsWith("multipart/form-data");
    assertThat(up.getPart("key").getBody().asString())
        .isEqualTo("uploads/11/aa/22/3:video:203014033110991560:5212123920968240771");
    assertThat(up.getPart("x-amz-signature").getBody().asString()).startsWith("fcd6309a");
    assertThat(up.getPart("Content-Type").getBody().asString()).isEqualTo("multipart/form-data");
    assertThat(up.getPart("file").getBody().asBytes()).isEqualTo(Files.readAllBytes(mp4));
    wm.verify(4, getRequestedFor(urlEqualTo("/v5/media/12345")));
    JsonNode src =
        body(wm.findAll(postRequestedFor(urlEqualTo("/v5/pins"))).get(0)).get("media_source");
    assertThat(src.get("source_type").asText()).isEqualTo("video_id");
    assertThat(src.get("media_id").asText()).isEqualTo("12345");
    assertThat(src.get("cover_image_url").asText()).isEqualTo("https://cdn.example.com/c.jpg");
    List<UploadState> seen = new ArrayList<>();
    progress.forEach(p -> seen.add(p.state()));
    assertThat(seen)
        .startsWith(UploadState.STARTING, UploadState.UPLOADING)
        .endsWith(UploadState.READY)
        .contains(UploadState.PROCESSING);
  }

  @Test
  void failedVideoProcessingIsTyped(@TempDir Path dir) throws Exception {
    wm.stubFor(
        post("/v5/media")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"media_id\":\"9\",\"media_type\":\"video\",\"upload_url\":\""
                            + wm.baseUrl()
                            + "/s3/\",\"upload_parameters\":{\"key\":\"k\"}}")));
    wm.stubFor(post("/s3/").willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        get("/v5/media/9")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"media_id\":\"9\",\"media_type\":\"video\",\"status\":\"failed\"}")));
    Post post =
        Post.builder().addMedia(Media.fromFile(TestMedia.videoFile(dir, "v.mp4", 1000))).build();
    assertThatThrownBy(() -> client.publish(post))
        .isInstanceOf(MediaProcessingException.class)
        .hasMessageContaining("failed");
    wm.verify(0, postRequestedFor(urlEqualTo("/v5/pins")));
    JsonNode reg = body(wm.findAll(postRequestedFor(urlEqualTo("/v5/media"))).get(0));
    assertThat(reg.get("media_type").asText()).isEqualTo("video");
  }

  @Test
  void optionLinkAndCoverUrlMustBeAbsoluteHttpLikeThePostLink(@TempDir Path tmp) throws Exception {
    Media img = Media.fromUrl(URI.create("https://x.example/a.jpg"), MediaKind.IMAGE);
    for (String bad :
        List.of("javascript:alert(1)", "/relative/path", "ftp://x.example/a", "https:///nohost")) {
      Post p =
          Post.builder()
              .addMedia(img)
              .option(PinterestOptions.builder().link(URI.create(bad)).build())
              .build();
      assertThatThrownBy(() -> client.publish(p))
          .as(bad)
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(v -> v.field() + "/" + v.rule())
                      .contains("options.pinterest.link/link-scheme"));
    }
    Post ok =
        Post.builder()
            .addMedia(img)
            .option(
                PinterestOptions.builder().link(URI.create("HTTPS://shop.example/p?q=1")).build())
            .build();
    assertThat(client.validate(ok)).isEmpty();
    Media video = Media.fromFile(TestMedia.videoFile(tmp, "v.mp4", 4096));
    Post cover =
        Post.builder()
            .addMedia(video)
            .option(
                PinterestOptions.builder().coverImageUrl(URI.create("javascript:alert(1)")).build())
            .build();
    assertThat(client.validate(cover))
        .extracting(v -> v.field() + "/" + v.rule())
        .contains("options.pinterest.coverImageUrl/link-scheme");
    wm.verify(0, postRequestedFor(urlEqualTo("/v5/pins")));
  }

  @Test
  void boardIsRequiredAndLimitsAreCheckedOffline() {
    try (PinterestClient noBoard =
        PinterestClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accessToken("t")
            .build()) {
      Post p =
          Post.builder()
              .addMedia(Media.fromUrl(URI.create("https://x.example/a.jpg"), MediaKind.IMAGE))
              .build();
      assertThatThrownBy(() -> noBoard.publish(p))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("board");
    }
    Post bad =
        Post.builder()
            .text("d".repeat(801))
            .addMedia(Media.fromUrl(URI.create("https://x.example/a.jpg"), MediaKind.IMAGE))
            .option(
                PinterestOptions.builder()
                    .title("t".repeat(101))
                    .altText("a".repeat(501))
                    .dominantColor("red")
                    .boardId("abc")
                    .build())
            .build();
    assertThatThrownBy(() -> client.publish(bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .contains(
                        "text",
                        "options.pinterest.title",
                        "options.pinterest.altText",
                        "options.pinterest.dominantColor",
                        "options.pinterest.boardId"));
    Post six =
        Post.builder()
            .media(
                java.util.Collections.nCopies(
                    6, Media.fromUrl(URI.create("https://x.example/a.jpg"), MediaKind.IMAGE)))
            .build();
    assertThat(client.validate(six)).isNotEmpty();
    Post textOnly = Post.builder().text("no media").build();
    assertThat(client.validate(textOnly)).extracting(v -> v.rule()).contains("media-required");
    Post scheduled =
        Post.builder()
            .scheduledAt(NOW.plusSeconds(3600))
            .addMedia(Media.fromUrl(URI.create("https://x.example/a.jpg"), MediaKind.IMAGE))
            .build();
    assertThat(client.validate(scheduled))
        .extracting(v -> v.rule())
        .contains("scheduling-unsupported");
    Post videoUrl =
        Post.builder()
            .addMedia(Media.fromUrl(URI.create("https://x.example/v.mp4"), MediaKind.VIDEO))
            .build();
    assertThat(client.validate(videoUrl))
        .extracting(v -> v.rule())
        .contains("video-url-unsupported");
    wm.verify(0, postRequestedFor(urlEqualTo("/v5/pins")));
  }

  @Test
  void deletesPin() {
    wm.stubFor(delete("/v5/pins/77").willReturn(aResponse().withStatus(204)));
    client.delete(PostRef.of(Platform.PINTEREST, "77"));
    wm.verify(deleteRequestedFor(urlEqualTo("/v5/pins/77")));
    assertThatThrownBy(() -> client.delete(PostRef.of(Platform.TWITTER, "77")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void readsMetricsWithTheWindowRules() {
    wm.stubFor(
        get(urlPathEqualTo("/v5/pins/77/analytics"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-ratelimit-limit", "300")
                    .withHeader("x-ratelimit-remaining", "299")
                    .withHeader("x-ratelimit-reset", "60")
                    .withBody(
                        "{\"all\":{\"summary_metrics\":{\"IMPRESSION\":240,\"SAVE\":20,\"PIN_CLICK\":37,"
                            + "\"OUTBOUND_CLICK\":20,\"VIDEO_MRC_VIEW\":5},\"lifetime_metrics\":{\"TOTAL_COMMENTS\":10}}}")));
    PostRef ref = PostRef.of(Platform.PINTEREST, "77");
    EngagementMetrics m = client.metrics(ref);
    assertThat(m.impressions()).hasValue(240);
    assertThat(m.clicks()).hasValue(37);
    assertThat(m.views()).hasValue(5);
    assertThat(m.comments()).hasValue(10);
    assertThat(m.retrievedAt()).isEqualTo(NOW);
    LoggedRequest r = wm.findAll(getRequestedFor(urlPathEqualTo("/v5/pins/77/analytics"))).get(0);
    assertThat(r.queryParameter("start_date").firstValue()).isEqualTo("2024-12-02");
    assertThat(r.queryParameter("end_date").firstValue()).isEqualTo("2025-03-01");
    assertThat(r.queryParameter("metric_types").firstValue())
        .contains("IMPRESSION", "SAVE", "PIN_CLICK", "OUTBOUND_CLICK", "VIDEO_MRC_VIEW");
    assertThat(r.queryParameter("app_types").firstValue()).isEqualTo("ALL");
    assertThat(client.lastRateLimit())
        .hasValueSatisfying(
            s -> {
              assertThat(s.remaining()).hasValue(299);
              assertThat(s.bucket()).isEqualTo("org_analytics");
            });
    LocalDate today = LocalDate.of(2025, 3, 1);
    assertThatThrownBy(() -> client.metrics(ref, today.minusDays(91), today))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("90 days back");
    assertThatThrownBy(() -> client.metrics(ref, today, today.minusDays(1)))
        .isInstanceOf(ValidationException.class);
    client.metrics(ref, today.minusDays(90), today.minusDays(80));
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v5/pins/77/analytics")));
  }

  @Test
  void listsBoardsAcrossBookmarksAndCreatesOne() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v5/boards"))
            .withQueryParam("bookmark", absent())
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"items\":[{\"id\":\"1\",\"name\":\"A\",\"privacy\":\"PUBLIC\"}],\"bookmark\":\"bm2\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/v5/boards"))
            .withQueryParam("bookmark", equalTo("bm2"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"items\":[{\"id\":\"2\",\"name\":\"B\",\"privacy\":\"SECRET\"}],\"bookmark\":null}")));
    assertThat(client.boards().toList()).extracting(Board::id).containsExactly("1", "2");
    wm.verify(
        getRequestedFor(urlPathEqualTo("/v5/boards")).withQueryParam("page_size", equalTo("25")));

    wm.stubFor(
        post("/v5/boards")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"3\",\"name\":\"New\",\"privacy\":\"SECRET\"}")));
    Board b = client.createBoard("New", "desc", BoardPrivacy.SECRET);
    assertThat(b.id()).isEqualTo("3");
    assertThat(b.privacy()).isEqualTo(BoardPrivacy.SECRET);
    JsonNode sent = body(wm.findAll(postRequestedFor(urlEqualTo("/v5/boards"))).get(0));
    assertThat(sent.get("name").asText()).isEqualTo("New");
    assertThat(sent.get("privacy").asText()).isEqualTo("SECRET");
    assertThatThrownBy(() -> client.createBoard(" ", null, null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void commentsAndSchedulingAreUnsupported() {
    PostRef ref = PostRef.of(Platform.PINTEREST, "1");
    assertThatThrownBy(() -> client.comments(ref)).isInstanceOf(UnsupportedFeatureException.class);
    assertThatThrownBy(() -> client.comment(ref, "hi"))
        .isInstanceOf(UnsupportedFeatureException.class);
    assertThat(client.capabilities().nativeScheduling()).isEmpty();
    assertThat(client.capabilities().supports(io.smo.core.Feature.COMMENTS)).isFalse();
  }

  @Test
  void mapsErrorStatuses() {
    String body403 = SharedFixtures.read("fixtures/pinterest/error_403_pin_analytics.json");
    wm.stubFor(delete("/v5/pins/403").willReturn(aResponse().withStatus(403).withBody(body403)));
    wm.stubFor(
        delete("/v5/pins/404")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"code\":404,\"message\":\"Pin not found.\"}")));
    wm.stubFor(
        delete("/v5/pins/401")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        SharedFixtures.read("fixtures/pinterest/error_401_pins_analytics.json"))));
    assertThatThrownBy(() -> client.delete(PostRef.of(Platform.PINTEREST, "403")))
        .isInstanceOf(PermissionException.class);
    assertThatThrownBy(() -> client.delete(PostRef.of(Platform.PINTEREST, "404")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Pin not found.");
    assertThatThrownBy(() -> client.delete(PostRef.of(Platform.PINTEREST, "401")))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void rateLimitIsRetriedThenSurfacedWithTheHeaders() {
    String body =
        SharedFixtures.read("fixtures/pinterest/error_429_rate_limit_pins_analytics.json");
    wm.stubFor(
        delete("/v5/pins/1")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody(body)
                    .withHeader("x-ratelimit-limit", "100")
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-reset", "2")));
    assertThatThrownBy(() -> client.delete(PostRef.of(Platform.PINTEREST, "1")))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
              assertThat(e.attempts()).isEqualTo(3);
            });
    wm.verify(3, deleteRequestedFor(urlEqualTo("/v5/pins/1")));
  }

  @Test
  void rateLimitOnCreateIsRetriedBecauseNotProcessed() {
    wm.stubFor(
        post("/v5/pins")
            .inScenario("rl")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("ok")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody("{\"code\":8,\"message\":\"limit\"}")
                    .withHeader("retry-after", "1")));
    wm.stubFor(
        post("/v5/pins")
            .inScenario("rl")
            .whenScenarioStateIs("ok")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(PIN)));
    client.publish(
        Post.builder()
            .addMedia(Media.fromUrl(URI.create("https://x.example/a.jpg"), MediaKind.IMAGE))
            .build());
    wm.verify(2, postRequestedFor(urlEqualTo("/v5/pins")));
  }

  @Test
  void serverErrorOnCreateIsUnknownAndNotRetried() {
    wm.stubFor(
        post("/v5/pins")
            .willReturn(
                aResponse().withStatus(503).withBody("{\"code\":503,\"message\":\"down\"}")));
    Post post =
        Post.builder()
            .idempotencyKey("key-1")
            .addMedia(Media.fromUrl(URI.create("https://x.example/a.jpg"), MediaKind.IMAGE))
            .build();
    assertThatThrownBy(() -> client.publish(post))
        .isInstanceOfSatisfying(
            PublishOutcomeUnknownException.class,
            e -> assertThat(e.idempotencyKey()).contains("key-1"));
    wm.verify(1, postRequestedFor(urlEqualTo("/v5/pins")));
  }

  @Test
  void serverErrorOnReadIsRetried() {
    wm.stubFor(
        get(urlPathEqualTo("/v5/boards"))
            .inScenario("5xx")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("ok")
            .willReturn(aResponse().withStatus(500).withBody("{\"code\":1,\"message\":\"x\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/v5/boards"))
            .inScenario("5xx")
            .whenScenarioStateIs("ok")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"items\":[]}")));
    assertThat(client.boards().toList()).isEmpty();
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v5/boards")));
  }

  @Test
  void malformedBodiesGiveTypedExceptions() {
    wm.stubFor(
        get(urlPathEqualTo("/v5/boards"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("<html>not json")));
    assertThatThrownBy(() -> client.boards().toList()).isInstanceOf(TransportException.class);
    wm.stubFor(
        post("/v5/pins")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"12")));
    Post post =
        Post.builder()
            .addMedia(Media.fromUrl(URI.create("https://x.example/a.jpg"), MediaKind.IMAGE))
            .build();
    assertThatThrownBy(() -> client.publish(post))
        .isInstanceOf(PublishOutcomeUnknownException.class);
    wm.stubFor(
        post("/v5/pins")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{}")));
    assertThatThrownBy(() -> client.publish(post))
        .isInstanceOf(PublishOutcomeUnknownException.class);
  }

  @Test
  void resetAfterSendOnCreateIsUnknown() {
    wm.stubFor(post("/v5/pins").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Post post =
        Post.builder()
            .addMedia(Media.fromUrl(URI.create("https://x.example/a.jpg"), MediaKind.IMAGE))
            .build();
    assertThatThrownBy(() -> client.publish(post))
        .isInstanceOf(PublishOutcomeUnknownException.class);
    wm.verify(1, postRequestedFor(urlEqualTo("/v5/pins")));
  }

  @Test
  void expiredTokenIsRefreshedOnceWithContinuousRefreshAndPersisted() throws Exception {
    wm.stubFor(
        delete("/v5/pins/5")
            .withHeader("Authorization", equalTo("Bearer old"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"code\":2,\"message\":\"Authentication failed.\"}")));
    wm.stubFor(
        delete("/v5/pins/5")
            .withHeader("Authorization", equalTo("Bearer new"))
            .willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        post("/v5/oauth/token")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\":\"new\",\"token_type\":\"bearer\",\"expires_in\":2592000,"
                            + "\"scope\":\"pins:read,pins:write\",\"response_type\":\"refresh_token\",\"refresh_token\":"
                            + "\"rt-2\",\"refresh_token_expires_in\":5184000,\"refresh_token_expires_at\":1745000000}")));
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save("acct", AccessToken.builder("old").refreshToken("rt-1").build());
    PinterestOAuth oauth =
        PinterestOAuth.create(
            PinterestOAuth.config("app", "secret", null)
                .tokenEndpoint(URI.create(wm.baseUrl() + "/v5/oauth/token"))
                .build(),
            new okhttp3.OkHttpClient(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    try (PinterestClient c =
        PinterestClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .oauth(oauth, store, "acct")
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .sleeper(d -> {})
            .build()) {
      c.delete(PostRef.of(Platform.PINTEREST, "5"));
    }
    LoggedRequest t = wm.findAll(postRequestedFor(urlEqualTo("/v5/oauth/token"))).get(0);
    assertThat(t.getHeader("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        "app:secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(t.getBodyAsString())
        .contains("grant_type=refresh_token", "refresh_token=rt-1", "continuous_refresh=true");
    wm.verify(1, postRequestedFor(urlEqualTo("/v5/oauth/token")));
    AccessToken saved = store.load("acct").orElseThrow();
    assertThat(saved.value()).isEqualTo("new");
    assertThat(saved.refreshToken()).contains("rt-2");
    assertThat(saved.expiresAt()).contains(NOW.plusSeconds(2592000));
    assertThat(saved.refreshTokenExpiresAt()).contains(NOW.plusSeconds(5184000));
  }

  @Test
  void oauthAuthorizationUrlAndCodeExchange() {
    PinterestOAuth oauth =
        PinterestOAuth.create(
            PinterestOAuth.config("app", "s3cr3t-value", URI.create("https://example.com/cb"))
                .tokenEndpoint(URI.create(wm.baseUrl() + "/v5/oauth/token"))
                .build());
    URI url = oauth.authorizationRequest().url();
    assertThat(url.toString())
        .startsWith("https://www.pinterest.com/oauth/?response_type=code&client_id=app")
        .contains("scope=")
        .contains("%2C")
        .doesNotContain("code_challenge");
    wm.stubFor(
        post("/v5/oauth/token")
            .withRequestBody(containing("grant_type=authorization_code"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\":\"a\",\"token_type\":\"bearer\",\"expires_in\":10,\"scope\":\"pins:read\","
                            + "\"refresh_token\":\"r\",\"refresh_token_expires_in\":20}")));
    AccessToken t = oauth.exchange("code-1", null);
    assertThat(t.refreshToken()).contains("r");
    assertThat(oauth.toString()).doesNotContain("s3cr3t-value");
    wm.stubFor(
        post("/v5/oauth/token")
            .withRequestBody(containing("grant_type=refresh_token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":2,\"message\":\"Authentication failed.\"}")));
    assertThatThrownBy(() -> oauth.refresh(t))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Authentication failed.");
  }
}
