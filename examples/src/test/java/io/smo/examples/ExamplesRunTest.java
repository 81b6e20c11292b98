package io.smo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Runs each example program's {@code main} on the sandbox, as a user would, and checks its output.
 */
@ResourceLock(Resources.SYSTEM_OUT)
class ExamplesRunTest {

  private interface Main {
    void run() throws Exception;
  }

  private static String output(Main main) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      main.run();
    } finally {
      System.setOut(saved);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void crossPostExamplePublishesEverywhere() throws Exception {
    String out = output(() -> CrossPostExample.main(new String[0]));

    assertThat(out)
        .containsPattern("(?m)^facebook\\s+PUBLISHED ")
        .containsPattern("(?m)^instagram\\s+PUBLISHED ")
        .containsPattern("(?m)^twitter\\s+PUBLISHED ")
        .containsPattern("(?m)^snapchat\\s+PUBLISHED ")
        .contains("Published everywhere.");
  }

  @Test
  void engagementExampleRepliesAndHides() throws Exception {
    String out = output(() -> EngagementExample.main(new String[0]));

    assertThat(out)
        .containsPattern("(?m)^published facebook:")
        .containsPattern("(?m)^metrics\\s+\\{.*LIKES=\\d+")
        .containsPattern("(?m)^comment\\s+facebook:")
        .containsPattern("(?m)^replied\\s+facebook:")
        .containsPattern("(?m)^hidden\\s+facebook:");
  }

  @Test
  void validateExampleReportsEachViolationAndSendsNothing() throws Exception {
    String out = output(() -> ValidateExample.main(new String[0]));

    assertThat(out)
        .containsPattern("text\\s+max-length\\s+actual=\\d+ limit=280")
        .containsPattern("media\\[0\\]\\s+video-duration\\s+actual=PT1M15S limit=PT1M")
        .containsPattern("audience\\.countries\\s+iso-3166\\s+actual=UK")
        .contains("nothing was sent");
  }
}
