package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.AgeRange;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped campaign files parse into what they say. */
class CampaignTest {
  private static final Path LAUNCH = Path.of("campaigns/launch.yaml");

  @Test
  void launchCampaignReadsEveryKey() throws IOException {
    Campaign c = Campaign.read(LAUNCH);

    assertThat(c.name).isEqualTo("Aurora bike launch");
    assertThat(c.text).contains("🚲").contains("新しい自転車").contains("https://example.com/aurora");
    assertThat(c.targets())
        .containsExactly(
            Platform.FACEBOOK,
            Platform.INSTAGRAM,
            Platform.TWITTER,
            Platform.YOUTUBE,
            Platform.TIKTOK,
            Platform.PINTEREST,
            Platform.SNAPCHAT);
    assertThat(c.mediaList())
        .extracting(m -> m.kind())
        .containsExactly(MediaKind.IMAGE, MediaKind.VIDEO);
    assertThat(c.mediaList()).allSatisfy(m -> assertThat(m.altText()).isPresent());
    assertThat(c.mediaFor(Platform.SNAPCHAT))
        .extracting(m -> m.kind())
        .containsExactly(MediaKind.VIDEO);
    assertThat(c.mediaFor(Platform.TWITTER))
        .extracting(m -> m.kind())
        .containsExactly(MediaKind.IMAGE);
    assertThat(c.audience().countries()).containsExactlyInAnyOrder("DE", "AT");
    assertThat(c.audience().languages()).containsExactly(Locale.GERMAN);
    assertThat(c.audience().ageRange()).contains(AgeRange.of(18, 44));
    assertThat(c.audience().visibility()).isEqualTo(Visibility.PUBLIC);
  }

  @Test
  void scheduleIsAnInstantThatIgnoresTheMachineZone() throws IOException {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14
      // 2026-12-24T09:00 in Europe/Berlin (UTC+1 in winter)
      assertThat(Campaign.read(LAUNCH).scheduleTime().toInstant())
          .isEqualTo(Instant.parse("2026-12-24T08:00:00Z"));
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void invalidCampaignStillParses() throws IOException {
    Campaign c = Campaign.read(Path.of("campaigns/invalid.yaml"));

    assertThat(c.targets()).contains(Platform.TWITTER, Platform.INSTAGRAM, Platform.TIKTOK);
    assertThat(c.options(Platform.TIKTOK)).containsEntry("privacyLevel", "PUBLIC_TO_MARS");
    assertThat(c.options(Platform.INSTAGRAM)).containsEntry("format", "story");
    assertThat(c.audience().countries()).contains("UK");
    assertThat(c.mediaFor(Platform.INSTAGRAM).get(0).file().orElseThrow().getFileName())
        .hasToString("long-story.mp4");
  }

  @Test
  void unknownKeysAreRefused(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("typo.yaml");
    Files.writeString(f, "text: hello\nplatfroms: [x]\n");

    assertThatThrownBy(() -> Campaign.read(f)).hasMessageContaining("platfroms");
  }

  @Test
  void scheduleWithoutZoneIsRefused(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("nozone.yaml");
    Files.writeString(f, "text: hello\nschedule:\n  at: 2026-12-24T09:00\n");

    assertThatThrownBy(() -> Campaign.read(f).scheduleTime()).hasMessageContaining("schedule.zone");
  }

  @Test
  void shippedMediaStaysSmallEnoughToCommit() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("campaigns/media"))) {
      List<Path> launchMedia =
          files.filter(p -> p.getFileName().toString().startsWith("launch-")).toList();
      long total = 0;
      for (Path p : launchMedia) {
        total += Files.size(p);
      }
      assertThat(launchMedia).hasSize(2);
      assertThat(total).as("launch media bytes").isLessThan(2L * 1024 * 1024);
    }
  }

  private static String validate(Path file) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int rc =
        SmoCli.run(
            new String[] {"validate", file.toString()},
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
            java.util.Map.of());
    return rc
        + "\n"
        + out.toString(java.nio.charset.StandardCharsets.UTF_8)
        + err.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void optionSwitchesThatAreNotBooleansAndUnknownOptionKeysAreReportedNotDropped(@TempDir Path dir)
      throws IOException {
    // a quoted "true" used to become false (made for kids: NO) and a typo was silently ignored
    Path kids = dir.resolve("kids.yaml");
    Files.writeString(
        kids,
        "text: hi\nplatforms: [tiktok]\noptions:\n  tiktok:\n"
            + "    privacyLevel: SELF_ONLY\n    disableComment: \"true\"\n");
    assertThat(validate(kids)).startsWith("1\n").contains("options.tiktok.disableComment");
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(
        typo, "text: hi\nplatforms: [x]\noptions:\n  x:\n    replySetings: following\n");
    assertThat(validate(typo)).startsWith("1\n").contains("replySetings");
    Path ok = dir.resolve("ok.yaml");
    Files.writeString(
        ok,
        "text: hi\nplatforms: [tiktok]\noptions:\n  tiktok:\n"
            + "    privacyLevel: SELF_ONLY\n    disableComment: true\n");
    assertThat(validate(ok)).doesNotContain("disableComment");
  }

  @Test
  void ageMaxWithoutAgeMinIsRefusedNotSilentlyDropped(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("age.yaml");
    Files.writeString(f, "text: hi\naudience:\n  ageMax: 30\nplatforms: [facebook]\n");
    assertThat(validate(f)).doesNotStartWith("0\n").contains("ageMax");
  }

  @Test
  void mediaEntryWithoutPathOrUrlIsExplained(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("m.yaml");
    Files.writeString(f, "text: hi\nmedia:\n  - alt: nothing\nplatforms: [x]\n");
    assertThat(validate(f))
        .doesNotStartWith("0\n")
        .contains("media[0]")
        .doesNotContain("error: null");
  }

  private static String run(String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int rc =
        SmoCli.run(
            args,
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            java.util.Map.of());
    return rc + "\n" + out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void postWhoseEveryTargetHasABadOverrideReportsTheViolation(@TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f,
        "text: hi\nplatforms: [tiktok]\noptions:\n  tiktok:\n    privacyLevel: PUBLIC_TO_MARS\n");
    // used to fail with "error: CrossPoster needs at least one client", hiding why
    assertThat(run("post", f.toString(), "--no-engage"))
        .startsWith("1\n")
        .contains("PUBLIC_TO_MARS")
        .doesNotContain("CrossPoster");
    assertThat(run("post", f.toString(), "--dry-run"))
        .startsWith("1\n")
        .contains("PUBLIC_TO_MARS")
        .doesNotContain("CrossPoster");
  }

  @Test
  void platformsListedTwiceArePublishedOnce(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("twice.yaml");
    Files.writeString(f, "text: hi\nplatforms: [x, twitter]\n");
    // used to fail with "error: two clients for TWITTER"
    assertThat(run("validate", f.toString())).startsWith("0\n");
    assertThat(run("post", f.toString(), "--platforms", "x,x,twitter", "--dry-run"))
        .startsWith("0\n")
        .doesNotContain("two clients");
  }
}
