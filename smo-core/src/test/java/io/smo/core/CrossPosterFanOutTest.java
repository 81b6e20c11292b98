package io.smo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.auth.TokenProvider;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: a publish validates each target once (the errors stay those of {@link
 * SocialClient#validate}), and all targets of an organisation publish at the same time on a bounded
 * pool.
 */
class CrossPosterFanOutTest {
  /** A client counting its validations; its publish optionally waits at a latch. */
  static final class CountingClient extends BaseSocialClient {
    final AtomicInteger validations = new AtomicInteger();
    final AtomicInteger published = new AtomicInteger();
    final CountDownLatch together;

    CountingClient(Platform p, String account, CountDownLatch together) {
      super(
          ApiRuntime.builder(p, "smo-test")
              .baseUrl(URI.create("http://127.0.0.1:9/"))
              .tokens(TokenProvider.of("t"))
              .accountKey(account)
              .errorMapper(f -> new InvalidRequestException(f.details().build()))
              .build(),
          Capabilities.builder(p)
              .textLimit(TextLimit.of("text", 20, TextCounting.CODE_POINTS))
              .build(),
          account);
      this.together = together;
    }

    @Override
    protected List<Violation> platformViolations(Post post) {
      validations.incrementAndGet();
      return post.text().contains("forbidden")
          ? List.of(Violation.of(platform(), "text", "no-forbidden", null, null, "forbidden word"))
          : List.of();
    }

    @Override
    protected PublishedPost doPublish(Post post) {
      published.incrementAndGet();
      if (together != null) {
        together.countDown();
        try {
          // every target must be publishing at the same time for this to open
          assertThat(together.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return PublishedPost.builder(PostRef.of(platform(), accountKey() + "-1")).build();
    }
  }

  static List<CountingClient> clients(int perPlatform, CountDownLatch latch) {
    List<CountingClient> out = new ArrayList<>();
    for (Platform p : Platform.values()) {
      for (int i = 0; i < perPlatform; i++) {
        out.add(new CountingClient(p, p.id() + "-" + i, latch));
      }
    }
    return out;
  }

  @Test
  void eachTargetValidatesOncePerPublish() {
    List<CountingClient> cs = clients(2, null);
    try (CrossPoster poster = CrossPoster.builder().addAll(cs).closeClients(true).build()) {
      CrossPostResult r = poster.publish(Post.builder().text("hello").build());
      assertThat(r.allPublished()).isTrue();
      assertThat(cs)
          .allSatisfy(
              c -> {
                assertThat(c.validations).hasValue(1);
                assertThat(c.published).hasValue(1);
              });
    }
    // a client used on its own still validates before publishing
    CountingClient alone = new CountingClient(Platform.TWITTER, "alone", null);
    alone.publish(Post.builder().text("hello").build());
    assertThat(alone.validations).hasValue(1);
    assertThatThrownBy(() -> alone.publish(Post.builder().text("forbidden").build()))
        .isInstanceOf(ValidationException.class);
    assertThat(alone.validations).hasValue(2);
    assertThat(alone.published).hasValue(1);
    alone.close();
  }

  @Test
  void invalidTargetsAreSkippedWithTheViolationsValidateReports() {
    List<CountingClient> cs = clients(1, null);
    try (CrossPoster poster = CrossPoster.builder().addAll(cs).closeClients(true).build()) {
      Post bad = Post.builder().text("forbidden and far too long").build();
      List<Violation> expected = cs.get(0).validate(bad);
      cs.get(0).validations.set(0);
      CrossPostResult r = poster.publish(bad);
      assertThat(r.list())
          .allSatisfy(o -> assertThat(o.status()).isEqualTo(PlatformOutcome.Status.SKIPPED));
      PlatformOutcome first = r.outcome(cs.get(0).target()).orElseThrow();
      assertThat(first.violations()).isEqualTo(expected);
      assertThat(first.violations()).extracting(Violation::rule).contains("no-forbidden");
      assertThat(cs)
          .allSatisfy(
              c -> {
                assertThat(c.validations).hasValue(1);
                assertThat(c.published).hasValue(0);
              });
    }
  }

  @Test
  void seventyTargetsPublishAtTheSameTimeOnABoundedPool() {
    int perPlatform = 10;
    CountDownLatch together = new CountDownLatch(Platform.values().length * perPlatform);
    List<CountingClient> cs = clients(perPlatform, together);
    try (CrossPoster poster = CrossPoster.builder().addAll(cs).closeClients(true).build()) {
      assertThat(poster.parallelism()).isEqualTo(70);
      CrossPostResult r = poster.publish(Post.builder().text("all at once").build());
      assertThat(r.list()).hasSize(70);
      assertThat(r.allPublished()).isTrue();
      assertThat(together.getCount()).isZero();
    }
  }

  @Test
  void parallelismIsASettingWithABoundedDefault() {
    List<CountingClient> cs = clients(1, null);
    try (CrossPoster poster =
        CrossPoster.builder().addAll(cs).parallelism(3).closeClients(true).build()) {
      assertThat(poster.parallelism()).isEqualTo(3);
      assertThat(poster.publish(Post.builder().text("three at a time").build()).allPublished())
          .isTrue();
    }
    assertThat(CrossPoster.DEFAULT_MAX_PARALLELISM).isEqualTo(128);
    assertThatThrownBy(() -> CrossPoster.builder().parallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism not in 1..1024: 0");
    assertThatThrownBy(() -> CrossPoster.builder().parallelism(1025))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
