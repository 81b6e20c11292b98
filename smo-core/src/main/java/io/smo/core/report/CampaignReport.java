package io.smo.core.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smo.core.SmoPublicApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A campaign report: the latest {@link Snapshot} of every target rolled up per platform, account,
 * segment and in total, with the snapshot history for growth. Exports JSON, CSV (one row per
 * target) and a self-contained HTML page with inline-SVG charts (no script, no external file).
 *
 * <p>What is added up, and what is not:
 *
 * <ul>
 *   <li>Only the same metric is added to itself: {@code impressions} (times shown) and {@code
 *       views} (video views as each platform defines one) are separate sums, never mixed.
 *   <li>Every sum states its coverage: {@code "clicks 120 over 4 of 7 targets"} — targets that do
 *       not report a metric are left out of its sum, not counted as zero.
 *   <li>{@code reach} (distinct people) is summed only inside one platform (per platform and per
 *       account), and even there people who saw several posts count more than once; it is never
 *       added across platforms, whose audiences overlap, so the total and segment rows have none.
 *   <li>{@code link_clicks} come from the link shortener (one short link per target), the one click
 *       figure counted the same way on every platform.
 * </ul>
 *
 * <p>Engagement rate, one definition for every platform: <b>engagements / impressions</b>, where
 * engagements = likes + comments + shares + saves (those the platform reports), computed over the
 * targets that report both engagements and impressions (views are not used in their place).
 * Attribution is by publish date: the figures are lifetime figures of the campaign's posts.
 *
 * <p>Immutable.
 */
@SmoPublicApi
public final class CampaignReport {
  /** The parts of "engagements". */
  public static final List<String> ENGAGEMENT_PARTS =
      List.of("likes", "comments", "shares", "saves");

  /** The metrics summed in rollups, in report order ({@code reach} is handled apart). */
  public static final List<String> SUMMED =
      List.of(
          "impressions",
          "views",
          "engagements",
          "likes",
          "comments",
          "shares",
          "saves",
          "clicks",
          "link_clicks");

  /** The per-target columns of the CSV and HTML tables. */
  public static final List<String> COLUMNS =
      List.of(
          "impressions",
          "reach",
          "views",
          "likes",
          "comments",
          "shares",
          "saves",
          "clicks",
          "link_clicks");

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final CampaignResults results;
  private final List<Snapshot> history;

  private CampaignReport(CampaignResults results, List<Snapshot> history) {
    this.results = results;
    this.history = List.copyOf(history);
  }

  /**
   * Builds the report.
   *
   * @param results what the campaign published
   * @param history the snapshots, oldest first; the last one is reported, all of them show growth
   * @throws IllegalArgumentException if {@code history} is empty
   */
  public static CampaignReport of(CampaignResults results, List<Snapshot> history) {
    requireNonNull(results, "results == null");
    if (history.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one snapshot");
    }
    return new CampaignReport(results, history);
  }

  /** Returns the results record. */
  public CampaignResults results() {
    return results;
  }

  /** Returns every snapshot, oldest first. */
  public List<Snapshot> history() {
    return history;
  }

  /** Returns the latest snapshot, the one the sums describe. */
  public Snapshot latest() {
    return history.get(history.size() - 1);
  }

  /** Returns the rollup over every target. */
  public Rollup total() {
    return rollup("total", "all", latest().targets(), false);
  }

  /** Returns one rollup per platform, in first-seen order. */
  public List<Rollup> byPlatform() {
    return group("platform", t -> t.target().platform(), true);
  }

  /** Returns one rollup per (platform, account), keyed {@code platform:account}. */
  public List<Rollup> byAccount() {
    return group("account", t -> t.target().platform() + ":" + t.target().account(), true);
  }

  /** Returns one rollup per segment. */
  public List<Rollup> bySegment() {
    return group("segment", t -> t.target().segment(), false);
  }

  /**
   * Returns the targets whose figures are missing, with why ({@code platform:account/segment:
   * reason}).
   */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    for (TargetSnapshot t : latest().targets()) {
      if (t.state() != TargetSnapshot.State.MEASURED) {
        out.add(
            t.target().label()
                + " "
                + t.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (t.error() != null ? ": " + t.error() : ""));
      }
    }
    return out;
  }

  /**
   * Returns the notes printed with every report: what is summed, what is not, and the ER
   * definition.
   */
  public static List<String> notes() {
    return List.of(
        "Engagement rate = (likes + comments + shares + saves) / impressions, over targets reporting both.",
        "Impressions and views are separate sums: a view is not an impression.",
        "Reach is never added across platforms (audiences overlap); per platform it counts people once per post.",
        "Each sum covers only the targets that report the metric: \"over k of n targets\".",
        "Link clicks come from the link shortener, counted the same way on every platform.");
  }

  private List<Rollup> group(
      String dimension, Function<TargetSnapshot, String> key, boolean onePlatform) {
    Map<String, List<TargetSnapshot>> groups = new LinkedHashMap<>();
    for (TargetSnapshot t : latest().targets()) {
      groups.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
    }
    List<Rollup> out = new ArrayList<>();
    groups.forEach((k, ts) -> out.add(rollup(dimension, k, ts, onePlatform)));
    return out;
  }

  private static Rollup rollup(
      String dimension, String key, List<TargetSnapshot> ts, boolean onePlatform) {
    Map<String, Sum> sums = new LinkedHashMap<>();
    List<String> metrics = new ArrayList<>(SUMMED);
    if (onePlatform) {
      metrics.add(1, "reach");
    }
    for (String m : metrics) {
      long v = 0;
      int covered = 0;
      for (TargetSnapshot t : ts) {
        Long x = m.equals("engagements") ? t.engagements() : t.metric(m);
        if (x != null) {
          v += x;
          covered++;
        }
      }
      if (covered > 0) {
        sums.put(m, new Sum(m, v, covered, ts.size()));
      }
    }
    long eng = 0;
    long imp = 0;
    int erCovered = 0;
    for (TargetSnapshot t : ts) {
      Long e = t.engagements();
      Long i = t.metric("impressions");
      if (e != null && i != null && i > 0) {
        eng += e;
        imp += i;
        erCovered++;
      }
    }
    return new Rollup(
        dimension, key, ts.size(), sums, erCovered == 0 ? null : (double) eng / imp, erCovered);
  }

  // ------------------------------------------------------------------ snapshots on disk

  /**
   * Appends {@code snapshot} as one JSON line to {@code file} (created if needed).
   *
   * @throws IOException if the file cannot be written
   */
  public static void appendSnapshot(Path file, Snapshot snapshot) throws IOException {
    String line = JSON.writeValueAsString(snapshot) + "\n";
    Files.writeString(
        file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * Reads the snapshots {@link #appendSnapshot} wrote, oldest first; an absent file gives none.
   * Lines that cannot be read (a different version, a cut-off write) are skipped.
   *
   * @throws IOException if the file exists but cannot be read
   */
  public static List<Snapshot> readSnapshots(Path file) throws IOException {
    List<Snapshot> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(JSON.readValue(line, Snapshot.class));
      } catch (IOException e) {
        // skipped: see Javadoc
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ exports

  /**
   * Returns the report as JSON: campaign, notes, rollups with sums and coverage, targets, history.
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("campaign", results.campaign());
    root.put("takenAt", latest().takenAt().toString());
    root.put("snapshots", history.size());
    ArrayNode notes = root.putArray("notes");
    notes().forEach(notes::add);
    root.set("total", rollupJson(total()));
    ArrayNode groups = root.putArray("rollups");
    for (List<Rollup> rs : List.of(byPlatform(), byAccount(), bySegment())) {
      rs.forEach(r -> groups.add(rollupJson(r)));
    }
    ArrayNode targets = root.putArray("targets");
    for (TargetSnapshot t : latest().targets()) {
      ObjectNode n = JSON.valueToTree(t);
      Long e = t.engagements();
      if (e != null) {
        n.put("engagements", e);
      }
      targets.add(n);
    }
    ArrayNode missing = root.putArray("missing");
    missing().forEach(missing::add);
    ArrayNode hist = root.putArray("history");
    for (Snapshot s : history) {
      ObjectNode h = hist.addObject().put("takenAt", s.takenAt().toString());
      ObjectNode per = h.putObject("engagements");
      s.targets()
          .forEach(
              t -> {
                Long e = t.engagements();
                if (e != null) {
                  per.put(t.target().label(), e);
                }
              });
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode rollupJson(Rollup r) {
    ObjectNode n =
        JSON.createObjectNode()
            .put("dimension", r.dimension())
            .put("key", r.key())
            .put("targets", r.targets());
    ObjectNode sums = n.putObject("sums");
    r.sums()
        .forEach(
            (m, s) ->
                sums.putObject(m)
                    .put("value", s.value())
                    .put("covered", s.covered())
                    .put("of", s.of())
                    .put("text", s.toString()));
    if (r.engagementRate() != null) {
      n.put("engagementRate", r.engagementRate())
          .put("engagementRateCovered", r.engagementRateCovered());
    }
    return n;
  }

  /**
   * Returns one CSV row per target (RFC 4180: comma-separated, quoted where needed, CRLF line ends,
   * a header row): campaign, platform, account, segment, state, post id, URL, the metric columns
   * ({@link #COLUMNS}; empty when not reported), engagements, engagement rate, note.
   */
  public String toCsv() {
    StringBuilder sb = new StringBuilder();
    List<String> header =
        new ArrayList<>(
            List.of("campaign", "platform", "account", "segment", "state", "post_id", "url"));
    header.addAll(COLUMNS);
    header.addAll(List.of("engagements", "engagement_rate", "taken_at", "note"));
    row(sb, header);
    for (TargetSnapshot t : latest().targets()) {
      List<String> r =
          new ArrayList<>(
              List.of(
                  results.campaign(),
                  t.target().platform(),
                  t.target().account(),
                  t.target().segment(),
                  t.state().name(),
                  nz(t.target().postId()),
                  nz(t.target().url())));
      for (String c : COLUMNS) {
        Long v = t.metric(c);
        r.add(v == null ? "" : v.toString());
      }
      Long e = t.engagements();
      Long i = t.metric("impressions");
      r.add(e == null ? "" : e.toString());
      r.add(
          e != null && i != null && i > 0
              ? String.format(Locale.ROOT, "%.4f", (double) e / i)
              : "");
      r.add(latest().takenAt().toString());
      r.add(nz(t.error()));
      row(sb, r);
    }
    return sb.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void row(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i);
      // a leading =, +, - or @ would be run as a formula by spreadsheets: quote-prefix it
      if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+(\\.\\d+)?")) {
        c = "'" + c;
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        c = "\"" + c.replace("\"", "\"\"") + "\"";
      }
      sb.append(c);
    }
    sb.append("\r\n");
  }

  /**
   * Returns a self-contained HTML page: sums with coverage, charts in inline SVG, the targets,
   * notes.
   */
  public String toHtml() {
    return ReportHtml.render(this);
  }
}
