package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.testkit.Created;
import io.smo.testkit.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multi-account heatwave campaign through {@code smo post}, on the sandbox. */
class HeatwaveCampaignTest {
  private static final Path HEATWAVE = Path.of("campaigns/heatwave.yaml");

  record Run(int exit, String out, String err) {}

  private static Run smo(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = SmoCli.run(args, o, e, env);
    }
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void dryRunShowsThePlanAsAMatrixAndSendsNothing() {
    Run r = smo(Map.of(), "post", HEATWAVE.toString(), "--dry-run");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("13 (segment, target) pairs, 12 to publish")
        .containsPattern("(?m)^fb-global\\s+facebook:\\S+\\s+targeted\\s+targeted")
        .containsPattern("(?m)^snapchat\\s+snapchat:\\S+\\s+assigned\\s+-")
        .contains("skipped hot -> youtube: YouTube cannot target [countries]")
        .contains("Dry run: nothing was sent.");
    assertThat(r.err()).contains("embedded SMO sandbox");
  }

  @Test
  void postPublishesOneRowPerSegmentAndTargetEachAsItsAccount() {
    Run r = smo(Map.of(), "post", HEATWAVE.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(
            r.out()
                .lines()
                .filter(
                    l -> l.matches("^(hot|cold)\\s+\\S+\\s+\\S+:\\S+\\s+(published|skipped).*")))
        .hasSize(13);
    assertThat(r.out())
        .containsPattern("(?m)^hot\\s+x-south\\s+twitter:\\S+\\s+published")
        .containsPattern("(?m)^cold\\s+x-north\\s+twitter:\\S+\\s+published");
    Sandbox s = Session.lastSandbox;
    List<Created> x = s.created(Platform.TWITTER, "post");
    assertThat(x).hasSize(2);
    String south =
        s.accounts(Platform.TWITTER).stream()
            .filter(c -> c.extra("name").equals("x-south"))
            .findFirst()
            .orElseThrow()
            .accountId();
    assertThat(x)
        .filteredOn(c -> south.equals(c.account()))
        .singleElement()
        .satisfies(
            c -> assertThat(c.body().path("text").asText()).contains("ice-cold and refreshing"));
    assertThat(s.created(Platform.FACEBOOK, "post")).hasSize(4);
  }

  @Test
  void anAccountWithoutCredentialsIsSkippedAndTheOthersGoAhead(@TempDir Path dir) throws Exception {
    // only fb-global has credentials: the run is for real, so every other account is SKIPPED
    Path creds = dir.resolve("creds");
    Files.createDirectories(creds);
    Run r =
        smo(
            Map.of("SMO_FB_GLOBAL_ACCESS_TOKEN", "secret-token-value"),
            "post",
            HEATWAVE.toString(),
            "--dry-run",
            "--credentials",
            creds.toString());
    assertThat(r.out() + r.err()).doesNotContain("secret-token-value");
    assertThat(r.out() + r.err())
        .contains("fb-south")
        .contains("no credentials for account 'fb-south'")
        .contains("SMO_FB_SOUTH_ACCESS_TOKEN");
  }
}
