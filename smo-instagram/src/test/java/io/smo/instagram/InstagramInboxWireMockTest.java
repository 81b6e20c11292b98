package io.smo.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.event.SmoListener;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.MessagingWindowClosedException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox and the upload-event path against recorded-shape answers on WireMock. */
class InstagramInboxWireMockTest {
  private static final String IG = "17841400000000001";
  private static final String V = "/v26.0/";

  private WireMockServer wm;
  private InstagramClient client;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    client =
        InstagramClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accountId(IG)
            .accessToken("tok")
            .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(1).build())
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
        + ",\"fbtrace_id\":\"AbC\"}}";
  }

  private void sendAnswers(int status, String body) {
    wm.stubFor(
        post(urlPathEqualTo(V + IG + "/messages"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @Test
  void everyWindowClosedCodeBecomesOneException() {
    int[][] codes = {{551, -1}, {100, 1545041}, {10, 2018278}, {10, 2534022}};
    for (int[] c : codes) {
      wm.resetAll();
      sendAnswers(400, error(c[0], c[1] < 0 ? null : c[1], "outside of allowed window"));
      assertThatThrownBy(
              () -> client.send(MessageRecipient.user("530001"), OutgoingMessage.text("hi")))
          .as(c[0] + "/" + c[1])
          .isInstanceOfSatisfying(
              MessagingWindowClosedException.class, e -> assertThat(e.retryable()).isFalse());
      wm.verify(1, postRequestedFor(urlPathEqualTo(V + IG + "/messages")));
    }
  }

  @Test
  void closedWindowKnownOfflineSendsNothing() {
    assertThatThrownBy(
            () ->
                client.send(
                    MessageRecipient.user("530001")
                        .lastInboundAt(Instant.now().minus(Duration.ofHours(25))),
                    OutgoingMessage.text("hi")))
        .isInstanceOf(MessagingWindowClosedException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void sendFormAndHumanAgentTag() {
    sendAnswers(200, "{\"recipient_id\":\"530001\",\"message_id\":\"aWdfZAG1\"}");
    assertThat(
            client.send(MessageRecipient.user("530001"), OutgoingMessage.text("hi")).platformId())
        .isEqualTo("aWdfZAG1");
    wm.verify(
        postRequestedFor(urlPathEqualTo(V + IG + "/messages"))
            .withRequestBody(containing("messaging_type=RESPONSE"))
            .withRequestBody(containing("recipient=%7B%22id%22%3A%22530001%22%7D"))
            .withHeader("Authorization", equalTo("Bearer tok")));
    client.send(
        MessageRecipient.user("530001").lastInboundAt(Instant.now().minus(Duration.ofDays(3))),
        OutgoingMessage.builder().text("a person").tag(OutgoingMessage.HUMAN_AGENT).build());
    wm.verify(
        postRequestedFor(urlPathEqualTo(V + IG + "/messages"))
            .withRequestBody(containing("messaging_type=MESSAGE_TAG"))
            .withRequestBody(containing("tag=HUMAN_AGENT")));
  }

  @Test
  void lostSendAnswerIsUnknownNeverRetried() {
    sendAnswers(500, error(1, null, "An unknown error occurred"));
    InstagramClient retrying =
        InstagramClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accountId(IG)
            .accessToken("tok")
            .sleeper(d -> {})
            .build();
    assertThatThrownBy(
            () -> retrying.send(MessageRecipient.user("530001"), OutgoingMessage.text("hi")))
        .isInstanceOf(PublishOutcomeUnknownException.class);
    wm.verify(1, postRequestedFor(urlPathEqualTo(V + IG + "/messages")));
    retrying.close();
  }

  @Test
  void retiredTagAnswerAndRateLimit() {
    sendAnswers(400, error(100, null, "(#100) Param tag must be one of {HUMAN_AGENT}"));
    assertThatThrownBy(
            () -> client.send(MessageRecipient.user("530001"), OutgoingMessage.text("hi")))
        .isInstanceOf(InvalidRequestException.class);
    wm.resetAll();
    sendAnswers(400, error(613, null, "(#613) Calls to this api have exceeded the rate limit."));
    assertThatThrownBy(
            () -> client.send(MessageRecipient.user("530001"), OutgoingMessage.text("hi")))
        .isInstanceOf(RateLimitException.class);
  }

  @Test
  void privateReplyGoesByCommentIdOnce() {
    sendAnswers(200, "{\"recipient_id\":\"530009\",\"message_id\":\"m1\"}");
    CommentRef c = CommentRef.of(Platform.INSTAGRAM, "17890000000000001");
    client.privateReply(c, Instant.now().minus(Duration.ofDays(1)), OutgoingMessage.text("thanks"));
    wm.verify(
        postRequestedFor(urlPathEqualTo(V + IG + "/messages"))
            .withRequestBody(
                containing("recipient=%7B%22comment_id%22%3A%2217890000000000001%22%7D")));
    assertThatThrownBy(() -> client.privateReply(c, null, OutgoingMessage.text("again")))
        .isInstanceOf(ValidationException.class);
    wm.verify(1, postRequestedFor(urlPathEqualTo(V + IG + "/messages")));
  }

  @Test
  void conversationsFollowTheNextUrlAndFacebookLoginUsesThePage() {
    String page1 =
        "{\"data\":[{\"id\":\"t_1\",\"updated_time\":\"2026-12-04T10:00:00+0000\","
            + "\"participants\":{\"data\":[{\"username\":\"ann\",\"id\":\"530001\"},{\"username\":\"brand\",\"id\":\""
            + IG
            + "\"}]},"
            + "\"messages\":{\"data\":[{\"id\":\"m_1\",\"created_time\":\"2026-12-04T10:00:00+0000\","
            + "\"from\":{\"username\":\"ann\",\"id\":\"530001\"},\"message\":\"hi\"}]}}],"
            + "\"paging\":{\"cursors\":{\"after\":\"QQ\"},\"next\":\"https://graph.instagram.com/v26.0/"
            + IG
            + "/conversations?platform=instagram&after=QQ\"}}";
    String page2 =
        "{\"data\":[{\"id\":\"t_2\",\"updated_time\":\"2026-12-03T10:00:00+0000\","
            + "\"messages\":{\"data\":[{\"id\":\"m_2\",\"from\":{\"id\":\""
            + IG
            + "\"},\"message\":\"old\"}]}}]}";
    wm.stubFor(
        get(urlPathEqualTo(V + IG + "/conversations"))
            .withQueryParam("after", equalTo("QQ"))
            .willReturn(okJson(page2)));
    wm.stubFor(
        get(urlPathEqualTo(V + IG + "/conversations"))
            .withQueryParam("platform", equalTo("instagram"))
            .atPriority(10)
            .willReturn(okJson(page1)));
    List<Conversation> all = client.conversations().stream().toList();
    assertThat(all).extracting(Conversation::id).containsExactly("t_1", "t_2");
    assertThat(all.get(0).participants())
        .extracting(Conversation.Participant::id)
        .containsExactly("530001");
    assertThat(all.get(1).messages().get(0).dropped()).isNotEmpty(); // no created_time

    InstagramClient fb =
        InstagramClient.builder()
            .flavor(ApiFlavor.FACEBOOK_LOGIN)
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accountId(IG)
            .facebookPageId("page1")
            .accessToken("page-token")
            .build();
    wm.stubFor(get(urlPathEqualTo(V + "page1/conversations")).willReturn(okJson("{\"data\":[]}")));
    assertThat(fb.conversations().stream().toList()).isEmpty();
    wm.verify(
        getRequestedFor(urlPathEqualTo(V + "page1/conversations"))
            .withQueryParam("platform", equalTo("instagram")));
    fb.close();
  }

  @Test
  void mentionsMapOddShapesAndSayWhatTheyDropped() {
    wm.stubFor(
        get(urlPathEqualTo(V + IG + "/tags"))
            .willReturn(
                okJson(
                    "{\"data\":["
                        + "{\"id\":\"m9\",\"caption\":\"hey @brand\",\"username\":\"fan\",\"timestamp\":\"2026-12-01T08:00:00+0000\","
                        + "\"permalink\":\"https://www.instagram.com/p/X/\"},{\"id\":\"m8\"},{\"caption\":\"no id\"}]}")));
    List<Mention> m = client.mentions().stream().toList();
    assertThat(m).extracting(Mention::platformId).containsExactly("m9", "m8");
    assertThat(m.get(0).authorName()).hasValue("fan");
    assertThat(m.get(0).createdAt()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(m.get(1).dropped()).hasSize(2);
  }

  @Test
  void containerStatesAreUploadEventsForBothListeners() {
    List<UploadProgress> viaUpload = new CopyOnWriteArrayList<>();
    List<UploadProgress> viaSmo = new CopyOnWriteArrayList<>();
    InstagramClient c =
        InstagramClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accountId(IG)
            .accessToken("tok")
            .sleeper(d -> {})
            .uploadListener(viaUpload::add)
            .listener(
                new SmoListener() {
                  @Override
                  public void onUpload(UploadProgress progress) {
                    viaSmo.add(progress);
                  }
                })
            .build();
    wm.stubFor(
        get(urlPathEqualTo(V + IG + "/content_publishing_limit"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"quota_usage\":0,\"config\":{\"quota_total\":50,\"quota_duration\":86400}}]}")));
    wm.stubFor(post(urlPathEqualTo(V + IG + "/media")).willReturn(okJson("{\"id\":\"c1\"}")));
    wm.stubFor(
        get(urlPathEqualTo(V + "c1"))
            .inScenario("s")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(okJson("{\"id\":\"c1\",\"status_code\":\"IN_PROGRESS\"}"))
            .willSetStateTo("done"));
    wm.stubFor(
        get(urlPathEqualTo(V + "c1"))
            .inScenario("s")
            .whenScenarioStateIs("done")
            .willReturn(okJson("{\"id\":\"c1\",\"status_code\":\"FINISHED\"}")));
    wm.stubFor(
        post(urlPathEqualTo(V + IG + "/media_publish")).willReturn(okJson("{\"id\":\"m1\"}")));
    wm.stubFor(get(urlPathEqualTo(V + "m1")).willReturn(okJson("{\"id\":\"m1\"}")));
    c.publish(
        io.smo.core.Post.builder()
            .text("x")
            .addMedia(
                io.smo.core.Media.fromUrl(
                    URI.create("https://cdn.example.com/a.jpg"), io.smo.core.MediaKind.IMAGE))
            .build());
    c.close();
    assertThat(viaUpload)
        .extracting(UploadProgress::state)
        .containsExactly(UploadState.PROCESSING, UploadState.READY);
    assertThat(viaUpload.get(0).platformState()).hasValue("IN_PROGRESS");
    assertThat(viaUpload.get(0).mediaName()).isEqualTo("c1");
    assertThat(viaSmo)
        .extracting(UploadProgress::state)
        .containsExactly(UploadState.PROCESSING, UploadState.READY);
  }

  @Test
  void closeReleasesTheHttpClientItCreated() throws Exception {
    InstagramClient withProof =
        InstagramClient.builder()
            .flavor(ApiFlavor.FACEBOOK_LOGIN)
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accountId(IG)
            .accessToken("tok")
            .appSecret("s3cr3t")
            .build();
    wm.stubFor(
        get(urlPathEqualTo(V + IG + "/content_publishing_limit"))
            .willReturn(okJson("{\"data\":[]}")));
    withProof.publishingQuota();
    wm.verify(
        getRequestedFor(urlPathEqualTo(V + IG + "/content_publishing_limit"))
            .withQueryParam(
                "appsecret_proof",
                com.github.tomakehurst.wiremock.client.WireMock.matching("[0-9a-f]{64}")));
    java.lang.reflect.Field f =
        io.smo.instagram.internal.DefaultInstagramClient.class.getDeclaredField("settings");
    f.setAccessible(true);
    okhttp3.OkHttpClient owned =
        ((io.smo.instagram.internal.DefaultInstagramClient.Settings) f.get(withProof)).ownedHttp();
    assertThat(owned).isNotNull();
    withProof.close();
    assertThat(owned.dispatcher().executorService().isShutdown()).isTrue();
  }
}
