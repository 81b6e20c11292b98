package io.smo.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reusing an idempotency key for different content is refused, not silently deduplicated. */
class CrossPosterKeyReuseTest {
  static final class Counting implements SocialClient {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Platform platform() {
      return Platform.TWITTER;
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.builder(Platform.TWITTER)
          .textLimit(TextLimit.of("text", 280, TextCounting.X_WEIGHTED))
          .features(Set.of(Feature.TEXT_ONLY_POSTS))
          .build();
    }

    @Override
    public PublishedPost publish(Post post) {
      return PublishedPost.builder(PostRef.of(Platform.TWITTER, "t" + calls.incrementAndGet()))
          .build();
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
      return Paginator.empty();
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

  @Test
  void sameKeySameContentReturnsTheEarlierOutcomeDifferentContentIsRefused() {
    Counting x = new Counting();
    try (CrossPoster poster = CrossPoster.builder().add(x).build()) {
      Post first = Post.builder().text("hello").idempotencyKey("k").build();
      Post again = Post.builder().text("hello").idempotencyKey("k").build();
      Post other = Post.builder().text("a different post").idempotencyKey("k").build();
      CrossPostResult r1 = poster.publish(first);
      CrossPostResult r2 = poster.publish(again);
      CrossPostResult r3 = poster.publish(other);
      assertThat(r1.outcome(Platform.TWITTER).orElseThrow().status())
          .isEqualTo(PlatformOutcome.Status.PUBLISHED);
      assertThat(r2.outcome(Platform.TWITTER).orElseThrow().published().orElseThrow().id())
          .isEqualTo("t1");
      PlatformOutcome refused = r3.outcome(Platform.TWITTER).orElseThrow();
      assertThat(refused.status()).isEqualTo(PlatformOutcome.Status.SKIPPED);
      assertThat(refused.violations())
          .extracting(Violation::rule)
          .containsExactly("idempotency-key-reused");
      assertThat(x.calls).hasValue(1);
    }
  }
}
