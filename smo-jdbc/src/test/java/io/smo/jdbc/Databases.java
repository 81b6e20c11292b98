package io.smo.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Test databases: an in-memory H2 database shared by name, and the loopback PostgreSQL that {@code
 * .ci/postgres} starts (override with SMO_PG_URL, SMO_PG_USER, SMO_PG_PASSWORD); PostgreSQL tests
 * skip when it is not reachable. Each call returns a new pool: two calls are two instances.
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

  private static String schema;

  /**
   * Returns this test run's own PostgreSQL schema ({@code smo_jdbc_<random>}), created on first use
   * and dropped when the JVM exits, so that runs sharing the server (CI, several branches building
   * at once) never see each other's tables.
   */
  static synchronized String pgSchema() {
    if (schema == null) {
      String name =
          "smo_jdbc_"
              + Long.toHexString(System.nanoTime())
              + Integer.toHexString(
                  java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 16));
      try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
          java.sql.Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + name);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("cannot create schema " + name + ": " + e.getMessage(), e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (Connection c =
                            DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
                        java.sql.Statement s = c.createStatement()) {
                      s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                    } catch (java.sql.SQLException e) {
                      // left behind: harmless, the name is unique
                    }
                  }));
      schema = name;
    }
    return schema;
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
      Assumptions.assumeTrue(
          postgresReachable(), "no PostgreSQL on 127.0.0.1:5432 (run .ci/postgres): skipped");
      c.setJdbcUrl(pgUrl());
      c.setUsername(pgUser());
      c.setPassword(pgPassword());
      c.setSchema(pgSchema());
    }
    c.setMaximumPoolSize(size);
    c.setConnectionTimeout(60_000);
    return new HikariDataSource(c);
  }
}
