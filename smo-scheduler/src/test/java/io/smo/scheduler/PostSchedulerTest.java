package io.smo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostSchedulerTest {
  private static final Instant START = Instant.parse("2026-03-28T12:00:00Z");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(START);
  private final AtomicInteger counter = new AtomicInteger();
  private final FakeClient facebook = new FakeClient(Platform.FACEBOOK, true, clock, counter);
  private final FakeClient x = new FakeClient(Platform.TWITTER, false, clock, counter);

  private PostScheduler scheduler(String name) {
    return PostScheduler.builder()
        .h2File(dir.resolve("db"))
        .clock(clock)
        .add(facebook)
        .add(x)
        .pollingInterval(Duration.ofSeconds(1))
        .retryBackoff(Duration.ofSeconds(10))
        .instanceName(name)
        .build();
  }

  private static Post post(String text) {
    return Post.builder().text(text).build();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(50);
    }
  }

  @Test
  void choosesNativeSchedulingInsideTheWindowAndALocalJobElsewhere() {
    try (PostScheduler s = scheduler("a")) {
      String id =
          s.schedule(
              post("launch"),
              List.of(Platform.FACEBOOK, Platform.TWITTER),
              START.plus(Duration.ofHours(2)));
      ScheduledPost sp = s.get(id).orElseThrow();
      assertThat(sp.targets())
          .extracting(ScheduledTarget::platform, ScheduledTarget::mode, ScheduledTarget::status)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  Platform.FACEBOOK, ScheduleMode.NATIVE, TargetStatus.SCHEDULED_NATIVE),
              org.assertj.core.groups.Tuple.tuple(
                  Platform.TWITTER, ScheduleMode.LOCAL, TargetStatus.PENDING));
      assertThat(facebook.published)
          .singleElement()
          .satisfies(p -> assertThat(p.scheduledAt()).contains(START.plus(Duration.ofHours(2))));
      assertThat(x.published).isEmpty();
    }
  }

  @Test
  void outsideTheNativeWindowFallsBackToALocalJob() {
    try (PostScheduler s = scheduler("a")) {
      // Facebook's window starts 10 minutes ahead: 5 minutes is too soon, 40 days too far
      String soon =
          s.schedule(post("soon"), List.of(Platform.FACEBOOK), START.plus(Duration.ofMinutes(5)));
      String far =
          s.schedule(post("far"), List.of(Platform.FACEBOOK), START.plus(Duration.ofDays(40)));
      assertThat(s.get(soon).orElseThrow().targets().get(0).mode()).isEqualTo(ScheduleMode.LOCAL);
      assertThat(s.get(far).orElseThrow().targets().get(0).mode()).isEqualTo(ScheduleMode.LOCAL);
      assertThat(facebook.published).isEmpty();
    }
  }

  @Test
  void validatesWhenScheduledNotOnlyWhenRun() {
    try (PostScheduler s = scheduler("a")) {
      assertThatThrownBy(
              () ->
                  s.schedule(
                      post("x".repeat(501)),
                      List.of(Platform.TWITTER),
                      START.plus(Duration.ofHours(1))))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("max-length");
      assertThatThrownBy(
              () ->
                  s.schedule(
                      post("past"), List.of(Platform.TWITTER), START.minus(Duration.ofHours(1))))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("in-the-past");
      assertThat(s.list()).isEmpty();
    }
  }

  @Test
  void aJobSurvivesARestartAndRunsOnce() throws Exception {
    String id;
    try (PostScheduler first = scheduler("first")) {
      id =
          first.schedule(
              post("survive"), List.of(Platform.TWITTER), START.plus(Duration.ofMinutes(30)));
    }
    clock.advance(Duration.ofHours(1));
    try (PostScheduler second = scheduler("second")) {
      second.start();
      await(() -> second.get(id).orElseThrow().done());
      assertThat(second.get(id).orElseThrow().targets().get(0).status())
          .isEqualTo(TargetStatus.PUBLISHED);
      Thread.sleep(1500); // a few more polls: nothing runs twice
    }
    assertThat(x.published).hasSize(1);
  }

  @Test
  void dstDayKeepsNineOClockLocal() throws Exception {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // 2026-03-29: clocks go from 02:00 to 03:00 in Berlin; 09:00 local is 07:00 UTC (CEST, +02:00)
    ZonedDateTime springNine =
        ZonedDateTime.of(LocalDate.of(2026, 3, 29), LocalTime.of(9, 0), berlin);
    // 2026-10-25: clocks go from 03:00 back to 02:00; 09:00 local is 08:00 UTC (CET, +01:00)
    ZonedDateTime autumnNine =
        ZonedDateTime.of(LocalDate.of(2026, 10, 25), LocalTime.of(9, 0), berlin);
    try (PostScheduler s = scheduler("a")) {
      String spring = s.schedule(post("spring"), List.of(Platform.TWITTER), springNine);
      String autumn = s.schedule(post("autumn"), List.of(Platform.TWITTER), autumnNine);
      assertThat(s.get(spring).orElseThrow().dueAt())
          .isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
      assertThat(s.get(spring).orElseThrow().dueAtLocal().toLocalTime())
          .isEqualTo(LocalTime.of(9, 0));
      assertThat(s.get(autumn).orElseThrow().dueAt())
          .isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
      s.start();
      clock.set(Instant.parse("2026-03-29T06:59:00Z")); // 08:59 local: not yet
      Thread.sleep(1500);
      assertThat(x.published).isEmpty();
      clock.set(Instant.parse("2026-03-29T07:00:01Z"));
      await(() -> s.get(spring).orElseThrow().done());
      assertThat(x.published).extracting(Post::text).containsExactly("spring");
    }
  }

  @Test
  void anUnknownOutcomeIsHeldForReconciliationNotRerun() throws Exception {
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
    try (PostScheduler s = scheduler("a")) {
      String id =
          s.schedule(post("maybe"), List.of(Platform.TWITTER), START.plus(Duration.ofMinutes(1)));
      s.start();
      clock.advance(Duration.ofMinutes(2));
      await(() -> s.get(id).orElseThrow().done());
      ScheduledTarget t = s.get(id).orElseThrow().targets().get(0);
      assertThat(t.status()).isEqualTo(TargetStatus.UNKNOWN);
      clock.advance(Duration.ofHours(3));
      Thread.sleep(1500);
      assertThat(x.published).isEmpty();
      assertThat(s.get(id).orElseThrow().targets().get(0).status()).isEqualTo(TargetStatus.UNKNOWN);
      s.reconcile(id, Platform.TWITTER, "1234");
      assertThat(s.get(id).orElseThrow().targets().get(0).status())
          .isEqualTo(TargetStatus.PUBLISHED);
      assertThat(s.get(id).orElseThrow().targets().get(0).postId()).contains("1234");
    }
  }

  @Test
  void aRetryableFailureIsRetriedWithBackoff() throws Exception {
    x.failures.add(
        () ->
            new TransportException(Platform.TWITTER, "publish", "connection refused", null, true));
    try (PostScheduler s = scheduler("a")) {
      String id =
          s.schedule(post("again"), List.of(Platform.TWITTER), START.plus(Duration.ofMinutes(1)));
      s.start();
      clock.advance(Duration.ofMinutes(2));
      await(() -> s.get(id).orElseThrow().targets().get(0).status() == TargetStatus.RETRY);
      assertThat(x.published).isEmpty();
      clock.advance(Duration.ofMinutes(5)); // past the back-off
      await(() -> s.get(id).orElseThrow().done());
      ScheduledTarget t = s.get(id).orElseThrow().targets().get(0);
      assertThat(t.status()).isEqualTo(TargetStatus.PUBLISHED);
      assertThat(t.attempts()).isEqualTo(2);
      assertThat(x.published).hasSize(1);
    }
  }

  @Test
  void cancelStopsALocalJobAndDeletesANativelyScheduledPost() throws Exception {
    try (PostScheduler s = scheduler("a")) {
      String id =
          s.schedule(
              post("cancel me"),
              List.of(Platform.FACEBOOK, Platform.TWITTER),
              START.plus(Duration.ofHours(1)));
      ScheduledPost after = s.cancel(id);
      assertThat(after.targets())
          .extracting(ScheduledTarget::status)
          .containsOnly(TargetStatus.CANCELLED);
      assertThat(facebook.deleted).hasSize(1);
      s.start();
      clock.advance(Duration.ofHours(2));
      Thread.sleep(1500);
      assertThat(x.published).isEmpty();
    }
  }

  @Test
  void rescheduleMovesALocalJob() throws Exception {
    try (PostScheduler s = scheduler("a")) {
      String id =
          s.schedule(post("later"), List.of(Platform.TWITTER), START.plus(Duration.ofMinutes(5)));
      s.reschedule(id, START.plus(Duration.ofHours(5)));
      assertThat(s.get(id).orElseThrow().dueAt()).isEqualTo(START.plus(Duration.ofHours(5)));
      s.start();
      clock.advance(Duration.ofHours(1));
      Thread.sleep(1500);
      assertThat(x.published).isEmpty();
      clock.advance(Duration.ofHours(5));
      await(() -> s.get(id).orElseThrow().done());
      assertThat(x.published).hasSize(1);
    }
  }
}
