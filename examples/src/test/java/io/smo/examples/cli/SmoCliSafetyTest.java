package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Platform;
import io.smo.testkit.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ways the command line could mislead, each as the user would meet it: a wrong or unreadable
 * {@code --credentials}, credentials that cannot build a client, credentials for some platforms but
 * not others (never a silent fallback to the sandbox), the sandbox said on the first line and on
 * every URL, {@code post} without engagement side effects, {@code demo} only on the sandbox, the
 * {@code --json} shapes, every exit code, and plain progress off a terminal.
 */
class SmoCliSafetyTest {
  private static final Path LAUNCH = Path.of("campaigns/launch.yaml");
  private static final Path INVALID = Path.of("campaigns/invalid.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "EAAG-secret-token-never-printed-9f86d081";

  /**
   * What one run printed and returned; {@code both} is stdout and stderr as one stream, in order.
   */
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

  /** Runs with stdout and stderr on one stream, as a terminal shows them; returns the text. */
  private static String interleaved(Map<String, String> env, String... args) {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    try (PrintStream s = new PrintStream(both, true, StandardCharsets.UTF_8)) {
      SmoCli.run(args, s, s, env);
    }
    return both.toString(StandardCharsets.UTF_8);
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  @BeforeEach
  void noSandboxYet() {
    Session.lastSandbox = null;
  }

  /** A configuration error: exit 2, the reason on stderr, nothing on stdout, no sandbox started. */
  private static void assertConfigurationError(Run r, String... named) {
    assertThat(r.exit()).as("exit code; stderr:%n%s", r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("error: ").contains(named);
    assertThat(r.err()).doesNotContain("SANDBOX").doesNotContain("Embedded SMO sandbox");
    assertThat(r.out()).isEmpty();
    assertThat(Session.lastSandbox).as("a sandbox was started").isNull();
    assertThat(r.out() + r.err()).doesNotContain(TOKEN);
  }

  // --- credentials -------------------------------------------------------------------------

  @Test
  void aCredentialsFolderThatDoesNotExistIsAnErrorNotTheSandbox(@TempDir Path dir) {
    Path wrong = dir.resolve("credentails");
    Run r = smo("post", "--credentials", wrong.toString(), LAUNCH.toString());
    assertConfigurationError(r, wrong.toString(), "does not exist");
  }

  @Test
  void aCredentialsFileGivenInsteadOfItsFolderIsAnError(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("facebook.properties"), "access_token=" + TOKEN + "\npage_id=1\n");
    Run r = smo("post", "--credentials", file.toString(), LAUNCH.toString());
    assertConfigurationError(r, file.toString(), "is a file, not a folder");
  }

  @Test
  void aCredentialsFileNamedAfterNoPlatformIsAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("facebok.properties"), "access_token=" + TOKEN + "\npage_id=1\n");
    Run r = smo("post", "--credentials", dir.toString(), LAUNCH.toString());
    assertConfigurationError(r, "facebok.properties", "facebook.properties");
  }

  @Test
  void aCredentialsFileWithTheWrongExtensionIsAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("twitter.props"), "access_token=" + TOKEN + "\n");
    Run r = smo("post", "--credentials", dir.toString(), LAUNCH.toString());
    assertConfigurationError(r, "twitter.props", "name it twitter.properties");
  }

  @Test
  void aCredentialsFolderWithNoCredentialsFileIsAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("README.md"), "my tokens go here\n");
    Run r = smo("post", "--credentials", dir.toString(), LAUNCH.toString());
    assertConfigurationError(r, dir.toString(), "holds no credentials file");
  }

  @Test
  void aCredentialsEntryThatIsNoFileIsAnError(@TempDir Path dir) throws IOException {
    Files.createDirectory(dir.resolve("facebook.properties"));
    Run r = smo("post", "--credentials", dir.toString(), LAUNCH.toString());
    assertConfigurationError(r, "facebook.properties", "not a regular file");
  }

  @Test
  void anUnparsableCredentialsFileIsAnErrorThatQuotesNothing(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("facebook.properties"), "access_token=" + TOKEN + "\\u00G1\npage_id=1\n");
    Run r = smo("post", "--credentials", dir.toString(), LAUNCH.toString());
    assertConfigurationError(r, "facebook.properties", "not a valid properties file");
  }

  @Test
  void anEmptyCredentialsFileOrKeyIsAnError(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("twitter.properties"), "# nothing yet\n");
    assertConfigurationError(
        smo("post", "--credentials", dir.toString(), LAUNCH.toString()),
        "twitter.properties",
        "holds no keys");
    Files.writeString(file, "access_token=\n");
    assertConfigurationError(
        smo("post", "--credentials", dir.toString(), LAUNCH.toString()),
        "access_token",
        "twitter.properties",
        "is empty");
  }

  @Test
  void anUnreadableCredentialsFileIsAnError(@TempDir Path dir) throws IOException {
    assumeFalse(root(), "root reads every file; run as another user to check permissions");
    Path file =
        Files.writeString(
            dir.resolve("facebook.properties"), "access_token=" + TOKEN + "\npage_id=1\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    Run r = smo("post", "--credentials", dir.toString(), LAUNCH.toString());
    assertConfigurationError(r, file.toString(), "permission denied");
  }

  @Test
  void anUnreadableCredentialsFolderIsAnError(@TempDir Path dir) throws IOException {
    assumeFalse(root(), "root reads every folder; run as another user to check permissions");
    Path creds = Files.createDirectory(dir.resolve("creds"));
    Files.writeString(
        creds.resolve("facebook.properties"), "access_token=" + TOKEN + "\npage_id=1\n");
    Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("---------"));
    try {
      Run r = smo("post", "--credentials", creds.toString(), LAUNCH.toString());
      assertConfigurationError(r, creds.toString(), "permission denied");
    } finally {
      Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void credentialsThatCannotBuildTheClientNameThePlatformAndTheMissingKey(@TempDir Path dir)
      throws IOException {
    Path file =
        Files.writeString(dir.resolve("facebook.properties"), "access_token=" + TOKEN + "\n");
    Run r =
        smo("post", "--platforms", "facebook", "--credentials", dir.toString(), LAUNCH.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("Facebook credentials from " + file)
        .contains("cannot build a client")
        .contains("SMO_FACEBOOK_PAGE_ID");
    assertThat(r.out() + r.err()).doesNotContain(TOKEN);
    assertThat(Session.lastSandbox).isNull();
  }

  @Test
  void aMisspelledOrEmptyVariableIsAnErrorNotTheSandbox() {
    assertConfigurationError(
        smo(
            Map.of("SMO_FACEBOOK_ACCES_TOKEN", TOKEN, "SMO_FACEBOOK_PAGE_ID", "1"),
            "post",
            LAUNCH.toString()),
        "SMO_FACEBOOK_ACCES_TOKEN",
        "SMO_FACEBOOK_ACCESS_TOKEN");
    assertConfigurationError(
        smo(Map.of("SMO_TWITTER_ACCESS_TOKEN", " "), "post", LAUNCH.toString()),
        "SMO_TWITTER_ACCESS_TOKEN",
        "empty");
    assertConfigurationError(
        smo(Map.of("SMO_X_ACCESS_TOKEN", TOKEN), "post", LAUNCH.toString()),
        "SMO_X_ACCESS_TOKEN",
        "SMO_TWITTER_ACCESS_TOKEN");
  }

  @Test
  void webhookSecretsOfOtherCommandsAreNeitherCredentialsNorErrors() {
    Run r =
        smo(
            Map.of(
                "SMO_X_CONSUMER_SECRET",
                TOKEN,
                "SMO_TIKTOK_CLIENT_SECRET",
                TOKEN,
                "SMO_YOUTUBE_HUB_SECRET",
                TOKEN),
            "post",
            "--dry-run",
            LAUNCH.toString());
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();
    assertThat(r.err()).startsWith("SANDBOX:");
    assertThat(r.out() + r.err()).doesNotContain(TOKEN);
  }

  @Test
  void aTargetWithoutCredentialsNextToOneWithThemIsAnErrorNotTheSandbox() {
    Run r =
        smo(
            Map.of("SMO_FACEBOOK_ACCESS_TOKEN", TOKEN, "SMO_FACEBOOK_PAGE_ID", "104000000000001"),
            "post",
            "--dry-run",
            "--platforms",
            "facebook,instagram",
            LAUNCH.toString());
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("no credentials for Instagram")
        .contains("--platforms")
        .doesNotContain("SANDBOX")
        .doesNotContain("Embedded SMO sandbox");
    assertThat(r.out()).isEmpty();
    assertThat(r.out() + r.err()).doesNotContain(TOKEN);
    assertThat(Session.lastSandbox).isNull();
  }

  @Test
  void validateNeedsNoCredentialsButAWrongCredentialsFolderIsStillAnError(@TempDir Path dir) {
    Run r = smo("validate", "--credentials", dir.resolve("nope").toString(), LAUNCH.toString());
    assertConfigurationError(r, "nope", "does not exist");
  }

  @Test
  void schedulerCommandsWithCredentialsUseOnlyTheConfiguredPlatformsNeverTheSandbox(
      @TempDir Path dir) {
    Run r =
        smo(
            Map.of("SMO_FACEBOOK_ACCESS_TOKEN", TOKEN, "SMO_FACEBOOK_PAGE_ID", "104000000000001"),
            "scheduled",
            "list",
            "--db",
            dir.resolve("db").toString());
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();
    assertThat(r.err())
        .startsWith("Real accounts: credentials for facebook")
        .doesNotContain("sandbox");
    assertThat(Session.lastSandbox).isNull();
  }

  @Test
  void realInstagramRefusesLocalImagesBeforeSendingInsteadOfFailingMidPublish() {
    Run r =
        smo(
            Map.of(
                "SMO_INSTAGRAM_ACCESS_TOKEN",
                TOKEN,
                "SMO_INSTAGRAM_IG_USER_ID",
                "17841400000000001"),
            "post",
            "--dry-run",
            "--platforms",
            "instagram",
            LAUNCH.toString());
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isEqualTo(ExitCodes.NOT_ALL_DONE);
    assertThat(r.out()).containsPattern("(?m)^instagram\\s+1 violation$").contains("public URL");
    assertThat(r.out() + r.err()).doesNotContain(TOKEN);
  }

  @Test
  void sandboxSchedulesAreKeptApartFromRealOnes() throws IOException {
    Path file = Path.of("smo-scheduler-sandbox.mv.db");
    boolean existed = Files.exists(file);
    try {
      Run r = smo("scheduled", "list");
      assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();
      assertThat(r.err()).contains("Scheduler database: ./smo-scheduler-sandbox");
      assertThat(file).exists();
    } finally {
      if (!existed) {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of("smo-scheduler-sandbox.trace.db"));
      }
    }
  }

  // --- the sandbox says so ------------------------------------------------------------------

  @Test
  void theSandboxIsSaidOnTheFirstLineAndEveryUrlIsMarked() {
    String all = interleaved(Map.of(), "post", LAUNCH.toString());
    String[] lines = all.split("\n");
    assertThat(lines[0])
        .startsWith("SANDBOX: no credentials configured")
        .contains("nothing is posted for real");
    int urls = 0;
    for (String line : lines) {
      for (String word : line.split("\\s+")) {
        if (word.startsWith("http://") || word.startsWith("https://")) {
          urls++;
          boolean marked =
              line.contains("[sandbox] " + word)
                  || line.contains("Embedded SMO sandbox at " + word)
                  || line.contains("(sandbox");
          assertThat(marked).as("URL %s is marked as sandbox in: %s", word, line).isTrue();
        }
      }
    }
    assertThat(urls).as("URLs printed").isGreaterThanOrEqualTo(6);
  }

  @Test
  void realAccountsAreSaidOnTheFirstLineWithoutTheirValues() {
    String all =
        interleaved(
            Map.of("SMO_FACEBOOK_ACCESS_TOKEN", TOKEN, "SMO_FACEBOOK_PAGE_ID", "104000000000001"),
            "post",
            "--dry-run",
            "--platforms",
            "facebook",
            LAUNCH.toString());
    assertThat(all.split("\n")[0])
        .startsWith("Real accounts: credentials for facebook (SMO_FACEBOOK_* variables)");
    assertThat(all)
        .doesNotContain(TOKEN)
        .doesNotContain("104000000000001")
        .doesNotContain("sandbox");
  }

  // --- post publishes only; demo engages on the sandbox only ---------------------------------

  @Test
  void postHasNoEngagementSideEffects() {
    Run r = smo("post", LAUNCH.toString());
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();
    Sandbox sandbox = Session.lastSandbox;
    assertThat(sandbox).isNotNull();
    for (Platform p : Platform.values()) {
      assertThat(sandbox.created(p))
          .as("what post created on %s", p)
          .allSatisfy(c -> assertThat(c.kind()).isNotIn("comment", "reply"));
    }
    assertThat(r.out())
        .doesNotContain("replied")
        .doesNotContain("hid ")
        .doesNotContain("Engagement");
    assertThat(smo("post", "--engage", LAUNCH.toString()).exit())
        .as("--engage is gone")
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void demoRepliesAndHidesOnTheSandboxOnly() {
    Run r = smo("demo", LAUNCH.toString());
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();
    assertThat(r.err().split("\n")[0]).startsWith("SANDBOX:");
    assertThat(r.out())
        .contains("Engagement on the sandbox")
        .containsPattern("(?m)^\\s+facebook\\s+replied\\s+to ")
        .containsPattern("(?m)^\\s+facebook\\s+hid\\s+");
    List<String> kinds = new ArrayList<>();
    Session.lastSandbox.created(Platform.FACEBOOK).forEach(c -> kinds.add(c.kind()));
    assertThat(kinds).containsAnyOf("comment", "reply");
  }

  @Test
  void demoRefusesWhenCredentialsAreConfigured(@TempDir Path dir) throws IOException {
    Run env =
        smo(
            Map.of("SMO_FACEBOOK_ACCESS_TOKEN", TOKEN, "SMO_FACEBOOK_PAGE_ID", "1"),
            "demo",
            LAUNCH.toString());
    assertConfigurationError(env, "runs only on the embedded sandbox", "facebook");

    Files.writeString(dir.resolve("twitter.properties"), "access_token=" + TOKEN + "\n");
    Run folder = smo("demo", "--credentials", dir.toString(), LAUNCH.toString());
    assertConfigurationError(folder, "runs only on the embedded sandbox", "twitter.properties");
  }

  @Test
  void demoWithoutACampaignUsesTheLaunchCampaign() {
    Run r = smo("demo", "--platforms", "facebook");
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();
    assertThat(r.out())
        .contains("Aurora bike launch")
        .containsPattern("(?m)^\\s+facebook\\s+replied\\s+to ");
  }

  // --- JSON -----------------------------------------------------------------------------------

  private static JsonNode json(Run r) throws IOException {
    JsonNode doc = JSON.readTree(r.out()); // the whole of stdout is one document
    assertThat(doc.get("version").asInt()).isEqualTo(1);
    assertThat(doc.get("exitCode").asInt()).isEqualTo(r.exit());
    return doc;
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    Iterator<String> it = n.fieldNames();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void postJsonHasTheDocumentedShape() throws IOException {
    Run r = smo("post", "--json", LAUNCH.toString());
    assertThat(r.exit()).as("stderr:%n%s", r.err()).isZero();
    JsonNode doc = json(r);
    assertThat(fields(doc))
        .containsExactly(
            "version",
            "command",
            "campaign",
            "sandbox",
            "dryRun",
            "idempotencyKey",
            "exitCode",
            "targets");
    assertThat(doc.get("command").asText()).isEqualTo("post");
    assertThat(doc.get("campaign").asText()).isEqualTo("Aurora bike launch");
    assertThat(doc.get("sandbox").asBoolean()).isTrue();
    assertThat(doc.get("dryRun").asBoolean()).isFalse();
    assertThat(doc.get("idempotencyKey").asText()).isEqualTo("aurora-launch-2026-12");
    assertThat(doc.get("targets")).hasSize(7);
    for (JsonNode t : doc.get("targets")) {
      assertThat(fields(t))
          .containsExactly("platform", "outcome", "id", "url", "sandbox", "reason", "violations");
      assertThat(t.get("outcome").asText()).isEqualTo("published");
      assertThat(t.get("id").isTextual()).isTrue();
      assertThat(t.get("sandbox").asBoolean()).isTrue();
      assertThat(t.get("reason").isNull()).isTrue();
      assertThat(t.get("violations").isArray()).isTrue();
    }
    assertThat(r.err().split("\n")[0]).startsWith("SANDBOX:"); // messages stay on stderr
  }

  @Test
  void postJsonReportsSkippedTargetsWithTheirViolations() throws IOException {
    Run r = smo("post", "--json", "--platforms", "tiktok", INVALID.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.NOT_ALL_DONE);
    JsonNode t = json(r).get("targets").get(0);
    assertThat(t.get("platform").asText()).isEqualTo("tiktok");
    assertThat(t.get("outcome").asText()).isEqualTo("skipped");
    assertThat(t.get("id").isNull()).isTrue();
    assertThat(t.get("url").isNull()).isTrue();
    assertThat(t.get("reason").asText()).isNotEmpty();
    assertThat(fields(t.get("violations").get(0)))
        .containsExactly("platform", "field", "rule", "actual", "limit", "message");
  }

  @Test
  void postDryRunJsonListsEachTargetAsValidOrNot() throws IOException {
    Run r = smo("post", "--json", "--dry-run", LAUNCH.toString());
    assertThat(r.exit()).isZero();
    JsonNode doc = json(r);
    assertThat(doc.get("dryRun").asBoolean()).isTrue();
    for (JsonNode t : doc.get("targets")) {
      assertThat(fields(t)).containsExactly("platform", "valid", "violations");
      assertThat(t.get("valid").asBoolean()).isTrue();
    }
  }

  @Test
  void validateJsonHasTheDocumentedShape() throws IOException {
    Run r = smo("validate", "--json", "--platforms", "x,instagram,facebook", INVALID.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.NOT_ALL_DONE);
    JsonNode doc = json(r);
    assertThat(fields(doc))
        .containsExactly("version", "command", "campaign", "valid", "exitCode", "targets");
    assertThat(doc.get("command").asText()).isEqualTo("validate");
    assertThat(doc.get("valid").asBoolean()).isFalse();
    assertThat(doc.get("targets")).hasSize(3);
    JsonNode twitter = doc.get("targets").get(0);
    assertThat(twitter.get("platform").asText()).isEqualTo("twitter");
    assertThat(twitter.get("valid").asBoolean()).isFalse();
    boolean tooLong = false;
    for (JsonNode v : twitter.get("violations")) {
      assertThat(fields(v))
          .containsExactly("platform", "field", "rule", "actual", "limit", "message");
      tooLong |=
          v.get("rule").asText().equals("max-length") && v.get("limit").asText().equals("280");
    }
    assertThat(tooLong).as("the 280-character violation").isTrue();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void jsonModeWritesNothingButTheDocumentOnStdout() throws IOException {
    Run valid = smo("validate", "--json", LAUNCH.toString());
    assertThat(valid.exit()).isZero();
    assertThat(json(valid).get("valid").asBoolean()).isTrue();
    Run bad = smo("post", "--json", "--credentials", "no-such-folder", LAUNCH.toString());
    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.out()).isEmpty();
  }

  // --- exit codes ------------------------------------------------------------------------------

  @Test
  void everyExitCodeIsDocumentedAndReturned() {
    Run help = smo("--help");
    assertThat(help.out()).contains("Exit codes:");
    String flat = help.out().replaceAll("\\s+", " ");
    for (String line : ExitCodes.HELP) {
      assertThat(flat).contains(line.substring(1).trim());
    }
    assertThat(smo("post", "--help").out()).contains("Exit codes:");

    assertThat(smo("validate", LAUNCH.toString()).exit()).isEqualTo(ExitCodes.OK).isZero();
    assertThat(smo("validate", INVALID.toString()).exit())
        .isEqualTo(ExitCodes.NOT_ALL_DONE)
        .isEqualTo(1);
    assertThat(smo("post", "--platforms", "tiktok", INVALID.toString()).exit()).isEqualTo(1);
    assertThat(smo("validate", "--no-such-option", LAUNCH.toString()).exit())
        .isEqualTo(ExitCodes.USAGE)
        .isEqualTo(2);
    assertThat(smo("post", "--credentials", "no-such-folder", LAUNCH.toString()).exit())
        .isEqualTo(2);
    Run failed = smo("metrics", "facebook:104000000000001_404404404");
    assertThat(failed.exit())
        .as("stderr:%n%s", failed.err())
        .isEqualTo(ExitCodes.FAILED)
        .isEqualTo(3);
    assertThat(failed.err()).contains("error: ");
  }

  // --- progress off a terminal ---------------------------------------------------------------

  @Test
  void progressOffATerminalIsOnePlainLinePerUpload() {
    Run r = smo("post", LAUNCH.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).doesNotContain("\r").doesNotContain("\u001b");
    assertThat(r.out()).doesNotContain("\r").doesNotContain("\u001b").doesNotContain("upload ");
    // the video goes to YouTube, TikTok and Snapchat; Instagram's image container is processed
    for (String p : List.of("youtube", "tiktok", "snapchat", "instagram")) {
      assertThat(r.err()).containsPattern("(?m)^upload " + p + "\\s+\\S+: ready");
      assertThat(r.err().lines().filter(l -> l.startsWith("upload " + p + " ")))
          .as("lines of %s", p)
          .hasSize(1);
    }
    assertThat(r.err())
        .containsPattern("(?m)^upload youtube\\s+launch-clip\\.mp4: ready \\(647774 bytes\\)");
  }
}
