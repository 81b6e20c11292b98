package io.smo.examples.cli;

import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.PlatformOutcome;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.SocialClient;
import io.smo.core.Violation;
import io.smo.scheduler.PostScheduler;
import io.smo.scheduler.ScheduledPost;
import io.smo.scheduler.ScheduledTarget;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxMain;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code smo} command line: publish a campaign to several platforms, validate it offline, read
 * engagement and answer, schedule, and run the sandbox. With no credentials it runs against the
 * embedded sandbox and says so.
 */
@Command(
    name = "smo",
    mixinStandardHelpOptions = true,
    version = "smo 0.1.0-SNAPSHOT",
    description = "Publish, schedule and measure social media posts on seven platforms.",
    subcommands = {
      SmoCli.PostCmd.class,
      SmoCli.ValidateCmd.class,
      SmoCli.MetricsCmd.class,
      SmoCli.CommentsCmd.class,
      SmoCli.ReplyCmd.class,
      SmoCli.HideCmd.class,
      SmoCli.SandboxCmd.class,
      SmoCli.ScheduleCmd.class,
      SmoCli.ScheduledCmd.class,
      SmoCli.SchedulerCmd.class,
      DemoCmd.class,
      ReportCmd.class,
      AccountCmd.class,
      ListenCmd.class,
      InboxCmd.class,
      AnswerCmd.class
    })
public final class SmoCli {
  private SmoCli() {}

  /** Runs the command line. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs the command line with the given streams and environment; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    CommandLine cl = new CommandLine(new SmoCli(), new Factory(out, err, env));
    cl.setOut(new java.io.PrintWriter(out, true, java.nio.charset.Charset.defaultCharset()));
    cl.setErr(new java.io.PrintWriter(err, true, java.nio.charset.Charset.defaultCharset()));
    cl.setExecutionExceptionHandler(
        (ex, line, parse) -> {
          err.println(
              "error: "
                  + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName()));
          return ExitCodes.of(ex);
        });
    exitCodeHelp(cl);
    return cl.execute(args);
  }

  /** Adds the exit codes ({@link ExitCodes#HELP}) to the help of every command. */
  private static void exitCodeHelp(CommandLine cl) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (String h : ExitCodes.HELP) {
      codes.put(" " + h.substring(0, 1), h.substring(1).trim());
    }
    cl.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(codes);
    cl.getSubcommands().values().forEach(SmoCli::exitCodeHelp);
  }

  /** Injects streams and environment into commands. */
  private static final class Factory implements CommandLine.IFactory {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    Factory(PrintStream out, PrintStream err, Map<String, String> env) {
      this.out = out;
      this.err = err;
      this.env = env;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      K k = CommandLine.defaultFactory().create(cls);
      if (k instanceof Base b) {
        b.out = out;
        b.err = err;
        b.env = env;
      }
      return k;
    }
  }

  /** Shared options. */
  abstract static class Base implements Callable<Integer> {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Map<String, String> env = Map.of();

    @Option(
        names = "--credentials",
        paramLabel = "DIR",
        description =
            "Folder with <platform>.properties credential files, merged with SMO_<PLATFORM>_<KEY> environment variables. The sandbox runs only when neither holds any credentials; a wrong folder or file is an error (exit 2).")
    Path credentials;

    Session session(Progress progress) throws Exception {
      return new Session(credentials, env, err, progress);
    }
  }

  /**
   * Groups targets by the media the campaign gives them: each group gets one post (same idempotency
   * key), so a campaign can send the photo to some platforms and the video to others.
   */
  static Map<List<Platform>, Post> variants(Campaign c, List<Platform> targets) {
    Map<List<io.smo.core.Media>, List<Platform>> groups = new LinkedHashMap<>();
    for (Platform p : targets) {
      groups.computeIfAbsent(c.mediaFor(p), k -> new ArrayList<>()).add(p);
    }
    String key =
        c.idempotencyKey != null ? c.idempotencyKey : java.util.UUID.randomUUID().toString();
    Map<List<Platform>, Post> out = new LinkedHashMap<>();
    groups.forEach(
        (media, group) ->
            out.put(group, toPost(c, group).toBuilder().media(media).idempotencyKey(key).build()));
    return out;
  }

  /** Builds the post of a campaign for the given targets. */
  static Post toPost(Campaign c, List<Platform> targets) {
    Post.Builder b =
        Post.builder()
            .text(c.text)
            .media(c.mediaList())
            .audience(c.audience())
            .textOverflow(c.overflowPolicy());
    if (c.link != null) {
      b.link(java.net.URI.create(c.link));
    }
    if (c.idempotencyKey != null) {
      b.idempotencyKey(c.idempotencyKey);
    }
    for (Platform p : targets) {
      try {
        PlatformOptions o = Platforms.options(p, c.options(p));
        if (o != null) {
          b.option(o);
        }
      } catch (Platforms.InvalidOption e) {
        // reported by optionViolations(...); the platform is skipped
      }
    }
    return b.build();
  }

  /** Returns the problem with the campaign's schedule block, if any. */
  static java.util.Optional<Violation> scheduleViolation(Campaign c) {
    try {
      c.scheduleTime();
      return java.util.Optional.empty();
    } catch (IllegalArgumentException e) {
      return java.util.Optional.of(
          Violation.of(
              null,
              "schedule",
              "schedule-time",
              c.schedule == null ? null : c.schedule.at + " " + c.schedule.zone,
              null,
              e.getMessage()));
    }
  }

  /** Returns the campaign overrides each platform's options refuse, as violations. */
  static Map<Platform, List<Violation>> optionViolations(Campaign c, List<Platform> targets) {
    Map<Platform, List<Violation>> out = new LinkedHashMap<>();
    for (Platform p : targets) {
      try {
        Platforms.options(p, c.options(p));
      } catch (Platforms.InvalidOption e) {
        out.computeIfAbsent(p, k -> new ArrayList<>()).add(e.violation);
      }
    }
    return out;
  }

  /** The campaign file and the optional platform subset, shared by post, validate and schedule. */
  static final class CampaignArgs {
    @Parameters(paramLabel = "CAMPAIGN.yaml", description = "The campaign file (YAML).")
    Path file;

    @Option(
        names = "--platforms",
        description = "Comma-separated platform ids (x,facebook,...); default: the campaign's.")
    String platforms;

    Campaign read() throws java.io.IOException {
      return Campaign.read(file);
    }

    List<Platform> targets(Campaign c) {
      if (platforms == null || platforms.isBlank()) {
        return c.targets();
      }
      List<Platform> out = new ArrayList<>();
      for (String s : platforms.split(",", -1)) {
        if (s.isEmpty()) {
          continue;
        }
        Platform p = Platform.fromId(s);
        if (!out.contains(p)) {
          out.add(p);
        }
      }
      return out;
    }
  }

  @Command(
      name = "post",
      mixinStandardHelpOptions = true,
      description = {
        "Publish a campaign to its platforms and print one row per platform.",
        "Publishes only: it never replies to or hides comments (`smo demo` shows that on the sandbox)."
      })
  static final class PostCmd extends Base {
    @CommandLine.Mixin CampaignArgs campaign;

    @CommandLine.Mixin JsonOutput.Flag json;

    @Option(
        names = "--dry-run",
        description = "Validate and print what would be published; send nothing.")
    boolean dryRun;

    /** Accepted and ignored, so scripts written when `post` engaged by default still run. */
    @Option(names = "--no-engage", hidden = true)
    boolean noEngage;

    @Override
    public Integer call() throws Exception {
      Campaign c = campaign.read();
      if (c.segmented()) {
        // accounts and segments: credentials per named account (SMO_<ACCOUNT>_<KEY> or
        // DIR/<account>.properties), read by SegmentedPost, not the per-platform session
        return SegmentedPost.run(c, credentials, env, out, err, dryRun);
      }
      try (Progress progress = new Progress(err);
          Session s = session(progress)) {
        return publish(s, progress, null);
      }
    }

    /**
     * Publishes (or dry-runs) the campaign through {@code s}, prints the outcome table (or the JSON
     * document), then runs {@code after} on the result when something was published.
     *
     * @return the exit code
     */
    int publish(Session s, Progress progress, java.util.function.Consumer<CrossPostResult> after)
        throws Exception {
      PrintStream human = json.on() ? err : out;
      Campaign c = campaign.read();
      if (c.segmented()) {
        return SegmentedPost.run(c, credentials, env, out, err, dryRun);
      }
      List<Platform> targets = new ArrayList<>(campaign.targets(c));
      Map<Platform, List<Violation>> bad = optionViolations(c, targets);
      targets.removeAll(bad.keySet());
      java.util.Optional<Violation> badSchedule = scheduleViolation(c);
      if (badSchedule.isPresent()) {
        throw new CliException(badSchedule.get().message());
      }
      if (targets.isEmpty() && !bad.isEmpty()) {
        // nothing left to publish: report why instead of failing on an empty CrossPoster
        if (dryRun) {
          printDryRun(s, c, human, bad);
        } else {
          Map<Platform, PlatformOutcome> skipped = new java.util.EnumMap<>(Platform.class);
          bad.forEach((p, v) -> skipped.put(p, PlatformOutcome.skipped(p, v)));
          printResult(s, c, new CrossPostResult(c.idempotencyKey, skipped));
        }
        return ExitCodes.NOT_ALL_DONE;
      }
      if (c.scheduleTime() != null) {
        err.println(
            "Note: this publishes now and ignores the campaign's schedule ("
                + c.scheduleTime()
                + "); use `./smo schedule "
                + campaign.file
                + "` to publish then.");
      }
      s.requireClients(targets); // every credentials problem before anything is sent
      CrossPoster.Builder pb = CrossPoster.builder();
      for (Platform p : targets) {
        pb.add(progress.track(s.client(p)));
      }
      Map<List<Platform>, Post> variants = variants(c, targets);
      try (CrossPoster poster = pb.build()) {
        if (dryRun) {
          Map<Platform, List<Violation>> report = new LinkedHashMap<>(bad);
          variants.forEach(
              (group, post) -> group.forEach(p -> report.put(p, s.client(p).validate(post))));
          return printDryRun(s, c, human, report);
        }
        human.println(
            "Publishing "
                + (c.name != null ? c.name : campaign.file.getFileName())
                + " to "
                + targets.size()
                + " platform(s)"
                + (s.sandboxOnly() ? " of the embedded sandbox" : "")
                + "...");
        Map<Platform, PlatformOutcome> outcomes = new java.util.EnumMap<>(Platform.class);
        bad.forEach((p, v) -> outcomes.put(p, PlatformOutcome.skipped(p, v)));
        variants.forEach((group, post) -> outcomes.putAll(poster.publish(post, group).outcomes()));
        CrossPostResult result =
            new CrossPostResult(variants.values().iterator().next().idempotencyKey(), outcomes);
        progress.close();
        printResult(s, c, result);
        ResultsFile.write(campaign.file, c, result, s, err);
        if (after != null) {
          after.accept(result);
        }
        return result.allPublished() ? ExitCodes.OK : ExitCodes.NOT_ALL_DONE;
      }
    }

    private String name(Campaign c) {
      return c.name != null ? c.name : campaign.file.toString();
    }

    private int printDryRun(
        Session s, Campaign c, PrintStream human, Map<Platform, List<Violation>> report) {
      int exit =
          report.values().stream().allMatch(List::isEmpty) ? ExitCodes.OK : ExitCodes.NOT_ALL_DONE;
      if (json.on()) {
        com.fasterxml.jackson.databind.node.ObjectNode doc = JsonOutput.document("post");
        doc.put("campaign", name(c));
        doc.put("sandbox", s.sandboxOnly());
        doc.put("dryRun", true);
        doc.put("idempotencyKey", c.idempotencyKey);
        doc.put("exitCode", exit);
        com.fasterxml.jackson.databind.node.ArrayNode t = doc.putArray("targets");
        report.forEach((p, v) -> t.add(JsonOutput.validation(p, v)));
        JsonOutput.print(out, doc);
      } else {
        human.println("Dry run of " + name(c) + ": nothing was sent.");
        OutcomeTable.printViolations(human, report);
      }
      return exit;
    }

    private void printResult(Session s, Campaign c, CrossPostResult result) {
      if (json.on()) {
        com.fasterxml.jackson.databind.node.ObjectNode doc = JsonOutput.document("post");
        doc.put("campaign", name(c));
        doc.put("sandbox", s.sandboxOnly());
        doc.put("dryRun", false);
        doc.put("idempotencyKey", result.idempotencyKey());
        doc.put("exitCode", result.allPublished() ? ExitCodes.OK : ExitCodes.NOT_ALL_DONE);
        com.fasterxml.jackson.databind.node.ArrayNode t = doc.putArray("targets");
        result.outcomes().values().forEach(o -> t.add(JsonOutput.outcome(o, s)));
        JsonOutput.print(out, doc);
      } else {
        OutcomeTable.print(out, result, s);
      }
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = "Print the offline validation report per platform; no network.")
  static final class ValidateCmd extends Base {
    @CommandLine.Mixin CampaignArgs campaign;

    @CommandLine.Mixin JsonOutput.Flag json;

    @Override
    public Integer call() throws Exception {
      if (credentials != null) {
        Credentials.load(
            credentials, env); // not needed offline, but a wrong --credentials is still an error
      }
      Campaign c = campaign.read();
      List<Platform> targets = campaign.targets(c);
      Map<Platform, List<Violation>> report = new LinkedHashMap<>();
      Map<Platform, List<Violation>> bad = optionViolations(c, targets);
      scheduleViolation(c)
          .ifPresent(
              v ->
                  targets.forEach(
                      p -> bad.computeIfAbsent(p, k -> new ArrayList<>()).add(v.withPlatform(p))));
      variants(c, targets)
          .forEach(
              (group, post) ->
                  group.forEach(
                      p -> {
                        try (SocialClient offline = Platforms.offline(p)) {
                          List<Violation> all = new ArrayList<>(bad.getOrDefault(p, List.of()));
                          all.addAll(offline.validate(post));
                          report.put(p, all);
                        }
                      }));
      int exit =
          report.values().stream().allMatch(List::isEmpty) ? ExitCodes.OK : ExitCodes.NOT_ALL_DONE;
      if (json.on()) {
        com.fasterxml.jackson.databind.node.ObjectNode doc = JsonOutput.document("validate");
        doc.put("campaign", c.name != null ? c.name : campaign.file.toString());
        doc.put("valid", exit == ExitCodes.OK);
        doc.put("exitCode", exit);
        com.fasterxml.jackson.databind.node.ArrayNode t = doc.putArray("targets");
        report.forEach((p, v) -> t.add(JsonOutput.validation(p, v)));
        JsonOutput.print(out, doc);
        return exit;
      }
      out.println("Validation of " + (c.name != null ? c.name : campaign.file) + " (offline):");
      OutcomeTable.printViolations(out, report);
      return exit;
    }
  }

  @Command(
      name = "metrics",
      mixinStandardHelpOptions = true,
      description = "Print engagement metrics of published posts (REF = platform:id).")
  static final class MetricsCmd extends Base {
    @Parameters(paramLabel = "REF", arity = "1..*")
    List<String> refs;

    static String describe(EngagementMetrics m) {
      StringBuilder s = new StringBuilder();
      m.values()
          .forEach(
              (k, v) ->
                  s.append(k.name().toLowerCase(java.util.Locale.ROOT))
                      .append('=')
                      .append(v)
                      .append(' '));
      return s.length() == 0 ? "(no figures reported)" : s.toString().trim();
    }

    @Override
    public Integer call() throws Exception {
      try (Session s = session(null)) {
        for (String r : refs) {
          PostRef ref = PostRef.parse(r);
          out.printf("%-30s %s%n", ref, describe(s.client(ref.platform()).metrics(ref)));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "comments",
      mixinStandardHelpOptions = true,
      description = "List the comments of a post (REF = platform:id).")
  static final class CommentsCmd extends Base {
    @Parameters(paramLabel = "REF")
    String ref;

    @Option(names = "--max", defaultValue = "50", description = "At most this many comments.")
    int max;

    @Override
    public Integer call() throws Exception {
      PostRef r = PostRef.parse(ref);
      try (Session s = session(null)) {
        for (Comment c : s.client(r.platform()).comments(r).maxItems(max)) {
          out.printf(
              "%-28s %-16s %s%s%n",
              c.ref(),
              c.authorName().orElse("?"),
              OutcomeTable.oneLine(c.text()),
              c.hidden() ? " (hidden)" : "");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "reply",
      mixinStandardHelpOptions = true,
      description = "Reply to a comment (REF = platform:commentId).")
  static final class ReplyCmd extends Base {
    @Parameters(index = "0", paramLabel = "REF")
    String ref;

    @Parameters(index = "1", paramLabel = "TEXT")
    String text;

    @Override
    public Integer call() throws Exception {
      PostRef r = PostRef.parse(ref);
      try (Session s = session(null)) {
        Comment c = s.client(r.platform()).reply(CommentRef.of(r.platform(), r.id()), text);
        out.println("replied: " + c.ref());
      }
      return 0;
    }
  }

  @Command(
      name = "hide",
      mixinStandardHelpOptions = true,
      description = "Hide a comment (REF = platform:commentId).")
  static final class HideCmd extends Base {
    @Parameters(paramLabel = "REF")
    String ref;

    @Override
    public Integer call() throws Exception {
      PostRef r = PostRef.parse(ref);
      try (Session s = session(null)) {
        s.client(r.platform()).moderate(CommentRef.of(r.platform(), r.id()), ModerationAction.HIDE);
        out.println("hidden: " + r);
      }
      return 0;
    }
  }

  @Command(
      name = "sandbox",
      mixinStandardHelpOptions = true,
      description = "Start the sandbox and print the base URLs; serves until stopped.")
  static final class SandboxCmd extends Base {
    @Option(names = "--port", defaultValue = "0", description = "Port (default: a free one).")
    int port;

    @Option(names = "--strict", description = "Check requests against the official specs.")
    boolean strict;

    @Override
    public Integer call() throws Exception {
      try (Sandbox sandbox = Sandbox.builder().port(port).strict(strict).build()) {
        out.println(SandboxMain.describe(sandbox));
        out.println("Press Ctrl+C to stop.");
        new CountDownLatch(1).await();
      }
      return 0;
    }
  }

  /** Options for the scheduler's database. */
  abstract static class SchedulerBase extends Base {
    @Option(
        names = "--db",
        description =
            "H2 database file (default ./smo-scheduler; on the sandbox ./smo-scheduler-sandbox).")
    Path db;

    PostScheduler scheduler(Session s, List<Platform> targets) {
      // sandbox jobs live in their own file by default, so a later run with credentials never
      // publishes for real what was scheduled on the sandbox
      Path file =
          db != null ? db : Path.of(s.sandboxOnly() ? "smo-scheduler-sandbox" : "smo-scheduler");
      if (db == null && s.sandboxOnly()) {
        err.println(
            "Scheduler database: ./" + file + " (sandbox jobs, kept apart from ./smo-scheduler).");
      }
      PostScheduler.Builder b = PostScheduler.builder().h2File(file);
      for (Platform p : targets) {
        b.add(s.client(p));
      }
      return b.build();
    }
  }

  @Command(
      name = "schedule",
      mixinStandardHelpOptions = true,
      description = "Schedule a campaign at its schedule time (natively where the platform can).")
  static final class ScheduleCmd extends SchedulerBase {
    @CommandLine.Mixin CampaignArgs campaign;

    @Override
    public Integer call() throws Exception {
      Campaign c = campaign.read();
      io.smo.scheduler.ScheduleTime when = c.scheduleAt();
      if (when == null) {
        err.println("error: the campaign has no schedule (schedule.at and schedule.zone)");
        return 2;
      }
      when.adjustment().ifPresent(a -> out.println("note: " + a));
      ZonedDateTime at = when.zoned();
      List<Platform> targets = campaign.targets(c);
      try (Session s = session(null);
          PostScheduler scheduler = scheduler(s, targets)) {
        List<ScheduledPost> scheduled = new ArrayList<>();
        for (Map.Entry<List<Platform>, Post> v : variants(c, targets).entrySet()) {
          String id = scheduler.schedule(v.getValue(), v.getKey(), at);
          ScheduledPost sp = scheduler.get(id).orElseThrow();
          scheduled.add(sp);
          out.println("scheduled " + id + " for " + sp.dueAtLocal() + " (" + sp.dueAt() + ")");
          sp.targets().forEach(t -> out.println("  " + t));
        }
        ResultsFile.write(campaign.file, c, scheduled, s, err);
      }
      return 0;
    }
  }

  @Command(
      name = "scheduled",
      mixinStandardHelpOptions = true,
      description = "List or cancel scheduled posts.",
      subcommands = {ScheduledCmd.ListCmd.class, ScheduledCmd.CancelCmd.class})
  static final class ScheduledCmd implements Callable<Integer> {
    @Override
    public Integer call() {
      return 0;
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List scheduled posts with their status per platform.")
    static final class ListCmd extends SchedulerBase {
      @Override
      public Integer call() throws Exception {
        try (Session s = session(null);
            PostScheduler scheduler = scheduler(s, List.of())) {
          for (ScheduledPost sp : scheduler.list()) {
            out.printf("%s  %s  %s%n", sp.id(), sp.dueAtLocal(), sp.summary());
            for (ScheduledTarget t : sp.targets()) {
              out.println("    " + t);
            }
          }
        }
        return 0;
      }
    }

    @Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = "Cancel a scheduled post.")
    static final class CancelCmd extends SchedulerBase {
      @Parameters(paramLabel = "ID")
      String id;

      @Override
      public Integer call() throws Exception {
        try (Session s = session(null);
            PostScheduler scheduler = scheduler(s, s.platforms())) {
          out.println(scheduler.cancel(id));
        }
        return 0;
      }
    }
  }

  @Command(
      name = "scheduler",
      mixinStandardHelpOptions = true,
      description = "Run the scheduler.",
      subcommands = SchedulerCmd.RunCmd.class)
  static final class SchedulerCmd implements Callable<Integer> {
    @Override
    public Integer call() {
      return 0;
    }

    @Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run due jobs until stopped.")
    static final class RunCmd extends SchedulerBase {
      @Override
      public Integer call() throws Exception {
        try (Session s = session(null);
            PostScheduler scheduler = scheduler(s, s.platforms())) {
          scheduler.start();
          out.println("scheduler running (Ctrl+C to stop)");
          new CountDownLatch(1).await();
        }
        return 0;
      }
    }
  }
}
