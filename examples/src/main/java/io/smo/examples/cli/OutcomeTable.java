package io.smo.examples.cli;

import io.smo.core.CrossPostResult;
import io.smo.core.PlatformOutcome;
import io.smo.core.Violation;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints outcome tables and validation reports. */
final class OutcomeTable {
  private OutcomeTable() {}

  static void print(PrintStream out, CrossPostResult result) {
    print(out, result, null);
  }

  /**
   * Prints one row per platform: id, outcome, post id, URL or reason. URLs go through {@link
   * Session#url(java.net.URI)}, which marks them {@code [sandbox]} on the sandbox.
   */
  static void print(PrintStream out, CrossPostResult result, Session session) {
    out.printf("%n%-10s %-10s %-36s %s%n", "PLATFORM", "OUTCOME", "ID", "URL / REASON");
    for (PlatformOutcome o : result.outcomes().values()) {
      String status = o.status().name().toLowerCase(Locale.ROOT);
      String id = o.published().map(p -> p.id()).orElse("-");
      String detail =
          o.published()
              .map(
                  p -> p.url().map(u -> session != null ? session.url(u) : u.toString()).orElse(""))
              .orElse(oneLine(o.reason()));
      out.printf("%-10s %-10s %-36s %s%n", o.platform().id(), status, id, detail);
    }
  }

  static void printViolations(PrintStream out, Map<io.smo.core.Platform, List<Violation>> report) {
    report.forEach(
        (p, list) -> {
          if (list.isEmpty()) {
            out.printf("%-10s ok%n", p.id());
          } else {
            out.printf("%-10s %d violation%s%n", p.id(), list.size(), list.size() == 1 ? "" : "s");
            for (Violation v : list) {
              out.printf(
                  "           - %-22s %-24s actual=%s limit=%s: %s%n",
                  v.field(),
                  v.rule(),
                  v.actual() == null ? "-" : v.actual(),
                  v.limit() == null ? "-" : v.limit(),
                  v.message());
            }
          }
        });
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replace('\n', ' ');
    return t.length() > 160 ? t.substring(0, 157) + "..." : t;
  }
}
