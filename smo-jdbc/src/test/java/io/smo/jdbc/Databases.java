package io.smo.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Test databases: an in-memory H2 database shared by name, and the loopback PostgreSQL that
 * {@code .ci/postgres} starts (override with SMO_PG_URL, SMO_PG_USER, SMO_PG_PASSWORD); PostgreSQL
 * tests skip when it is not reachable. Each call returns a new pool: two calls are two instances.
 */
final class Databases {
  private Databases() {}

  static Stream<String> both() {
    return Stream.of("h2", "postgresql");
  }

  static String pgUrl() {
    return System.getenv().getOrDefault("SMO_PG_URL", "jdbc:postgresql://127.0.0.1:5432/smo_test");
  }

  static String pgUser() {
    return System.getenv().getOrDefault("SMO_PG_USER", "postgres");
  }

  static String pgPassword() {
    return System.getenv().getOrDefault("SMO_PG_PASSWORD", "smo");
  }

  static boolean postgresReachable() {
    try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword())) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Returns a new pool on database {@code db} ("h2" or "postgresql"); skips the test when
   * PostgreSQL is absent.
   */
  static HikariDataSource pool(String db, String h2Name, int size) {
    HikariConfig c = new HikariConfig();
    if (db.equals("h2")) {
      c.setJdbcUrl("jdbc:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000");
      c.setUsername("sa");
    } else {
      Assumptions.assumeTrue(postgresReachable(),
          "no PostgreSQL on 127.0.0.1:5432 (run .ci/postgres): skipped");
      c.setJdbcUrl(pgUrl());
      c.setUsername(pgUser());
      c.setPassword(pgPassword());
    }
    c.setMaximumPoolSize(size);
    c.setConnectionTimeout(60_000);
    return new HikariDataSource(c);
  }
}
