package io.smo.scheduler;

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
import io.smo.core.SchedulingWindow;
import io.smo.core.SocialClient;
import io.smo.core.exception.SmoException;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** An in-memory SocialClient: records publishes, can be told to fail. */
final class FakeClient implements SocialClient {
  final Platform platform;
  final Capabilities caps;
  final Clock clock;
  final List<Post> published = new CopyOnWriteArrayList<>();
  final List<String> deleted = new CopyOnWriteArrayList<>();
  final Queue<Supplier<SmoException>> failures = new ConcurrentLinkedQueue<>();

  /** Runs after a post is recorded as published, before the answer is returned (tests' faults). */
  volatile Runnable afterPublish;

  final AtomicInteger counter;

  final String account;

  FakeClient(
      Platform platform, boolean nativeScheduling, Clock clock, AtomicInteger sharedCounter) {
    this(platform, platform.id(), nativeScheduling, clock, sharedCounter);
  }

  FakeClient(
      Platform platform,
      String account,
      boolean nativeScheduling,
      Clock clock,
      AtomicInteger sharedCounter) {
    this.account = account;
    this.platform = platform;
    this.clock = clock;
    this.counter = sharedCounter;
    Capabilities.Builder b =
        Capabilities.builder(platform)
            .textLimit(TextLimit.of("text", 500, TextCounting.CODE_POINTS))
            .features(Set.of(Feature.DELETE, Feature.TEXT_ONLY_POSTS));
    if (nativeScheduling) {
      b.nativeScheduling(SchedulingWindow.of(Duration.ofMinutes(10), Duration.ofDays(30)));
    }
    caps = b.build();
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
    return caps;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public PublishedPost publish(Post post) {
    Supplier<SmoException> f = failures.poll();
    if (f != null) {
      throw f.get();
    }
    published.add(post);
    Runnable hook = afterPublish;
    if (hook != null) {
      hook.run();
    }
    int n = counter.incrementAndGet();
    return PublishedPost.builder(PostRef.of(platform, platform.id() + "-" + n))
        .scheduled(post.scheduledAt().isPresent())
        .publishedAt(clock.instant())
        .build();
  }

  @Override
  public void delete(PostRef ref) {
    deleted.add(ref.id());
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
