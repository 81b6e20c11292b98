package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code smo inbox} and {@code smo answer} with further named accounts ({@code --account
 * NAME=PLATFORM}) on the embedded sandbox, and the errors of bad references and accounts: a clear
 * message and exit code 2, never a stack trace.
 */
class InboxAccountsCliTest {
  record Run(int exit, String out, String err) {}

  private static Run smo(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = SmoCli.run(args, o, e, Map.of());
    }
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void oneTableAcrossPlatformsAndTwoAccountsOfEachNewestFirst() throws Exception {
    Run r =
        smo(
            "inbox",
            "--json",
            "--platform",
            "facebook,twitter,youtube",
            "--account",
            "shop-fr=facebook",
            "--account",
            "support=twitter",
            "--account",
            "shorts=youtube");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("warning");
    JsonNode items = new ObjectMapper().readTree(r.out());
    Set<String> accounts = new HashSet<>();
    Instant previous = null;
    for (JsonNode i : items) {
      accounts.add(i.path("platform").asText() + ":" + i.path("account").asText());
      Instant at = Instant.parse(i.path("createdAt").asText());
      if (previous != null) {
        assertThat(at).isBeforeOrEqualTo(previous);
      }
      previous = at;
    }
    assertThat(accounts).hasSize(6);
    assertThat(accounts.stream().map(a -> a.substring(0, a.indexOf(':'))))
        .containsOnly("facebook", "twitter", "youtube");

    Run table = smo("inbox", "--unanswered", "--account", "support=twitter");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("ACCOUNT")
        .contains("1790000000000000042")
        .contains("9000000000000000001");
  }

  @Test
  void answerFindsTheNamedAccountThatHoldsTheItem() {
    String ref = "twitter:9000000000000000001:mention:1800000000000000002:1800000000000000002";
    Run without = smo("answer", ref, "On it");
    assertThat(without.exit()).isEqualTo(2);
    assertThat(without.err())
        .contains("belongs to account 9000000000000000001")
        .contains("--account NAME=twitter")
        .doesNotContain("Exception");
    Run with = smo("answer", "--account", "support=twitter", ref, "On it");
    assertThat(with.exit()).as(with.err()).isZero();
    assertThat(with.out()).startsWith("answered: twitter:9000000000000000001:");
  }

  @Test
  void badReferencesAndAccountsAreClearErrorsWithExitCode2() {
    for (String[] args :
        new String[][] {
          {"answer", "twitter:1:mention", "x"},
          {"answer", "myspace:1:message:t:m", "x"},
          {"answer", "facebook:104000000000001:gossip:t:m", "x"},
          {"answer", "tiktok:sbx-tiktok-open-id-0001:message:v:c", "x"},
          {"answer", "tiktok:sbx-tiktok-open-id-0001:comment:v:c", "x"},
          {"answer", "youtube:UCsbxYouTubeChannel0000a:message:t:m", "x"},
          {
            "answer", "facebook:104000000000001:message:t_7100000000000001:m_7100000000000001_1", ""
          },
          {"inbox", "--account", "support"},
          {"inbox", "--account", "a=myspace"},
          {"inbox", "--account", "a=twitter", "--account", "a=facebook"},
          {"inbox", "--kind", "gossip"},
          {"inbox", "--days", "-1"},
          {"inbox", "--max", "-1"},
          {"answer", "--days", "-5", "twitter:1:mention:2:2", "x"},
        }) {
      Run r = smo(args);
      assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
      assertThat(r.err())
          .as(String.join(" ", args))
          .contains("error: ")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      assertThat(r.out()).doesNotStartWith("answered");
    }
    // TikTok has comments on the sandbox (its creator is a Business account), no messages
    Run tiktok = smo("answer", "tiktok:sbx-tiktok-open-id-0001:message:v:c", "x");
    assertThat(tiktok.err())
        .contains("TikTok offers no message inbox")
        .contains("nothing was sent");
    Run unknown = smo("answer", "tiktok:sbx-tiktok-open-id-0001:comment:v:c", "x");
    assertThat(unknown.err()).contains("no comment c in the TikTok inbox");
  }
}
