package io.smo.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.MessagingWindowClosedException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.fake.FakeClient;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The neutral inbox model: references, items, windows and the SPI defaults. */
class InboxModelTest {
  static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void refsRoundTripThroughTheirStringFormEvenWithColonsInAccountThreadAndId() {
    InboxRef r = InboxRef.of(Platform.FACEBOOK, "page:1", InboxItemKind.MESSAGE, "t_9%9", "m_a:b");
    assertThat(r.toString()).isEqualTo("facebook:page%3A1:message:t_9%259:m_a:b");
    assertThat(InboxRef.parse(r.toString())).isEqualTo(r);
    assertThat(InboxRef.parse("x:42:mention:1:1").platform()).isEqualTo(Platform.TWITTER);
    assertThatThrownBy(() -> InboxRef.parse("facebook:1:message"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("platform:account:kind");
    assertThatThrownBy(() -> InboxRef.parse("facebook:1:letter:t:m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown inbox item kind");
  }

  @Test
  void itemsOfEachKindCarryTheirThreadAccountAndAuthor() {
    Message m =
        Message.builder(Platform.FACEBOOK, "p1", "t_1", "m_1")
            .authorId("psid")
            .text("hi")
            .createdAt(T)
            .build();
    assertThat(m.kind()).isEqualTo(InboxItemKind.MESSAGE);
    assertThat(m.threadId()).isEqualTo("t_1");
    assertThat(m.counterpartId()).hasValue("psid");
    InboxComment c =
        InboxComment.builder(
                "ch",
                PostRef.of(Platform.YOUTUBE, "vid"),
                Comment.builder(CommentRef.of(Platform.YOUTUBE, "c1"))
                    .text("nice")
                    .createdAt(T)
                    .build())
            .moderationStatus("heldForReview")
            .build();
    assertThat(c.ref().toString()).isEqualTo("youtube:ch:comment:vid:c1");
    assertThat(c.heldForReview()).isTrue();
    Mention n =
        Mention.builder("42", PostRef.of(Platform.TWITTER, "99"), Mention.Source.POST)
            .authorName("@a")
            .createdAt(T)
            .build();
    assertThat(n.platformId()).isEqualTo("99");
    assertThatThrownBy(
            () ->
                Mention.builder("42", PostRef.of(Platform.INSTAGRAM, "m"), Mention.Source.COMMENT)
                    .createdAt(T)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void windowClosedSaysWhichWindowAndSinceWhenAndIsNeverRetryable() {
    MessagingWindowClosedException offline =
        new MessagingWindowClosedException(
            Platform.FACEBOOK, "send", MessagingWindow.META_STANDARD, T, null);
    assertThat(offline.retryable()).isFalse();
    assertThat(offline.offline()).isTrue();
    assertThat(offline.closedSince()).hasValue(T.plusSeconds(86_400));
    assertThat(offline.getMessage())
        .contains("24-hour standard messaging window")
        .contains("since 2026-12-02T10:00:00Z")
        .contains("nothing was sent");
    MessagingWindowClosedException online =
        new MessagingWindowClosedException(
            Platform.FACEBOOK,
            "send",
            MessagingWindow.META_STANDARD,
            null,
            ErrorDetails.builder(Platform.FACEBOOK, "send")
                .httpStatus(400)
                .errorCode(10)
                .errorSubcode(2018278)
                .message("Message sent outside of allowed window")
                .build());
    assertThat(online.offline()).isFalse();
    assertThat(online.getMessage()).contains("code=10 subcode=2018278");
  }

  @Test
  void clientsWithoutAnInboxSayWhatIsUnsupportedAndRefuseItemsOfOtherAccounts() {
    try (FakeClient c =
        FakeClient.builder(Platform.PINTEREST)
            .baseUrl(URI.create("http://127.0.0.1:9/"))
            .accessToken("t")
            .build()) {
      assertThat(c.inboxKinds()).isEmpty();
      assertThatThrownBy(c::conversations)
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessageContaining("Pinterest does not support conversations");
      assertThatThrownBy(c::mentions).isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(() -> c.send(MessageRecipient.user("u"), OutgoingMessage.text("x")))
          .isInstanceOf(UnsupportedFeatureException.class);
      Message other =
          Message.builder(Platform.PINTEREST, "someone-else", "t", "m").createdAt(T).build();
      assertThatThrownBy(() -> c.answer(other, "hello"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("belongs to pinterest account someone-else");
    }
  }
}
