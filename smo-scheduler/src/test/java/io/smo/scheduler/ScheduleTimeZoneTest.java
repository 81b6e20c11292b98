package io.smo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Due times do not depend on the JVM's default zone: the whole class runs with the default set to
 * America/Los_Angeles (as {@code -Duser.timezone=America/Los_Angeles} would) and schedules on the
 * second 01:30 of the 2026-11-01 fall-back night there. DST gaps and overlaps are resolved by the
 * documented rule of {@link ScheduleTime} and reported.
 */
class ScheduleTimeZoneTest {
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static TimeZone saved;

  @BeforeAll
  static void losAngelesDefault() {
    saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(LA));
  }

  @AfterAll
  static void restore() {
    TimeZone.setDefault(saved);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void theSecondOneThirtyOfAFallBackNightIsStoredReadAndRunAsItsUtcInstant(String db)
      throws Exception {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("America/Los_Angeles");
    DataSource ds = MultiInstanceTest.database(db);
    ScheduleTime second =
        ScheduleTime.resolve(LocalDateTime.of(2026, 11, 1, 1, 30), LA, ZoneOffset.ofHours(-8));
    Instant due = Instant.parse("2026-11-01T09:30:00Z");
    assertThat(second.instant()).isEqualTo(due);
    assertThat(second.kind()).isEqualTo(ScheduleTime.Kind.OVERLAP);
    assertThat(second.adjustment())
        .hasValueSatisfying(a -> assertThat(a).contains("second occurrence"));

    // the first 01:30 (08:30 UTC) has passed, the second has not
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:45:00Z"));
    FakeClient x = new FakeClient(Platform.TWITTER, "x-la", false, clock, new AtomicInteger());
    try (PostScheduler s =
        PostScheduler.builder()
            .dataSource(ds)
            .clock(clock)
            .add(x)
            .pollingInterval(Duration.ofSeconds(1))
            .build()) {
      String id =
          s.scheduleTo(
              Post.builder().text("01:30 PST").build(),
              List.of(Target.of(Platform.TWITTER, "x-la")),
              second);
      ScheduledPost p = s.get(id).orElseThrow();
      assertThat(p.dueAt()).isEqualTo(due);
      assertThat(p.dueAtLocal().getOffset()).isEqualTo(ZoneOffset.ofHours(-8));
      try (Connection c = ds.getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT due_at FROM smo_schedule WHERE id='" + id + "'")) {
        rs.next();
        assertThat(rs.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(due);
      }
      try (Connection c = ds.getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT execution_time FROM scheduled_tasks")) {
        rs.next();
        assertThat(rs.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(due);
      }
      s.start();
      clock.set(Instant.parse("2026-11-01T09:29:00Z"));
      Thread.sleep(2500); // polling rounds before the instant: nothing goes out
      assertThat(x.published).isEmpty();
      clock.set(due.plusSeconds(1));
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (x.published.isEmpty() && System.nanoTime() < end) {
        Thread.sleep(200);
      }
      assertThat(x.published).hasSize(1);
    }
  }

  @Test
  void anOverlapTakesTheFirstOccurrenceAndSaysSo() {
    ScheduleTime t = ScheduleTime.resolve(LocalDateTime.of(2026, 11, 1, 1, 30), LA);
    assertThat(t.instant()).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
    assertThat(t.kind()).isEqualTo(ScheduleTime.Kind.OVERLAP);
    assertThat(t.adjustment())
        .hasValueSatisfying(
            a ->
                assertThat(a)
                    .contains("happens twice")
                    .contains("first occurrence")
                    .contains("-07:00"));
  }

  @Test
  void aGapMovesForwardByItsLengthAndSaysSo() {
    ScheduleTime t =
        ScheduleTime.resolve(LocalDateTime.of(2026, 3, 29, 2, 30), ZoneId.of("Europe/Berlin"));
    assertThat(t.instant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(t.zoned().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 30));
    assertThat(t.kind()).isEqualTo(ScheduleTime.Kind.GAP);
    assertThat(t.adjustment())
        .hasValueSatisfying(
            a -> assertThat(a).contains("does not exist").contains("moved forward by 1 h"));
  }

  @Test
  void anOrdinaryTimeIsExactWithoutAdjustment() {
    ScheduleTime t = ScheduleTime.resolve(LocalDateTime.of(2026, 7, 1, 9, 0), LA);
    assertThat(t.instant()).isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
    assertThat(t.kind()).isEqualTo(ScheduleTime.Kind.EXACT);
    assertThat(t.adjustment()).isEmpty();
  }
}
