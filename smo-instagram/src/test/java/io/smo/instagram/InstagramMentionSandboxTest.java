package io.smo.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.event.ApiCall;
import io.smo.core.event.EngagementEvent;
import io.smo.core.event.SmoListener;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxCheckpoint;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxPoll;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.UnifiedInbox;
import io.smo.testkit.Created;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.SandboxWebhooks;
import io.smo.testkit.emulator.InstagramEmulator;
import io.smo.webhooks.WebhookServer;
import io.smo.webhooks.Webhooks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mentions in comments and captions end to end against the sandbox (strict mode), with Facebook
 * Login: {@code mentioned_comment} / {@code mentioned_media}, the answer through {@code /mentions},
 * Graph's error for an unknown id, the refusal with Instagram Login, media metrics in one request,
 * and a signed {@code mentions} webhook offered to the unified inbox yielding one complete mention.
 */
@SandboxTest(strict = true)
class InstagramMentionSandboxTest {
  private final List<InstagramClient> clients = new ArrayList<>();

  @AfterEach
  void close() {
    clients.forEach(InstagramClient::close);
  }

  private InstagramClient facebookLogin(Sandbox sandbox, SmoListener listener) {
    SandboxCredentials cr = sandbox.credentials(Platform.INSTAGRAM);
    InstagramClient c =
        InstagramClient.builder()
            .flavor(ApiFlavor.FACEBOOK_LOGIN)
            .baseUrl(sandbox.baseUrl(Platform.INSTAGRAM))
            .accountId(cr.accountId())
            .accessToken(cr.accessToken())
            .listener(listener)
            .sleeper(d -> {})
            .build();
    clients.add(c);
    return c;
  }

  private static InstagramEmulator emulator(Sandbox sandbox) {
    return (InstagramEmulator) sandbox.emulator(Platform.INSTAGRAM);
  }

  private static String handle(Sandbox sandbox) {
    return sandbox.credentials(Platform.INSTAGRAM).extra("username");
  }

  @Test
  void aCommentMentionIsReadAndAnsweredWithAReplyToIt(Sandbox sandbox) {
    InstagramClient ig = facebookLogin(sandbox, new SmoListener() {});
    Instant at = Instant.parse("2026-12-01T09:30:00Z");
    String media = "17900000000004242";
    String comment =
        emulator(sandbox)
            .mentionInComment(media, "dana.fox", "@" + handle(sandbox) + " is this in stock?", at);

    Mention m = ig.mentionedComment(comment);
    assertThat(m.source()).isEqualTo(Mention.Source.COMMENT);
    assertThat(m.commentId()).hasValue(comment);
    assertThat(m.post().id()).isEqualTo(media);
    assertThat(m.account()).isEqualTo(ig.accountKey());
    assertThat(m.text()).isEqualTo("@" + handle(sandbox) + " is this in stock?");
    assertThat(m.authorName()).hasValue("dana.fox");
    assertThat(m.createdAt()).isEqualTo(at);
    assertThat(m.dropped()).isEmpty();

    InboxItem answer = ig.answer(m, "Yes, size M is back");
    assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
    Created created =
        sandbox.created(Platform.INSTAGRAM, "comment").stream()
            .filter(c -> c.id().equals(answer.platformId()))
            .findFirst()
            .orElseThrow();
    assertThat(created.body().path("media").path("id").asText()).isEqualTo(media);
    assertThat(created.body().path("parent_id").asText()).isEqualTo(comment);
    assertThat(sandbox.strictViolations()).isEmpty();
  }

  @Test
  void aCaptionMentionComesWithoutItsAtSignAndIsAnsweredOnTheMedia(Sandbox sandbox) {
    InstagramClient ig = facebookLogin(sandbox, new SmoListener() {});
    Instant at = Instant.parse("2026-11-30T10:00:00Z");
    String media =
        emulator(sandbox)
            .mentionInCaption("eli.park", "Thanks for the help @" + handle(sandbox), at);

    Mention m = ig.mentionedMedia(media);
    assertThat(m.source()).isEqualTo(Mention.Source.POST);
    assertThat(m.post().id()).isEqualTo(media);
    // Meta drops the "@" of the mention from captions of media the account did not create
    assertThat(m.text()).isEqualTo("Thanks for the help " + handle(sandbox));
    assertThat(m.authorName()).hasValue("eli.park");
    assertThat(m.createdAt()).isEqualTo(at);

    InboxItem answer = ig.answer(m, "Glad we could help!");
    Created created =
        sandbox.created(Platform.INSTAGRAM, "comment").stream()
            .filter(c -> c.id().equals(answer.platformId()))
            .findFirst()
            .orElseThrow();
    assertThat(created.body().path("media").path("id").asText()).isEqualTo(media);
    assertThat(created.body().has("parent_id")).isFalse();
  }

  @Test
  void unknownIdsGetGraphsErrorAndInstagramLoginIsRefusedOffline(Sandbox sandbox) {
    InstagramClient ig = facebookLogin(sandbox, new SmoListener() {});
    assertThatThrownBy(() -> ig.mentionedComment("17920000000009999"))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.errorCode()).hasValue("100");
              assertThat(e.getMessage()).contains("17920000000009999");
            });
    assertThatThrownBy(() -> ig.mentionedMedia("17910000000009999"))
        .isInstanceOf(NotFoundException.class);

    SandboxCredentials cr = sandbox.credentials(Platform.INSTAGRAM);
    AtomicInteger calls = new AtomicInteger();
    InstagramClient igLogin =
        InstagramClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.INSTAGRAM))
            .accountId(cr.accountId())
            .accessToken(cr.accessToken())
            .listener(
                new SmoListener() {
                  @Override
                  public void onCallStart(ApiCall call) {
                    calls.incrementAndGet();
                  }
                })
            .build();
    clients.add(igLogin);
    String comment =
        emulator(sandbox).mentionInComment("17900000000004243", "dana.fox", "@x hi", Instant.now());
    assertThatThrownBy(() -> igLogin.mentionedComment(comment))
        .isInstanceOf(UnsupportedFeatureException.class);
    assertThat(calls).hasValue(0);
  }

  @Test
  void metricsOfAPublishedImageTakeOneRequest(Sandbox sandbox) {
    AtomicInteger calls = new AtomicInteger();
    List<String> ops = new CopyOnWriteArrayList<>();
    SmoListener counter =
        new SmoListener() {
          @Override
          public void onCallStart(ApiCall call) {
            calls.incrementAndGet();
            ops.add(call.operation());
          }
        };
    SandboxCredentials cr = sandbox.credentials(Platform.INSTAGRAM);
    InstagramEmulator emu = emulator(sandbox);
    InstagramClient ig =
        InstagramClient.builder()
            .flavor(ApiFlavor.FACEBOOK_LOGIN)
            .baseUrl(sandbox.baseUrl(Platform.INSTAGRAM))
            .accountId(cr.accountId())
            .accessToken(cr.accessToken())
            .mediaHost(
                media ->
                    emu.hostMedia(
                        sandbox.baseUrl(Platform.INSTAGRAM), "photo.jpg", new byte[] {1, 2, 3}))
            .listener(counter)
            .sleeper(d -> {})
            .build();
    clients.add(ig);
    PublishedPost p =
        ig.publish(
            Post.builder()
                .text("One request")
                .addMedia(
                    Media.fromUrl(URI.create("https://cdn.example.com/a.jpg"), MediaKind.IMAGE))
                .build());
    calls.set(0);
    ops.clear();
    EngagementMetrics m = ig.metrics(p.ref());
    assertThat(m.views()).isPresent();
    assertThat(m.likes()).isPresent();
    assertThat(m.saves()).isPresent();
    assertThat(m.raw()).containsKey("total_interactions");
    assertThat(calls).as("requests for one metrics read: %s", ops).hasValue(1);
  }

  @Test
  void aMentionsWebhookOfferedToTheInboxYieldsOneCompleteMention(Sandbox sandbox) throws Exception {
    InstagramClient ig = facebookLogin(sandbox, new SmoListener() {});
    UnifiedInbox inbox = UnifiedInbox.builder().add(ig).build();
    // a fresh mention (the inbox remembers what it yielded within its overlap below the newest)
    Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(30);
    String media = "17900000000004244";
    String comment =
        emulator(sandbox)
            .mentionInComment(media, "gil.moss", "Ask @" + handle(sandbox) + " about it", at);

    List<EngagementEvent> events = new CopyOnWriteArrayList<>();
    SandboxWebhooks hooks = sandbox.webhooks(URI.create("http://127.0.0.1:1/"));
    Webhooks webhooks =
        hooks
            .receiver()
            .addListener(
                e -> {
                  events.add(e);
                  inbox.offer(e);
                })
            .build();
    try (WebhookServer server = WebhookServer.start(webhooks, 0)) {
      SandboxWebhooks live = sandbox.webhooks(server.baseUrl()).duplicate(2);
      live.instagramMention(media, comment);
      // polling wait (not a timing assertion): both copies answered by the receiver
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (live.deliveries().stream()
                  .filter(d -> new String(d.body(), StandardCharsets.UTF_8).contains(comment))
                  .count()
              < 2
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }
    assertThat(events).hasSize(1); // the second copy is de-duplicated by the receiver
    EngagementEvent e = events.get(0);
    assertThat(e).isInstanceOf(EngagementEvent.Mention.class);
    Mention delivered = (Mention) e.inboxItem().orElseThrow();
    assertThat(delivered.text()).isEmpty(); // the webhook carries ids only

    InboxPoll poll = inbox.poll(InboxCheckpoint.start(inbox.id()));
    List<Mention> mentions = new ArrayList<>();
    for (InboxItem i : poll) {
      if (i instanceof Mention m && m.commentId().isPresent()) {
        mentions.add(m);
      }
    }
    assertThat(poll.errors()).isEmpty();
    assertThat(mentions).hasSize(1);
    Mention m = mentions.get(0);
    assertThat(m.ref()).isEqualTo(delivered.ref());
    assertThat(m.text()).isEqualTo("Ask @" + handle(sandbox) + " about it");
    assertThat(m.authorName()).hasValue("gil.moss");
    assertThat(m.createdAt()).isEqualTo(at);

    // offered again (a re-delivery after the receiver forgot it): not yielded a second time
    inbox.offer(e);
    List<InboxItem> again = new ArrayList<>();
    inbox.poll(poll.checkpoint()).forEach(again::add);
    assertThat(again).noneMatch(i -> i.ref().equals(delivered.ref()));
    assertThat(sandbox.strictViolations()).isEmpty();
  }
}
