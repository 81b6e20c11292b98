package io.smo.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import io.smo.core.Platform;
import io.smo.core.Violation;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.Attachment;
import io.smo.core.inbox.AttachmentType;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * X DMs (v2 dm_events) and the mentions timeline against the shapes of the X API v2 description.
 */
@WireMockTest
class TwitterInboxWireMockTest {
  static final String ME = "1512210732774948865";
  static final String ANN = "1578900353814519810";
  static final String CONV = ME + "-" + ANN;

  /**
   * A page of {@code GET /2/dm_events}: the DmEvent shape of the OpenAPI description, newest first.
   */
  static final String EVENTS =
      "{\"data\":["
          + "{\"id\":\"1582838223937400840\",\"text\":\"Any news?\",\"event_type\":\"MessageCreate\","
          + "\"dm_conversation_id\":\""
          + CONV
          + "\",\"created_at\":\"2026-12-04T11:00:00.000Z\",\"sender_id\":\""
          + ANN
          + "\"},"
          + "{\"id\":\"1582838223937400839\",\"text\":\"We are on it\",\"event_type\":\"MessageCreate\","
          + "\"dm_conversation_id\":\""
          + CONV
          + "\",\"created_at\":\"2026-12-04T10:00:00.000Z\",\"sender_id\":\""
          + ME
          + "\"},"
          + "{\"id\":\"1582838223937400838\",\"event_type\":\"ParticipantsJoin\",\"dm_conversation_id\":\"g1\","
          + "\"created_at\":\"2026-12-04T09:30:00.000Z\",\"participant_ids\":[\"7\"]},"
          + "{\"id\":\"1582838223937400836\",\"text\":\"Look at this\",\"event_type\":\"MessageCreate\","
          + "\"dm_conversation_id\":\""
          + CONV
          + "\",\"created_at\":\"2026-12-04T09:00:00.000Z\",\"sender_id\":\""
          + ANN
          + "\","
          + "\"attachments\":{\"media_keys\":[\"3_1582838213455212544\",\"9_1\"]}}],"
          + "\"includes\":{\"users\":[{\"id\":\""
          + ANN
          + "\",\"name\":\"Ann\",\"username\":\"ann_dev\"}],"
          + "\"media\":[{\"media_key\":\"3_1582838213455212544\",\"type\":\"photo\",\"url\":\"https://pbs.twimg.com/media/a.jpg\"}]},"
          + "\"meta\":{\"result_count\":4,\"next_token\":\"18LAA581J5II7LA00C00ZZZZ\"}}";

  private TwitterClient client(WireMockRuntimeInfo wm, String userId) {
    TwitterClient.Builder b =
        TwitterClient.builder()
            .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
            .accessToken("tok")
            .sleeper(d -> {});
    if (userId != null) {
      b.accountId(userId);
    }
    return b.build();
  }

  @Test
  void dmEventsMapToMessagesWithDirectionAnswersAndAttachments(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/2/users/me"))
                .willReturn(
                    okJson(
                        "{\"data\":{\"id\":\""
                            + ME
                            + "\",\"name\":\"Brand\",\"username\":\"brand\"}}")));
    wm.getWireMock().register(get(urlPathEqualTo("/2/dm_events")).willReturn(okJson(EVENTS)));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/2/dm_events"))
                .withQueryParam("pagination_token", equalTo("18LAA581J5II7LA00C00ZZZZ"))
                .willReturn(okJson("{\"meta\":{\"result_count\":0}}")));
    try (TwitterClient x = client(wm, null)) {
      List<Message> all = new ArrayList<>();
      x.items(InboxItemKind.MESSAGE, Instant.parse("2026-12-04T08:00:00Z"))
          .forEach(i -> all.add((Message) i));
      assertThat(all)
          .extracting(Message::platformId)
          .containsExactly("1582838223937400840", "1582838223937400839", "1582838223937400836");
      Message newest = all.get(0);
      assertThat(newest.direction()).isEqualTo(Direction.INBOUND);
      assertThat(newest.answered()).isFalse();
      assertThat(newest.authorName()).hasValue("@ann_dev");
      assertThat(newest.account()).isEqualTo(ME);
      assertThat(newest.threadId()).isEqualTo(CONV);
      assertThat(all.get(1).direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(all.get(1).recipientId()).hasValue(ANN);
      Message photo = all.get(2);
      assertThat(photo.answered()).isTrue();
      assertThat(photo.attachments())
          .extracting(Attachment::type)
          .containsExactly(AttachmentType.IMAGE, AttachmentType.UNKNOWN);
      assertThat(photo.dropped()).anyMatch(d -> d.contains("9_1"));
      assertThat(x.accountId()).isEqualTo(ME);
    }
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/2/users/me")))).hasSize(1);
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlPathEqualTo("/2/dm_events"))
                .withQueryParam("event_types", equalTo("MessageCreate"))
                .withQueryParam(
                    "dm_event.fields",
                    equalTo("id,event_type,text,created_at,dm_conversation_id,attachments"))
                .withQueryParam(
                    "expansions", equalTo("sender_id,participant_ids,attachments.media_keys"))
                .withQueryParam("max_results", equalTo("100")));
  }

  @Test
  void conversationsAreGroupedFromTheRecentEvents(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/2/dm_events"))
                .willReturn(
                    okJson(EVENTS.replace(",\"next_token\":\"18LAA581J5II7LA00C00ZZZZ\"", ""))));
    try (TwitterClient x = client(wm, ME)) {
      List<Conversation> cs = x.conversations().stream().toList();
      assertThat(cs).hasSize(1);
      assertThat(cs.get(0).id()).isEqualTo(CONV);
      assertThat(cs.get(0).participants())
          .extracting(Conversation.Participant::id)
          .containsExactly(ANN);
      assertThat(cs.get(0).lastInboundAt()).hasValue(Instant.parse("2026-12-04T11:00:00Z"));
    }
  }

  @Test
  void sendGoesToTheConversationOrTheParticipant(WireMockRuntimeInfo wm) {
    String created =
        "{\"data\":{\"dm_conversation_id\":\""
            + CONV
            + "\",\"dm_event_id\":\"1582838223937400850\"}}";
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/2/dm_conversations/" + CONV + "/messages"))
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(created)));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/2/dm_conversations/with/" + ANN + "/messages"))
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(created)));
    try (TwitterClient x = client(wm, ME)) {
      Message m =
          x.send(MessageRecipient.conversation(CONV), OutgoingMessage.text("Shipped today"));
      assertThat(m.platformId()).isEqualTo("1582838223937400850");
      assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(x.send(MessageRecipient.user(ANN), OutgoingMessage.text("Hi")).threadId())
          .isEqualTo(CONV);
      Message inbound =
          Message.builder(Platform.TWITTER, ME, CONV, "1")
              .authorId(ANN)
              .createdAt(Instant.parse("2020-01-01T00:00:00Z"))
              .build();
      assertThat(x.answer(inbound, "Years later").platformId()).isEqualTo("1582838223937400850");
    }
    wm.getWireMock()
        .verifyThat(
            2,
            postRequestedFor(urlPathEqualTo("/2/dm_conversations/" + CONV + "/messages"))
                .withRequestBody(equalToJson("{\"text\":\"${json-unit.any-string}\"}")));
    wm.getWireMock()
        .verifyThat(
            1,
            postRequestedFor(urlPathEqualTo("/2/dm_conversations/with/" + ANN + "/messages"))
                .withRequestBody(equalToJson("{\"text\":\"Hi\"}")));
  }

  @Test
  void badDmsAreRefusedBeforeAnyCall(WireMockRuntimeInfo wm) {
    try (TwitterClient x = client(wm, ME)) {
      MessageRecipient ann = MessageRecipient.user(ANN);
      assertThatThrownBy(() -> x.send(ann, OutgoingMessage.text("")))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> x.send(ann, OutgoingMessage.text("x".repeat(10_001))))
          .hasMessageContaining("max-length");
      assertThatThrownBy(
              () -> x.send(ann, OutgoingMessage.builder().text("hi").tag("HUMAN_AGENT").build()))
          .hasMessageContaining("X has no message tags");
      assertThatThrownBy(
              () ->
                  x.send(
                      ann,
                      OutgoingMessage.builder()
                          .text("hi")
                          .attachment(
                              Attachment.of(
                                  AttachmentType.IMAGE, URI.create("https://a.example/p.png")))
                          .build()))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::rule)
                      .containsExactly("attachment-type"));
      assertThatThrownBy(() -> x.send(MessageRecipient.user("@ann"), OutgoingMessage.text("hi")))
          .hasMessageContaining("numeric user id");
      assertThatThrownBy(() -> x.messages(" ")).isInstanceOf(ValidationException.class);
      assertThatThrownBy(
              () ->
                  x.privateReply(
                      io.smo.core.CommentRef.of(Platform.TWITTER, "1"),
                      null,
                      OutgoingMessage.text("hi")))
          .isInstanceOf(io.smo.core.exception.UnsupportedFeatureException.class);
      Message foreign =
          Message.builder(Platform.TWITTER, "x-other", CONV, "1").createdAt(Instant.EPOCH).build();
      assertThatThrownBy(() -> x.answer(foreign, "hi")).isInstanceOf(ValidationException.class);
    }
    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void aLostSendIsUnknownAndNotRetriedWhileARateLimitIsTyped(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/2/dm_conversations/with/" + ANN + "/messages"))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
    try (TwitterClient x = client(wm, ME)) {
      assertThatThrownBy(() -> x.send(MessageRecipient.user(ANN), OutgoingMessage.text("once")))
          .isInstanceOf(PublishOutcomeUnknownException.class);
      assertThat(
              wm.getWireMock()
                  .find(
                      postRequestedFor(
                          urlPathEqualTo("/2/dm_conversations/with/" + ANN + "/messages"))))
          .hasSize(1);
      wm.getWireMock()
          .register(
              get(urlPathEqualTo("/2/dm_events"))
                  .willReturn(
                      aResponse()
                          .withStatus(429)
                          .withHeader("Content-Type", "application/json")
                          .withHeader("x-rate-limit-limit", "15")
                          .withHeader("x-rate-limit-remaining", "0")
                          .withHeader("x-rate-limit-reset", "4102444800")
                          .withBody(
                              "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":"
                                  + "\"about:blank\",\"status\":429}")));
      assertThatThrownBy(() -> x.items(InboxItemKind.MESSAGE, null).iterator().hasNext())
          .isInstanceOf(RateLimitException.class);
      wm.getWireMock()
          .register(
              post(urlPathEqualTo("/2/dm_conversations/with/42/messages"))
                  .willReturn(
                      aResponse()
                          .withStatus(403)
                          .withHeader("Content-Type", "application/problem+json")
                          .withBody(
                              "{\"detail\":\"You are not permitted to send a message to this user.\",\"type\":"
                                  + "\"https://api.x.com/2/problems/not-authorized-for-resource\",\"title\":\"Forbidden\",\"status\":403}")));
      assertThatThrownBy(() -> x.send(MessageRecipient.user("42"), OutgoingMessage.text("hi")))
          .isInstanceOf(PermissionException.class);
    }
  }

  @Test
  void mentionsTimelineMapsPostsAndAnswersWithAReply(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/2/users/" + ME + "/mentions"))
                .willReturn(
                    okJson(
                        "{\"data\":[{\"id\":\"1900000000000000002\",\"text\":\"@brand your parcel arrived broken\","
                            + "\"author_id\":\""
                            + ANN
                            + "\",\"created_at\":\"2026-12-04T11:30:00.000Z\",\"conversation_id\":"
                            + "\"1900000000000000002\",\"edit_history_tweet_ids\":[\"1900000000000000002\"]},"
                            + "{\"id\":\"1900000000000000001\",\"text\":\"hello @brand\"}],"
                            + "\"includes\":{\"users\":[{\"id\":\""
                            + ANN
                            + "\",\"name\":\"Ann\",\"username\":\"ann_dev\"}]},"
                            + "\"meta\":{\"result_count\":2,\"newest_id\":\"1900000000000000002\",\"oldest_id\":\"1900000000000000001\"}}")));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/2/tweets"))
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"data\":{\"id\":\"1900000000000000003\",\"text\":\"@ann_dev sorry\"}}")));
    try (TwitterClient x = client(wm, ME)) {
      List<Mention> ms = x.mentions().stream().toList();
      assertThat(ms)
          .extracting(Mention::platformId)
          .containsExactly("1900000000000000002", "1900000000000000001");
      assertThat(ms.get(0).authorName()).hasValue("@ann_dev");
      assertThat(ms.get(0).ref().toString())
          .isEqualTo("twitter:" + ME + ":mention:1900000000000000002:1900000000000000002");
      assertThat(ms.get(1).dropped()).hasSize(2);
      InboxItem reply = x.answer(ms.get(0), "@ann_dev sorry, a new one is on its way");
      assertThat(reply.platformId()).isEqualTo("1900000000000000003");
    }
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlPathEqualTo("/2/users/" + ME + "/mentions"))
                .withQueryParam("expansions", equalTo("author_id"))
                .withQueryParam("post.fields", equalTo("created_at,conversation_id")));
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlPathEqualTo("/2/tweets"))
                .withRequestBody(
                    equalToJson(
                        "{\"text\":\"@ann_dev sorry, a new one is on its way\",\"reply\":{\"in_reply_to_tweet_id\":\"1900000000000000002\"}}")));
  }
}
