package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.report.CampaignReport;
import io.smo.core.report.CampaignResults;
import io.smo.core.report.ResultTarget;
import io.smo.core.report.Snapshot;
import io.smo.core.report.TargetSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smo post} then {@code smo report} on the sandbox, as a user runs them; and {@code smo
 * account}.
 */
class ReportCmdEndToEndTest {
  @TempDir Path tmp;
  private Path campaign;

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

  @BeforeEach
  void copyCampaign() throws IOException {
    Path src = Path.of("campaigns");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = tmp.resolve(src.relativize(f).toString());
        String name = f.getFileName().toString();
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else if (!name.endsWith(".results.json") && !name.endsWith(".snapshots.jsonl")) {
          // results a user's own `smo post` / `smo report` left next to the campaigns are not ours
          Files.copy(f, to);
        }
      }
    }
    campaign = tmp.resolve("launch.yaml");
  }

  @Test
  void postWritesResultsAndReportMeasuresEveryTargetWithGrowth() throws Exception {
    Run post = smo("post", "--no-engage", campaign.toString());
    assertThat(post.exit()).as(post.err()).isZero();
    Path results = tmp.resolve("launch.results.json");
    assertThat(results).exists();
    assertThat(post.err()).contains("Results written to " + results);
    CampaignResults r = CampaignResults.read(results);
    assertThat(r.targets())
        .hasSize(7)
        .allSatisfy(
            t -> {
              assertThat(t.status()).isEqualTo("PUBLISHED");
              assertThat(t.sandbox()).isTrue();
              assertThat(t.account()).isEqualTo("default");
              assertThat(t.segment()).isEqualTo("default");
            });

    Path html = tmp.resolve("report.html");
    Path csv = tmp.resolve("report.csv");
    Run rep =
        smo(
            "report",
            results.toString(),
            "--html",
            html.toString(),
            "--csv",
            csv.toString(),
            "--watch",
            "1s",
            "--snapshots",
            "2");
    assertThat(rep.exit()).as(rep.out() + rep.err()).isZero();
    assertThat(rep.err()).contains("re-created in this command's sandbox");
    assertThat(rep.out())
        .contains("Campaign report: Aurora bike launch")
        .contains("(snapshot 2)")
        .containsPattern("(?m)^  total\\s+all\\s+.*impressions")
        .contains("Reach is never added across platforms");
    assertThat(Files.readString(html))
        .contains("<svg")
        .contains("<polyline")
        .doesNotContain("<script");
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows).hasSize(8);

    // the sandbox's figures grow between the two snapshots
    List<Snapshot> history = CampaignReport.readSnapshots(tmp.resolve("launch.snapshots.jsonl"));
    assertThat(history).hasSize(2);
    int grew = 0;
    for (int i = 0; i < history.get(0).targets().size(); i++) {
      Long a = history.get(0).targets().get(i).engagements();
      Long b = history.get(1).targets().get(i).engagements();
      if (a != null && b != null && b > a) {
        grew++;
      }
    }
    assertThat(grew).as("targets whose engagements grew").isGreaterThanOrEqualTo(5);
    assertThat(history.get(1).targets())
        .allSatisfy(
            t ->
                assertThat(t.state())
                    .as(t.target().label() + " " + t.error())
                    .isEqualTo(TargetSnapshot.State.MEASURED));

    Run asJson = smo("report", results.toString(), "--json");
    assertThat(asJson.out()).contains("\"rollups\"").contains("over 7 of 7 targets");
  }

  @Test
  void badResultsAreExplained() throws Exception {
    Path f = tmp.resolve("x.results.json");
    Run none = smo("report", f.toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("no results file").contains("smo post");

    Files.writeString(
        f, "{\"format\":\"smo-campaign-results\",\"version\":7,\"campaign\":\"c\",\"targets\":[]}");
    Run newer = smo("report", f.toString());
    assertThat(newer.exit()).isEqualTo(2);
    assertThat(newer.err()).contains("version 7").contains("newer smo");

    Files.writeString(f, "[1,2]");
    assertThat(smo("report", f.toString()).err()).contains("not a campaign results record");

    Run badWatch = smo("report", tmp.resolve("y").toString(), "--watch", "soon");
    assertThat(badWatch.exit()).isEqualTo(2);
  }

  @Test
  void unknownPlatformsAndDeletedPostsAreReportedNotFatal() throws Exception {
    Run post = smo("post", "--no-engage", "--platforms", "facebook,x", campaign.toString());
    assertThat(post.exit()).as(post.err()).isZero();
    Path results = tmp.resolve("launch.results.json");
    CampaignResults r = CampaignResults.read(results);
    List<ResultTarget> ts = new ArrayList<>(r.targets());
    ts.add(
        new ResultTarget("myspace", null, null, "PUBLISHED", "42", null, null, null, false, null));
    // a post the sandbox never had: reported as deleted
    ts.add(
        new ResultTarget(
            "facebook",
            null,
            "gone",
            "PUBLISHED",
            "104000000000001_999999",
            null,
            null,
            null,
            false,
            null));
    r.withTargets(ts).write(results);
    Run rep = smo("report", results.toString());
    assertThat(rep.exit()).as(rep.out() + rep.err()).isEqualTo(1);
    assertThat(rep.out())
        .contains("missing  myspace:default/default unknown platform: unknown platform 'myspace'")
        .contains("missing  facebook:default/gone deleted: the post no longer exists on Facebook")
        .containsPattern("(?m)^  total\\s+all\\s+.*over 2 of 4 targets");
  }

  @Test
  void accountPrintsFiguresAndSaysWhatIsAbsent() {
    Run fb = smo("account", "facebook");
    assertThat(fb.exit()).as(fb.err()).isZero();
    assertThat(fb.out())
        .contains("facebook:default")
        .contains("SMO sandbox")
        .containsPattern("followers\\s+[\\d,]+")
        .containsPattern("following\\s+– \\(not reported\\)");
    Run x = smo("account", "x:default", "--json");
    assertThat(x.exit()).isZero();
    assertThat(x.out()).contains("\"followers\"").contains("\"handle\" : \"smo_sandbox\"");
    Run snap = smo("account", "snapchat");
    assertThat(snap.exit()).isEqualTo(1);
    assertThat(snap.err()).contains("Public Profile");
    assertThat(smo("account", "myspace").exit()).isEqualTo(2);
    assertThat(smo("account", "facebook:dealer-berlin").err()).contains("has no credentials");
  }
}
