package io.smo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.spi.RateLimitWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two instances sharing one account's allowance through the database: no permit over the cap. */
class JdbcRateLimitStoreTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void twoInstancesNeverReserveMoreThanTheCap(String db) throws Exception {
    RateLimitPolicy.BucketLimit cap =
        RateLimitPolicy.builder()
            .bucket(TestBucket.B, 25, Duration.ofHours(1))
            .build()
            .bucket("b")
            .orElseThrow();
    String key = "twitter:api.x.com:acct-" + UUID.randomUUID() + ":tweets.read";
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    try (HikariDataSource one = Databases.pool(db, "limits", 4);
        HikariDataSource two = Databases.pool(db, "limits", 4)) {
      JdbcRateLimitStore a = new JdbcRateLimitStore(one);
      JdbcRateLimitStore b = new JdbcRateLimitStore(two);
      AtomicInteger granted = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        JdbcRateLimitStore s = i % 2 == 0 ? a : b;
        fs.add(
            pool.submit(
                () -> {
                  RateLimitWindow.Grant g = s.update(key, w -> w.tryAcquire(now, cap));
                  if (g.granted()) {
                    granted.incrementAndGet();
                  } else {
                    assertThat(g.retryAt()).hasValue(now.plus(Duration.ofHours(1)));
                  }
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      pool.shutdown();
      assertThat(granted).hasValue(25);
      assertThat(a.update(key, RateLimitWindow::inFlight)).isEqualTo(25);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void aChangeThatThrowsFailsOnlyItsCallerAndLeavesTheStateAsItWas(String db) throws Exception {
    RateLimitPolicy.BucketLimit cap =
        RateLimitPolicy.builder()
            .bucket(TestBucket.B, 1000, Duration.ofHours(1))
            .build()
            .bucket("b")
            .orElseThrow();
    String key = "twitter:api.x.com:acct-" + UUID.randomUUID() + ":tweets.read";
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    try (HikariDataSource one = Databases.pool(db, "limits", 8)) {
      JdbcRateLimitStore store = new JdbcRateLimitStore(one);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        boolean fail = i % 5 == 0;
        fs.add(
            pool.submit(
                () -> {
                  try {
                    store.update(
                        key,
                        w -> {
                          w.tryAcquire(now, cap);
                          if (fail) {
                            throw new IllegalArgumentException("refused by the change");
                          }
                          return true;
                        });
                    return true;
                  } catch (IllegalArgumentException e) {
                    return false;
                  }
                }));
      }
      int ok = 0;
      for (Future<Boolean> f : fs) {
        ok += f.get() ? 1 : 0;
      }
      pool.shutdown();
      assertThat(ok).isEqualTo(160);
      assertThat(store.update(key, RateLimitWindow::inFlight))
          .as("only the kept changes count")
          .isEqualTo(160);
    }
  }

  /** A bucket of a platform that does not exist, as a platform module publishes its own. */
  enum TestBucket implements io.smo.core.resilience.RateBucket {
    B;

    @Override
    public Spec spec() {
      return new Spec(
          "b",
          1,
          java.time.Duration.ofHours(1),
          java.net.URI.create("https://example.invalid/rate-limits"));
    }

    @Override
    public String id() {
      return "b";
    }

    @Override
    public int limit() {
      return 1;
    }

    @Override
    public java.time.Duration period() {
      return java.time.Duration.ofHours(1);
    }

    @Override
    public java.net.URI documentation() {
      return java.net.URI.create("https://example.invalid/rate-limits");
    }
  }
}
