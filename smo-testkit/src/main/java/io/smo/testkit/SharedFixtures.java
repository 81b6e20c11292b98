package io.smo.testkit;

import io.smo.core.SmoPublicApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the project's shared folder of platform specs and captured responses ({@code specs/},
 * {@code fixtures/}), which tests read in place and never copy: the system property {@code
 * smo.shared.dir}, else {@code ../shared} or {@code ../../shared} from the working directory. Tests
 * call {@link #require(String)}, which skips the test with a clear message when the folder is
 * absent.
 */
@SmoPublicApi
public final class SharedFixtures {
  private SharedFixtures() {}

  /** Returns the shared folder, if present. */
  public static Optional<Path> dir() {
    String prop = System.getProperty("smo.shared.dir");
    if (prop != null && !prop.isBlank()) {
      Path p = Path.of(prop).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    for (String candidate : new String[] {"../shared", "../../shared", "shared"}) {
      Path p = Path.of(candidate).toAbsolutePath().normalize();
      if (Files.isDirectory(p.resolve("fixtures")) || Files.isDirectory(p.resolve("specs"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns {@code relative} inside the shared folder, skipping the calling test (JUnit assumption)
   * with a clear message when the folder or the file is absent.
   *
   * @param relative e.g. {@code "fixtures/twitter/tweet_create_response.json"}
   */
  public static Path require(String relative) {
    Optional<Path> dir = dir();
    Assumptions.assumeTrue(
        dir.isPresent(),
        "shared folder not found (set -Dsmo.shared.dir=...): "
            + "skipping the test that reads "
            + relative);
    Path p = dir.get().resolve(relative);
    Assumptions.assumeTrue(Files.exists(p), "shared file absent, skipping: " + p);
    return p;
  }

  /** Reads a shared file as UTF-8, skipping the test when it is absent. */
  public static String read(String relative) {
    try {
      return Files.readString(require(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
