package io.smo.core.campaign;

import io.smo.core.SmoPublicApi;
import io.smo.core.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign turned into posts: one {@link PlannedPost} per (segment, target), in segment then
 * account order, validated offline. Immutable.
 */
@SmoPublicApi
public final class CampaignPlan {
  private final Campaign campaign;
  private final List<PlannedPost> rows;
  private final List<String> notes;

  CampaignPlan(Campaign campaign, List<PlannedPost> rows, List<String> notes) {
    this.campaign = campaign;
    this.rows = List.copyOf(rows);
    this.notes = List.copyOf(notes);
  }

  /** Returns the campaign. */
  public Campaign campaign() {
    return campaign;
  }

  /** Returns every row: one per (segment, target). */
  public List<PlannedPost> rows() {
    return rows;
  }

  /** Returns the rows that publish. */
  public List<PlannedPost> toPublish() {
    return rows.stream().filter(PlannedPost::publishes).toList();
  }

  /** Returns the row of ({@code segment}, {@code target}), if planned. */
  public Optional<PlannedPost> row(String segment, Target target) {
    return rows.stream()
        .filter(r -> r.segment().equals(segment) && r.target().equals(target))
        .findFirst();
  }

  /** Returns notes the caller should see (overrides taken, for example). */
  public List<String> notes() {
    return notes;
  }

  /**
   * Returns the plan as a matrix: one line per account, one column per segment, each cell {@code
   * targeted}, {@code assigned}, {@code skipped} or {@code -} (not planned), followed by the
   * reasons of skipped cells.
   */
  public String matrix() {
    List<String> segments = campaign.segments().stream().map(Segment::name).toList();
    Set<String> accounts = new LinkedHashSet<>();
    rows.forEach(r -> accounts.add(r.accountName()));
    int w0 = Math.max(7, accounts.stream().mapToInt(String::length).max().orElse(7));
    int w1 =
        Math.max(
            6,
            campaign.accounts().values().stream().mapToInt(t -> t.key().length()).max().orElse(6));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-" + w0 + "s  %-" + w1 + "s", "ACCOUNT", "TARGET"));
    for (String s : segments) {
      sb.append(String.format(Locale.ROOT, "  %-12s", s));
    }
    sb.append('\n');
    List<String> reasons = new ArrayList<>();
    for (String a : accounts) {
      Target t = campaign.accounts().get(a);
      sb.append(
          String.format(
              Locale.ROOT, "%-" + w0 + "s  %-" + w1 + "s", a, t == null ? "?" : cut(t.key(), w1)));
      for (String s : segments) {
        Optional<PlannedPost> r =
            rows.stream()
                .filter(x -> x.segment().equals(s) && x.accountName().equals(a))
                .findFirst();
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-12s",
                r.map(x -> x.delivery().name().toLowerCase(Locale.ROOT)).orElse("-")));
        r.filter(x -> !x.publishes())
            .ifPresent(x -> reasons.add(s + " -> " + a + ": " + x.reason()));
      }
      sb.append('\n');
    }
    reasons.forEach(x -> sb.append("  skipped ").append(x).append('\n'));
    notes.forEach(x -> sb.append("  note: ").append(x).append('\n'));
    return sb.toString();
  }

  private static String cut(String s, int w) {
    return s.length() <= w ? s : s.substring(0, w - 1) + "…";
  }

  @Override
  public String toString() {
    return "CampaignPlan{" + campaign.name() + ", " + rows.size() + " rows}";
  }
}
