package io.smo.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@link CampaignReport#toHtml()}: one page, inline CSS and SVG, no script. */
final class ReportHtml {
  private static final String[] PALETTE = {
    "#1877f2", "#c13584", "#111111", "#ff0000", "#25f4ee", "#e60023", "#f7c600", "#2a9d8f",
    "#8e44ad", "#e67e22", "#16a085", "#7f8c8d"
  };
  private static final Map<String, String> PLATFORM_COLOURS =
      Map.of(
          "facebook",
          "#1877f2",
          "instagram",
          "#c13584",
          "twitter",
          "#111111",
          "youtube",
          "#ff0000",
          "tiktok",
          "#0fb5ae",
          "pinterest",
          "#e60023",
          "snapchat",
          "#f7c600");

  private ReportHtml() {}

  static String render(CampaignReport r) {
    StringBuilder h = new StringBuilder(16_384);
    Snapshot last = r.latest();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(r.results().campaign()))
        .append(" — campaign report</title><style>")
        .append(
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px;color:#222;max-width:1100px}")
        .append(
            "h1{margin:0 0 4px;font-size:24px}h2{font-size:17px;margin:28px 0 8px}.sub{color:#666;font-size:13px}")
        .append(
            ".cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:16px}.card{border:1px solid #ddd;border-radius:8px;padding:10px 14px;min-width:130px}")
        .append(".card b{display:block;font-size:22px}.card span{color:#666;font-size:12px}")
        .append(
            "table{border-collapse:collapse;font-size:13px;width:100%}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:right}")
        .append(
            "th:first-child,td:first-child,td.l,th.l{text-align:left}.bad{color:#b00020}.charts{display:flex;flex-wrap:wrap;gap:24px}")
        .append(
            "ul.notes{font-size:12px;color:#555}svg text{font-family:inherit}</style></head><body>\n");
    h.append("<h1>")
        .append(esc(r.results().campaign()))
        .append("</h1><div class=\"sub\">")
        .append(last.targets().size())
        .append(" targets · figures read ")
        .append(esc(when(last.takenAt())))
        .append(" · ")
        .append(r.history().size())
        .append(" snapshot(s)")
        .append(sandbox(r) ? " · <b>SMO sandbox data, not real platforms</b>" : "")
        .append("</div>\n");

    Rollup total = r.total();
    h.append("<div class=\"cards\">");
    for (String m : List.of("impressions", "views", "engagements", "link_clicks", "clicks")) {
      total
          .sum(m)
          .ifPresent(
              s ->
                  h.append("<div class=\"card\"><b>")
                      .append(fmt(s.value()))
                      .append("</b><span>")
                      .append(esc(label(m)))
                      .append(" · ")
                      .append(s.covered())
                      .append(" of ")
                      .append(s.of())
                      .append(" targets</span></div>"));
    }
    if (total.engagementRate() != null) {
      h.append("<div class=\"card\"><b>")
          .append(pct(total.engagementRate()))
          .append("</b><span>engagement rate · ")
          .append(total.engagementRateCovered())
          .append(" of ")
          .append(total.targets())
          .append(" targets</span></div>");
    }
    h.append("</div>\n");

    h.append("<h2>Charts</h2><div class=\"charts\">");
    List<Rollup> platforms = r.byPlatform();
    Map<String, Long> engByPlatform = new LinkedHashMap<>();
    platforms.forEach(
        p -> p.sum("engagements").ifPresent(s -> engByPlatform.put(p.key(), s.value())));
    h.append(bars("Engagements by platform", engByPlatform, true));
    Map<String, Long> impressions = new LinkedHashMap<>();
    Map<String, Long> views = new LinkedHashMap<>();
    platforms.forEach(
        p -> {
          p.sum("impressions").ifPresent(s -> impressions.put(p.key(), s.value()));
          p.sum("views").ifPresent(s -> views.put(p.key(), s.value()));
        });
    h.append(bars("Impressions by platform (views apart)", impressions, true));
    if (!views.isEmpty()) {
      h.append(bars("Video views by platform", views, true));
    }
    Map<String, Long> clicks = new LinkedHashMap<>();
    last.targets()
        .forEach(
            t -> {
              Long c = t.metric("link_clicks");
              if (c != null) {
                clicks.put(t.target().label(), c);
              }
            });
    if (!clicks.isEmpty()) {
      h.append(bars("Link clicks per target (shortener)", clicks, false));
    }
    h.append(growth(r));
    h.append("</div>\n");

    h.append("<h2>Sums</h2>").append(rollupTable(r));
    h.append("<h2>Targets</h2>").append(targetTable(r));
    List<String> missing = r.missing();
    if (!missing.isEmpty()) {
      h.append("<h2>Missing figures</h2><ul>");
      missing.forEach(m -> h.append("<li class=\"bad\">").append(esc(m)).append("</li>"));
      h.append("</ul>");
    }
    h.append("<h2>How to read it</h2><ul class=\"notes\">");
    CampaignReport.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
    h.append("</ul></body></html>\n");
    return h.toString();
  }

  private static boolean sandbox(CampaignReport r) {
    return !r.results().targets().isEmpty()
        && r.results().targets().stream().allMatch(ResultTarget::sandbox);
  }

  private static String rollupTable(CampaignReport r) {
    StringBuilder h = new StringBuilder("<table><tr><th class=\"l\">group</th><th>targets</th>");
    List<String> cols = new ArrayList<>(CampaignReport.SUMMED);
    cols.add(1, "reach");
    cols.forEach(c -> h.append("<th>").append(esc(label(c))).append("</th>"));
    h.append("<th>ER</th></tr>");
    List<Rollup> all = new ArrayList<>();
    all.add(r.total());
    all.addAll(r.byPlatform());
    all.addAll(r.byAccount());
    all.addAll(r.bySegment());
    for (Rollup g : all) {
      h.append("<tr><td>")
          .append(esc(g.dimension()))
          .append(": ")
          .append(esc(g.key()))
          .append("</td><td>")
          .append(g.targets())
          .append("</td>");
      for (String c : cols) {
        Sum s = g.sums().get(c);
        h.append("<td title=\"")
            .append(s == null ? "not reported" : esc(s.toString()))
            .append("\">");
        if (s != null) {
          h.append(fmt(s.value()))
              .append(" <span class=\"sub\">(")
              .append(s.covered())
              .append('/')
              .append(s.of())
              .append(")</span>");
        } else {
          h.append(
              c.equals("reach")
                      && !g.dimension().equals("platform")
                      && !g.dimension().equals("account")
                  ? "<span class=\"sub\">n/a</span>"
                  : "–");
        }
        h.append("</td>");
      }
      h.append("<td>")
          .append(g.engagementRate() == null ? "–" : pct(g.engagementRate()))
          .append("</td></tr>");
    }
    return h.append(
            "</table><div class=\"sub\">(k/n): the sum covers k of the group's n targets.</div>")
        .toString();
  }

  private static String targetTable(CampaignReport r) {
    StringBuilder h =
        new StringBuilder("<table><tr><th class=\"l\">target</th><th class=\"l\">state</th>");
    CampaignReport.COLUMNS.forEach(c -> h.append("<th>").append(esc(label(c))).append("</th>"));
    h.append("<th>ER</th><th class=\"l\">post</th></tr>");
    for (TargetSnapshot t : r.latest().targets()) {
      boolean ok = t.state() == TargetSnapshot.State.MEASURED;
      h.append("<tr><td>")
          .append(esc(t.target().label()))
          .append("</td><td class=\"l")
          .append(ok ? "" : " bad")
          .append("\" title=\"")
          .append(esc(t.error() == null ? "" : t.error()))
          .append("\">")
          .append(esc(t.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
          .append("</td>");
      for (String c : CampaignReport.COLUMNS) {
        Long v = t.metric(c);
        h.append("<td>").append(v == null ? "–" : fmt(v)).append("</td>");
      }
      Long e = t.engagements();
      Long i = t.metric("impressions");
      h.append("<td>")
          .append(e != null && i != null && i > 0 ? pct((double) e / i) : "–")
          .append("</td><td class=\"l\">");
      String url = t.target().url();
      if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
        h.append("<a href=\"")
            .append(esc(url))
            .append("\">")
            .append(esc(nz(t.target().postId())))
            .append("</a>");
      } else {
        h.append(esc(nz(t.target().postId())));
      }
      h.append("</td></tr>");
    }
    return h.append("</table>").toString();
  }

  /** A horizontal bar chart. */
  private static String bars(String title, Map<String, Long> values, boolean platformColours) {
    int rowH = 26;
    int labelW = 170;
    int barW = 300;
    int height = 34 + rowH * Math.max(1, values.size());
    long max = values.values().stream().mapToLong(Long::longValue).max().orElse(1);
    StringBuilder s = new StringBuilder();
    s.append("<svg role=\"img\" aria-label=\"")
        .append(esc(title))
        .append("\" width=\"")
        .append(labelW + barW + 80)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(labelW + barW + 80)
        .append(' ')
        .append(height)
        .append(
            "\" xmlns=\"http://www.w3.org/2000/svg\"><text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"600\">")
        .append(esc(title))
        .append("</text>");
    if (values.isEmpty()) {
      s.append("<text x=\"0\" y=\"44\" font-size=\"12\" fill=\"#666\">no target reports it</text>");
    }
    int i = 0;
    for (Map.Entry<String, Long> e : values.entrySet()) {
      int y = 28 + i * rowH;
      int w = max == 0 ? 0 : (int) Math.round((double) e.getValue() / max * barW);
      String colour =
          platformColours
              ? PLATFORM_COLOURS.getOrDefault(e.getKey(), PALETTE[i % PALETTE.length])
              : PALETTE[i % PALETTE.length];
      s.append("<text x=\"")
          .append(labelW - 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" font-size=\"12\" text-anchor=\"end\">")
          .append(esc(shorten(e.getKey(), 26)))
          .append("</text>")
          .append("<rect x=\"")
          .append(labelW)
          .append("\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(Math.max(w, 1))
          .append("\" height=\"")
          .append(rowH - 8)
          .append("\" rx=\"3\" fill=\"")
          .append(colour)
          .append("\"/>")
          .append("<text x=\"")
          .append(labelW + Math.max(w, 1) + 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" font-size=\"12\">")
          .append(fmt(e.getValue()))
          .append("</text>");
      i++;
    }
    return s.append("</svg>").toString();
  }

  /** Engagements per target over the snapshots: one line per target. */
  private static String growth(CampaignReport r) {
    List<Snapshot> hist = r.history();
    int w = 520;
    int hgt = 260;
    int left = 50;
    int top = 28;
    int plotW = 300;
    int plotH = 190;
    StringBuilder s =
        new StringBuilder(
            "<svg role=\"img\" aria-label=\"Growth per target\" width=\""
                + w
                + "\" height=\""
                + hgt
                + "\" viewBox=\"0 0 "
                + w
                + " "
                + hgt
                + "\" xmlns=\"http://www.w3.org/2000/svg\">"
                + "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"600\">Engagements per target over time</text>");
    if (hist.size() < 2) {
      return s.append(
              "<text x=\"0\" y=\"44\" font-size=\"12\" fill=\"#666\">one snapshot so far: run "
                  + "`smo report --watch 10m` to see growth</text></svg>")
          .toString();
    }
    Map<String, List<Long>> series = new LinkedHashMap<>();
    for (int i = 0; i < hist.size(); i++) {
      for (TargetSnapshot t : hist.get(i).targets()) {
        List<Long> line = series.computeIfAbsent(t.target().label(), k -> new ArrayList<>());
        while (line.size() < i) {
          line.add(null);
        }
        line.add(t.engagements());
      }
    }
    long max = 1;
    for (List<Long> line : series.values()) {
      for (Long v : line) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    s.append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(top + plotH)
        .append("\" x2=\"")
        .append(left + plotW)
        .append("\" y2=\"")
        .append(top + plotH)
        .append("\" stroke=\"#999\"/><line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(top)
        .append("\" x2=\"")
        .append(left)
        .append("\" y2=\"")
        .append(top + plotH)
        .append("\" stroke=\"#999\"/>")
        .append("<text x=\"")
        .append(left - 4)
        .append("\" y=\"")
        .append(top + 4)
        .append("\" font-size=\"10\" text-anchor=\"end\">")
        .append(fmt(max))
        .append("</text><text x=\"")
        .append(left - 4)
        .append("\" y=\"")
        .append(top + plotH)
        .append("\" font-size=\"10\" text-anchor=\"end\">0</text>")
        .append("<text x=\"")
        .append(left)
        .append("\" y=\"")
        .append(top + plotH + 14)
        .append("\" font-size=\"10\">")
        .append(esc(when(hist.get(0).takenAt())))
        .append("</text><text x=\"")
        .append(left + plotW)
        .append("\" y=\"")
        .append(top + plotH + 28)
        .append("\" font-size=\"10\" text-anchor=\"end\">")
        .append(esc(when(hist.get(hist.size() - 1).takenAt())))
        .append("</text>");
    int n = hist.size();
    int k = 0;
    for (Map.Entry<String, List<Long>> e : series.entrySet()) {
      String colour = PALETTE[k % PALETTE.length];
      StringBuilder pts = new StringBuilder();
      List<Long> line = e.getValue();
      for (int i = 0; i < line.size(); i++) {
        Long v = line.get(i);
        if (v == null) {
          continue;
        }
        double x = left + (double) i / (n - 1) * plotW;
        double y = top + plotH - (double) v / max * plotH;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      if (pts.length() > 0) {
        s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
            .append(colour)
            .append("\" points=\"")
            .append(pts.toString().trim())
            .append("\"/>");
      }
      int ly = top + 4 + k * 15;
      if (ly < hgt - 8) {
        s.append("<rect x=\"")
            .append(left + plotW + 14)
            .append("\" y=\"")
            .append(ly - 8)
            .append("\" width=\"10\" height=\"10\" fill=\"")
            .append(colour)
            .append("\"/><text x=\"")
            .append(left + plotW + 28)
            .append("\" y=\"")
            .append(ly + 1)
            .append("\" font-size=\"10\">")
            .append(esc(shorten(e.getKey(), 24)))
            .append("</text>");
      }
      k++;
    }
    return s.append("</svg>").toString();
  }

  /** An instant to the second, for people (UTC). */
  private static String when(java.time.Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        .toString()
        .replace('T', ' ')
        .replace("Z", " UTC");
  }

  private static String label(String metric) {
    return metric.replace('_', ' ');
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String fmt(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v * 100);
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
