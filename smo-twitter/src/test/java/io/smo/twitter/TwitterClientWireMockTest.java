package io.smo.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.smo.core.Audience;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.ReplyPolicy;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.DuplicateContentException;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.ValidationException;
import io.smo.testkit.SharedFixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation and error path against WireMock stubs in X's wire format. */
class TwitterClientWireMockTest {
  private WireMockServer wm;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T10:00:00Z"));

  /** A clock the sleeper moves forward. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private TwitterClient.Builder builder() {
    return TwitterClient.builder()
        .baseUrl(URI.create(wm.baseUrl() + "/"))
        .accessToken("tok")
        .clock(clock)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(d);
            });
  }

  private TwitterClient client() {
    return builder().build();
  }

  private ResponseDefinitionBuilder json(int status, String body) {
    long reset = clock.instant().plusSeconds(900).getEpochSecond();
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-rate-limit-limit", "100")
        .withHeader("x-rate-limit-remaining", "99")
        .withHeader("x-rate-limit-reset", Long.toString(reset))
        .withBody(body);
  }

  private static String created(String id) {
    return "{\"data\":{\"id\":\""
        + id
        + "\",\"text\":\"t\",\"edit_history_tweet_ids\":[\""
        + id
        + "\"]}}";
  }

  @Test
  void publishesTextWithReplySettingsAndReadsRateLimit() {
    wm.stubFor(
        post("/2/tweets")
            .willReturn(
                json(
                    201,
                    SharedFixtures.read(
                        "fixtures/twitter/tweepy-cassettes/tweet_create_201_from_cassette.json"))));
    try (TwitterClient x = client()) {
      PublishedPost p =
          x.publish(
              Post.builder()
                  .text("Test Tweet")
                  .audience(Audience.builder().replyPolicy(ReplyPolicy.MENTIONED_ONLY).build())
                  .build());
      assertThat(p.id()).isEqualTo("1456012973835788293");
      assertThat(p.parts()).containsExactly(PostRef.of(Platform.TWITTER, "1456012973835788293"));
      assertThat(x.lastRateLimit().orElseThrow().remaining()).hasValue(99);
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/2/tweets"))
            .withHeader("Authorization", equalTo("Bearer tok"))
            .withRequestBody(
                equalToJson("{\"text\":\"Test Tweet\",\"reply_settings\":\"mentionedUsers\"}")));
  }

  @Test
  void optionsBecomeBodyFields() {
    wm.stubFor(post("/2/tweets").willReturn(json(201, created("10"))));
    try (TwitterClient x = client()) {
      x.publish(
          Post.builder()
              .text("quoting")
              .option(
                  TwitterOptions.builder()
                      .quote("5")
                      .inReplyTo("6")
                      .excludeReplyUserIds(List.of("7"))
                      .madeWithAi(true)
                      .replySettings(TwitterOptions.ReplySettings.VERIFIED)
                      .build())
              .build());
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/2/tweets"))
            .withRequestBody(
                equalToJson(
                    "{\"text\":\"quoting\",\"quote_tweet_id\":\"5\",\"reply\":{\"in_reply_to_tweet_id\":\"6\","
                        + "\"exclude_reply_user_ids\":[\"7\"]},\"made_with_ai\":true,\"reply_settings\":\"verified\"}")));
  }

  @Test
  void offlineViolationsSendNothing() {
    try (TwitterClient x = client()) {
      assertThatThrownBy(() -> x.publish(Post.builder().text("a".repeat(281)).build()))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(
              () ->
                  x.publish(
                      Post.builder()
                          .text("no replies")
                          .audience(Audience.builder().replyPolicy(ReplyPolicy.NOBODY).build())
                          .build()))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(
              () ->
                  x.publish(
                      Post.builder()
                          .text("url media")
                          .addMedia(
                              Media.fromUrl(
                                  URI.create("https://cdn.example.com/a.jpg"), MediaKind.IMAGE))
                          .build()))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(
              () ->
                  x.publish(
                      Post.builder()
                          .text("later")
                          .scheduledAt(clock.instant().plusSeconds(3600))
                          .build()))
          .isInstanceOf(ValidationException.class);
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void errorsInside200AreMapped() {
    wm.stubFor(
        post("/2/tweets")
            .willReturn(
                json(
                    200,
                    "{\"errors\":[{\"title\":\"Invalid Request\","
                        + "\"detail\":\"bad\",\"type\":\"https://api.x.com/2/problems/invalid-request\"}]}")));
    try (TwitterClient x = client()) {
      assertThatThrownBy(() -> x.publish(Post.builder().text("x").build()))
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void duplicateIsTypedAndNotRetried() {
    wm.stubFor(
        post("/2/tweets")
            .willReturn(
                json(
                    403,
                    "{\"detail\":\"You are not allowed to create a "
                        + "Tweet with duplicate content.\",\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}")));
    try (TwitterClient x = client()) {
      assertThatThrownBy(() -> x.publish(Post.builder().text("x").build()))
          .isInstanceOf(DuplicateContentException.class);
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/2/tweets")));
  }

  @Test
  void rateLimitedCreateIsRetriedAfterReset() {
    long reset = clock.instant().plusSeconds(5).getEpochSecond();
    wm.stubFor(
        post("/2/tweets")
            .inScenario("rl")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("x-rate-limit-limit", "100")
                    .withHeader("x-rate-limit-remaining", "0")
                    .withHeader("x-rate-limit-reset", Long.toString(reset))
                    .withBody(
                        SharedFixtures.read(
                            "fixtures/twitter/x-docs-examples/error_429_rate_limit_code88.json")))
            .willSetStateTo("ok"));
    wm.stubFor(
        post("/2/tweets")
            .inScenario("rl")
            .whenScenarioStateIs("ok")
            .willReturn(json(201, created("11"))));
    try (TwitterClient x = client()) {
      assertThat(x.publish(Post.builder().text("x").build()).id()).isEqualTo("11");
    }
    wm.verify(2, postRequestedFor(urlEqualTo("/2/tweets")));
    assertThat(sleeps).contains(Duration.ofSeconds(5));
  }

  @Test
  void farResetGivesRateLimitException() {
    wm.stubFor(
        post("/2/tweets")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("x-rate-limit-remaining", "0")
                    .withHeader(
                        "x-rate-limit-reset",
                        Long.toString(clock.instant().plusSeconds(900).getEpochSecond()))
                    .withBody(
                        "{\"title\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")));
    try (TwitterClient x = client()) {
      assertThatThrownBy(() -> x.publish(Post.builder().text("x").build()))
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(900)));
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/2/tweets")));
  }

  @Test
  void usageCapIsQuotaAndNeverRetried() {
    wm.stubFor(
        post("/2/tweets")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody(
                        "{\"title\":\"UsageCapExceeded\",\"detail\":\"Usage cap exceeded\","
                            + "\"type\":\"https://api.x.com/2/problems/usage-capped\",\"status\":429}")));
    try (TwitterClient x = client()) {
      assertThatThrownBy(() -> x.publish(Post.builder().text("x").build()))
          .isInstanceOf(QuotaExceededException.class);
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/2/tweets")));
  }

  @Test
  void serverErrorOnCreateIsUnknown() {
    wm.stubFor(
        post("/2/tweets")
            .willReturn(json(503, "{\"title\":\"Service Unavailable\",\"status\":503}")));
    try (TwitterClient x = client()) {
      assertThatThrownBy(() -> x.publish(Post.builder().text("x").idempotencyKey("k1").build()))
          .isInstanceOfSatisfying(
              PublishOutcomeUnknownException.class,
              e -> assertThat(e.idempotencyKey()).contains("k1"));
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/2/tweets")));
  }

  @Test
  void malformedBodies() {
    wm.stubFor(post("/2/tweets").willReturn(json(201, "{\"data\":{\"id\":\"12")));
    wm.stubFor(get(urlPathEqualTo("/2/tweets/3")).willReturn(json(200, "<html>")));
    try (TwitterClient x = client()) {
      assertThatThrownBy(() -> x.publish(Post.builder().text("x").build()))
          .isInstanceOf(PublishOutcomeUnknownException.class);
      assertThatThrownBy(() -> x.metrics(PostRef.of(Platform.TWITTER, "3")))
          .isInstanceOf(TransportException.class);
    }
  }

  @Test
  void unauthorizedRefreshesOnceWithRotationThenGivesUp() {
    wm.stubFor(
        post("/2/tweets")
            .withHeader("Authorization", equalTo("Bearer old"))
            .willReturn(
                json(
                    401,
                    "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unauthorized\"}")));
    wm.stubFor(
        post("/2/tweets")
            .withHeader("Authorization", equalTo("Bearer new"))
            .willReturn(json(201, created("13"))));
    wm.stubFor(
        post("/2/oauth2/token")
            .willReturn(
                json(
                    200,
                    "{\"token_type\":\"bearer\","
                        + "\"expires_in\":7200,\"access_token\":\"new\",\"scope\":\"tweet.write offline.access\","
                        + "\"refresh_token\":\"r2\"}")));
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save("me", AccessToken.builder("old").refreshToken("r1").build());
    OkHttpClient http = new OkHttpClient();
    try (TwitterClient x =
        builder()
            .tokenProvider(
                TwitterOAuth.create(
                        TwitterOAuth.config("cid", "secret", URI.create("https://app/cb"))
                            .tokenEndpoint(URI.create(wm.baseUrl() + "/2/oauth2/token"))
                            .build(),
                        http,
                        Clock.systemUTC())
                    .tokenProvider("me", store))
            .build()) {
      assertThat(x.publish(Post.builder().text("x").build()).id()).isEqualTo("13");
    } finally {
      http.dispatcher().executorService().shutdown();
    }
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/2/oauth2/token"))
            .withHeader("Authorization", matching("Basic .+"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=r1")));
    assertThat(store.load("me").orElseThrow().refreshToken()).contains("r2");

    wm.resetAll();
    wm.stubFor(
        post("/2/tweets").willReturn(json(401, "{\"title\":\"Unauthorized\",\"status\":401}")));
    try (TwitterClient x = client()) {
      assertThatThrownBy(() -> x.publish(Post.builder().text("x").build()))
          .isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void deleteMetricsAndFallbackToPublicMetrics() {
    wm.stubFor(delete("/2/tweets/1").willReturn(json(200, "{\"data\":{\"deleted\":true}}")));
    wm.stubFor(
        get(urlPathEqualTo("/2/tweets/1"))
            .withQueryParam(
                "post.fields", equalTo("public_metrics,non_public_metrics,organic_metrics"))
            .willReturn(
                json(
                    200,
                    "{\"errors\":[{\"title\":\"Field Authorization Error\",\"type\":"
                        + "\"https://api.twitter.com/2/problems/not-authorized-for-field\",\"detail\":\"no\"}]}")));
    wm.stubFor(
        get(urlPathEqualTo("/2/tweets/1"))
            .withQueryParam("post.fields", equalTo("public_metrics"))
            .willReturn(
                json(
                    200,
                    "{\"data\":{\"id\":\"1\",\"text\":\"t\",\"public_metrics\":{"
                        + "\"repost_count\":4,\"reply_count\":1,\"like_count\":8,\"quote_count\":1,"
                        + "\"bookmark_count\":2,\"impression_count\":300}}}")));
    try (TwitterClient x = client()) {
      PostRef ref = PostRef.of(Platform.TWITTER, "1");
      EngagementMetrics m = x.metrics(ref);
      assertThat(m.shares()).hasValue(5);
      assertThat(m.impressions()).hasValue(300);
      x.delete(ref);
    }
    wm.verify(2, getRequestedFor(urlPathEqualTo("/2/tweets/1")));
    wm.verify(deleteRequestedFor(urlEqualTo("/2/tweets/1")));
  }

  @Test
  void olderFieldsParameterOnRequest() {
    wm.stubFor(
        get(urlPathEqualTo("/2/tweets/1"))
            .withQueryParam(
                "tweet.fields", equalTo("public_metrics,non_public_metrics,organic_metrics"))
            .willReturn(
                json(200, SharedFixtures.read("fixtures/twitter/tweet_full_fields_v2.json"))));
    try (TwitterClient x = builder().fieldsParameter("tweet.fields").build()) {
      EngagementMetrics m = x.metrics(PostRef.of(Platform.TWITTER, "1"));
      assertThat(m.likes()).hasValue(2);
      assertThat(m.comments()).hasValue(2);
    }
  }

  @Test
  void commentsPaginateThroughConversationSearch() {
    wm.stubFor(
        get(urlPathEqualTo("/2/tweets/search/recent"))
            .withQueryParam("next_token", equalTo("p2"))
            .willReturn(
                json(
                    200,
                    "{\"data\":[{\"id\":\"22\",\"text\":\"second\","
                        + "\"author_id\":\"9\"}],\"meta\":{\"result_count\":1}}"))
            .atPriority(1));
    wm.stubFor(
        get(urlPathEqualTo("/2/tweets/search/recent"))
            .withQueryParam("query", equalTo("conversation_id:20"))
            .atPriority(5)
            .willReturn(
                json(
                    200,
                    "{\"data\":[{\"id\":\"21\",\"text\":\"first\",\"author_id\":\"8\","
                        + "\"referenced_posts\":[{\"type\":\"replied_to\",\"id\":\"20\"}]}],"
                        + "\"meta\":{\"result_count\":1,\"next_token\":\"p2\"}}")));
    try (TwitterClient x = client()) {
      List<Comment> all = x.comments(PostRef.of(Platform.TWITTER, "20")).toList();
      assertThat(all).extracting(Comment::id).containsExactly("21", "22");
      assertThat(all.get(0).parentId()).contains("20");
    }
  }

  @Test
  void replyAndTheSelfServeRestriction() {
    wm.stubFor(
        post("/2/tweets")
            .withRequestBody(containing("\"31\""))
            .willReturn(json(201, created("32"))));
    wm.stubFor(
        post("/2/tweets")
            .withRequestBody(containing("\"33\""))
            .willReturn(
                json(
                    403,
                    "{\"detail\":\"Reply to this conversation is not allowed because you have not been mentioned "
                        + "or otherwise engaged by the author of the post you are replying to.\",\"type\":"
                        + "\"about:blank\",\"title\":\"Forbidden\",\"status\":403}")));
    try (TwitterClient x = client()) {
      Comment c = x.reply(CommentRef.of(Platform.TWITTER, "31"), "thanks");
      assertThat(c.id()).isEqualTo("32");
      assertThat(c.parentId()).contains("31");
      assertThatThrownBy(() -> x.comment(PostRef.of(Platform.TWITTER, "33"), "hi"))
          .isInstanceOf(PermissionException.class)
          .hasMessageContaining("summoned");
      assertThatThrownBy(() -> x.reply(CommentRef.of(Platform.TWITTER, "31"), " "))
          .isInstanceOf(ValidationException.class);
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/2/tweets"))
            .withRequestBody(
                equalToJson("{\"text\":\"thanks\",\"reply\":{\"in_reply_to_tweet_id\":\"31\"}}")));
  }

  @Test
  void hideAndUnhide() {
    wm.stubFor(put("/2/tweets/40/hidden").willReturn(json(200, "{\"data\":{\"hidden\":true}}")));
    try (TwitterClient x = client()) {
      x.moderate(CommentRef.of(Platform.TWITTER, "40"), ModerationAction.HIDE);
      x.moderate(CommentRef.of(Platform.TWITTER, "40"), ModerationAction.UNHIDE);
    }
    wm.verify(
        putRequestedFor(urlEqualTo("/2/tweets/40/hidden"))
            .withRequestBody(equalToJson("{\"hidden\":true}")));
    wm.verify(
        putRequestedFor(urlEqualTo("/2/tweets/40/hidden"))
            .withRequestBody(equalToJson("{\"hidden\":false}")));
  }

  @Test
  void simpleImageUploadWithAltText() {
    wm.stubFor(
        post("/2/media/upload")
            .willReturn(
                json(200, SharedFixtures.read("fixtures/twitter/media_upload_v2_simple.json"))));
    wm.stubFor(
        post("/2/media/metadata")
            .willReturn(json(200, "{\"data\":{\"id\":\"1726817595448610817\"}}")));
    wm.stubFor(post("/2/tweets").willReturn(json(201, created("50"))));
    try (TwitterClient x = client()) {
      x.publish(
          Post.builder()
              .text("pic")
              .addMedia(Media.fromBytes(TestMedia.png()).withAltText("a test pattern"))
              .build());
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/2/media/upload")).withRequestBody(containing("tweet_image")));
    wm.verify(
        postRequestedFor(urlEqualTo("/2/media/metadata"))
            .withRequestBody(
                equalToJson(
                    "{\"id\":\"1726817595448610817\",\"metadata\":{\"alt_text\":{\"text\":\"a test pattern\"}}}")));
    wm.verify(
        postRequestedFor(urlEqualTo("/2/tweets"))
            .withRequestBody(
                equalToJson(
                    "{\"text\":\"pic\",\"media\":{\"media_ids\":[\"1726817595448610817\"]}}")));
  }

  private void stubChunked(String id, String finalState) {
    wm.stubFor(
        post("/2/media/upload/initialize")
            .willReturn(
                json(
                    200,
                    "{\"data\":{\"id\":\""
                        + id
                        + "\",\"media_key\":\"16_"
                        + id
                        + "\",\"expires_after_secs\":86400}}")));
    wm.stubFor(post("/2/media/upload/" + id + "/append").willReturn(json(200, "{\"data\":{}}")));
    wm.stubFor(
        post("/2/media/upload/" + id + "/finalize")
            .willReturn(
                json(
                    200,
                    "{\"data\":{\"id\":\""
                        + id
                        + "\",\"processing_info\":{\"state\":\"pending\",\"check_after_secs\":3}}}")));
    wm.stubFor(
        get(urlPathEqualTo("/2/media/upload"))
            .inScenario("st")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                json(
                    200,
                    "{\"data\":{\"id\":\""
                        + id
                        + "\",\"processing_info\":{\"state\":"
                        + "\"in_progress\",\"check_after_secs\":2,\"progress_percent\":40}}}"))
            .willSetStateTo("two"));
    wm.stubFor(
        get(urlPathEqualTo("/2/media/upload"))
            .inScenario("st")
            .whenScenarioStateIs("two")
            .willReturn(
                json(
                    200,
                    "{\"data\":{\"id\":\""
                        + id
                        + "\",\"processing_info\":{\"state\":\""
                        + finalState
                        + "\",\"error\":{\"message\":\"bad codec\"}}}}")));
  }

  @Test
  void chunkedUploadAppendsSegmentsAndPollsWithCheckAfter() {
    stubChunked("60", "succeeded");
    byte[] gif = TestMedia.gif();
    try (TwitterClient x = builder().chunkSize(100).build()) {
      assertThat(x.uploadMedia(Media.fromBytes(gif))).isEqualTo("60");
    }
    int segments = (gif.length + 99) / 100;
    wm.verify(segments, postRequestedFor(urlEqualTo("/2/media/upload/60/append")));
    wm.verify(
        postRequestedFor(urlEqualTo("/2/media/upload/60/append"))
            .withRequestBody(containing("name=\"segment_index\"")));
    wm.verify(
        postRequestedFor(urlEqualTo("/2/media/upload/initialize"))
            .withRequestBody(
                equalToJson(
                    "{\"media_type\":\"image/gif\",\"total_bytes\":"
                        + gif.length
                        + ",\"media_category\":\"tweet_gif\"}")));
    wm.verify(
        2,
        getRequestedFor(urlPathEqualTo("/2/media/upload"))
            .withQueryParam("command", equalTo("STATUS"))
            .withQueryParam("media_id", equalTo("60")));
    assertThat(sleeps).containsSubsequence(Duration.ofSeconds(3), Duration.ofSeconds(2));
  }

  @Test
  void processingFailureAndDeadline() {
    stubChunked("70", "failed");
    try (TwitterClient x = client()) {
      assertThatThrownBy(() -> x.uploadMedia(Media.fromBytes(TestMedia.gif())))
          .isInstanceOf(MediaProcessingException.class)
          .hasMessageContaining("bad codec");
    }
    wm.resetAll();
    stubChunked("71", "in_progress");
    try (TwitterClient x = builder().processingTimeout(Duration.ofSeconds(20)).build()) {
      assertThatThrownBy(() -> x.uploadMedia(Media.fromBytes(TestMedia.gif())))
          .isInstanceOfSatisfying(
              MediaProcessingException.class,
              e -> assertThat(e.getMessage()).contains("did not finish"));
    }
  }

  @Test
  void midThreadFailureListsPublishedParts() {
    wm.stubFor(
        post("/2/tweets")
            .withRequestBody(containing("\"one\""))
            .willReturn(json(201, created("81"))));
    wm.stubFor(
        post("/2/tweets")
            .withRequestBody(containing("\"two\""))
            .willReturn(
                json(
                    403,
                    "{\"title\":\"Forbidden\",\"detail\":\"not allowed\",\"type\":\"about:blank\",\"status\":403}")));
    try (TwitterClient x = client()) {
      assertThatThrownBy(
              () -> x.publish(Post.builder().text("one").thread(List.of("two", "three")).build()))
          .isInstanceOfSatisfying(
              PublishOutcomeUnknownException.class,
              e -> {
                assertThat(e.publishedParts()).containsExactly(PostRef.of(Platform.TWITTER, "81"));
                assertThat(e.getCause()).isInstanceOf(PermissionException.class);
              });
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/2/tweets"))
            .withRequestBody(
                equalToJson("{\"text\":\"two\",\"reply\":{\"in_reply_to_tweet_id\":\"81\"}}")));
  }
}
