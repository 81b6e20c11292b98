package io.smo.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignReportTest {
  @TempDir Path tmp;

  private static ResultTarget target(String platform, String account, String segment) {
    return new ResultTarget(
        platform,
        account,
        segment,
        "PUBLISHED",
        platform + "-1",
        "https://example.com/" + platform,
        null,
        null,
        false,
        null);
  }

  private static TargetSnapshot measured(ResultTarget t, Object... kv) {
    Map<String, Long> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
    }
    return new TargetSnapshot(t, TargetSnapshot.State.MEASURED, m, null);
  }

  /**
   * Seven targets: two Facebook accounts, X, YouTube, TikTok, a deleted Instagram post and a failed
   * Pinterest read.
   */
  private static CampaignReport report() {
    ResultTarget fbA = target("facebook", "default", "munich");
    ResultTarget fbB = target("facebook", "dealer-berlin", "berlin");
    ResultTarget x = target("twitter", null, "munich");
    ResultTarget yt = target("youtube", null, "berlin");
    ResultTarget tt = target("tiktok", null, "munich");
    ResultTarget ig = target("instagram", null, "munich");
    ResultTarget pin = target("pinterest", null, "berlin");
    CampaignResults results =
        new CampaignResults(
            "Spring launch", null, "k", Instant.EPOCH, List.of(fbA, fbB, x, yt, tt, ig, pin));
    Snapshot s =
        new Snapshot(
            Instant.parse("2026-12-04T20:00:00Z"),
            List.of(
                measured(
                    fbA,
                    "impressions",
                    1000,
                    "reach",
                    800,
                    "likes",
                    40,
                    "comments",
                    5,
                    "shares",
                    5,
                    "clicks",
                    30),
                measured(fbB, "impressions", 500, "reach", 450, "likes", 10, "clicks", 20),
                measured(
                    x,
                    "impressions",
                    2000,
                    "likes",
                    30,
                    "comments",
                    10,
                    "shares",
                    10,
                    "clicks",
                    40,
                    "link_clicks",
                    12),
                measured(yt, "views", 3000, "likes", 100, "comments", 20),
                measured(
                    tt, "views", 9000, "likes", 400, "comments", 30, "shares", 20, "clicks", 30),
                new TargetSnapshot(
                    ig,
                    TargetSnapshot.State.DELETED,
                    Map.of(),
                    "the post no longer exists on Instagram (deleted?)"),
                new TargetSnapshot(
                    pin,
                    TargetSnapshot.State.FAILED,
                    Map.of(),
                    "[pinterest metrics] HTTP 503: busy")));
    return CampaignReport.of(results, List.of(s));
  }

  @Test
  void sumsOnlyWhatIsReportedAndSaysOverHowManyTargets() {
    Rollup total = report().total();
    assertThat(total.targets()).isEqualTo(7);
    assertThat(total.sum("clicks").orElseThrow().toString())
        .isEqualTo("clicks 120 over 4 of 7 targets");
    assertThat(total.sum("impressions").orElseThrow())
        .isEqualTo(new Sum("impressions", 3500, 3, 7));
    // views are not impressions: their own sum
    assertThat(total.sum("views").orElseThrow()).isEqualTo(new Sum("views", 12000, 2, 7));
    assertThat(total.sum("link_clicks").orElseThrow()).isEqualTo(new Sum("link_clicks", 12, 1, 7));
    // reach is never added across platforms
    assertThat(total.sum("reach")).isEmpty();
    // engagements = likes + comments + shares + saves
    assertThat(total.sum("engagements").orElseThrow())
        .isEqualTo(new Sum("engagements", 50 + 10 + 50 + 120 + 450, 5, 7));
    // ER over targets with both engagements and impressions: (50 + 10 + 50) / (1000 + 500 + 2000)
    assertThat(total.engagementRate())
        .isCloseTo(110.0 / 3500, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(total.engagementRateCovered()).isEqualTo(3);
  }

  @Test
  void rollsUpPerPlatformAccountAndSegment() {
    CampaignReport r = report();
    Rollup fb = r.byPlatform().get(0);
    assertThat(fb.key()).isEqualTo("facebook");
    assertThat(fb.sum("reach").orElseThrow()).isEqualTo(new Sum("reach", 1250, 2, 2));
    assertThat(r.byAccount())
        .extracting(Rollup::key)
        .contains("facebook:default", "facebook:dealer-berlin", "twitter:default");
    Rollup munich =
        r.bySegment().stream().filter(g -> g.key().equals("munich")).findFirst().orElseThrow();
    assertThat(munich.targets()).isEqualTo(4);
    assertThat(munich.sum("reach")).isEmpty();
    assertThat(munich.sum("clicks").orElseThrow().toString())
        .isEqualTo("clicks 100 over 3 of 4 targets");
  }

  @Test
  void missingTargetsAreReportedWithWhy() {
    assertThat(report().missing())
        .containsExactly(
            "instagram:default/munich deleted: the post no longer exists on Instagram (deleted?)",
            "pinterest:default/berlin failed: [pinterest metrics] HTTP 503: busy");
  }

  @Test
  void csvIsATableAndHtmlIsSelfContained() {
    CampaignReport r = report();
    String csv = r.toCsv();
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(8);
    int columns = lines[0].split(",", -1).length;
    assertThat(lines[0])
        .startsWith("campaign,platform,account,segment,state,post_id,url,impressions,reach,views");
    for (String l : lines) {
      assertThat(l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).hasSize(columns);
    }
    assertThat(lines[1]).contains(",1000,800,,40,5,5,,30,,50,0.0500,");
    String html = r.toHtml();
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .contains("Engagements by platform")
        .doesNotContain("<script")
        .doesNotContain("src=\"http")
        .doesNotContain("<link ")
        .contains("pinterest:default/berlin failed");
    String json = r.toJson();
    assertThat(json)
        .contains("\"text\" : \"clicks 120 over 4 of 7 targets\"")
        .contains("\"missing\"");
  }

  @Test
  void csvAndHtmlEscapeWhatTheyQuote() {
    ResultTarget t =
        new ResultTarget(
            "facebook",
            "=HYPERLINK(\"x\")",
            "a,b <script>",
            "PUBLISHED",
            "1",
            null,
            null,
            null,
            false,
            null);
    CampaignReport r =
        CampaignReport.of(
            new CampaignResults("Q&A \"launch\" <b>", null, null, Instant.EPOCH, List.of(t)),
            List.of(new Snapshot(Instant.EPOCH, List.of(measured(t, "likes", 1)))));
    assertThat(r.toCsv()).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("\"a,b <script>\"");
    assertThat(r.toHtml())
        .doesNotContain("<script>")
        .contains("a,b &lt;script&gt;")
        .contains("Q&amp;A &quot;launch&quot; &lt;b&gt;");
  }

  @Test
  void resultsRoundTripAndBadRecordsAreExplained() throws Exception {
    CampaignResults results = report().results();
    Path f = tmp.resolve("launch.results.json");
    results.write(f);
    CampaignResults back = CampaignResults.read(f);
    assertThat(back.targets()).isEqualTo(results.targets());
    assertThat(back.campaign()).isEqualTo("Spring launch");

    Files.writeString(f, Files.readString(f).replace("\"version\" : 1", "\"version\" : 2"));
    assertThatThrownBy(() -> CampaignResults.read(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 2")
        .hasMessageContaining("newer smo");
    Files.writeString(f, "{\"campaign\": \"x\"}");
    assertThatThrownBy(() -> CampaignResults.read(f))
        .hasMessageContaining("not a campaign results record");
    Files.writeString(f, "not json");
    assertThatThrownBy(() -> CampaignResults.read(f)).hasMessageContaining("not JSON");
  }

  @Test
  void snapshotsAppendAndReadBack() throws Exception {
    Path f = tmp.resolve("s.jsonl");
    CampaignReport r = report();
    CampaignReport.appendSnapshot(f, r.latest());
    CampaignReport.appendSnapshot(f, r.latest());
    Files.writeString(f, "{cut off\n", java.nio.file.StandardOpenOption.APPEND);
    List<Snapshot> back = CampaignReport.readSnapshots(f);
    assertThat(back).hasSize(2);
    assertThat(back.get(0)).isEqualTo(r.latest());
    assertThat(CampaignReport.of(r.results(), back).toHtml())
        .contains("Engagements per target over time")
        .contains("<polyline");
  }
}
