package io.smo.examples.cli;

import io.smo.core.CrossPostResult;
import io.smo.core.PlatformOutcome;
import io.smo.core.report.CampaignResults;
import io.smo.core.report.ResultTarget;
import io.smo.scheduler.ScheduledPost;
import io.smo.scheduler.ScheduledTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the campaign results record ({@link CampaignResults}) that {@code smo report} reads, next
 * to the campaign: {@code launch.yaml} gives {@code launch.results.json}.
 */
final class ResultsFile {
  private ResultsFile() {}

  /** Returns the results file of a campaign file. */
  static Path of(Path campaignFile) {
    String name = campaignFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    Path dir = campaignFile.toAbsolutePath().getParent();
    return dir.resolve(name + ".results.json");
  }

  /**
   * Returns the snapshots file next to a results file ({@code x.results.json} gives {@code
   * x.snapshots.jsonl}).
   */
  static Path snapshotsOf(Path resultsFile) {
    String name = resultsFile.getFileName().toString().replaceFirst("(\\.results)?\\.json$", "");
    Path dir = resultsFile.toAbsolutePath().getParent();
    return dir.resolve(name + ".snapshots.jsonl");
  }

  /**
   * Writes what {@code post} published; says where on {@code err}; a write failure is reported, not
   * fatal.
   */
  static void write(
      Path campaignFile, Campaign c, CrossPostResult result, Session s, PrintStream err) {
    List<ResultTarget> targets = new ArrayList<>();
    for (PlatformOutcome o : result.outcomes().values()) {
      targets.add(CampaignResults.target(o, "default", "default", null, s.onSandbox(o.platform())));
    }
    save(campaignFile, c, result.idempotencyKey(), targets, err);
  }

  /** Writes what {@code schedule} scheduled: post ids where the platform scheduled natively. */
  static void write(
      Path campaignFile, Campaign c, List<ScheduledPost> posts, Session s, PrintStream err) {
    List<ResultTarget> targets = new ArrayList<>();
    for (ScheduledPost sp : posts) {
      for (ScheduledTarget t : sp.targets()) {
        targets.add(
            new ResultTarget(
                t.platform().id(),
                "default",
                "default",
                t.status().name(),
                t.postId().orElse(null),
                t.url().orElse(null),
                sp.dueAt().toString(),
                null,
                s.onSandbox(t.platform()),
                "scheduled " + sp.id() + " for " + sp.dueAt()));
      }
    }
    save(campaignFile, c, c.idempotencyKey, targets, err);
  }

  private static void save(
      Path campaignFile, Campaign c, String key, List<ResultTarget> targets, PrintStream err) {
    Path f = of(campaignFile);
    CampaignResults r =
        new CampaignResults(
            c.name != null ? c.name : campaignFile.getFileName().toString(),
            campaignFile.getFileName().toString(),
            key,
            Instant.now(),
            targets);
    try {
      r.write(f);
      err.println("Results written to " + f + " (read them with `smo report " + f + "`).");
    } catch (IOException e) {
      err.println("warning: could not write the results to " + f + ": " + e.getMessage());
    }
  }
}
