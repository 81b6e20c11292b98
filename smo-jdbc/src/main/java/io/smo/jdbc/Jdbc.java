package io.smo.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** JDBC plumbing shared by the stores: schema creation, transactions, duplicate-key detection. */
final class Jdbc {
  private Jdbc() {}

  /** A unit of work on a connection. */
  interface Work<R> {
    R run(Connection c) throws SQLException;
  }

  /** Thrown for a database failure. */
  static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(
        what + " failed: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
  }

  /** Runs DDL statements, each on its own (auto-commit). */
  static void ddl(DataSource ds, String... statements) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw failure("creating the schema", e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  static <R> R tx(DataSource ds, String what, Work<R> work) {
    try (Connection c = ds.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        R r = work.run(c);
        c.commit();
        return r;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(c);
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** Runs {@code work} on an auto-commit connection. */
  static <R> R auto(DataSource ds, String what, Work<R> work) {
    try (Connection c = ds.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the original failure matters more
    }
  }

  /**
   * Returns whether {@code e} is a unique-key violation (SQLState class 23, as PostgreSQL and H2
   * report).
   */
  static boolean duplicate(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }
}
