package io.smo.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Comment;
import io.smo.core.Feature;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.exception.MessagingWindowClosedException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import io.smo.testkit.Created;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.InstagramEmulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Instagram inbox end to end against the sandbox (strict mode): conversations and their 20
 * readable messages, the 24-hour window (offline and as Meta answers it), HUMAN_AGENT, retired
 * tags, the 1,000-byte limit, private replies (once per comment), mentions from {@code /tags},
 * paging, and the account id learned from {@code /me} for two accounts.
 */
@SandboxTest(strict = true)
class InstagramInboxSandboxTest {
  private final List<InstagramClient> clients = new ArrayList<>();

  @AfterEach
  void close() {
    clients.forEach(InstagramClient::close);
  }

  private InstagramClient client(Sandbox sandbox) {
    SandboxCredentials cr = sandbox.credentials(Platform.INSTAGRAM);
    return client(sandbox, cr.accessToken(), cr.accountId());
  }

  private InstagramClient client(Sandbox sandbox, String token, String accountId) {
    InstagramClient.Builder b =
        InstagramClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.INSTAGRAM))
            .accessToken(token)
            .sleeper(d -> {});
    if (accountId != null) {
      b.accountId(accountId);
    }
    InstagramClient c = b.build();
    clients.add(c);
    return c;
  }

  private static InstagramEmulator emulator(Sandbox sandbox) {
    return (InstagramEmulator) sandbox.emulator(Platform.INSTAGRAM);
  }

  private static Conversation byName(List<Conversation> all, String name) {
    return all.stream()
        .filter(
            c -> c.participants().stream().anyMatch(p -> p.name().filter(name::equals).isPresent()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void conversationsWithTheirTwentyReadableMessagesNewestFirst(Sandbox sandbox) {
    InstagramClient ig = client(sandbox);
    assertThat(ig.inboxKinds()).contains(InboxItemKind.MESSAGE, InboxItemKind.MENTION);
    assertThat(ig.capabilities().supports(Feature.PRIVATE_REPLIES)).isTrue();
    List<Conversation> all = ig.conversations().stream().toList();
    assertThat(all).hasSize(3);
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).updatedAt().orElseThrow())
          .isBeforeOrEqualTo(all.get(i - 1).updatedAt().orElseThrow());
    }
    Conversation chen = byName(all, "Chen Wei");
    assertThat(chen.messages()).hasSize(20);
    assertThat(chen.truncated()).isTrue();
    assertThat(chen.account()).isEqualTo(ig.accountKey());
    assertThat(chen.participants())
        .extracting(Conversation.Participant::id)
        .doesNotContain(ig.accountId());
    Conversation ann = byName(all, "Ann Lee");
    Message hi = ann.messages().get(0);
    assertThat(hi.direction()).isEqualTo(Direction.INBOUND);
    assertThat(hi.text()).isEqualTo("Hi! Do you ship to Canada?");
    assertThat(hi.answered()).isFalse();
    assertThat(ig.messages(chen.id()).stream().toList()).hasSize(20);
    assertThat(chen.messages()).anyMatch(m -> !m.attachments().isEmpty());
  }

  @Test
  void sendsInsideTheWindowAndRefusesOutsideIt(Sandbox sandbox) {
    InstagramClient ig = client(sandbox);
    List<Conversation> all = ig.conversations().stream().toList();
    Conversation ann = byName(all, "Ann Lee");
    Message hi = ann.messages().get(0);
    InboxItem answer = ig.answer(hi, "Yes, we ship to Canada");
    assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(byName(ig.conversations().stream().toList(), "Ann Lee").messages().get(0).text())
        .isEqualTo("Yes, we ship to Canada");

    // Bruno wrote 3 days ago: closed for the standard window, known offline from the message
    Conversation bruno = byName(all, "Bruno Diaz");
    Message last =
        bruno.messages().stream()
            .filter(m -> m.direction() == Direction.INBOUND)
            .findFirst()
            .orElseThrow();
    int created = sandbox.created(Platform.INSTAGRAM).size();
    assertThatThrownBy(() -> ig.answer(last, "late"))
        .isInstanceOfSatisfying(
            MessagingWindowClosedException.class,
            e -> assertThat(e.getMessage()).contains("24-hour standard messaging window"));
    // without the last inbound time, Meta's answer (10 / 2018278) becomes the same exception
    String brunoId = bruno.participants().get(0).id();
    assertThatThrownBy(() -> ig.send(MessageRecipient.user(brunoId), OutgoingMessage.text("late")))
        .isInstanceOf(MessagingWindowClosedException.class);
    // HUMAN_AGENT reaches up to 7 days
    Message human =
        ig.send(
            MessageRecipient.user(brunoId).lastInboundAt(last.createdAt()),
            OutgoingMessage.builder()
                .text("A person here: it is back next week")
                .tag(OutgoingMessage.HUMAN_AGENT)
                .build());
    assertThat(human.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(sandbox.created(Platform.INSTAGRAM)).hasSize(created);
  }

  @Test
  void badMessagesAreRefusedBeforeAnyCall(Sandbox sandbox) {
    InstagramClient ig = client(sandbox);
    MessageRecipient ann = MessageRecipient.user("530000000000001");
    assertThatThrownBy(() -> ig.send(ann, OutgoingMessage.text("x".repeat(1001))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.violations()).anyMatch(v -> v.rule().equals("max-bytes")));
    // 400 three-byte characters: 400 UTF-16 units but 1,200 bytes
    assertThatThrownBy(() -> ig.send(ann, OutgoingMessage.text("\u20ac".repeat(400))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> ig.send(ann, OutgoingMessage.builder().text("hi").tag("ACCOUNT_UPDATE").build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.violations()).anyMatch(v -> v.rule().equals("retired-tag")));
    assertThatThrownBy(() -> ig.send(ann, OutgoingMessage.text(" ")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                ig.send(
                    ann.lastInboundAt(Instant.now().minus(Duration.ofDays(8))),
                    OutgoingMessage.builder().text("hi").tag(OutgoingMessage.HUMAN_AGENT).build()))
        .isInstanceOfSatisfying(
            MessagingWindowClosedException.class,
            e -> assertThat(e.getMessage()).contains("7-day HUMAN_AGENT window"));
  }

  @Test
  void privateReplyOncePerComment(Sandbox sandbox) {
    InstagramClient ig = client(sandbox);
    PublishedPost p =
        ig.publish(
            Post.builder()
                .text("new drop")
                .addMedia(
                    Media.fromUrl(URI.create("https://cdn.example.com/drop.jpg"), MediaKind.IMAGE))
                .build());
    Comment first = ig.comments(p.ref()).stream().findFirst().orElseThrow();
    Message m =
        ig.privateReply(
            first.ref(),
            first.createdAt().orElse(null),
            OutgoingMessage.text("Thanks! Here is your code: WELCOME10"));
    assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
    assertThatThrownBy(() -> ig.privateReply(first.ref(), null, OutgoingMessage.text("again")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.violations()).anyMatch(v -> v.rule().equals("private-reply-once")));
    assertThatThrownBy(
            () ->
                ig.privateReply(
                    first.ref(),
                    Instant.now().minus(Duration.ofDays(8)),
                    OutgoingMessage.text("too late")))
        .isInstanceOf(MessagingWindowClosedException.class);
    assertThatThrownBy(
            () ->
                ig.privateReply(
                    first.ref(),
                    null,
                    OutgoingMessage.builder().text("x").tag(OutgoingMessage.HUMAN_AGENT).build()))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void mentionsFromTagsNewestFirstAndAnswered(Sandbox sandbox) {
    InstagramClient ig = client(sandbox);
    emulator(sandbox)
        .tagAccount(
            "fan.club", "Look what @sbx_brand sent me", Instant.now().minus(Duration.ofMinutes(5)));
    List<Mention> mentions = ig.mentions().stream().toList();
    assertThat(mentions).hasSizeGreaterThanOrEqualTo(3);
    assertThat(mentions.get(0).authorName()).hasValue("fan.club");
    assertThat(mentions.get(0).source()).isEqualTo(Mention.Source.POST);
    assertThat(mentions.get(0).permalink()).isPresent();
    for (int i = 1; i < mentions.size(); i++) {
      assertThat(mentions.get(i).createdAt()).isBeforeOrEqualTo(mentions.get(i - 1).createdAt());
    }
    InboxItem a = ig.answer(mentions.get(0), "Enjoy!");
    assertThat(a).isInstanceOf(InboxComment.class);
    assertThat(a.direction()).isEqualTo(Direction.OUTBOUND);
    List<Created> comments = sandbox.created(Platform.INSTAGRAM, "comment");
    assertThat(comments.get(comments.size() - 1).id()).isEqualTo(a.platformId());
  }

  @Test
  void conversationsPageBeyondTwentyFive(Sandbox sandbox) {
    InstagramClient ig = client(sandbox);
    InstagramEmulator emu = emulator(sandbox);
    Instant now = Instant.now();
    for (int i = 0; i < 30; i++) {
      emu.receiveMessage(
          "5300000000001" + String.format("%02d", 10 + i),
          "Person " + i,
          "hello " + i,
          now.minusSeconds(60L * (i + 1)));
    }
    List<Conversation> all = ig.conversations().stream().toList();
    assertThat(all).hasSize(33);
    assertThat(all.stream().map(Conversation::id).distinct().count()).isEqualTo(33);
    // the unified default: every message of the conversations updated since then
    List<InboxItem> recent = new ArrayList<>();
    ig.items(InboxItemKind.MESSAGE, now.minus(Duration.ofHours(1))).forEach(recent::add);
    assertThat(recent).hasSize(30);
  }

  @Test
  void accountIdIsLearnedFromMeForEachAccount(Sandbox sandbox) {
    SandboxCredentials main = sandbox.credentials(Platform.INSTAGRAM);
    SandboxCredentials second = sandbox.addAccount(Platform.INSTAGRAM, "second");
    InstagramClient a = client(sandbox, main.accessToken(), null);
    InstagramClient b = client(sandbox, second.accessToken(), null);
    assertThat(a.accountId()).isEqualTo(main.accountId());
    assertThat(a.accountKey()).isEqualTo(main.accountId());
    assertThat(b.accountId()).isEqualTo(second.accountId()).isNotEqualTo(main.accountId());
    PublishedPost p =
        b.publish(
            Post.builder()
                .text("from the second account")
                .addMedia(
                    Media.fromUrl(
                        URI.create("https://cdn.example.com/second.jpg"), MediaKind.IMAGE))
                .build());
    assertThat(sandbox.created(Platform.INSTAGRAM, "post", second.accountId()))
        .extracting(Created::id)
        .contains(p.id());
    assertThat(b.conversations().stream().findFirst().orElseThrow().account())
        .isEqualTo(second.accountId());
  }

  @Test
  void facebookLoginWithoutPageHasNoMessaging(Sandbox sandbox) {
    SandboxCredentials cr = sandbox.credentials(Platform.INSTAGRAM);
    InstagramClient fb =
        InstagramClient.builder()
            .flavor(ApiFlavor.FACEBOOK_LOGIN)
            .baseUrl(sandbox.baseUrl(Platform.INSTAGRAM))
            .accessToken(cr.accessToken())
            .accountId(cr.accountId())
            .build();
    clients.add(fb);
    assertThat(fb.inboxKinds()).containsExactly(InboxItemKind.MENTION);
    assertThatThrownBy(fb::conversations)
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("facebookPageId");
    InstagramClient withPage =
        InstagramClient.builder()
            .flavor(ApiFlavor.FACEBOOK_LOGIN)
            .baseUrl(sandbox.baseUrl(Platform.INSTAGRAM))
            .accessToken(cr.accessToken())
            .facebookPageId(cr.extra("pageId"))
            .build();
    clients.add(withPage);
    assertThat(withPage.accountId()).isEqualTo(cr.accountId());
    assertThat(withPage.conversations().stream().toList()).hasSize(3);
  }
}
