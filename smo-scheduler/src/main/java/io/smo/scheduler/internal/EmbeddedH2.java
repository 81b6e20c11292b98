package io.smo.scheduler.internal;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The scheduler's default store, an embedded H2 file database, used only when H2 is on the class
 * path: {@code com.h2database:h2} is an optional dependency of smo-scheduler. This is the only
 * class that names an H2 type, so the scheduler loads and runs without H2 when the user gives a
 * {@code DataSource}.
 */
public final class EmbeddedH2 {
  static final String DRIVER_CLASS = "org.h2.jdbcx.JdbcDataSource";

  /** What to do when H2 is absent; the message of {@link #dataSource(Path)}'s exception. */
  public static final String HOW_TO_ADD =
      "the scheduler's default store is an embedded H2 database,"
          + " but H2 is not on the class path: add com.h2database:h2 to your dependencies (Maven:"
          + " <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId></dependency>,"
          + " version from smo-bom; Gradle: implementation(\"com.h2database:h2\")), or give the"
          + " scheduler your own database with PostScheduler.builder().dataSource(...) (PostgreSQL for"
          + " several instances)";

  private EmbeddedH2() {}

  /**
   * Returns whether H2 can be loaded through {@code loader}.
   *
   * @param loader the class loader to look in
   */
  public static boolean available(ClassLoader loader) {
    try {
      Class.forName(DRIVER_CLASS, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Returns an H2 data source on {@code file} (without extension; {@code .mv.db} is added).
   *
   * @param file the database file
   * @return the data source
   * @throws IllegalStateException when H2 is not on the class path, saying how to add it
   */
  public static DataSource dataSource(Path file) {
    if (!available(EmbeddedH2.class.getClassLoader())) {
      throw new IllegalStateException(HOW_TO_ADD);
    }
    return open(file);
  }

  private static DataSource open(Path file) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    h2.setUser("sa");
    return h2;
  }
}
