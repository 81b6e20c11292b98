package io.smo.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Comment;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.exception.MessagingWindowClosedException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Messenger inbox end to end on the sandbox: seeded threads, windows and private replies. */
@SandboxTest
class FacebookInboxSandboxTest {

  private FacebookClient client(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.FACEBOOK);
    return FacebookClient.builder()
        .accountId(c.accountId())
        .accessToken(c.accessToken())
        .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
        .sleeper(d -> {})
        .build();
  }

  @Test
  void conversationsAreAnsweredInsideTheWindowAndRefusedOutsideIt(Sandbox sandbox) {
    try (FacebookClient fb = client(sandbox)) {
      List<Conversation> convs = fb.conversations().stream().toList();
      assertThat(convs).hasSizeGreaterThanOrEqualTo(3);
      Conversation ann = with(convs, "Ann Lee");
      Conversation chen = with(convs, "Chen Wei");
      assertThat(chen.truncated()).isTrue();
      assertThat(chen.messages()).hasSize(20);
      assertThat(chen.messages()).anyMatch(m -> !m.attachments().isEmpty());

      Message question = ann.messages().get(0);
      assertThat(question.answered()).isFalse();
      InboxItem answer = fb.answer(question, "Yes, we ship to Canada");
      assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
      List<Message> reread = fb.messages(ann.id()).stream().toList();
      assertThat(reread.get(0).text()).isEqualTo("Yes, we ship to Canada");
      assertThat(reread.get(1).answered()).isTrue();

      Message bruno = with(convs, "Bruno Diaz").messages().get(0);
      assertThatThrownBy(() -> fb.answer(bruno, "Back in stock!"))
          .isInstanceOfSatisfying(
              MessagingWindowClosedException.class, e -> assertThat(e.offline()).isTrue());
      Message human =
          fb.send(
              MessageRecipient.user(bruno.authorId().orElseThrow()),
              OutgoingMessage.builder()
                  .text("A person here: it is back")
                  .tag(OutgoingMessage.HUMAN_AGENT)
                  .build());
      assertThat(human.platformId()).startsWith("m_");

      String chenId = chen.participants().get(0).id();
      assertThatThrownBy(
              () ->
                  fb.send(
                      MessageRecipient.user(chenId),
                      OutgoingMessage.builder()
                          .text("too late")
                          .tag(OutgoingMessage.HUMAN_AGENT)
                          .build()))
          .isInstanceOfSatisfying(
              MessagingWindowClosedException.class,
              e -> {
                assertThat(e.offline()).isFalse();
                assertThat(e.details().orElseThrow().errorSubcode()).hasValue("2018278");
              });
      assertThatThrownBy(
              () ->
                  fb.send(
                      MessageRecipient.user(chenId),
                      OutgoingMessage.builder().text("x").tag("POST_PURCHASE_UPDATE").build()))
          .isInstanceOf(ValidationException.class);
    }
  }

  private static Conversation with(List<Conversation> convs, String name) {
    return convs.stream()
        .filter(c -> c.participants().get(0).name().orElse("").equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void newMessagesShowUpAsUnansweredItems(Sandbox sandbox) {
    io.smo.testkit.emulator.FacebookEmulator emu =
        (io.smo.testkit.emulator.FacebookEmulator) sandbox.emulator(Platform.FACEBOOK);
    try (FacebookClient fb = client(sandbox)) {
      java.time.Instant since = fb.clock().instant().minusSeconds(60);
      String mid =
          emu.receiveMessage("7100000000000099", "Gia Ross", "Hello there", fb.clock().instant());
      List<String> ids = new java.util.ArrayList<>();
      fb.items(InboxItemKind.MESSAGE, since).forEach(i -> ids.add(i.platformId()));
      assertThat(ids).containsExactly(mid);
    }
  }

  @Test
  void privateReplyIsOnePerComment(Sandbox sandbox) {
    try (FacebookClient fb = client(sandbox)) {
      PublishedPost p = fb.publish(Post.builder().text("Giveaway! Comment to enter").build());
      Comment c = fb.comments(p.ref()).stream().findFirst().orElseThrow();
      Message m =
          fb.privateReply(c.ref(), c.createdAt().orElseThrow(), OutgoingMessage.text("You won!"));
      assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
      assertThatThrownBy(() -> fb.privateReply(c.ref(), null, OutgoingMessage.text("again")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("already answered privately");
      try (FacebookClient other = client(sandbox)) {
        assertThatThrownBy(() -> other.privateReply(c.ref(), null, OutgoingMessage.text("again")))
            .isInstanceOfSatisfying(
                MessagingWindowClosedException.class,
                e -> assertThat(e.window().name()).contains("private reply"));
      }
    }
  }

  @Test
  void taggedPostsAreMentionsNewestFirst(Sandbox sandbox) {
    try (FacebookClient fb = client(sandbox)) {
      List<Mention> ms = fb.mentions().stream().toList();
      assertThat(ms).hasSize(2);
      assertThat(ms.get(0).authorName()).hasValue("Eli Park");
      assertThat(ms.get(0).createdAt()).isAfter(ms.get(1).createdAt());
    }
  }
}
