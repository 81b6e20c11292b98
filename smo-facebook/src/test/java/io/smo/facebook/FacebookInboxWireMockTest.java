package io.smo.facebook;

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

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.CommentRef;
import io.smo.core.Feature;
import io.smo.core.Platform;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.MessagingWindowClosedException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.Attachment;
import io.smo.core.inbox.AttachmentType;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messenger conversations, sends, private replies and tagged posts against recorded Graph shapes.
 */
@WireMockTest
class FacebookInboxWireMockTest {
  static final String PAGE = "111";
  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  /**
   * A conversation as {@code /conversations} returns it with nested messages: the shape of the
   * Conversations API reference (ids {@code t_…}, {@code m_…}, Graph times with {@code +0000}),
   * plus the odd but legal cases: a message the API no longer details, a message without sender, an
   * attachment of a type we do not know.
   */
  static final String CONVERSATIONS =
      "{\"data\":[{\"id\":\"t_100\",\"updated_time\":\"2026-12-04T11:00:00+0000\","
          + "\"participants\":{\"data\":[{\"name\":\"Ann Lee\",\"email\":\"9001@facebook.com\",\"id\":\"9001\"},"
          + "{\"name\":\"Sandbox Page\",\"email\":\"111@facebook.com\",\"id\":\"111\"}]},"
          + "\"messages\":{\"data\":["
          + "{\"id\":\"m_3\",\"created_time\":\"2026-12-04T11:00:00+0000\",\"from\":{\"name\":\"Ann Lee\",\"id\":\"9001\"},"
          + "\"to\":{\"data\":[{\"name\":\"Sandbox Page\",\"id\":\"111\"}]},\"message\":\"Is it in stock?\"},"
          + "{\"id\":\"m_2\",\"created_time\":\"2026-12-04T10:30:00+0000\",\"from\":{\"name\":\"Sandbox Page\",\"id\":\"111\"},"
          + "\"to\":{\"data\":[{\"name\":\"Ann Lee\",\"id\":\"9001\"}]},\"message\":\"Hello Ann\"},"
          + "{\"id\":\"m_1\",\"created_time\":\"2026-12-04T10:00:00+0000\",\"from\":{\"name\":\"Ann Lee\",\"id\":\"9001\"},"
          + "\"to\":{\"data\":[{\"id\":\"111\"}]},\"message\":\"\",\"attachments\":{\"data\":[{\"id\":\"a1\","
          + "\"mime_type\":\"image/jpeg\",\"name\":\"photo.jpg\",\"image_data\":{\"width\":64,\"height\":48,"
          + "\"url\":\"https://scontent.xx.fbcdn.net/a1.jpg\"}},{\"id\":\"a2\",\"name\":\"thing\"}]}},"
          + "{\"id\":\"m_0\",\"error\":{\"message\":\"This message has been deleted\",\"code\":100}},"
          + "{\"id\":\"m_00\",\"created_time\":\"2026-12-03T09:00:00+0000\",\"message\":\"who am i\"}"
          + "],\"paging\":{\"cursors\":{\"after\":\"QVFI\"},\"next\":\"https://graph.facebook.com/v26.0/t_100/messages?after=QVFI\"}}}],"
          + "\"paging\":{\"cursors\":{\"before\":\"QVFIa\",\"after\":\"QVFIb\"}}}";

  private FacebookClient client(WireMockRuntimeInfo wm) {
    return FacebookClient.builder()
        .accountId(PAGE)
        .accessToken("page-token")
        .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
        .sleeper(d -> {})
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder graphError(
      int code, Integer sub, String message) {
    return aResponse()
        .withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"error\":{\"message\":\""
                + message
                + "\",\"type\":\"OAuthException\",\"code\":"
                + code
                + (sub != null ? ",\"error_subcode\":" + sub : "")
                + ",\"fbtrace_id\":\"AbC\"}}");
  }

  @Test
  void capabilitiesDeclareMessagesMentionsAndPrivateReplies() {
    assertThat(FacebookCapabilities.get().features())
        .contains(
            Feature.CONVERSATIONS,
            Feature.SEND_MESSAGES,
            Feature.PRIVATE_REPLIES,
            Feature.MENTIONS,
            Feature.HUMAN_AGENT_TAG)
        .doesNotContain(Feature.COMMENT_STREAM);
  }

  @Test
  void conversationsMapTheRecentMessagesAndSayWhatTheyDropped(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111/conversations")).willReturn(okJson(CONVERSATIONS)));
    try (FacebookClient fb = client(wm)) {
      assertThat(fb.inboxKinds())
          .containsExactlyInAnyOrder(InboxItemKind.MESSAGE, InboxItemKind.MENTION);
      List<Conversation> all = fb.conversations().stream().toList();
      assertThat(all).hasSize(1);
      Conversation c = all.get(0);
      assertThat(c.account()).isEqualTo("111"); // #18: the account key is the Page id
      assertThat(c.participants()).extracting(Conversation.Participant::id).containsExactly("9001");
      assertThat(c.truncated()).isTrue();
      assertThat(c.lastInboundAt()).hasValue(Instant.parse("2026-12-04T11:00:00Z"));
      assertThat(c.messages())
          .extracting(Message::platformId)
          .containsExactly("m_3", "m_2", "m_1", "m_0", "m_00");
      Message newest = c.messages().get(0);
      assertThat(newest.direction()).isEqualTo(Direction.INBOUND);
      assertThat(newest.answered()).isFalse();
      assertThat(newest.authorName()).hasValue("Ann Lee");
      assertThat(newest.ref().toString()).isEqualTo("facebook:111:message:t_100:m_3");
      assertThat(c.messages().get(1).direction()).isEqualTo(Direction.OUTBOUND);
      Message photo = c.messages().get(2);
      assertThat(photo.answered()).isTrue();
      assertThat(photo.attachments())
          .extracting(Attachment::type)
          .containsExactly(AttachmentType.IMAGE, AttachmentType.UNKNOWN);
      assertThat(photo.attachments().get(0).url())
          .hasValue(URI.create("https://scontent.xx.fbcdn.net/a1.jpg"));
      assertThat(photo.dropped()).anyMatch(d -> d.contains("unknown type"));
      Message anonymous = c.messages().get(4);
      assertThat(anonymous.authorId()).isEmpty();
      assertThat(anonymous.dropped()).anyMatch(d -> d.contains("no sender"));
      Message deleted = c.messages().get(3);
      assertThat(deleted.deleted()).isTrue();
      assertThat(deleted.createdAt()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
      assertThat(deleted.dropped()).anyMatch(d -> d.contains("20 most recent"));
    }
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlPathEqualTo("/v26.0/111/conversations"))
                .withQueryParam("platform", equalTo("messenger"))
                .withQueryParam(
                    "fields",
                    containing("messages.limit(20){id,created_time,from,to,message,attachments}")));
  }

  @Test
  void itemsOfKindMessageAreTheConversationsMessagesNewestFirstSinceACutOff(
      WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111/conversations")).willReturn(okJson(CONVERSATIONS)));
    try (FacebookClient fb = client(wm)) {
      List<String> ids = new java.util.ArrayList<>();
      fb.items(InboxItemKind.MESSAGE, Instant.parse("2026-12-04T10:15:00Z"))
          .forEach(i -> ids.add(i.platformId()));
      assertThat(ids).containsExactly("m_3", "m_2");
    }
  }

  @Test
  void sendIsAResponseInsideTheWindowAndHumanAgentWhenAsked(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/messages"))
                .willReturn(okJson("{\"recipient_id\":\"9001\",\"message_id\":\"m_new\"}")));
    try (FacebookClient fb = client(wm)) {
      Message m =
          fb.send(
              MessageRecipient.of("t_100", "9001").lastInboundAt(NOW.minusSeconds(3600)),
              OutgoingMessage.text("Yes, it is"));
      assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(m.platformId()).isEqualTo("m_new");
      assertThat(m.threadId()).isEqualTo("t_100");
      fb.send(
          MessageRecipient.user("9001").lastInboundAt(NOW.minusSeconds(3 * 86_400)),
          OutgoingMessage.builder().text("A person here").tag(OutgoingMessage.HUMAN_AGENT).build());
      fb.send(
          MessageRecipient.user("9001"),
          OutgoingMessage.builder()
              .attachment(
                  Attachment.of(AttachmentType.IMAGE, URI.create("https://cdn.example.com/p.png")))
              .build());
    }
    wm.getWireMock()
        .verifyThat(
            1,
            postRequestedFor(urlPathEqualTo("/v26.0/111/messages"))
                .withRequestBody(containing("messaging_type=RESPONSE"))
                .withRequestBody(containing("recipient=%7B%22id%22%3A%229001%22%7D"))
                .withRequestBody(containing("Yes%2C%20it%20is")));
    wm.getWireMock()
        .verifyThat(
            1,
            postRequestedFor(urlPathEqualTo("/v26.0/111/messages"))
                .withRequestBody(containing("messaging_type=MESSAGE_TAG"))
                .withRequestBody(containing("tag=HUMAN_AGENT")));
    wm.getWireMock()
        .verifyThat(
            1,
            postRequestedFor(urlPathEqualTo("/v26.0/111/messages"))
                .withRequestBody(containing("%22attachment%22%3A%7B%22type%22%3A%22image%22")));
  }

  @Test
  void badMessagesAndClosedWindowsAreRefusedBeforeAnyCall(WireMockRuntimeInfo wm) {
    try (FacebookClient fb = client(wm)) {
      MessageRecipient ann = MessageRecipient.user("9001");
      assertThatThrownBy(() -> fb.send(ann, OutgoingMessage.text(" ")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(io.smo.core.Violation::rule)
                      .containsExactly("not-empty"));
      assertThatThrownBy(() -> fb.send(ann, OutgoingMessage.text("x".repeat(2001))))
          .hasMessageContaining("max-length");
      assertThatThrownBy(
              () ->
                  fb.send(ann, OutgoingMessage.builder().text("hi").tag("ACCOUNT_UPDATE").build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("retired on 2026-04-27");
      assertThatThrownBy(
              () -> fb.send(ann, OutgoingMessage.builder().text("hi").tag("SHIPPING").build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("unknown message tag");
      assertThatThrownBy(
              () ->
                  fb.send(
                      ann,
                      OutgoingMessage.builder()
                          .attachment(
                              Attachment.of(
                                  AttachmentType.STICKER, URI.create("https://x.example/s.png")))
                          .build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("attachment-type");
      assertThatThrownBy(
              () ->
                  fb.send(
                      ann,
                      OutgoingMessage.builder()
                          .attachment(
                              Attachment.of(
                                  AttachmentType.IMAGE, URI.create("http://x.example/s.png")))
                          .build()))
          .hasMessageContaining("https-url");
      Instant lastInbound = NOW.minusSeconds(25 * 3600);
      assertThatThrownBy(
              () -> fb.send(ann.lastInboundAt(lastInbound), OutgoingMessage.text("late")))
          .isInstanceOfSatisfying(
              MessagingWindowClosedException.class,
              e -> {
                assertThat(e.offline()).isTrue();
                assertThat(e.retryable()).isFalse();
                assertThat(e.closedSince()).hasValue(lastInbound.plusSeconds(86_400));
                assertThat(e.getMessage()).contains("24-hour standard messaging window");
              });
      Instant eightDays = NOW.minusSeconds(8 * 86_400);
      assertThatThrownBy(
              () ->
                  fb.send(
                      ann.lastInboundAt(eightDays),
                      OutgoingMessage.builder()
                          .text("late")
                          .tag(OutgoingMessage.HUMAN_AGENT)
                          .build()))
          .isInstanceOfSatisfying(
              MessagingWindowClosedException.class,
              e -> assertThat(e.window().name()).contains("HUMAN_AGENT"));
      assertThatThrownBy(
              () ->
                  fb.privateReply(
                      CommentRef.of(Platform.FACEBOOK, "111_5_7"),
                      eightDays,
                      OutgoingMessage.text("hi")))
          .isInstanceOf(MessagingWindowClosedException.class);
      assertThatThrownBy(
              () ->
                  fb.privateReply(
                      CommentRef.of(Platform.FACEBOOK, "111_5_7"),
                      null,
                      OutgoingMessage.builder()
                          .text("hi")
                          .tag(OutgoingMessage.HUMAN_AGENT)
                          .build()))
          .hasMessageContaining("no-tags");
      Message other =
          Message.builder(Platform.FACEBOOK, "222", "t_1", "m_1").createdAt(NOW).build();
      assertThatThrownBy(() -> fb.answer(other, "hi"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("not to this client's account 111");
    }
    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void everyWindowClosedCodeMetaUsesIsOneNonRetryableException(WireMockRuntimeInfo wm) {
    int[][] codes = {{551, 1545041}, {10, 2018278}, {10, 2534022}, {551, -1}};
    try (FacebookClient fb = client(wm)) {
      for (int[] c : codes) {
        wm.getWireMock()
            .register(
                post(urlPathEqualTo("/v26.0/111/messages"))
                    .willReturn(
                        graphError(
                            c[0],
                            c[1] < 0 ? null : c[1],
                            c[0] == 551
                                ? "This person isn't available right now."
                                : "(#10) This message is sent outside of allowed window.")));
        assertThatThrownBy(() -> fb.send(MessageRecipient.user("9001"), OutgoingMessage.text("hi")))
            .isInstanceOfSatisfying(
                MessagingWindowClosedException.class,
                e -> {
                  assertThat(e.offline()).isFalse();
                  assertThat(e.retryable()).isFalse();
                  assertThat(e.details().orElseThrow().errorCode()).hasValue(String.valueOf(c[0]));
                  assertThat(e.openedAt()).isEmpty();
                });
      }
    }
    assertThat(wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/v26.0/111/messages"))))
        .hasSize(4);
  }

  @Test
  void aRetiredTagAnsweredByMetaIsAnInvalidRequestAndThrottlingIsARateLimit(
      WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/messages"))
                .willReturn(
                    graphError(100, null, "(#100) Param tag must be one of {HUMAN_AGENT}")));
    try (FacebookClient fb = client(wm)) {
      assertThatThrownBy(
              () ->
                  fb.send(
                      MessageRecipient.user("9001"),
                      OutgoingMessage.builder().text("x").tag(OutgoingMessage.HUMAN_AGENT).build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("code=100");
      wm.getWireMock()
          .register(
              get(urlPathEqualTo("/v26.0/111/conversations"))
                  .willReturn(
                      graphError(
                          613, null, "(#613) Calls to this api have exceeded the rate limit.")));
      assertThatThrownBy(() -> fb.conversations().firstPage())
          .isInstanceOf(RateLimitException.class);
    }
  }

  @Test
  void aLostSendAnswerIsUnknownAndNeverRetried(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/messages"))
                .willReturn(
                    aResponse()
                        .withStatus(500)
                        .withBody("{\"error\":{\"message\":\"An unknown error\",\"code\":1}}")));
    try (FacebookClient fb = client(wm)) {
      assertThatThrownBy(() -> fb.send(MessageRecipient.user("9001"), OutgoingMessage.text("once")))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
    assertThat(wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/v26.0/111/messages"))))
        .hasSize(1);
  }

  @Test
  void aSendToAConversationReadsItsParticipantFirst(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/t_100"))
                .willReturn(
                    okJson(
                        "{\"participants\":{\"data\":[{\"id\":\"111\"},{\"id\":\"9001\",\"name\":\"Ann\"}]},\"id\":\"t_100\"}")));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/messages"))
                .willReturn(okJson("{\"recipient_id\":\"9001\",\"message_id\":\"m_9\"}")));
    try (FacebookClient fb = client(wm)) {
      assertThat(
              fb.send(MessageRecipient.conversation("t_100"), OutgoingMessage.text("hi"))
                  .recipientId())
          .hasValue("9001");
    }
  }

  @Test
  void privateReplyGoesToTheCommentOnceOnly(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/messages"))
                .willReturn(okJson("{\"recipient_id\":\"9001\",\"message_id\":\"m_pr\"}")));
    try (FacebookClient fb = client(wm)) {
      CommentRef c = CommentRef.of(Platform.FACEBOOK, "111_5_7");
      Message m =
          fb.privateReply(
              c, NOW.minusSeconds(86_400), OutgoingMessage.text("Sent you the details"));
      assertThat(m.platformId()).isEqualTo("m_pr");
      assertThatThrownBy(
              () -> fb.privateReply(c, NOW.minusSeconds(86_400), OutgoingMessage.text("again")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(io.smo.core.Violation::rule)
                      .containsExactly("private-reply-once"));
    }
    wm.getWireMock()
        .verifyThat(
            1,
            postRequestedFor(urlPathEqualTo("/v26.0/111/messages"))
                .withRequestBody(containing("recipient=%7B%22comment_id%22%3A%22111_5_7%22%7D")));
  }

  @Test
  void aPrivateReplyRefusedByMetaAsOutsideTheWindowNamesThePrivateReplyWindow(
      WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/messages"))
                .willReturn(
                    graphError(
                        10, 2018278, "(#10) This message is sent outside of allowed window.")));
    try (FacebookClient fb = client(wm)) {
      assertThatThrownBy(
              () ->
                  fb.privateReply(
                      CommentRef.of(Platform.FACEBOOK, "111_9"), null, OutgoingMessage.text("hi")))
          .isInstanceOfSatisfying(
              MessagingWindowClosedException.class,
              e -> assertThat(e.window().name()).contains("private reply"));
    }
  }

  @Test
  void taggedPostsAreMentionsAnsweredWithAComment(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111/tagged"))
                .willReturn(
                    okJson(
                        "{\"data\":[{\"id\":\"555_1\",\"message\":\"Great service from @Sandbox Page\",\"from\":{\"name\":\"Bo\","
                            + "\"id\":\"555\"},\"created_time\":\"2026-12-04T09:00:00+0000\",\"permalink_url\":"
                            + "\"https://www.facebook.com/555/posts/1\"},{\"id\":\"556_2\",\"created_time\":\"2026-12-03T09:00:00+0000\"}],"
                            + "\"paging\":{\"cursors\":{\"after\":\"x\"}}}")));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/555_1/comments"))
                .willReturn(okJson("{\"id\":\"555_1_77\"}")));
    try (FacebookClient fb = client(wm)) {
      List<Mention> ms = fb.mentions().stream().toList();
      assertThat(ms).extracting(Mention::platformId).containsExactly("555_1", "556_2");
      assertThat(ms.get(0).authorName()).hasValue("Bo");
      assertThat(ms.get(0).permalink()).isPresent();
      assertThat(ms.get(1).dropped()).anyMatch(d -> d.contains("no author"));
      var answer = fb.answer(ms.get(0), "Thank you!");
      assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(answer.platformId()).isEqualTo("555_1_77");
    }
  }
}
