package io.smo.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the media files the examples publish ({@code examples/campaigns/media/}), whether the
 * example runs from the repository root ({@code java -cp examples/target/smo.jar ...}) or from the
 * {@code examples} module (Maven runs tests there).
 */
final class ExampleFiles {
  private ExampleFiles() {}

  /**
   * Returns {@code examples/campaigns/media/<name>}, resolved from the working directory.
   *
   * @throws IllegalStateException if the file is in neither place
   */
  static Path media(String name) {
    for (String dir : new String[] {"examples/campaigns/media", "campaigns/media"}) {
      Path p = Path.of(dir, name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find campaigns/media/"
            + name
            + ": run the examples from the repository root or from the examples folder");
  }
}
