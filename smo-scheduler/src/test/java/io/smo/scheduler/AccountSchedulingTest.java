package io.smo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.Target;
import io.smo.scheduler.internal.ScheduleStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schedules record their target accounts: instances holding different accounts of the same
 * platforms on one database publish every target exactly once and only as its own account; a target
 * no instance serves stays pending with a reason; tables of the older layout are migrated. Runs on
 * H2 always and on PostgreSQL when one is reachable (.ci/postgres starts it).
 */
class AccountSchedulingTest {

  static Stream<String> databases() {
    return Stream.of("h2", "postgresql");
  }

  private static void await(BooleanSupplier done, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void twoInstancesWithDifferentAccountsPublishEachTargetOnceAsItsOwnAccount(String db)
      throws Exception {
    DataSource ds = MultiInstanceTest.database(db);
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    AtomicInteger counter = new AtomicInteger();
    FakeClient fbA = new FakeClient(Platform.FACEBOOK, "page-a", false, clock, counter);
    FakeClient xA = new FakeClient(Platform.TWITTER, "x-a", false, clock, counter);
    FakeClient fbB = new FakeClient(Platform.FACEBOOK, "page-b", false, clock, counter);
    FakeClient xB = new FakeClient(Platform.TWITTER, "x-b", false, clock, counter);
    int perInstance = 10;
    try (PostScheduler a =
            PostScheduler.builder()
                .dataSource(ds)
                .clock(clock)
                .add(fbA)
                .add(xA)
                .pollingInterval(Duration.ofSeconds(1))
                .instanceName("a")
                .build();
        PostScheduler b =
            PostScheduler.builder()
                .dataSource(ds)
                .clock(clock)
                .add(fbB)
                .add(xB)
                .pollingInterval(Duration.ofSeconds(1))
                .instanceName("b")
                .build()) {
      Instant due = clock.instant().plus(Duration.ofHours(1));
      for (int i = 0; i < perInstance; i++) {
        // the platform-only form means "this instance's one account on the platform"
        a.schedule(
            Post.builder().text("for A " + i).build(),
            List.of(Platform.FACEBOOK, Platform.TWITTER),
            due);
        b.scheduleTo(
            Post.builder().text("for B " + i).build(),
            List.of(Target.of(Platform.FACEBOOK, "page-b"), Target.of(Platform.TWITTER, "x-b")),
            due,
            ZoneOffset.UTC);
      }
      assertThat(a.list()).hasSize(2 * perInstance);
      a.start();
      b.start();
      clock.advance(Duration.ofHours(2));
      await(() -> a.list().stream().allMatch(ScheduledPost::done), 120);
      assertThat(a.list())
          .allSatisfy(
              s ->
                  assertThat(s.targets())
                      .allSatisfy(t -> assertThat(t.status()).isEqualTo(TargetStatus.PUBLISHED)));
      assertThat(a.list().get(0).targets())
          .extracting(t -> t.target().orElseThrow().platform())
          .containsExactly(Platform.FACEBOOK, Platform.TWITTER);
    }
    for (FakeClient c : List.of(fbA, xA)) {
      assertThat(c.published)
          .hasSize(perInstance)
          .allSatisfy(p -> assertThat(p.text()).startsWith("for A"));
    }
    for (FakeClient c : List.of(fbB, xB)) {
      assertThat(c.published)
          .hasSize(perInstance)
          .allSatisfy(p -> assertThat(p.text()).startsWith("for B"));
    }
    List<String> texts = new ArrayList<>();
    Stream.of(fbA, fbB).forEach(c -> c.published.forEach(p -> texts.add(p.text())));
    assertThat(texts).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aDueTargetWhoseAccountNoInstanceServesStaysPendingWithAReason(String db) throws Exception {
    DataSource ds = MultiInstanceTest.database(db);
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    AtomicInteger counter = new AtomicInteger();
    FakeClient elsewhere = new FakeClient(Platform.TWITTER, "x-brand", false, clock, counter);
    FakeClient served = new FakeClient(Platform.TWITTER, "x-support", false, clock, counter);
    String id;
    try (PostScheduler gone =
        PostScheduler.builder()
            .dataSource(ds)
            .clock(clock)
            .add(elsewhere)
            .instanceName("gone")
            .build()) {
      id =
          gone.schedule(
              Post.builder().text("brand news").build(),
              List.of(Platform.TWITTER),
              clock.instant().plus(Duration.ofMinutes(30)));
    }
    try (PostScheduler other =
        PostScheduler.builder()
            .dataSource(ds)
            .clock(clock)
            .add(served)
            .pollingInterval(Duration.ofSeconds(1))
            .instanceName("other")
            .build()) {
      String own =
          other.schedule(
              Post.builder().text("support news").build(),
              List.of(Platform.TWITTER),
              clock.instant().plus(Duration.ofMinutes(30)));
      other.start();
      clock.advance(Duration.ofHours(1));
      await(() -> other.get(own).orElseThrow().done(), 60);
      assertThat(other.get(own).orElseThrow().targets().get(0).status())
          .isEqualTo(TargetStatus.PUBLISHED);
      Thread.sleep(2500); // several polling rounds in which the other account's job was due
      ScheduledTarget waiting = other.get(id).orElseThrow().targets().get(0);
      assertThat(waiting.status()).isEqualTo(TargetStatus.PENDING);
      assertThat(waiting.target()).contains(Target.of(Platform.TWITTER, "x-brand"));
      assertThat(waiting.reason())
          .hasValueSatisfying(
              r ->
                  assertThat(r)
                      .contains("no client for twitter:x-brand")
                      .contains("stays pending"));
      assertThat(
              other.list().stream()
                  .filter(s -> s.id().equals(id))
                  .findFirst()
                  .orElseThrow()
                  .toString())
          .contains("twitter:x-brand");
    }
    assertThat(served.published).extracting(Post::text).containsExactly("support news");
    assertThat(elsewhere.published).isEmpty();
    // the account's own instance comes back and publishes it, as that account
    try (PostScheduler back =
        PostScheduler.builder()
            .dataSource(ds)
            .clock(clock)
            .add(elsewhere)
            .pollingInterval(Duration.ofSeconds(1))
            .instanceName("back")
            .build()) {
      back.start();
      await(() -> back.get(id).orElseThrow().done(), 60);
      assertThat(back.get(id).orElseThrow().targets().get(0).status())
          .isEqualTo(TargetStatus.PUBLISHED);
    }
    assertThat(elsewhere.published).extracting(Post::text).containsExactly("brand news");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void tablesOfTheOlderLayoutAreMigratedAndTheirWaitingRowsRefused(String db) throws Exception {
    DataSource ds = MultiInstanceTest.database(db);
    Instant now = Instant.parse("2026-06-01T08:00:00Z");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      boolean pg = db.equals("postgresql");
      s.execute(
          "CREATE TABLE smo_schedule (id VARCHAR(64) PRIMARY KEY, due_at TIMESTAMP WITH TIME ZONE"
              + " NOT NULL, zone_id VARCHAR(64) NOT NULL, post_json "
              + (pg ? "TEXT" : "CLOB")
              + " NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      s.execute(
          "CREATE TABLE smo_schedule_target (schedule_id VARCHAR(64) NOT NULL,"
              + " platform VARCHAR(20) NOT NULL, mode VARCHAR(10) NOT NULL, status VARCHAR(20) NOT NULL,"
              + " post_id VARCHAR(200), url VARCHAR(1000), error VARCHAR(2000), attempts INT NOT NULL,"
              + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (schedule_id, platform))");
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO smo_schedule VALUES (?,?,?,?,?)")) {
        p.setString(1, "old-1");
        p.setObject(2, now.plusSeconds(3600).atOffset(ZoneOffset.UTC));
        p.setString(3, "UTC");
        p.setString(4, "{\"text\":\"written by 0.0.9\"}");
        p.setObject(5, now.atOffset(ZoneOffset.UTC));
        p.executeUpdate();
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO smo_schedule_target VALUES (?,?,?,?,NULL,NULL,NULL,0,?)")) {
        for (String[] r : new String[][] {{"TWITTER", "PENDING"}, {"FACEBOOK", "PUBLISHED"}}) {
          p.setString(1, "old-1");
          p.setString(2, r[0]);
          p.setString(3, "LOCAL");
          p.setString(4, r[1]);
          p.setObject(5, now.atOffset(ZoneOffset.UTC));
          p.executeUpdate();
        }
      }
    }
    MutableClock clock = new MutableClock(now);
    FakeClient x = new FakeClient(Platform.TWITTER, "x-a", false, clock, new AtomicInteger());
    FakeClient x2 = new FakeClient(Platform.TWITTER, "x-b", false, clock, new AtomicInteger());
    try (PostScheduler s =
        PostScheduler.builder().dataSource(ds).clock(clock).add(x).add(x2).build()) {
      ScheduledPost old = s.get("old-1").orElseThrow();
      ScheduledTarget tw =
          old.targets().stream()
              .filter(t -> t.platform() == Platform.TWITTER)
              .findFirst()
              .orElseThrow();
      assertThat(tw.status()).isEqualTo(TargetStatus.REFUSED);
      assertThat(tw.status().terminal()).isTrue();
      assertThat(tw.target()).isEmpty();
      assertThat(tw.error()).contains(ScheduleStore.LEGACY_REFUSAL);
      assertThat(
              old.targets().stream()
                  .filter(t -> t.platform() == Platform.FACEBOOK)
                  .findFirst()
                  .orElseThrow()
                  .status())
          .isEqualTo(TargetStatus.PUBLISHED);
      // the widened key holds two accounts of one platform in one schedule
      String id =
          s.scheduleTo(
              Post.builder().text("two X accounts").build(),
              List.of(Target.of(Platform.TWITTER, "x-a"), Target.of(Platform.TWITTER, "x-b")),
              now.plusSeconds(600),
              ZoneOffset.UTC);
      assertThat(s.get(id).orElseThrow().targets()).hasSize(2);
      assertThatThrownBy(
              () ->
                  s.schedule(
                      Post.builder().text("which one?").build(),
                      List.of(Platform.TWITTER),
                      now.plusSeconds(600)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2 X accounts");
    }
    // a second start finds the migrated table and leaves it alone
    try (PostScheduler s = PostScheduler.builder().dataSource(ds).clock(clock).add(x).build()) {
      assertThat(s.list()).hasSize(2);
    }
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        var rs = st.executeQuery("SELECT due_at FROM smo_schedule WHERE id='old-1'")) {
      rs.next();
      assertThat(rs.getObject(1, OffsetDateTime.class).toInstant())
          .isEqualTo(now.plusSeconds(3600));
    }
  }

  @Test
  void twoClientsOfOneAccountAreRefused() {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    assertThatThrownBy(
            () ->
                PostScheduler.builder()
                    .add(
                        new FakeClient(
                            Platform.FACEBOOK, "page-a", false, clock, new AtomicInteger()))
                    .add(
                        new FakeClient(
                            Platform.FACEBOOK, "page-a", false, clock, new AtomicInteger())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("facebook:page-a");
  }
}
