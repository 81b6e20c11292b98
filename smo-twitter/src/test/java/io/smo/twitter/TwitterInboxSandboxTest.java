package io.smo.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Platform;
import io.smo.core.exception.PermissionException;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.TwitterEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * X DMs and mentions end to end on the sandbox, every request checked against the X OpenAPI
 * description.
 */
@SandboxTest(strict = true)
class TwitterInboxSandboxTest {

  private static TwitterClient client(Sandbox sandbox) {
    return TwitterClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.TWITTER))
        .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
        .sleeper(d -> {})
        .build();
  }

  private static List<Message> messages(TwitterClient x) {
    List<Message> out = new ArrayList<>();
    x.items(InboxItemKind.MESSAGE, null).forEach(i -> out.add((Message) i));
    return out;
  }

  @Test
  void dmsAreListedAnsweredAndNewOnesArrive(Sandbox sandbox) {
    try (TwitterClient x = client(sandbox)) {
      List<Message> ms = messages(x);
      Message ann =
          ms.stream()
              .filter(m -> m.authorName().orElse("").equals("@ann_sandbox"))
              .findFirst()
              .orElseThrow();
      assertThat(ann.answered()).isFalse();
      assertThat(
              ms.stream()
                  .filter(m -> m.authorName().orElse("").equals("@bo_sandbox"))
                  .findFirst()
                  .orElseThrow()
                  .answered())
          .isTrue();
      InboxItem sent = x.answer(ann, "Not on our side, checking");
      assertThat(sent.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(sent.threadId()).isEqualTo(ann.threadId());
      assertThat(x.messages(ann.conversationId()).stream().toList())
          .extracting(Message::text)
          .startsWith("Not on our side, checking");
      List<Conversation> cs = x.conversations().stream().toList();
      assertThat(cs).extracting(Conversation::id).contains(ann.conversationId());

      TwitterEmulator emu = (TwitterEmulator) sandbox.emulator(Platform.TWITTER);
      String id =
          emu.receiveDm("1790000000000000109", "dee_sandbox", "hello?", x.clock().instant());
      assertThat(messages(x).get(0).platformId()).isEqualTo(id);

      assertThatThrownBy(
              () ->
                  x.send(MessageRecipient.user("1790000000000000999"), OutgoingMessage.text("hi")))
          .isInstanceOf(PermissionException.class);
    }
  }

  @Test
  void mentionsAreListedNewestFirstAndAnsweredWithAReply(Sandbox sandbox) {
    try (TwitterClient x = client(sandbox)) {
      List<Mention> ms = x.mentions().stream().toList();
      assertThat(ms).hasSizeGreaterThanOrEqualTo(2);
      assertThat(ms.get(0).createdAt()).isAfterOrEqualTo(ms.get(1).createdAt());
      assertThat(ms.get(0).authorName()).isPresent();
      InboxItem reply = x.answer(ms.get(0), "Fixed now, thanks for flagging");
      assertThat(reply.kind()).isEqualTo(InboxItemKind.COMMENT);
      assertThat(sandbox.created(Platform.TWITTER, "reply")).isNotEmpty();
    }
  }
}
