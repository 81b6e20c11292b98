package io.smo.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.smo.core.event.EngagementEvent;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Items offered from webhooks with ids only (Instagram's {@code mentions} change) are completed
 * through their client once, when a poll takes them; a retryable failure waits for the next poll,
 * any other failure yields the item as delivered.
 */
class UnifiedInboxCompletionTest {
  static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
  static final String ACCOUNT = "17841400000000001";

  /** An Instagram-like account whose mentions arrive by webhook only, completed by a lookup. */
  static final class LookupClient implements InboxClient {
    final List<String> lookups = new CopyOnWriteArrayList<>();
    final List<RuntimeException> failures = new ArrayList<>();

    @Override
    public InboxItem complete(InboxItem item) {
      if (!(item instanceof Mention m) || !m.text().isEmpty()) {
        return item;
      }
      lookups.add(m.commentId().orElse(m.post().id()));
      if (!failures.isEmpty()) {
        throw failures.remove(0);
      }
      return Mention.builder(m.account(), m.post(), m.source())
          .commentId(m.commentId().orElse(null))
          .text("Shout out to @brand")
          .authorName("dana.fox")
          .createdAt(T0.minusSeconds(120))
          .build();
    }

    @Override
    public Set<InboxItemKind> inboxKinds() {
      return EnumSet.of(InboxItemKind.MENTION);
    }

    @Override
    public Iterable<InboxItem> items(InboxItemKind kind, Instant since) {
      return List.of(); // webhook-only mentions: the platform lists none of them
    }

    @Override
    public Platform platform() {
      return Platform.INSTAGRAM;
    }

    @Override
    public String accountKey() {
      return ACCOUNT;
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.builder(Platform.INSTAGRAM)
          .features(EnumSet.noneOf(Feature.class))
          .build();
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

  /** The item Meta's webhook handler builds from {@code {"comment_id","media_id"}}: ids only. */
  static Mention bare(String mediaId, String commentId) {
    return Mention.builder(ACCOUNT, PostRef.of(Platform.INSTAGRAM, mediaId), Mention.Source.COMMENT)
        .commentId(commentId)
        .createdAt(T0)
        .build();
  }

  static EngagementEvent event(Mention m) {
    return EngagementEvent.builder(Platform.INSTAGRAM, ACCOUNT, "mentions:" + m.ref(), "mentions")
        .inboxItem(m)
        .rawJson("{}")
        .mention();
  }

  static List<InboxItem> drain(InboxPoll poll) {
    List<InboxItem> out = new ArrayList<>();
    poll.forEach(out::add);
    return out;
  }

  private static UnifiedInbox inbox(LookupClient c) {
    return UnifiedInbox.builder().add(c).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
  }

  @Test
  void anOfferedMentionIsCompletedOnceAndYieldedOnceEvenWhenDeliveredTwice() {
    LookupClient ig = new LookupClient();
    UnifiedInbox inbox = inbox(ig);
    Mention delivered = bare("17900000000000001", "17800000000000001");
    assertThat(inbox.offer(event(delivered))).isTrue();
    assertThat(inbox.offer(event(delivered))).isTrue(); // a second delivery of the same change
    assertThat(ig.lookups).isEmpty(); // offering reads nothing

    InboxPoll first = inbox.poll(InboxCheckpoint.start(inbox.id()));
    List<InboxItem> items = drain(first);
    assertThat(items).hasSize(1);
    Mention m = (Mention) items.get(0);
    assertThat(m.ref()).isEqualTo(delivered.ref());
    assertThat(m.text()).isEqualTo("Shout out to @brand");
    assertThat(m.authorName()).hasValue("dana.fox");
    assertThat(m.createdAt()).isEqualTo(T0.minusSeconds(120));
    assertThat(ig.lookups).containsExactly("17800000000000001");

    // delivered again after it was yielded: neither looked up nor yielded again
    assertThat(inbox.offer(event(delivered))).isTrue();
    assertThat(drain(inbox.poll(first.checkpoint()))).isEmpty();
    assertThat(ig.lookups).hasSize(1);
  }

  @Test
  void aThrottledLookupWaitsForTheNextPollAndIsReported() {
    LookupClient ig = new LookupClient();
    ig.failures.add(
        new RateLimitException(
            ErrorDetails.builder(Platform.INSTAGRAM, "mentioned comment").httpStatus(400).build(),
            Duration.ofMinutes(1)));
    UnifiedInbox inbox = inbox(ig);
    Mention delivered = bare("17900000000000002", "17800000000000002");
    inbox.offer(delivered);

    InboxPoll first = inbox.poll(InboxCheckpoint.start(inbox.id()));
    assertThat(drain(first)).isEmpty();
    assertThat(first.errors()).containsOnlyKeys("instagram:" + ACCOUNT + ":mention");

    List<InboxItem> second = drain(inbox.poll(first.checkpoint()));
    assertThat(second).hasSize(1);
    assertThat(second.get(0).text()).isEqualTo("Shout out to @brand");
    assertThat(ig.lookups).hasSize(2);
  }

  @Test
  void aMentionThatCannotBeReadAnyMoreIsYieldedAsDelivered() {
    LookupClient ig = new LookupClient();
    ig.failures.add(
        new NotFoundException(
            ErrorDetails.builder(Platform.INSTAGRAM, "mentioned comment").httpStatus(400).build()));
    UnifiedInbox inbox = inbox(ig);
    Mention delivered = bare("17900000000000003", "17800000000000003");
    inbox.offer(delivered);

    InboxPoll poll = inbox.poll(InboxCheckpoint.start(inbox.id()));
    List<InboxItem> items = drain(poll);
    assertThat(items).containsExactly(delivered);
    assertThat(items.get(0).text()).isEmpty();
    assertThat(poll.errors()).containsOnlyKeys("instagram:" + ACCOUNT + ":mention");
    assertThat(drain(inbox.poll(poll.checkpoint()))).isEmpty();
    assertThat(ig.lookups).hasSize(1);
  }
}
