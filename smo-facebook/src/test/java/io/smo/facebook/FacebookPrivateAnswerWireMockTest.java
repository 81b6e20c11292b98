package io.smo.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.MessagingWindowClosedException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxFilter;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.UnifiedInbox;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code UnifiedInbox.answerPrivately}: a Page comment (as a comment webhook brings it into the
 * inbox) answered with Meta's private reply, once; a second one, or one to a comment older than 7
 * days, refused before any call.
 */
@WireMockTest
class FacebookPrivateAnswerWireMockTest {
  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private static InboxComment comment(String id, Instant at) {
    return InboxComment.builder(
            "111",
            PostRef.of(Platform.FACEBOOK, "111_5"),
            Comment.builder(CommentRef.of(Platform.FACEBOOK, id))
                .authorId("9001")
                .authorName("Ann")
                .text("How much is shipping?")
                .createdAt(at)
                .build())
        .build();
  }

  @Test
  void aCommentIsAnsweredPrivatelyOnceThroughItsAccount(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/messages"))
                .willReturn(okJson("{\"recipient_id\":\"9001\",\"message_id\":\"m_pr1\"}")));
    try (FacebookClient fb =
        FacebookClient.builder()
            .accountId("111")
            .accessToken("page-token")
            .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
            .sleeper(d -> {})
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build()) {
      UnifiedInbox inbox =
          UnifiedInbox.builder()
              .add(fb)
              .filter(InboxFilter.builder().kinds(List.of(InboxItemKind.COMMENT)).build())
              .build();
      InboxComment fresh = comment("111_5_7", NOW.minusSeconds(3600));
      Message sent = inbox.answerPrivately(fresh, "Shipping is free over 50 EUR");
      assertThat(sent.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(sent.platformId()).isEqualTo("m_pr1");
      assertThatThrownBy(() -> inbox.answerPrivately(fresh, "again"))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(io.smo.core.Violation::rule)
                      .containsExactly("private-reply-once"));
      assertThatThrownBy(
              () -> inbox.answerPrivately(comment("111_5_8", NOW.minusSeconds(8 * 86_400)), "hi"))
          .isInstanceOf(MessagingWindowClosedException.class);
      assertThatThrownBy(() -> inbox.answerPrivately(comment("111_5_9", NOW), " "))
          .isInstanceOf(ValidationException.class);
    }
    wm.getWireMock()
        .verifyThat(
            1,
            postRequestedFor(urlPathEqualTo("/v26.0/111/messages"))
                .withRequestBody(containing("recipient=%7B%22comment_id%22%3A%22111_5_7%22%7D")));
    assertThat(wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/v26.0/111/messages"))))
        .hasSize(1);
  }

  @Test
  void aThrottledSendIsATypedRateLimitAndTheNextSendWaitsForTheWindow(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/messages"))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"message\":\"(#613) Calls to this api have exceeded the rate"
                                + " limit.\",\"type\":\"OAuthException\",\"code\":613,\"fbtrace_id\":\"A1\"}}")));
    try (FacebookClient fb =
        FacebookClient.builder()
            .accountId("111")
            .accessToken("page-token")
            .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
            .sleeper(d -> {})
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build()) {
      UnifiedInbox inbox = UnifiedInbox.builder().add(fb).build();
      Message in =
          Message.builder(Platform.FACEBOOK, "111", "t_1", "m_1")
              .authorId("9001")
              .text("hi")
              .createdAt(NOW.minusSeconds(60))
              .build();
      assertThatThrownBy(() -> inbox.answer(in, "hello"))
          .isInstanceOf(io.smo.core.exception.RateLimitException.class);
      // Meta's 613 closed the window: the private reply is refused before it is sent
      assertThatThrownBy(() -> inbox.answerPrivately(comment("111_5_70", NOW), "hello"))
          .isInstanceOf(io.smo.core.exception.RateLimitException.class)
          .hasMessageContaining("nothing sent");
    }
    // a 613 refusal means nothing was taken, so the SDK's retries of the DM are safe
    assertThat(
            wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/v26.0/111/messages"))).stream()
                .map(r -> r.getBodyAsString().contains("comment_id") ? "private" : "dm")
                .toList())
        .isNotEmpty()
        .containsOnly("dm");
  }
}
