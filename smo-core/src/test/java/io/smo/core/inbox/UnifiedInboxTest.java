package io.smo.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Capabilities;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Feature;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.ValidationException;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Polling several platforms and accounts while items arrive: each item exactly once. */
class UnifiedInboxTest {
  static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

  /** An in-memory account: items per kind, newest first on read, answers recorded. */
  static final class MemoryClient implements InboxClient {
    final Platform platform;
    final String account;
    final Map<InboxItemKind, List<InboxItem>> items = new HashMap<>();
    final List<String> answers = new CopyOnWriteArrayList<>();
    final List<InboxItemKind> reads = new CopyOnWriteArrayList<>();
    RuntimeException failNext;
    int seq;

    MemoryClient(Platform platform, String account, InboxItemKind... kinds) {
      this.platform = platform;
      this.account = account;
      for (InboxItemKind k : kinds) {
        items.put(k, new ArrayList<>());
      }
    }

    InboxItem add(InboxItemKind kind, Instant at) {
      String id = platform.id() + "-" + account + "-" + (++seq);
      InboxItem i =
          switch (kind) {
            case MESSAGE ->
                Message.builder(platform, account, "t1", id)
                    .authorId("u")
                    .text("m " + id)
                    .createdAt(at)
                    .build();
            case MENTION ->
                Mention.builder(account, PostRef.of(platform, id), Mention.Source.POST)
                    .text("@ " + id)
                    .createdAt(at)
                    .build();
            case COMMENT ->
                InboxComment.builder(
                        account,
                        PostRef.of(platform, "v1"),
                        Comment.builder(CommentRef.of(platform, id))
                            .text("c " + id)
                            .createdAt(at)
                            .build())
                    .build();
          };
      items.get(kind).add(i);
      return i;
    }

    @Override
    public Set<InboxItemKind> inboxKinds() {
      return items.keySet();
    }

    @Override
    public Iterable<InboxItem> items(InboxItemKind kind, Instant since) {
      reads.add(kind);
      if (failNext != null) {
        RuntimeException e = failNext;
        failNext = null;
        throw e;
      }
      List<InboxItem> l = new ArrayList<>(items.get(kind));
      l.sort(InboxStreams.NEWEST_FIRST);
      return InboxStreams.until(l, since);
    }

    @Override
    public InboxItem answer(InboxItem item, String text) {
      checkOwnItem(item);
      answers.add(item.platformId() + "=" + text);
      return item;
    }

    @Override
    public Platform platform() {
      return platform;
    }

    @Override
    public String accountKey() {
      return account;
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.builder(platform).features(EnumSet.noneOf(Feature.class)).build();
    }

    @Override
    public PublishedPost publish(Post post) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(PostRef ref) {
      throw new UnsupportedOperationException();
    }

    @Override
    public EngagementMetrics metrics(PostRef ref) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Paginator<Comment> comments(PostRef ref) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Comment reply(CommentRef comment, String text) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Comment comment(PostRef post, String text) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void moderate(CommentRef comment, ModerationAction action) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<RateLimitSnapshot> lastRateLimit() {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }

  static List<String> drain(InboxPoll poll) {
    List<String> out = new ArrayList<>();
    for (InboxItem i : poll) {
      out.add(i.ref().toString());
    }
    return out;
  }

  @Test
  void twoPollsAcrossThreePlatformsAndTwoAccountsSeeEveryItemExactlyOnce() {
    MemoryClient fbA =
        new MemoryClient(
            Platform.FACEBOOK, "facebook:1", InboxItemKind.MESSAGE, InboxItemKind.MENTION);
    MemoryClient fbB = new MemoryClient(Platform.FACEBOOK, "facebook:2", InboxItemKind.MESSAGE);
    MemoryClient x =
        new MemoryClient(Platform.TWITTER, "x-main", InboxItemKind.MESSAGE, InboxItemKind.MENTION);
    MemoryClient yt = new MemoryClient(Platform.YOUTUBE, "youtube:UC1", InboxItemKind.COMMENT);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      expected.add(fbA.add(InboxItemKind.MESSAGE, T0.minusSeconds(600 - i)).ref().toString());
      expected.add(fbB.add(InboxItemKind.MESSAGE, T0.minusSeconds(500 - i)).ref().toString());
      expected.add(x.add(InboxItemKind.MENTION, T0.minusSeconds(400 - i)).ref().toString());
      expected.add(yt.add(InboxItemKind.COMMENT, T0.minusSeconds(300 - i)).ref().toString());
    }
    UnifiedInbox inbox =
        UnifiedInbox.builder()
            .add(fbA)
            .add(fbB)
            .add(x)
            .add(yt)
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .build();
    InboxPoll first = inbox.poll(InboxCheckpoint.start(inbox.id()));
    List<String> seen = new ArrayList<>(drain(first));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    List<InboxItem> ordered = new ArrayList<>();
    String token = first.checkpoint().toString();

    // new items arrive between the polls: some newer, one written earlier but readable only now
    List<String> arrivals = new ArrayList<>();
    arrivals.add(fbA.add(InboxItemKind.MESSAGE, T0.plusSeconds(10)).ref().toString());
    arrivals.add(fbB.add(InboxItemKind.MESSAGE, T0.minusSeconds(499)).ref().toString());
    arrivals.add(x.add(InboxItemKind.MESSAGE, T0.plusSeconds(20)).ref().toString());
    arrivals.add(fbA.add(InboxItemKind.MENTION, T0.plusSeconds(30)).ref().toString());
    arrivals.add(yt.add(InboxItemKind.COMMENT, T0.plusSeconds(5)).ref().toString());

    InboxPoll second = inbox.poll(InboxCheckpoint.parse(token));
    for (InboxItem i : second) {
      ordered.add(i);
    }
    assertThat(ordered)
        .extracting(i -> i.ref().toString())
        .containsExactlyInAnyOrderElementsOf(arrivals);
    for (int i = 1; i < ordered.size(); i++) {
      assertThat(ordered.get(i).createdAt()).isAfterOrEqualTo(ordered.get(i - 1).createdAt());
    }
    seen.addAll(ordered.stream().map(i -> i.ref().toString()).toList());
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(drain(inbox.poll(second.checkpoint()))).isEmpty();
  }

  @Test
  void stoppingEarlyLosesNothingAndTheCheckpointHoldsOnlyWhatWasConsumed() {
    MemoryClient x = new MemoryClient(Platform.TWITTER, "x", InboxItemKind.MENTION);
    MemoryClient yt = new MemoryClient(Platform.YOUTUBE, "yt", InboxItemKind.COMMENT);
    for (int i = 0; i < 4; i++) {
      x.add(InboxItemKind.MENTION, T0.minusSeconds(100 - 10L * i));
      yt.add(InboxItemKind.COMMENT, T0.minusSeconds(95 - 10L * i));
    }
    UnifiedInbox inbox =
        UnifiedInbox.builder().add(x).add(yt).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    InboxPoll p = inbox.poll(InboxCheckpoint.start(inbox.id()));
    List<String> got = new ArrayList<>();
    var it = p.iterator();
    for (int i = 0; i < 3; i++) {
      got.add(it.next().ref().toString());
    }
    got.addAll(drain(inbox.poll(p.checkpoint())));
    assertThat(got).hasSize(8).doesNotHaveDuplicates();
  }

  @Test
  void filtersKeepKindsPlatformsAccountsAndUnansweredAndSkipUnwantedSources() {
    MemoryClient fb =
        new MemoryClient(
            Platform.FACEBOOK, "facebook:1", InboxItemKind.MESSAGE, InboxItemKind.MENTION);
    MemoryClient x = new MemoryClient(Platform.TWITTER, "x", InboxItemKind.MESSAGE);
    fb.add(InboxItemKind.MESSAGE, T0.minusSeconds(5));
    fb.items
        .get(InboxItemKind.MESSAGE)
        .add(
            Message.builder(Platform.FACEBOOK, "facebook:1", "t1", "answered")
                .answered(true)
                .createdAt(T0.minusSeconds(4))
                .build());
    fb.items
        .get(InboxItemKind.MESSAGE)
        .add(
            Message.builder(Platform.FACEBOOK, "facebook:1", "t1", "mine")
                .direction(Direction.OUTBOUND)
                .createdAt(T0.minusSeconds(3))
                .build());
    fb.add(InboxItemKind.MENTION, T0.minusSeconds(2));
    x.add(InboxItemKind.MESSAGE, T0.minusSeconds(1));
    UnifiedInbox inbox =
        UnifiedInbox.builder()
            .add(fb)
            .add(x)
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .filter(
                InboxFilter.builder()
                    .kinds(List.of(InboxItemKind.MESSAGE))
                    .platforms(List.of(Platform.FACEBOOK))
                    .unansweredOnly(true)
                    .build())
            .build();
    List<InboxItem> items = new ArrayList<>();
    inbox.poll(InboxCheckpoint.start(inbox.id())).forEach(items::add);
    assertThat(items).extracting(InboxItem::platformId).containsExactly("facebook-facebook:1-1");
    assertThat(fb.reads).containsExactly(InboxItemKind.MESSAGE);
    assertThat(x.reads).isEmpty();
  }

  @Test
  void aFailingSourceIsReportedAndRetriedNextPollWhileOthersFlow() {
    MemoryClient x = new MemoryClient(Platform.TWITTER, "x", InboxItemKind.MESSAGE);
    MemoryClient yt = new MemoryClient(Platform.YOUTUBE, "yt", InboxItemKind.COMMENT);
    String dm = x.add(InboxItemKind.MESSAGE, T0.minusSeconds(10)).ref().toString();
    String c = yt.add(InboxItemKind.COMMENT, T0.minusSeconds(9)).ref().toString();
    x.failNext =
        new RateLimitException(
            ErrorDetails.builder(Platform.TWITTER, "messages").httpStatus(429).build(),
            Duration.ofMinutes(15));
    UnifiedInbox inbox =
        UnifiedInbox.builder().add(x).add(yt).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    InboxPoll p = inbox.poll(InboxCheckpoint.start(inbox.id()));
    assertThat(drain(p)).containsExactly(c);
    assertThat(p.errors()).containsOnlyKeys("twitter:x:message");
    assertThat(drain(inbox.poll(p.checkpoint()))).containsExactly(dm);
  }

  @Test
  void answersRouteToTheItemsAccountAndForeignItemsOrCheckpointsAreRefused() {
    MemoryClient a = new MemoryClient(Platform.FACEBOOK, "facebook:1", InboxItemKind.MESSAGE);
    MemoryClient b = new MemoryClient(Platform.FACEBOOK, "facebook:2", InboxItemKind.MESSAGE);
    InboxItem toB = b.add(InboxItemKind.MESSAGE, T0);
    UnifiedInbox inbox = UnifiedInbox.builder().add(a).add(b).build();
    inbox.answer(toB, "hello");
    assertThat(b.answers).containsExactly(toB.platformId() + "=hello");
    assertThat(a.answers).isEmpty();
    InboxItem stranger =
        Message.builder(Platform.FACEBOOK, "facebook:3", "t", "m").createdAt(T0).build();
    assertThatThrownBy(() -> inbox.answer(stranger, "hi"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no client of this inbox holds facebook account facebook:3");
    UnifiedInbox other = UnifiedInbox.builder().add(a).build();
    assertThatThrownBy(() -> other.poll(InboxCheckpoint.start(inbox.id())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("belongs to inbox");
    assertThatThrownBy(() -> InboxCheckpoint.parse("garbage"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnifiedInbox.builder().add(a).add(a).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOfferedWebhookItemIsYieldedAtOnceAndOnlyOnceWhenThePlatformListsItLater() {
    MemoryClient fb = new MemoryClient(Platform.FACEBOOK, "facebook:1", InboxItemKind.MESSAGE);
    MemoryClient x = new MemoryClient(Platform.TWITTER, "x", InboxItemKind.MENTION);
    InboxItem old = fb.add(InboxItemKind.MESSAGE, T0.minusSeconds(60));
    UnifiedInbox inbox =
        UnifiedInbox.builder().add(fb).add(x).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    InboxPoll first = inbox.poll(InboxCheckpoint.start(inbox.id()));
    assertThat(drain(first)).containsExactly(old.ref().toString());

    // a webhook delivers a new message before the platform's conversation listing shows it
    InboxItem pushed =
        Message.builder(Platform.FACEBOOK, "facebook:1", "t1", "m-webhook")
            .authorId("u")
            .text("via webhook")
            .createdAt(T0.plusSeconds(30))
            .build();
    io.smo.core.event.EngagementEvent event =
        io.smo.core.event.EngagementEvent.builder(
                Platform.FACEBOOK, "facebook:1", "mid.1", "messages")
            .inboxItem(pushed)
            .rawJson("{}")
            .messageReceived();
    assertThat(inbox.offer(event)).isTrue();
    // an item listed late, older than the pushed one, must still be read by the platform poll
    InboxItem late = fb.add(InboxItemKind.MESSAGE, T0.minusSeconds(30));
    InboxPoll second = inbox.poll(first.checkpoint());
    assertThat(drain(second)).containsExactly(late.ref().toString(), pushed.ref().toString());

    // now the platform lists it too: not yielded again
    fb.items.get(InboxItemKind.MESSAGE).add(pushed);
    assertThat(drain(inbox.poll(second.checkpoint()))).isEmpty();
  }

  @Test
  void offersOfStrangersAndUnwantedKindsAreNotTaken() {
    MemoryClient fb = new MemoryClient(Platform.FACEBOOK, "facebook:1", InboxItemKind.MESSAGE);
    UnifiedInbox inbox =
        UnifiedInbox.builder()
            .add(fb)
            .filter(InboxFilter.builder().kinds(List.of(InboxItemKind.MESSAGE)).build())
            .build();
    assertThat(
            inbox.offer(
                Message.builder(Platform.FACEBOOK, "facebook:2", "t", "m").createdAt(T0).build()))
        .isFalse();
    assertThat(
            inbox.offer(
                Mention.builder(
                        "facebook:1", PostRef.of(Platform.FACEBOOK, "p"), Mention.Source.POST)
                    .createdAt(T0)
                    .build()))
        .isFalse();
    assertThat(
            inbox.offer(
                Message.builder(Platform.FACEBOOK, "facebook:1", "t", "m").createdAt(T0).build()))
        .isTrue();
  }

  @Test
  void aCheckpointOfAnotherInboxIsRefusedBeforeAnySourceIsRead() {
    MemoryClient a = new MemoryClient(Platform.FACEBOOK, "facebook:1", InboxItemKind.MESSAGE);
    MemoryClient b = new MemoryClient(Platform.TWITTER, "x", InboxItemKind.MENTION);
    a.add(InboxItemKind.MESSAGE, T0);
    UnifiedInbox one = UnifiedInbox.builder().add(a).add(b).build();
    UnifiedInbox two = UnifiedInbox.builder().add(a).build();
    InboxPoll p = one.poll(InboxCheckpoint.start(one.id()));
    drain(p);
    a.reads.clear();
    b.reads.clear();
    String foreign = p.checkpoint().toString();
    assertThatThrownBy(() -> two.poll(InboxCheckpoint.parse(foreign)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(io.smo.core.Violation::rule)
                    .containsExactly("same-inbox"));
    UnifiedInbox named = UnifiedInbox.builder().add(a).id("support-desk").build();
    assertThatThrownBy(() -> named.poll(InboxCheckpoint.start("sales-desk")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("sales-desk");
    assertThat(a.reads).isEmpty();
    assertThat(b.reads).isEmpty();
    assertThatThrownBy(() -> InboxCheckpoint.parse("smo-inbox-v1.bm90anNvbg"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void answersOfForeignItemsAndEmptyTextsReachNoClient() {
    MemoryClient a = new MemoryClient(Platform.FACEBOOK, "facebook:1", InboxItemKind.MESSAGE);
    UnifiedInbox inbox = UnifiedInbox.builder().add(a).build();
    InboxItem otherPlatform =
        Message.builder(Platform.INSTAGRAM, "facebook:1", "t", "m").createdAt(T0).build();
    assertThatThrownBy(() -> inbox.answer(otherPlatform, "hi"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> a.answer(otherPlatform, "hi"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not to this client's account");
    assertThat(a.answers).isEmpty();
  }

  @Test
  void privateAnswersRouteToTheItemsAccountAndSayWhatCannotBeAnsweredPrivately() {
    MemoryClient yt = new MemoryClient(Platform.YOUTUBE, "UC1", InboxItemKind.COMMENT);
    MemoryClient x = new MemoryClient(Platform.TWITTER, "x", InboxItemKind.MENTION);
    InboxItem comment = yt.add(InboxItemKind.COMMENT, T0);
    InboxItem mention = x.add(InboxItemKind.MENTION, T0);
    UnifiedInbox inbox = UnifiedInbox.builder().add(yt).add(x).build();
    assertThatThrownBy(() -> inbox.answerPrivately(comment, "hi"))
        .isInstanceOf(io.smo.core.exception.UnsupportedFeatureException.class)
        .hasMessageContaining("no private replies");
    assertThatThrownBy(() -> inbox.answerPrivately(mention, "hi"))
        .isInstanceOf(io.smo.core.exception.UnsupportedFeatureException.class)
        .hasMessageContaining("a mention has no private answer");
    InboxItem stranger = Message.builder(Platform.TWITTER, "y", "t", "m").createdAt(T0).build();
    assertThatThrownBy(() -> inbox.answerPrivately(stranger, "hi"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> yt.answerPrivately(mention, "hi"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not to this client's account");
  }

  @Test
  void theDerivedIdNamesTheAccountsWhateverTheirOrder() {
    MemoryClient a = new MemoryClient(Platform.FACEBOOK, "facebook:1", InboxItemKind.MESSAGE);
    MemoryClient b = new MemoryClient(Platform.TWITTER, "x", InboxItemKind.MENTION);
    MemoryClient c = new MemoryClient(Platform.TWITTER, "y", InboxItemKind.MENTION);
    b.add(InboxItemKind.MENTION, T0);
    UnifiedInbox ab =
        UnifiedInbox.builder().add(a).add(b).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    UnifiedInbox ba =
        UnifiedInbox.builder().add(b).add(a).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    UnifiedInbox ac = UnifiedInbox.builder().add(a).add(c).build();
    assertThat(ab.id()).isEqualTo(ba.id()).isNotEqualTo(ac.id()).hasSize(16);
    InboxPoll p = ab.poll(InboxCheckpoint.start(ab.id()));
    assertThat(drain(p)).hasSize(1);
    assertThat(drain(ba.poll(InboxCheckpoint.parse(p.checkpoint().toString())))).isEmpty();
    assertThatThrownBy(() -> ac.poll(p.checkpoint())).isInstanceOf(ValidationException.class);
  }
}
