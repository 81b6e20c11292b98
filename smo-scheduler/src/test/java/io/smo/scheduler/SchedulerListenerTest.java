package io.smo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.event.SchedulerRunEvent;
import io.smo.core.event.SmoListener;
import io.smo.core.exception.PublishOutcomeUnknownException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler tells its listeners how each due target's run ended. */
class SchedulerListenerTest {
  private static final Instant START = Instant.parse("2026-03-28T12:00:00Z");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(START);
  private final AtomicInteger counter = new AtomicInteger();
  private final FakeClient facebook = new FakeClient(Platform.FACEBOOK, true, clock, counter);
  private final FakeClient x = new FakeClient(Platform.TWITTER, false, clock, counter);
  private final List<SchedulerRunEvent> runs = new CopyOnWriteArrayList<>();

  @Test
  void eachRunIsReportedWithItsStatus() throws Exception {
    x.failures.add(
        () ->
            new PublishOutcomeUnknownException(
                Platform.TWITTER,
                "publish",
                "timed out after the request was sent",
                null,
                null,
                List.of(),
                null));
    SmoListener failing =
        new SmoListener() {
          @Override
          public void onSchedulerRun(SchedulerRunEvent event) {
            throw new IllegalStateException("a broken listener must not break the scheduler");
          }
        };
    SmoListener recording =
        new SmoListener() {
          @Override
          public void onSchedulerRun(SchedulerRunEvent event) {
            runs.add(event);
          }
        };
    try (PostScheduler s =
        PostScheduler.builder()
            .h2File(dir.resolve("db"))
            .clock(clock)
            .add(facebook)
            .add(x)
            .pollingInterval(Duration.ofSeconds(1))
            .retryBackoff(Duration.ofSeconds(10))
            .listener(failing)
            .listener(recording)
            .instanceName("a")
            .build()) {
      String first =
          s.schedule(
              Post.builder().text("maybe").build(),
              List.of(Platform.TWITTER),
              START.plus(Duration.ofMinutes(1)));
      String second =
          s.schedule(
              Post.builder().text("surely").build(),
              List.of(Platform.TWITTER),
              START.plus(Duration.ofMinutes(1)));
      s.start();
      clock.advance(Duration.ofMinutes(2));
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!(s.get(first).orElseThrow().done() && s.get(second).orElseThrow().done())
          && System.nanoTime() < until) {
        Thread.sleep(100);
      }
    }
    assertThat(runs)
        .extracting(SchedulerRunEvent::status)
        .containsExactlyInAnyOrder("unknown", "published");
    assertThat(runs)
        .allSatisfy(
            r -> {
              assertThat(r.platform()).isEqualTo(Platform.TWITTER);
              assertThat(r.account()).isEqualTo(x.accountKey());
            });
  }
}
