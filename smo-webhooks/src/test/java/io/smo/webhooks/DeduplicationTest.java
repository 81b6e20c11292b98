package io.smo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.event.EventDeduplicator;
import io.smo.core.event.InMemoryEventDeduplicator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Duplicate and out-of-order deliveries give each event once, in memory and in a database. */
class DeduplicationTest {
  @TempDir static Path dir;

  static Stream<String> stores() {
    return Stream.of("memory", "h2", "postgresql");
  }

  static EventDeduplicator store(String name) {
    switch (name) {
      case "memory":
        return EventDeduplicator.defaults();
      case "h2":
        {
          JdbcDataSource ds = new JdbcDataSource();
          ds.setURL(
              "jdbc:h2:file:"
                  + dir.resolve("dedup-" + System.nanoTime()).toAbsolutePath()
                  + ";DB_CLOSE_DELAY=-1");
          ds.setUser("sa");
          return JdbcEventDeduplicator.create(ds);
        }
      default:
        {
          DataSource pg = postgres();
          Assumptions.assumeTrue(
              pg != null, "no PostgreSQL on 127.0.0.1:5432 (run .ci/postgres): skipped");
          return JdbcEventDeduplicator.create(
              pg, "smo_webhook_events_test", java.time.Clock.systemUTC());
        }
    }
  }

  static DataSource postgres() {
    String url =
        System.getenv().getOrDefault("SMO_PG_URL", "jdbc:postgresql://127.0.0.1:5432/smo_test");
    String user = System.getenv().getOrDefault("SMO_PG_USER", "postgres");
    String password = System.getenv().getOrDefault("SMO_PG_PASSWORD", "smo");
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS smo_webhook_events_test");
    } catch (Exception e) {
      return null;
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  /**
   * X deliveries of several DMs each, every delivery sent 3 times, all shuffled: each event once.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void duplicatedAndReorderedDeliveriesGiveEachEventOnce(String store) {
    EventDeduplicator dedup = store(store);
    // a database call costs a connection here (no pool in the test): fewer events, same shape
    int batches = store.equals("memory") ? 30 : 6;
    int perBatch = store.equals("memory") ? 10 : 4;
    XWebhookHandler h =
        XWebhookHandler.builder().consumerSecret(Sign.X_SECRET).deduplicator(dedup).build();
    List<String> deliveries = new ArrayList<>();
    for (int d = 0; d < batches; d++) {
      StringBuilder b = new StringBuilder("{\"for_user_id\":\"42\",\"direct_message_events\":[");
      for (int i = 0; i < perBatch; i++) {
        b.append(i == 0 ? "" : ",")
            .append("{\"type\":\"message_create\",\"id\":\"")
            .append(d * perBatch + i)
            .append(
                "\",\"message_create\":{\"sender_id\":\"7\",\"message_data\":{\"text\":\"m\"}}}");
      }
      String json = b.append("]}").toString();
      deliveries.add(json);
      deliveries.add(json);
      deliveries.add(json);
    }
    Collections.shuffle(deliveries, new Random(7));
    List<String> ids = new ArrayList<>();
    int duplicates = 0;
    for (String json : deliveries) {
      WebhookResult r = Sign.x(h, json);
      assertThat(r.status()).isEqualTo(200);
      r.events().forEach(e -> ids.add(e.objectId().orElseThrow()));
      duplicates += r.duplicates();
    }
    assertThat(ids).hasSize(batches * perBatch).doesNotHaveDuplicates();
    assertThat(duplicates).isEqualTo(2 * batches * perBatch);
  }

  /** Several handler instances sharing one store, delivering the same events concurrently. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void concurrentInstancesOnOneStoreGiveEachEventOnce(String store) throws Exception {
    EventDeduplicator dedup = store(store);
    List<MetaWebhookHandler> instances =
        List.of(
            MetaWebhookHandler.builder()
                .appSecret(Sign.META_SECRET)
                .verifyToken("v")
                .deduplicator(dedup)
                .build(),
            MetaWebhookHandler.builder()
                .appSecret(Sign.META_SECRET)
                .verifyToken("v")
                .deduplicator(dedup)
                .build());
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < 4; t++) {
      MetaWebhookHandler h = instances.get(t % 2);
      pool.submit(
          () -> {
            start.await();
            for (int i = 0; i < 20; i++) {
              String json =
                  "{\"object\":\"page\",\"entry\":[{\"id\":\"P\",\"messaging\":[{\"sender\":{\"id\":\"u\"},"
                      + "\"recipient\":{\"id\":\"P\"},\"message\":{\"mid\":\"mid-"
                      + i
                      + "\",\"text\":\"x\"}}]}]}";
              Sign.meta(h, json).events().forEach(e -> got.add(e.objectId().orElseThrow()));
            }
            return null;
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(got).hasSize(20).doesNotHaveDuplicates();
  }

  @Test
  void theSameCommentViaTwoEnvelopesIsOneEvent() {
    MetaWebhookHandler h = Sign.meta();
    String a =
        "{\"object\":\"page\",\"entry\":[{\"id\":\"P\",\"time\":1,\"changes\":[{\"field\":\"feed\",\"value\":"
            + "{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"C1\",\"post_id\":\"P_1\"}}]}]}";
    String b = a.replace("\"time\":1", "\"time\":2"); // a retry of the same change, batched anew
    assertThat(Sign.meta(h, a).events()).hasSize(1);
    WebhookResult again = Sign.meta(h, b);
    assertThat(again.events()).isEmpty();
    assertThat(again.duplicates()).isEqualTo(1);
  }

  @Test
  void inMemoryStoreIsBoundedAndExpires() {
    AtomicLong nanos = new AtomicLong();
    InMemoryEventDeduplicator d =
        InMemoryEventDeduplicator.create(1000, Duration.ofHours(1), nanos::get);
    assertThat(d.firstSeen("k")).isTrue();
    assertThat(d.firstSeen("k")).isFalse();
    nanos.addAndGet(Duration.ofHours(2).toNanos());
    assertThat(d.firstSeen("k")).isTrue();
    d.forget("k");
    assertThat(d.firstSeen("k")).isTrue();
    for (int i = 0; i < 5000; i++) {
      d.firstSeen("k" + i);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (d.size() > 1000 && System.nanoTime() < deadline) {
      d.firstSeen("poke"); // eviction runs after writes
      Thread.onSpinWait();
    }
    assertThat(d.size()).isLessThanOrEqualTo(1000);
  }

  @Test
  void aFailingStoreAnswers500AndForgetsWhatItMarked() {
    List<String> forgotten = new ArrayList<>();
    EventDeduplicator failing =
        new EventDeduplicator() {
          int calls;

          @Override
          public boolean firstSeen(String key) {
            if (++calls == 2) {
              throw new IllegalStateException("db down");
            }
            return true;
          }

          @Override
          public void forget(String key) {
            forgotten.add(key);
          }
        };
    XWebhookHandler h =
        XWebhookHandler.builder().consumerSecret(Sign.X_SECRET).deduplicator(failing).build();
    WebhookResult r =
        Sign.x(h, "{\"for_user_id\":\"1\",\"favorite_events\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.events()).isEmpty();
    assertThat(r.error().orElseThrow().reason()).isEqualTo(WebhookException.Reason.STORE_FAILED);
    assertThat(forgotten).containsExactly("twitter:favorite:a");
  }

  @Test
  void jdbcPurgesOldKeys() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:purge;DB_CLOSE_DELAY=-1");
    java.time.Instant[] now = {java.time.Instant.parse("2026-12-01T00:00:00Z")};
    java.time.Clock clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId z) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return now[0];
          }
        };
    JdbcEventDeduplicator d = JdbcEventDeduplicator.create(ds, "purge_test", clock);
    assertThat(d.firstSeen("old")).isTrue();
    now[0] = now[0].plus(Duration.ofDays(8));
    assertThat(d.firstSeen("new")).isTrue();
    assertThat(d.purgeOlderThan(EventDeduplicator.DEFAULT_RETENTION)).isEqualTo(1);
    assertThat(d.firstSeen("old")).isTrue();
    assertThat(d.firstSeen("new")).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> JdbcEventDeduplicator.create(ds, "x; drop", clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
