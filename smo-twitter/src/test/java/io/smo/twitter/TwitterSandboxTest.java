package io.smo.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Audience;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.ReplyPolicy;
import io.smo.core.TextOverflow;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.exception.DuplicateContentException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.testkit.Created;
import io.smo.testkit.Fault;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.TwitterEmulator;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

@SandboxTest(strict = true)
class TwitterSandboxTest {
  private static final AtomicInteger N = new AtomicInteger();

  private static TwitterClient client(Sandbox sandbox) {
    return TwitterClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.TWITTER))
        .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
        .sleeper(d -> {})
        .build();
  }

  private static String unique(String text) {
    return text + " #" + N.incrementAndGet() + "-" + System.nanoTime();
  }

  private static long posts(Sandbox sandbox, String id) {
    return sandbox.created(Platform.TWITTER).stream().filter(c -> c.id().equals(id)).count();
  }

  @Test
  void publishesTextWithReplySettingsAndDeletes(Sandbox sandbox) {
    try (TwitterClient x = client(sandbox)) {
      PublishedPost p =
          x.publish(
              Post.builder()
                  .text(unique("Hello from the SDK"))
                  .audience(Audience.builder().replyPolicy(ReplyPolicy.FOLLOWING).build())
                  .build());
      assertThat(p.url()).contains(URI.create("https://x.com/i/web/status/" + p.id()));
      Created c =
          sandbox.created(Platform.TWITTER, "post").stream()
              .filter(k -> k.id().equals(p.id()))
              .findFirst()
              .orElseThrow();
      assertThat(c.body().path("reply_settings").asText()).isEqualTo("following");
      assertThat(x.lastRateLimit()).isPresent();
      assertThat(x.lastRateLimit().get().limit()).hasValue(100);
      x.delete(p.ref());
      assertThat(posts(sandbox, p.id())).isZero();
    }
  }

  @Test
  void longTextBecomesAThreadOfReplies(Sandbox sandbox) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < 600; i++) {
      sb.append("word").append(i).append(' ');
    }
    String text = unique(sb.toString().trim());
    try (TwitterClient x = client(sandbox)) {
      PublishedPost p =
          x.publish(
              Post.builder()
                  .text(text)
                  .textOverflow(TextOverflow.THREAD)
                  .thread(List.of(unique("and a final word")))
                  .build());
      assertThat(p.parts()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(p.parts().get(0)).isEqualTo(p.ref());
      List<Created> created = sandbox.created(Platform.TWITTER);
      for (int i = 1; i < p.parts().size(); i++) {
        String prev = p.parts().get(i - 1).id();
        String id = p.parts().get(i).id();
        Created part = created.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        assertThat(part.kind()).isEqualTo("reply");
        assertThat(part.body().path("reply").path("in_reply_to_tweet_id").asText()).isEqualTo(prev);
      }
    }
  }

  @Test
  void threadFailingMidwayListsThePublishedParts(Sandbox sandbox) {
    try (TwitterClient x = client(sandbox)) {
      String existing = unique("already posted");
      x.publish(Post.builder().text(existing).build());
      assertThatThrownBy(
              () ->
                  x.publish(
                      Post.builder().text(unique("first part")).thread(List.of(existing)).build()))
          .isInstanceOfSatisfying(
              PublishOutcomeUnknownException.class,
              e -> {
                assertThat(e.publishedParts()).hasSize(1);
                assertThat(e.getCause()).isInstanceOf(DuplicateContentException.class);
                assertThat(e.idempotencyKey()).isPresent();
              });
    }
  }

  @Test
  void imageWithAltTextAndGifThroughChunkedUpload(Sandbox sandbox) {
    List<UploadProgress> progress = new CopyOnWriteArrayList<>();
    try (TwitterClient x =
        TwitterClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.TWITTER))
            .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
            .sleeper(d -> {})
            .chunkSize(256)
            .uploadListener(progress::add)
            .build()) {
      PublishedPost img =
          x.publish(
              Post.builder()
                  .text(unique("picture"))
                  .addMedia(Media.fromBytes(TestMedia.png()).withAltText("A tiny test pattern"))
                  .build());
      Created c =
          sandbox.created(Platform.TWITTER, "post").stream()
              .filter(k -> k.id().equals(img.id()))
              .findFirst()
              .orElseThrow();
      assertThat(c.body().path("media").path("media_ids")).hasSize(1);

      byte[] gif = TestMedia.gif();
      assertThat(gif.length).isGreaterThan(512);
      PublishedPost anim =
          x.publish(Post.builder().text(unique("animated")).addMedia(Media.fromBytes(gif)).build());
      assertThat(anim.id()).isNotBlank();
      assertThat(progress)
          .extracting(UploadProgress::state)
          .contains(UploadState.UPLOADING, UploadState.PROCESSING, UploadState.READY);
    }
  }

  @Test
  void mediaProcessingFailureIsTyped(Sandbox sandbox) {
    sandbox.inject(
        Platform.TWITTER,
        Fault.of(Fault.Kind.MEDIA_PROCESSING_FAILURE).on("POST", "/2/media/upload/initialize"));
    try (TwitterClient x = client(sandbox)) {
      String before = sandbox.created(Platform.TWITTER, "post").toString();
      assertThatThrownBy(
              () ->
                  x.publish(
                      Post.builder()
                          .text(unique("gif"))
                          .addMedia(Media.fromBytes(TestMedia.gif()))
                          .build()))
          .isInstanceOfSatisfying(
              MediaProcessingException.class, e -> assertThat(e.state()).contains("failed"));
      assertThat(sandbox.created(Platform.TWITTER, "post").toString()).isEqualTo(before);
    }
  }

  @Test
  void metricsGrowAndKeepRawFigures(Sandbox sandbox) {
    try (TwitterClient x = client(sandbox)) {
      PostRef ref = x.publish(Post.builder().text(unique("measure me")).build()).ref();
      EngagementMetrics m1 = x.metrics(ref);
      EngagementMetrics m2 = x.metrics(ref);
      assertThat(m1.likes()).isPresent();
      assertThat(m1.comments()).hasValue(3);
      assertThat(m1.clicks()).isPresent();
      assertThat(m1.shares())
          .hasValue(
              (Long) m1.raw().get("public_metrics.repost_count")
                  + (Long) m1.raw().get("public_metrics.quote_count"));
      assertThat(m2.impressions().getAsLong()).isGreaterThan(m1.impressions().getAsLong());
      assertThat(m1.raw())
          .containsKeys(
              "public_metrics.repost_count",
              "non_public_metrics.url_link_clicks",
              "organic_metrics.like_count");
    }
  }

  @Test
  void repliesAreListedRepliedToAndHidden(Sandbox sandbox) {
    try (TwitterClient x = client(sandbox)) {
      PostRef ref = x.publish(Post.builder().text(unique("talk to me")).build()).ref();
      List<Comment> comments = x.comments(ref).toList();
      assertThat(comments).hasSize(3);
      assertThat(comments).allSatisfy(c -> assertThat(c.parentId()).contains(ref.id()));
      Comment summoned =
          comments.stream()
              .filter(c -> c.text().contains("@smo_sandbox"))
              .findFirst()
              .orElseThrow();
      Comment other =
          comments.stream()
              .filter(c -> !c.text().contains("@smo_sandbox"))
              .findFirst()
              .orElseThrow();

      Comment answer = x.reply(summoned.ref(), "Thanks! More soon.");
      assertThat(sandbox.created(Platform.TWITTER, "reply"))
          .extracting(Created::id)
          .contains(answer.id());
      assertThatThrownBy(() -> x.reply(other.ref(), "Hello"))
          .isInstanceOfSatisfying(
              PermissionException.class, e -> assertThat(e.getMessage()).contains("summoned"));

      x.moderate(other.ref(), ModerationAction.HIDE);
      x.moderate(other.ref(), ModerationAction.UNHIDE);
      assertThatThrownBy(() -> x.moderate(other.ref(), ModerationAction.DELETE))
          .isInstanceOf(UnsupportedFeatureException.class);
      assertThat(x.comments(ref).toList()).hasSize(4);
    }
  }

  @Test
  void fault429IsRetriedAfterTheReset(Sandbox sandbox) {
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.HTTP_429).on("POST", "/2/tweets"));
    try (TwitterClient x = client(sandbox)) {
      PublishedPost p = x.publish(Post.builder().text(unique("after a 429")).build());
      assertThat(posts(sandbox, p.id())).isEqualTo(1);
    }
  }

  @Test
  void fault5xxOnCreateIsUnknownAndNotRetried(Sandbox sandbox) {
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.HTTP_5XX).on("POST", "/2/tweets"));
    int before = sandbox.created(Platform.TWITTER, "post").size();
    try (TwitterClient x = client(sandbox)) {
      assertThatThrownBy(() -> x.publish(Post.builder().text(unique("5xx")).build()))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
    assertThat(sandbox.created(Platform.TWITTER, "post")).hasSize(before);
  }

  @Test
  void createdThenResetIsUnknownWithExactlyOnePost(Sandbox sandbox) {
    sandbox.inject(
        Platform.TWITTER, Fault.of(Fault.Kind.CREATED_THEN_RESET).on("POST", "/2/tweets"));
    int before = sandbox.created(Platform.TWITTER, "post").size();
    String text = unique("reset after create");
    try (TwitterClient x = client(sandbox)) {
      Post post = Post.builder().text(text).idempotencyKey("key-reset-1").build();
      assertThatThrownBy(() -> x.publish(post))
          .isInstanceOfSatisfying(
              PublishOutcomeUnknownException.class,
              e -> assertThat(e.idempotencyKey()).contains("key-reset-1"));
    }
    List<Created> after = sandbox.created(Platform.TWITTER, "post");
    assertThat(after).hasSize(before + 1);
    assertThat(after.get(after.size() - 1).body().path("text").asText()).isEqualTo(text);
  }

  @Test
  void expiredTokenIsRefreshedOnceWithRotation(Sandbox sandbox) {
    SandboxCredentials creds = sandbox.credentials(Platform.TWITTER);
    TwitterEmulator emulator = (TwitterEmulator) sandbox.emulator(Platform.TWITTER);
    // a fresh pair, so that expiring it does not disturb the other tests of this sandbox
    io.smo.testkit.spi.TokenRegistry.Grant fresh = emulator.tokens().issue(java.time.Instant.now());
    AccessToken issued =
        AccessToken.builder(fresh.accessToken).refreshToken(fresh.refreshToken).build();
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save("me", issued);
    OAuth2Config config =
        TwitterOAuth.config(
                creds.clientId(),
                creds.clientSecret(),
                URI.create("https://app.example.com/callback"))
            .tokenEndpoint(sandbox.baseUrl(Platform.TWITTER).resolve("2/oauth2/token"))
            .build();
    OkHttpClient http = new OkHttpClient();
    int refreshes = emulator.tokens().issuedCount();
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.EXPIRED_TOKEN).on("POST", "/2/tweets"));
    try (TwitterClient x =
        TwitterClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.TWITTER))
            .tokenProvider(
                TwitterOAuth.create(config, http, Clock.systemUTC()).tokenProvider("me", store))
            .sleeper(d -> {})
            .build()) {
      PublishedPost p = x.publish(Post.builder().text(unique("after refresh")).build());
      assertThat(posts(sandbox, p.id())).isEqualTo(1);
    } finally {
      http.dispatcher().executorService().shutdown();
    }
    assertThat(emulator.tokens().issuedCount())
        .isEqualTo(refreshes + 1); // exactly one refresh grant
    AccessToken saved = store.load("me").orElseThrow();
    assertThat(saved.value()).isNotEqualTo(fresh.accessToken);
    assertThat(saved.refreshToken()).isPresent().get().isNotEqualTo(fresh.refreshToken);
  }

  @Test
  void malformedBodiesGiveTypedExceptions(Sandbox sandbox) {
    try (TwitterClient x = client(sandbox)) {
      PostRef ref = x.publish(Post.builder().text(unique("malformed")).build()).ref();
      sandbox.inject(
          Platform.TWITTER, Fault.of(Fault.Kind.MALFORMED_JSON).on("GET", "/2/tweets/.*").times(5));
      assertThatThrownBy(() -> x.metrics(ref)).isInstanceOf(TransportException.class);
      sandbox.clearFaults();
      sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.TRUNCATED_JSON).on("POST", "/2/tweets"));
      assertThatThrownBy(() -> x.publish(Post.builder().text(unique("cut")).build()))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
  }

  @Test
  void duplicateContentFaultIsTyped(Sandbox sandbox) {
    sandbox.inject(
        Platform.TWITTER, Fault.of(Fault.Kind.DUPLICATE_CONTENT).on("POST", "/2/tweets"));
    try (TwitterClient x = client(sandbox)) {
      assertThatThrownBy(() -> x.publish(Post.builder().text(unique("dup")).build()))
          .isInstanceOf(DuplicateContentException.class);
    }
  }

  @Test
  void exhaustedWindowGivesRateLimitException() {
    try (Sandbox own = Sandbox.builder().strict(true).build();
        TwitterClient x = client(own)) {
      PostRef ref = x.publish(Post.builder().text("rate").build()).ref();
      CommentRef reply = x.comments(ref).toList().get(0).ref();
      long previous = Long.MAX_VALUE;
      for (int i = 0; i < 50; i++) {
        x.moderate(reply, ModerationAction.HIDE);
        long remaining = x.lastRateLimit().orElseThrow().remaining().getAsLong();
        assertThat(remaining).isLessThan(previous);
        previous = remaining;
      }
      assertThat(previous).isZero();
      assertThatThrownBy(() -> x.moderate(reply, ModerationAction.HIDE))
          .isInstanceOfSatisfying(
              RateLimitException.class, e -> assertThat(e.retryAfter()).isPositive());
      // the emulator itself answers 429 with X's headers once the window is used up
      OkHttpClient http = new OkHttpClient();
      okhttp3.Request raw =
          new okhttp3.Request.Builder()
              .url(
                  own.baseUrl(Platform.TWITTER)
                      .resolve("2/tweets/" + reply.id() + "/hidden")
                      .toString())
              .header("Authorization", "Bearer " + own.credentials(Platform.TWITTER).accessToken())
              .put(
                  okhttp3.RequestBody.create(
                      "{\"hidden\":true}", okhttp3.MediaType.get("application/json")))
              .build();
      try (okhttp3.Response r = http.newCall(raw).execute()) {
        assertThat(r.code()).isEqualTo(429);
        assertThat(r.header("x-rate-limit-remaining")).isEqualTo("0");
        assertThat(r.header("x-rate-limit-reset")).isNotBlank();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } finally {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
      assertThat(own.strictViolations()).isEmpty();
    }
  }

  @Test
  void authorizationCodeExchangeAgainstTheSandbox(Sandbox sandbox) {
    SandboxCredentials creds = sandbox.credentials(Platform.TWITTER);
    OAuth2Config config =
        TwitterOAuth.config(
                creds.clientId(),
                creds.clientSecret(),
                URI.create("https://app.example.com/callback"))
            .tokenEndpoint(sandbox.baseUrl(Platform.TWITTER).resolve("2/oauth2/token"))
            .build();
    OkHttpClient http = new OkHttpClient();
    try {
      TwitterOAuth flow = TwitterOAuth.create(config, http, Clock.systemUTC());
      io.smo.core.auth.AuthorizationRequest req = flow.authorizationRequest();
      assertThat(req.url().toString())
          .startsWith("https://x.com/i/oauth2/authorize")
          .contains("code_challenge_method=S256")
          .contains("offline.access");
      AccessToken token = flow.exchange("code-from-redirect", req.codeVerifier().orElseThrow());
      assertThat(token.refreshToken()).isPresent();
      assertThat(token.expiresAt()).isPresent();
      try (TwitterClient x =
          TwitterClient.builder()
              .baseUrl(sandbox.baseUrl(Platform.TWITTER))
              .accessToken(token.value())
              .sleeper(d -> {})
              .build()) {
        assertThat(x.publish(Post.builder().text(unique("with a fresh token")).build()).id())
            .isNotBlank();
      }
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void strictModeRejectsRequestsThatBreakTheSpec() throws Exception {
    // strict mode validates against the official spec in ../shared; without it nothing is checked
    io.smo.testkit.SharedFixtures.require("specs/x-api-v2-openapi.json");
    try (Sandbox own = Sandbox.builder().strict(true).build()) {
      OkHttpClient http = new OkHttpClient();
      okhttp3.Request bad =
          new okhttp3.Request.Builder()
              .url(own.baseUrl(Platform.TWITTER).resolve("2/tweets").toString())
              .header("Authorization", "Bearer " + own.credentials(Platform.TWITTER).accessToken())
              .post(
                  okhttp3.RequestBody.create(
                      "{\"text\":\"hi\",\"reply_settings\":\"nobody\"}",
                      okhttp3.MediaType.get("application/json")))
              .build();
      try (okhttp3.Response r = http.newCall(bad).execute()) {
        assertThat(r.code()).isEqualTo(400);
      } finally {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
      assertThat(own.strictViolations()).singleElement().asString().contains("reply_settings");
      assertThat(own.created(Platform.TWITTER)).isEmpty();
    }
  }

  @Test
  void connectionResetIsRetriedOnReadsAndUnknownOnCreates(Sandbox sandbox) {
    try (TwitterClient x = client(sandbox)) {
      PostRef ref = x.publish(Post.builder().text(unique("reset")).build()).ref();
      sandbox.inject(
          Platform.TWITTER, Fault.of(Fault.Kind.CONNECTION_RESET).on("GET", "/2/tweets/.*"));
      assertThat(x.metrics(ref).likes()).isPresent();
      int before = sandbox.created(Platform.TWITTER, "post").size();
      sandbox.inject(
          Platform.TWITTER, Fault.of(Fault.Kind.CONNECTION_RESET).on("POST", "/2/tweets"));
      assertThatThrownBy(() -> x.publish(Post.builder().text(unique("lost")).build()))
          .isInstanceOf(PublishOutcomeUnknownException.class);
      assertThat(sandbox.created(Platform.TWITTER, "post")).hasSize(before);
    }
  }

  @Test
  void slowAnswerTimesOutAndTheReadIsRetried(Sandbox sandbox) {
    try (TwitterClient x =
        TwitterClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.TWITTER))
            .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
            .sleeper(d -> {})
            .httpSettings(h -> h.readTimeout(java.time.Duration.ofMillis(300)))
            .build()) {
      PostRef ref = x.publish(Post.builder().text(unique("slow")).build()).ref();
      sandbox.inject(
          Platform.TWITTER,
          Fault.of(Fault.Kind.DELAY)
              .on("GET", "/2/tweets/.*")
              .delay(java.time.Duration.ofMillis(1500)));
      assertThat(x.metrics(ref).impressions()).isPresent();
    }
  }
}
