package io.smo.examples.cli;

import io.smo.core.CrossPoster;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.Post;
import io.smo.core.SocialClient;
import io.smo.core.report.CampaignReport;
import io.smo.core.report.CampaignReporter;
import io.smo.core.report.CampaignResults;
import io.smo.core.report.ResultTarget;
import io.smo.core.report.Rollup;
import io.smo.core.report.Snapshot;
import io.smo.core.report.Sum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smo report RESULTS.json [--csv F] [--html F] [--json] [--watch 10m]}: reads every target's
 * figures, appends a snapshot to {@code <campaign>.snapshots.jsonl}, and prints (or writes) the
 * campaign report.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Measure a campaign from its results file (written by post/schedule): sums per platform, account, segment and in total, with coverage; CSV, JSON and HTML.")
final class ReportCmd extends SmoCli.Base {
  @Parameters(
      paramLabel = "RESULTS.json",
      description = "The results file `smo post` or `smo schedule` wrote next to the campaign.")
  Path resultsFile;

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write one CSV row per target.")
  Path csv;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write a self-contained HTML page with charts.")
  Path html;

  @Option(names = "--json", description = "Print the report as JSON instead of text.")
  boolean json;

  @Option(
      names = "--watch",
      paramLabel = "INTERVAL",
      description =
          "Take a snapshot every INTERVAL (e.g. 30s, 10m, 1h) until stopped; the HTML shows growth per target.")
  String watch;

  @Option(
      names = "--snapshots",
      paramLabel = "N",
      description = "With --watch: stop after N snapshots (default: until stopped).")
  Integer snapshots;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(resultsFile)) {
      err.println(
          "error: no results file "
              + resultsFile
              + " (run `smo post CAMPAIGN.yaml` first; it writes <campaign>.results.json)");
      return 2;
    }
    CampaignResults results;
    try {
      results = CampaignResults.read(resultsFile);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    Duration interval = null;
    if (watch != null) {
      interval = parseInterval(watch);
      if (interval == null) {
        err.println("error: --watch takes an interval such as 30s, 10m or 1h, not '" + watch + "'");
        return 2;
      }
    }
    if (snapshots != null && snapshots < 1) {
      err.println("error: --snapshots must be at least 1");
      return 2;
    }
    int rounds = interval == null ? 1 : snapshots == null ? Integer.MAX_VALUE : snapshots;
    Path history = ResultsFile.snapshotsOf(resultsFile);
    try (Session s = session(null)) {
      results = onSandbox(results, s);
      CampaignResults measured = results;
      try (CampaignReporter reporter =
          CampaignReporter.builder((p, account) -> client(s, p, account)).build()) {
        CampaignReport report = null;
        for (int round = 0; round < rounds; round++) {
          if (round > 0) {
            Thread.sleep(interval.toMillis());
          }
          Snapshot snap = reporter.measure(measured);
          CampaignReport.appendSnapshot(history, snap);
          List<Snapshot> all = CampaignReport.readSnapshots(history);
          report = CampaignReport.of(measured, all.isEmpty() ? List.of(snap) : all);
          if (html != null) {
            Files.writeString(html, report.toHtml());
          }
          if (csv != null) {
            Files.writeString(csv, report.toCsv());
          }
          if (json) {
            out.print(report.toJson());
          } else {
            print(report);
          }
          out.flush();
        }
        if (html != null) {
          err.println("HTML report: " + html);
        }
        if (csv != null) {
          err.println("CSV: " + csv);
        }
        return report != null && report.missing().isEmpty() ? 0 : 1;
      }
    }
  }

  /** The client of a (platform, account): today one account per platform, the session's. */
  private static Optional<SocialClient> client(Session s, Platform p, String account) {
    if (!"default".equals(account)) {
      return Optional.empty();
    }
    return Optional.of(s.client(p));
  }

  /**
   * The embedded sandbox keeps nothing between commands: to measure sandbox targets, publish the
   * campaign again into this command's sandbox (nothing is posted for real) and measure those.
   */
  private CampaignResults onSandbox(CampaignResults results, Session s) throws Exception {
    List<Platform> replay = new ArrayList<>();
    for (ResultTarget t : results.targets()) {
      Optional<Platform> p = platform(t.platform());
      if (t.sandbox()
          && p.isPresent()
          && s.onSandbox(p.get())
          && "PUBLISHED".equals(t.status())
          && !replay.contains(p.get())) {
        replay.add(p.get());
      }
    }
    if (replay.isEmpty()) {
      return results;
    }
    Path campaignFile =
        results
            .campaignFile()
            .map(f -> resultsFile.toAbsolutePath().getParent().resolve(f))
            .orElse(null);
    if (campaignFile == null || !Files.isRegularFile(campaignFile)) {
      err.println(
          "Note: the sandbox keeps no posts between commands and the campaign file is missing;"
              + " the sandbox targets are reported as deleted.");
      return results;
    }
    Campaign c = Campaign.read(campaignFile);
    Map<Platform, io.smo.core.PostRef> ids = new EnumMap<>(Platform.class);
    CrossPoster.Builder pb = CrossPoster.builder();
    replay.forEach(p -> pb.add(s.client(p)));
    try (CrossPoster poster = pb.build()) {
      for (Map.Entry<List<Platform>, Post> v : SmoCli.variants(c, replay).entrySet()) {
        poster
            .publish(v.getValue(), v.getKey())
            .outcomes()
            .forEach(
                (p, o) -> {
                  if (o.status() == PlatformOutcome.Status.PUBLISHED) {
                    ids.put(p, o.published().orElseThrow().ref());
                  }
                });
      }
    }
    err.println(
        "Note: the embedded sandbox keeps no posts between commands, so the campaign's "
            + ids.size()
            + " sandbox post(s) were re-created in this command's sandbox to be measured (nothing is posted for real).");
    List<ResultTarget> out = new ArrayList<>();
    for (ResultTarget t : results.targets()) {
      Optional<Platform> p = platform(t.platform());
      io.smo.core.PostRef ref = p.isPresent() && t.sandbox() ? ids.get(p.get()) : null;
      out.add(ref == null ? t : t.withPost(ref.id(), ref.attributes()));
    }
    return results.withTargets(out);
  }

  private static Optional<Platform> platform(String id) {
    try {
      return Optional.of(Platform.fromId(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void print(CampaignReport r) {
    out.println(
        "Campaign report: "
            + r.results().campaign()
            + " — figures read "
            + r.latest().takenAt()
            + " (snapshot "
            + r.history().size()
            + ")");
    line(r.total());
    r.byPlatform().forEach(this::line);
    if (r.byAccount().size() > r.byPlatform().size()) {
      r.byAccount().forEach(this::line);
    }
    if (r.bySegment().size() > 1) {
      r.bySegment().forEach(this::line);
    }
    for (String m : r.missing()) {
      out.println("  missing  " + m);
    }
    CampaignReport.notes().forEach(n -> out.println("  note     " + n));
  }

  private void line(Rollup g) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "  %-9s %-18s", g.dimension(), g.key()));
    List<String> parts = new ArrayList<>();
    for (Sum s : g.sums().values()) {
      parts.add(s.covered() == s.of() ? s.metric() + " " + s.value() : s.toString());
    }
    if (g.engagementRate() != null) {
      parts.add(
          String.format(
              Locale.ROOT,
              "ER %.2f%% over %d of %d targets",
              g.engagementRate() * 100,
              g.engagementRateCovered(),
              g.targets()));
    }
    b.append(parts.isEmpty() ? "no figures" : String.join(" · ", parts));
    out.println(b);
  }

  /**
   * Parses 30s, 10m, 1h, 2d or an ISO-8601 duration (PT10M); null when it is neither or not
   * positive.
   */
  static Duration parseInterval(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (t.matches("\\d+(ms|s|m|h|d)")) {
        long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
        String unit = t.replaceAll("^\\d+", "");
        d =
            switch (unit) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            };
      } else {
        d = Duration.parse(s.trim().toUpperCase(Locale.ROOT));
      }
    } catch (RuntimeException e) {
      return null;
    }
    return d.isZero() || d.isNegative() ? null : d;
  }
}
