package io.smo.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Entry point of {@code benchmarks.jar}.
 *
 * <ul>
 *   <li>{@code overhead}: runs {@link CallOverheadBenchmark} with JMH (sample time, 1 fork) and
 *       prints both medians and their ratio (target: SDK at most 1.10x the hand-written call);
 *   <li>{@code upload [MiB]}: runs {@link UploadMemory} in this JVM (start it with {@code
 *       -Xmx64m});
 *   <li>{@code sandbox [threads] [requests]}: runs {@link SandboxBenchmark} (sandbox start time and
 *       requests per second, issue 4);
 *   <li>{@code scheduler [posts]}: runs {@link SchedulerBenchmark} (10,000 posts due in one minute,
 *       two scheduler instances on one PostgreSQL, then a restart case; issue 13);
 *   <li>{@code limiter [seconds] [threads] [limit] [db]}: runs {@link LimiterBenchmark} (two
 *       instances sharing one account's allowance through a JDBC store; issue 21);
 *   <li>{@code webhooks [threads] [deliveries]}: runs {@link WebhookBenchmark} (verified, parsed,
 *       de-duplicated Meta deliveries per second; issue 25);
 *   <li>{@code perf [MiB] [upload|cpu|fanout|all]}: runs {@link PerfBenchmark} (issue 24: upload
 *       throughput per platform protocol against a raw OkHttp PUT, CPU per call against a
 *       hand-written call, fan-out to 70 targets; start it with {@code -Xmx64m});
 *   <li>{@code jmh ...}: passes the arguments to JMH's own command line.
 * </ul>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String cmd = args.length == 0 ? "help" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (cmd) {
      case "overhead" -> overhead();
      case "upload" -> UploadMemory.main(rest);
      case "sandbox" -> {
        quietLogging();
        SandboxBenchmark.main(rest);
      }
      case "scheduler" -> {
        quietLogging();
        SchedulerBenchmark.main(rest);
      }
      case "limiter" -> {
        quietLogging();
        LimiterBenchmark.main(rest);
      }
      case "perf" -> PerfBenchmark.main(rest);
      case "webhooks" -> WebhookBenchmark.main(rest);
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      default -> {
        System.out.println(
            "usage: java -jar benchmarks.jar overhead | java -Xmx64m -jar benchmarks.jar upload [MiB]"
                + " | java -jar benchmarks.jar sandbox [threads] [requests]"
                + " | java -jar benchmarks.jar scheduler [posts]"
                + " | java -jar benchmarks.jar limiter [seconds] [threads] [limit] [postgresql|h2]"
                + " | java -jar benchmarks.jar webhooks [threads] [deliveries]"
                + " | java -Xmx64m -jar benchmarks.jar perf [MiB] [upload|cpu|fanout|all]"
                + " | java -jar benchmarks.jar jmh <JMH options>");
      }
    }
  }

  /**
   * Keeps Jetty's and db-scheduler's INFO lines out of the figures (slf4j-simple reads this once).
   */
  static void quietLogging() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  static void overhead() throws Exception {
    Options opt =
        new OptionsBuilder()
            .include(CallOverheadBenchmark.class.getName() + ".*")
            .forks(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(3))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(3))
            .threads(1)
            .build();
    Collection<RunResult> results = new Runner(opt).run();
    double sdk = Double.NaN;
    double hand = Double.NaN;
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      double median = r.getPrimaryResult().getStatistics().getPercentile(50);
      if (name.endsWith(".sdk")) {
        sdk = median;
      } else if (name.endsWith(".handWritten")) {
        hand = median;
      }
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "median per call, SDK full path:        %8.1f us%n", sdk);
    System.out.printf(Locale.ROOT, "median per call, hand-written OkHttp:  %8.1f us%n", hand);
    System.out.printf(
        Locale.ROOT,
        "ratio SDK / hand-written:              %8.2fx (target <= 1.10x)%n",
        sdk / hand);
  }
}
