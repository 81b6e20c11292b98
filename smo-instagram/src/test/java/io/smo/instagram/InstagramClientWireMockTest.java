package io.smo.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.Violation;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.ValidationException;
import io.smo.core.resilience.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation and error path against recorded-shape answers on WireMock. */
class InstagramClientWireMockTest {
  private static final String IG = "17841400000000001";
  private static final String V = "/v26.0/";
  private static final String QUOTA_OK =
      "{\"data\":[{\"quota_usage\":2,\"config\":{\"quota_total\":50,\"quota_duration\":86400}}]}";
  private static final URI IMG = URI.create("https://cdn.example.com/a.jpg");

  private WireMockServer wm;
  private InstagramClient client;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    client = client(ApiFlavor.INSTAGRAM_LOGIN);
  }

  private InstagramClient client(ApiFlavor flavor) {
    return InstagramClient.builder()
        .flavor(flavor)
        .baseUrl(URI.create(wm.baseUrl() + "/"))
        .accountId(IG)
        .accessToken("tok-123")
        .pollInterval(java.time.Duration.ofSeconds(1))
        .processingTimeout(java.time.Duration.ofSeconds(20))
        .retryPolicy(RetryPolicy.defaults())
        .sleeper(d -> {})
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    wm.stop();
  }

  private static String error(int code, Integer sub, String message) {
    return "{\"error\":{\"message\":\""
        + message
        + "\",\"type\":\"OAuthException\",\"code\":"
        + code
        + (sub != null ? ",\"error_subcode\":" + sub : "")
        + ",\"fbtrace_id\":\"AbCdEf123\"}}";
  }

  private void quota(String body) {
    wm.stubFor(get(urlPathEqualTo(V + IG + "/content_publishing_limit")).willReturn(okJson(body)));
  }

  private void container(String id, String... codes) {
    String scenario = "status-" + id;
    String state = Scenario.STARTED;
    for (int i = 0; i < codes.length; i++) {
      String next = i == codes.length - 1 ? state : "s" + (i + 1);
      wm.stubFor(
          get(urlPathEqualTo(V + id))
              .inScenario(scenario)
              .whenScenarioStateIs(state)
              .withQueryParam("fields", equalTo("status_code,status"))
              .willReturn(
                  okJson(
                      "{\"id\":\""
                          + id
                          + "\",\"status_code\":\""
                          + codes[i]
                          + "\",\"status\":\""
                          + codes[i]
                          + ": sandbox\"}"))
              .willSetStateTo(next));
      state = next;
    }
  }

  private void permalink(String mediaId) {
    wm.stubFor(
        get(urlPathEqualTo(V + mediaId))
            .withQueryParam("fields", containing("permalink"))
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + mediaId
                        + "\",\"permalink\":\"https://www.instagram.com/p/X/\","
                        + "\"timestamp\":\"2026-09-12T10:00:00+0000\"}")));
  }

  private static Post urlImage(String text) {
    return Post.builder().text(text).addMedia(Media.fromUrl(IMG, MediaKind.IMAGE)).build();
  }

  @Test
  void publishesAnImageInThreeSteps() {
    quota(QUOTA_OK);
    wm.stubFor(post(urlPathEqualTo(V + IG + "/media")).willReturn(okJson("{\"id\":\"c1\"}")));
    container("c1", "IN_PROGRESS", "FINISHED");
    wm.stubFor(
        post(urlPathEqualTo(V + IG + "/media_publish")).willReturn(okJson("{\"id\":\"m1\"}")));
    permalink("m1");
    var p = client.publish(urlImage("hi #tag"));
    assertThat(p.id()).isEqualTo("m1");
    assertThat(p.url()).hasValue(URI.create("https://www.instagram.com/p/X/"));
    wm.verify(
        postRequestedFor(urlPathEqualTo(V + IG + "/media"))
            .withHeader("Authorization", equalTo("Bearer tok-123"))
            .withRequestBody(containing("image_url=https%3A%2F%2Fcdn.example.com%2Fa.jpg"))
            .withRequestBody(containing("caption=hi%20%23tag")));
    wm.verify(2, getRequestedFor(urlPathEqualTo(V + "c1")));
    wm.verify(
        postRequestedFor(urlPathEqualTo(V + IG + "/media_publish"))
            .withRequestBody(equalTo("creation_id=c1")));
  }

  @Test
  void refusesOfflineWhenQuotaIsUsedUp() {
    quota(
        "{\"data\":[{\"quota_usage\":50,\"config\":{\"quota_total\":50,\"quota_duration\":86400}}]}");
    assertThatThrownBy(() -> client.publish(urlImage("x")))
        .isInstanceOf(QuotaExceededException.class);
    wm.verify(0, postRequestedFor(urlPathEqualTo(V + IG + "/media")));
  }

  @Test
  void publishingLimitErrorIsQuotaExceeded() {
    quota(QUOTA_OK);
    wm.stubFor(post(urlPathEqualTo(V + IG + "/media")).willReturn(okJson("{\"id\":\"c1\"}")));
    container("c1", "FINISHED");
    wm.stubFor(
        post(urlPathEqualTo(V + IG + "/media_publish"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(error(9, 2207042, "limit reached"))));
    assertThatThrownBy(() -> client.publish(urlImage("x")))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.errorSubcode()).hasValue("2207042");
              assertThat(e.traceId()).hasValue("AbCdEf123");
              assertThat(e.retryable()).isFalse();
            });
    wm.verify(1, postRequestedFor(urlPathEqualTo(V + IG + "/media_publish")));
  }

  @Test
  void mediaFetchFailureOnCreatePublishesNothing() {
    quota(QUOTA_OK);
    wm.stubFor(
        post(urlPathEqualTo(V + IG + "/media"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(error(9004, 2207052, "Media download has failed."))));
    assertThatThrownBy(() -> client.publish(urlImage("x")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.errorCode()).hasValue("9004"));
    wm.verify(1, postRequestedFor(urlPathEqualTo(V + IG + "/media")));
    wm.verify(0, postRequestedFor(urlPathEqualTo(V + IG + "/media_publish")));
  }

  @Test
  void notReadyOnPublishPollsLongerThenPublishes() {
    quota(QUOTA_OK);
    wm.stubFor(post(urlPathEqualTo(V + IG + "/media")).willReturn(okJson("{\"id\":\"c1\"}")));
    container("c1", "FINISHED");
    wm.stubFor(
        post(urlPathEqualTo(V + IG + "/media_publish"))
            .inScenario("nr")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(error(9007, 2207027, "Media ID is not available")))
            .willSetStateTo("ready"));
    wm.stubFor(
        post(urlPathEqualTo(V + IG + "/media_publish"))
            .inScenario("nr")
            .whenScenarioStateIs("ready")
            .willReturn(okJson("{\"id\":\"m9\"}")));
    permalink("m9");
    assertThat(client.publish(urlImage("x")).id()).isEqualTo("m9");
    wm.verify(2, postRequestedFor(urlPathEqualTo(V + IG + "/media_publish")));
  }

  @Test
  void errorContainerIsMediaProcessingFailure() {
    quota(QUOTA_OK);
    wm.stubFor(post(urlPathEqualTo(V + IG + "/media")).willReturn(okJson("{\"id\":\"c1\"}")));
    container("c1", "IN_PROGRESS", "ERROR");
    assertThatThrownBy(() -> client.publish(urlImage("x")))
        .isInstanceOfSatisfying(
            MediaProcessingException.class,
            e -> {
              assertThat(e.state()).hasValue("ERROR");
              assertThat(e.mediaId()).hasValue("c1");
            });
    wm.verify(0, postRequestedFor(urlPathEqualTo(V + IG + "/media_publish")));
  }

  @Test
  void containerThatNeverFinishesGivesUpAfterMaxChecks() {
    quota(QUOTA_OK);
    wm.stubFor(post(urlPathEqualTo(V + IG + "/media")).willReturn(okJson("{\"id\":\"c1\"}")));
    container("c1", "IN_PROGRESS");
    assertThatThrownBy(() -> client.publish(urlImage("x")))
        .isInstanceOfSatisfying(
            MediaProcessingException.class, e -> assertThat(e.retryable()).isTrue());
    wm.verify(5, getRequestedFor(urlPathEqualTo(V + "c1")));
  }

  @Test
  void instagramThrottleIsARateLimit() {
    wm.stubFor(
        get(urlPathEqualTo(V + IG + "/content_publishing_limit"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withHeader(
                        "X-Business-Use-Case-Usage",
                        "{\""
                            + IG
                            + "\":[{\"type\":\"instagram\",\"call_count\":100,"
                            + "\"total_cputime\":10,\"total_time\":10,\"estimated_time_to_regain_access\":30}]}")
                    .withBody(
                        error(
                            80002,
                            null,
                            "(#80002) There have been too many calls to this Instagram account."))));
    InstagramClient c =
        InstagramClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accountId(IG)
            .accessToken("t")
            .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(1).build())
            .sleeper(d -> {})
            .build();
    assertThatThrownBy(c::publishingQuota)
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e ->
                assertThat(e.retryAfter())
                    .isBetween(java.time.Duration.ofMinutes(29), java.time.Duration.ofMinutes(30)));
    assertThat(c.lastRateLimit())
        .hasValueSatisfying(s -> assertThat(s.usagePercent()).hasValue(100.0));
    c.close();
  }

  @Test
  void expiredTokenIsAnAuthenticationError() {
    wm.stubFor(
        get(urlPathEqualTo(V + IG + "/content_publishing_limit"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        error(190, 463, "Error validating access token: Session has expired"))));
    assertThatThrownBy(client::publishingQuota).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void serverErrorOnPublishIsUnknownNeverRetried() {
    quota(QUOTA_OK);
    wm.stubFor(post(urlPathEqualTo(V + IG + "/media")).willReturn(okJson("{\"id\":\"c1\"}")));
    container("c1", "FINISHED");
    wm.stubFor(
        post(urlPathEqualTo(V + IG + "/media_publish"))
            .willReturn(
                aResponse().withStatus(500).withBody(error(1, null, "An unknown error occurred"))));
    assertThatThrownBy(() -> client.publish(urlImage("x")))
        .isInstanceOf(io.smo.core.exception.PublishOutcomeUnknownException.class);
    wm.verify(1, postRequestedFor(urlPathEqualTo(V + IG + "/media_publish")));
  }

  @Test
  void publishAnswerWithoutIdIsUnknown() {
    quota(QUOTA_OK);
    wm.stubFor(post(urlPathEqualTo(V + IG + "/media")).willReturn(okJson("{\"id\":\"c1\"}")));
    container("c1", "FINISHED");
    wm.stubFor(post(urlPathEqualTo(V + IG + "/media_publish")).willReturn(okJson("{}")));
    assertThatThrownBy(() -> client.publish(urlImage("x")))
        .isInstanceOf(io.smo.core.exception.PublishOutcomeUnknownException.class);
  }

  @Test
  void facebookLoginResolvesTheAccountThroughThePageAndDeletes() {
    InstagramClient fb =
        InstagramClient.builder()
            .flavor(ApiFlavor.FACEBOOK_LOGIN)
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .facebookPageId("page1")
            .accessToken("page-token")
            .sleeper(d -> {})
            .build();
    wm.stubFor(
        get(urlPathEqualTo(V + "page1"))
            .withQueryParam("fields", equalTo("instagram_business_account"))
            .willReturn(
                okJson(
                    "{\"id\":\"page1\",\"instagram_business_account\":{\"id\":\"" + IG + "\"}}")));
    wm.stubFor(delete(urlPathEqualTo(V + "m1")).willReturn(okJson("{\"success\":true}")));
    assertThat(fb.accountId()).isEqualTo(IG);
    fb.delete(PostRef.of(Platform.INSTAGRAM, "m1"));
    wm.verify(
        deleteRequestedFor(urlPathEqualTo(V + "m1"))
            .withHeader("Authorization", equalTo("Bearer page-token")));
    assertThat(fb.capabilities().supports(io.smo.core.Feature.DELETE)).isTrue();
    assertThat(client.capabilities().supports(io.smo.core.Feature.DELETE)).isFalse();
    assertThat(client.capabilities().nativeScheduling()).isEmpty();
    fb.close();
  }

  @Test
  void flavourPicksTheProductionHost() {
    assertThat(ApiFlavor.INSTAGRAM_LOGIN.host())
        .isEqualTo(URI.create("https://graph.instagram.com/"));
    assertThat(ApiFlavor.FACEBOOK_LOGIN.host())
        .isEqualTo(URI.create("https://graph.facebook.com/"));
  }

  @Test
  void metricsUseCurrentNamesAndFallBackWhenTooFewViewers() {
    wm.stubFor(
        get(urlPathEqualTo(V + "m1"))
            .willReturn(
                okJson(
                    "{\"id\":\"m1\",\"media_product_type\":\"FEED\",\"like_count\":7,\"comments_count\":3}")));
    wm.stubFor(
        get(urlPathEqualTo(V + "m1/insights"))
            .withQueryParam(
                "metric", equalTo("views,reach,likes,comments,saved,shares,total_interactions"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"name\":\"views\",\"period\":\"lifetime\",\"values\":[{\"value\":120}]},"
                        + "{\"name\":\"likes\",\"period\":\"lifetime\",\"values\":[{\"value\":8}]}]}")));
    EngagementMetrics m = client.metrics(PostRef.of(Platform.INSTAGRAM, "m1"));
    assertThat(m.views()).hasValue(120);
    assertThat(m.likes()).hasValue(8);
    assertThat(m.comments()).hasValue(3);
    wm.stubFor(
        get(urlPathEqualTo(V + "m2"))
            .willReturn(
                okJson("{\"id\":\"m2\",\"media_product_type\":\"STORY\",\"like_count\":1}")));
    wm.stubFor(
        get(urlPathEqualTo(V + "m2/insights"))
            .withQueryParam("metric", matching("views,reach,.*"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        error(
                            10, null, "(#10) Not enough viewers for the media to show insights"))));
    EngagementMetrics m2 = client.metrics(PostRef.of(Platform.INSTAGRAM, "m2"));
    assertThat(m2.likes()).hasValue(1);
    assertThat(m2.views()).isEmpty();
    wm.verify(
        getRequestedFor(urlPathEqualTo(V + "m2/insights"))
            .withQueryParam("metric", equalTo("views,reach,shares,replies,total_interactions")));
  }

  @Test
  void otherPermissionErrorsOnInsightsPropagate() {
    wm.stubFor(get(urlPathEqualTo(V + "m3")).willReturn(okJson("{\"id\":\"m3\"}")));
    wm.stubFor(
        get(urlPathEqualTo(V + "m3/insights"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        error(
                            10,
                            null,
                            "(#10) Application does not have permission for this action"))));
    assertThatThrownBy(() -> client.metrics(PostRef.of(Platform.INSTAGRAM, "m3")))
        .isInstanceOf(PermissionException.class);
  }

  @Test
  void commentsPageByAfterCursor() {
    wm.stubFor(
        get(urlPathEqualTo(V + "m1/comments"))
            .withQueryParam("after", equalTo("CUR2"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"c3\",\"text\":\"third\",\"timestamp\":\"2026-01-01T00:00:00+0000\"}]}")));
    wm.stubFor(
        get(urlPathEqualTo(V + "m1/comments"))
            .withQueryParam("after", matching("^$|CUR1"))
            .atPriority(9)
            .willReturn(okJson("{}")));
    wm.stubFor(
        get(urlPathEqualTo(V + "m1/comments"))
            .atPriority(10)
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"c1\",\"text\":\"first\",\"username\":\"ana\",\"hidden\":true},"
                        + "{\"id\":\"c2\",\"text\":\"second\"}],\"paging\":{\"cursors\":{\"after\":\"CUR2\"},"
                        + "\"next\":\"https://graph.instagram.com/v26.0/m1/comments?access_token=zzz&after=CUR2\"}}")));
    var all = client.comments(PostRef.of(Platform.INSTAGRAM, "m1")).stream().toList();
    assertThat(all).extracting(io.smo.core.Comment::id).containsExactly("c1", "c2", "c3");
    assertThat(all.get(0).hidden()).isTrue();
    wm.verify(
        getRequestedFor(urlPathEqualTo(V + "m1/comments"))
            .withQueryParam("fields", containing("hidden")));
  }

  @Test
  void replyHideUnhideDeleteAndComment() {
    wm.stubFor(post(urlPathEqualTo(V + "c1/replies")).willReturn(okJson("{\"id\":\"r1\"}")));
    wm.stubFor(post(urlPathEqualTo(V + "m1/comments")).willReturn(okJson("{\"id\":\"c9\"}")));
    wm.stubFor(post(urlPathEqualTo(V + "c1")).willReturn(okJson("{\"success\":true}")));
    wm.stubFor(delete(urlPathEqualTo(V + "c1")).willReturn(okJson("{\"success\":true}")));
    CommentRef c1 = CommentRef.of(Platform.INSTAGRAM, "c1");
    assertThat(client.reply(c1, "thanks").id()).isEqualTo("r1");
    assertThat(client.comment(PostRef.of(Platform.INSTAGRAM, "m1"), "first!").id()).isEqualTo("c9");
    client.moderate(c1, ModerationAction.HIDE);
    client.moderate(c1, ModerationAction.UNHIDE);
    client.moderate(c1, ModerationAction.DELETE);
    wm.verify(
        postRequestedFor(urlPathEqualTo(V + "c1/replies"))
            .withRequestBody(equalTo("message=thanks")));
    wm.verify(postRequestedFor(urlPathEqualTo(V + "c1")).withRequestBody(equalTo("hide=true")));
    wm.verify(postRequestedFor(urlPathEqualTo(V + "c1")).withRequestBody(equalTo("hide=false")));
    wm.verify(deleteRequestedFor(urlPathEqualTo(V + "c1")));
    assertThatThrownBy(() -> client.reply(c1, " ")).isInstanceOf(ValidationException.class);
  }

  @Test
  void offlineValidationSendsNothing() {
    String tags = String.join(" ", Collections.nCopies(31, "#t"));
    String mentions = String.join(" ", Collections.nCopies(21, "@u"));
    Post bad =
        Post.builder()
            .text(tags + " " + mentions)
            .link(URI.create("https://x.example"))
            .addMedia(Media.fromFile(TestMedia.jpeg(dir, "wide.jpg", 2000, 500)))
            .option(InstagramOptions.builder().collaborators(List.of("a", "b", "c", "@d")).build())
            .build();
    assertThatThrownBy(() -> client.publish(bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .contains(
                        "max-hashtags",
                        "max-mentions",
                        "link-unsupported",
                        "max-count",
                        "username",
                        "aspect-ratio",
                        "media-host-required"));
    List<Violation> story =
        client.validate(
            Post.builder()
                .text("caption")
                .addMedia(Media.fromUrl(IMG, MediaKind.IMAGE))
                .addMedia(Media.fromUrl(IMG, MediaKind.IMAGE))
                .option(InstagramOptions.story())
                .build());
    assertThat(story).extracting(Violation::rule).contains("story-one-item", "story-caption");
    List<Violation> tooMany =
        client.validate(
            Post.builder()
                .text("x")
                .media(Collections.nCopies(11, Media.fromUrl(IMG, MediaKind.IMAGE)))
                .build());
    assertThat(tooMany).extracting(Violation::rule).contains("max-count");
    List<Violation> png =
        client.validate(
            Post.builder()
                .text("x")
                .scheduledAt(java.time.Instant.now().plusSeconds(3600))
                .addMedia(Media.fromUrl(IMG, MediaKind.IMAGE))
                .build());
    assertThat(png).extracting(Violation::rule).contains("scheduling-unsupported");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
