package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.testkit.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code smo} command line as a user would, in process, with captured streams and an empty
 * environment (so every platform runs on the embedded sandbox), on the shipped campaign files.
 * Maven runs tests with the {@code examples} module as the working directory.
 */
class SmoCliEndToEndTest {
  private static final Path LAUNCH = Path.of("campaigns/launch.yaml");
  private static final Path INVALID = Path.of("campaigns/invalid.yaml");

  /** The platforms launch.yaml targets, by the id the CLI prints. */
  private static final List<Platform> LAUNCH_PLATFORMS = List.of(Platform.values());

  /** What one run printed and returned. */
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

  private static Run smo(String... args) {
    return smo(Map.of(), args);
  }

  /** The outcome-table row of {@code platform}: id, outcome, post id, URL or reason. */
  private static Matcher row(String out, Platform platform) {
    Matcher m =
        Pattern.compile("(?m)^" + platform.id() + "\\s+(\\S+)\\s+(\\S+)\\s*(.*)$").matcher(out);
    assertThat(m.find()).as("a row for %s in:%n%s", platform.id(), out).isTrue();
    return m;
  }

  @Test
  void postPublishesTheLaunchCampaignOnTheSandboxWithOneRowPerPlatform() {
    Run r = smo("post", LAUNCH.toString());

    assertThat(r.exit()).as("exit code; stderr:%n%s", r.err()).isZero();
    assertThat(r.err()).contains("embedded SMO sandbox").contains("nothing is posted for real");
    assertThat(r.out()).contains("Publishing Aurora bike launch to 7 platform(s)");
    for (Platform p : LAUNCH_PLATFORMS) {
      Matcher row = row(r.out(), p);
      assertThat(row.group(1)).as("outcome of %s", p).isEqualTo("published");
      assertThat(row.group(2)).as("id of %s", p).isNotEqualTo("-");
    }
    assertThat(r.out())
        .doesNotContain("failed")
        .doesNotContain("unknown")
        .doesNotContain("skipped");
    // post publishes only: the engagement walk-through (metrics, reply, hide) is `smo demo`
    assertThat(r.out()).doesNotContainPattern("(?m)^\\s+\\S+\\s+(metrics|replied|hid)\\s");
  }

  @Test
  void demoPublishesThenReadsMetricsAnswersOneCommentAndHidesAnother() {
    Run r = smo("demo", LAUNCH.toString());

    assertThat(r.exit()).as("exit code; stderr:%n%s", r.err()).isZero();
    for (Platform p : LAUNCH_PLATFORMS) {
      assertThat(row(r.out(), p).group(1)).as("outcome of %s", p).isEqualTo("published");
      // the engagement pass read the post back from the same sandbox: it really exists there
      assertThat(r.out()).containsPattern("(?m)^\\s+" + p.id() + "\\s+metrics\\s+\\S+=\\d+");
    }
    // one comment answered and another hidden where the platform allows it
    assertThat(r.out())
        .containsPattern("(?m)^\\s+facebook\\s+replied\\s+to ")
        .containsPattern("(?m)^\\s+facebook\\s+hid\\s+")
        .containsPattern("(?m)^\\s+snapchat\\s+comments \\(the platform's API has none\\)");
  }

  /**
   * Asserts on what the sandbox recorded ({@code Session.lastSandbox}): exactly one post per
   * platform.
   */
  @Test
  void postCreatesExactlyOnePostPerPlatformInTheSandbox() throws Exception {
    Session.lastSandbox = null;
    Run r = smo("post", "--no-engage", LAUNCH.toString());
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();

    Sandbox sandbox = Session.lastSandbox;
    assertThat(sandbox).isNotNull();
    for (Platform p : LAUNCH_PLATFORMS) {
      assertThat(sandbox.created(p, "post")).as("posts on %s", p).hasSize(1);
      if (p != Platform.TIKTOK) { // TikTok records the publish id; the public post id comes later
        assertThat(sandbox.created(p, "post").get(0).id()).isEqualTo(row(r.out(), p).group(2));
      }
    }
  }

  @Test
  void dryRunValidatesAndSendsNothing() throws Exception {
    Session.lastSandbox = null;
    Run r = smo("post", "--dry-run", LAUNCH.toString());

    assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();
    assertThat(r.out())
        .contains("Dry run of Aurora bike launch: nothing was sent.")
        .doesNotContain("Publishing")
        .doesNotContain("published")
        .doesNotContain("metrics");
    for (Platform p : LAUNCH_PLATFORMS) {
      assertThat(r.out()).containsPattern("(?m)^" + p.id() + "\\s+ok$");
    }
    if (Session.lastSandbox != null) {
      Sandbox sandbox = Session.lastSandbox;
      for (Platform p : Platform.values()) {
        assertThat(sandbox.created(p)).as("created on %s during a dry run", p).isEmpty();
      }
    }
  }

  @Test
  void validateOfTheInvalidCampaignNamesEachViolationOnTheWiredPlatforms() {
    Run r = smo("validate", "--platforms", "x,instagram,facebook", INVALID.toString());

    assertThat(r.exit()).as("stderr:%n%s", r.err()).isEqualTo(1);
    String out = r.out();
    assertThat(out).contains("(offline)");
    // too long for X: 280 weighted characters
    assertThat(out)
        .containsPattern("(?m)^twitter\\s+\\d+ violations?$")
        .containsPattern("- text\\s+max-length\\s+actual=\\d+ limit=280");
    // a 75 s video as an Instagram Story (at most 60 s)
    assertThat(out)
        .containsPattern("(?m)^instagram\\s+\\d+ violations?$")
        .containsPattern("- media\\[0\\]\\s+video-duration\\s+actual=PT1M15S limit=PT1M");
    // "UK" is no ISO 3166-1 alpha-2 code: reported for every platform
    assertThat(
            Pattern.compile("- audience\\.countries\\s+iso-3166\\s+actual=UK")
                .matcher(out)
                .results()
                .count())
        .isEqualTo(3);
    assertThat(r.err()).doesNotContain("sandbox"); // offline: no sandbox, no network
  }

  @Test
  void validateOfTheWholeInvalidCampaignFailsAndNamesEveryViolation() {
    Run r = smo("validate", INVALID.toString());

    assertThat(r.exit()).isNotZero();
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern("(?m)^tiktok\\s+\\d+ violations?$")
        .contains("privacyLevel")
        .contains("PUBLIC_TO_MARS")
        .contains("max-length")
        .contains("video-duration")
        .contains("iso-3166");
  }

  @Test
  void scheduleUsesNativeSchedulingWhereThePlatformHasItAndListsTheJobs(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    String db = dir.resolve("schedules").toString();
    Run r = smo("schedule", "--db", db, LAUNCH.toString());
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();
    assertThat(r.out())
        .contains("2026-12-24T09:00+01:00[Europe/Berlin] (2026-12-24T08:00:00Z)")
        .containsPattern("facebook NATIVE SCHEDULED_NATIVE")
        .containsPattern("youtube NATIVE SCHEDULED_NATIVE")
        .containsPattern("twitter LOCAL PENDING")
        .containsPattern("tiktok LOCAL PENDING");
    Run list = smo("scheduled", "list", "--db", db);
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("Meet Aurora").containsPattern("pinterest LOCAL PENDING");
  }

  @Test
  void validateOfTheLaunchCampaignIsClean() {
    Run r = smo("validate", LAUNCH.toString());

    assertThat(r.exit()).as("out:%n%s%nerr:%n%s", r.out(), r.err()).isZero();
    for (Platform p : LAUNCH_PLATFORMS) {
      assertThat(r.out()).containsPattern("(?m)^" + p.id() + "\\s+ok$");
    }
  }

  @Test
  void helpListsTheCommands() {
    Run r = smo("--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("Usage: smo")
        .containsPattern("(?m)^\\s+post\\s")
        .containsPattern("(?m)^\\s+validate\\s")
        .containsPattern("(?m)^\\s+metrics\\s")
        .containsPattern("(?m)^\\s+comments\\s")
        .containsPattern("(?m)^\\s+reply\\s")
        .containsPattern("(?m)^\\s+hide\\s")
        .containsPattern("(?m)^\\s+sandbox\\s");
    assertThat(smo("--version").out()).startsWith("smo ");
  }

  @Test
  void credentialsFromTheEnvironmentAreUsedAndNeverPrinted() {
    String token = "EAAG-test-secret-token-5d41402abc4b2a76";
    Run r =
        smo(
            Map.of("SMO_FACEBOOK_ACCESS_TOKEN", token, "SMO_FACEBOOK_PAGE_ID", "104000000000001"),
            "post",
            "--dry-run",
            "--platforms",
            "facebook",
            LAUNCH.toString());

    assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();
    assertThat(r.err()).doesNotContain("sandbox"); // the configured platform does not use it
    assertThat(r.out() + r.err()).doesNotContain(token);
  }

  @Test
  void aMissingCredentialIsNamedWithoutPrintingTheOthers(@TempDir Path dir) throws IOException {
    String token = "EAAG-test-secret-token-from-file";
    Files.writeString(dir.resolve("facebook.properties"), "access_token=" + token + "\n");
    Run r =
        smo(
            "post",
            "--dry-run",
            "--platforms",
            "facebook",
            "--credentials",
            dir.toString(),
            LAUNCH.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("SMO_FACEBOOK_PAGE_ID").contains("page_id in facebook.properties");
    assertThat(r.out() + r.err()).doesNotContain(token);
  }

  @Test
  void badInputIsAnErrorWithExitCode2() {
    Run unknownPlatform = smo("post", "--platforms", "myspace", LAUNCH.toString());
    assertThat(unknownPlatform.exit()).isEqualTo(2);
    assertThat(unknownPlatform.err()).contains("myspace");

    Run missingFile = smo("validate", "no-such-campaign.yaml");
    assertThat(missingFile.exit()).isEqualTo(2);
    assertThat(missingFile.err()).contains("no-such-campaign.yaml");
  }
}
