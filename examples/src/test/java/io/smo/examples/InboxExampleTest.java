package io.smo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The README's unified inbox loop is {@link InboxExample}'s, token for token (so it compiles
 * against the real API), and the example runs on the sandbox: items of every platform answered
 * through the client of their account, closed windows skipped with the reason.
 */
@ResourceLock(Resources.SYSTEM_OUT)
class InboxExampleTest {

  /** Drops line comments and all white space: what is left is the code's tokens. */
  private static String tokens(String code) {
    return code.replaceAll("//[^\\n]*", "").replaceAll("\\s+", "");
  }

  @Test
  void theReadmeLoopIsTheExamplesLoop() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String readme = Files.readString(root.resolve("README.md"));
    int section = readme.indexOf("## Inbox: answer the audience on every platform");
    assertThat(section).isNotNegative();
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find(section)).isTrue();
    String example =
        Files.readString(root.resolve("examples/src/main/java/io/smo/examples/InboxExample.java"));
    Matcher region =
        Pattern.compile("// README: unified inbox loop\\n(.*?)// README end", Pattern.DOTALL)
            .matcher(example);
    assertThat(region.find()).isTrue();
    assertThat(tokens(block.group(1))).isEqualTo(tokens(region.group(1)));
  }

  @Test
  void theExampleAnswersOnTheSandbox() throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      InboxExample.main(new String[0]);
    } finally {
      System.setOut(saved);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .containsPattern("not answered facebook:\\S+:message:\\S+: .*messaging window is closed")
        .containsPattern("answers: x replies=[1-9]\\d* x dms=[1-9]\\d* youtube replies=[1-9]\\d*")
        .containsPattern("facebook comments=[1-9]");
  }
}
