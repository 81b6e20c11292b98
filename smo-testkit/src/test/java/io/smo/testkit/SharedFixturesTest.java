package io.smo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Finding the shared folder and skipping tests whose shared file is absent. */
class SharedFixturesTest {
  private static final String PROP = "smo.shared.dir";
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(PROP);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(PROP);
    } else {
      System.setProperty(PROP, saved);
    }
  }

  @Test
  void systemPropertyNamesTheFolderAndFilesAreReadInPlace(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("fixtures/demo/answer.json");
    Files.createDirectories(f.getParent());
    Files.writeString(f, "{\"ok\":true}", StandardCharsets.UTF_8);
    System.setProperty(PROP, dir.toString());
    assertThat(SharedFixtures.dir()).contains(dir.toAbsolutePath().normalize());
    assertThat(SharedFixtures.require("fixtures/demo/answer.json")).isEqualTo(f);
    assertThat(SharedFixtures.read("fixtures/demo/answer.json")).isEqualTo("{\"ok\":true}");
  }

  @Test
  void anAbsentFileSkipsTheTestWithItsPath(@TempDir Path dir) {
    System.setProperty(PROP, dir.toString());
    assertThatThrownBy(() -> SharedFixtures.require("fixtures/none/missing.json"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("shared file absent, skipping")
        .hasMessageContaining("missing.json");
    assertThatThrownBy(() -> SharedFixtures.read("fixtures/none/missing.json"))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void aPropertyNamingNoFolderFallsBackToTheUsualPlaces(@TempDir Path dir) {
    System.setProperty(PROP, dir.resolve("does-not-exist").toString());
    SharedFixtures.dir()
        .ifPresent(
            p ->
                assertThat(
                        Files.isDirectory(p.resolve("fixtures"))
                            || Files.isDirectory(p.resolve("specs")))
                    .isTrue());
    System.setProperty(PROP, " ");
    SharedFixtures.dir().ifPresent(p -> assertThat(p.getFileName().toString()).isNotBlank());
  }
}
