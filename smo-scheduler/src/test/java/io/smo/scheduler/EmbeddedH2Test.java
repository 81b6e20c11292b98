package io.smo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.scheduler.internal.EmbeddedH2;
import org.junit.jupiter.api.Test;

/** H2 is optional: used when present, and its absence explained (how to add it). */
class EmbeddedH2Test {
  @Test
  void presentOnTheTestClassPath() {
    assertThat(EmbeddedH2.available(getClass().getClassLoader())).isTrue();
  }

  @Test
  void absenceIsDetectedAndTheMessageSaysHowToAddIt() {
    ClassLoader withoutH2 = new ClassLoader(null) {}; // the JDK's classes only
    assertThat(EmbeddedH2.available(withoutH2)).isFalse();
    assertThat(EmbeddedH2.HOW_TO_ADD)
        .contains("com.h2database")
        .contains("<artifactId>h2</artifactId>")
        .contains("dataSource(");
  }
}
