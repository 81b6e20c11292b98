package io.smo.pinterest.internal;

import io.smo.core.AccountInfo;
import io.smo.core.EngagementMetrics;
import io.smo.core.EngagementMetrics.Metric;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.pinterest.Board;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps Pinterest wire records ({@link PinterestDtos}: Pin, Board, Account, PinAnalyticsResponse) to
 * the SDK model. Stateless.
 */
@SmoInternalApi
public final class PinterestMapper {
  private PinterestMapper() {}

  /** Returns the public URL of a Pin. */
  public static URI pinUrl(String id) {
    return URI.create("https://www.pinterest.com/pin/" + id + "/");
  }

  /**
   * Maps a Pin to a published post.
   *
   * @param pin the Pin (must have {@code id})
   * @param fallbackTime used when {@code created_at} is absent or unreadable
   */
  public static PublishedPost published(PinterestDtos.Pin pin, Instant fallbackTime) {
    String id = pin.id();
    Instant created = instant(pin.createdAt());
    return PublishedPost.builder(PostRef.of(Platform.PINTEREST, id))
        .url(pinUrl(id))
        .publishedAt(created != null ? created : fallbackTime)
        .build();
  }

  /**
   * Parses Pinterest timestamps: {@code 2022-08-11T08:46:16} (UTC, no zone) or ISO with an offset.
   *
   * @return the instant, or {@code null} when absent or unreadable
   */
  public static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** Maps a Board. */
  public static Board board(PinterestDtos.Board b) {
    return Board.builder(b.id() == null ? "" : b.id())
        .name(b.name() == null ? "" : b.name())
        .description(b.description())
        .privacy(b.privacy())
        .ownerUsername(b.owner() == null ? null : b.owner().username())
        .pinCount(b.pinCount())
        .followerCount(b.followerCount())
        .createdAt(instant(b.createdAt()))
        .build();
  }

  /**
   * Maps {@code GET /v5/user_account} to the account's figures ({@code follower_count}, {@code
   * following_count}, {@code pin_count}; {@code board_count} and {@code monthly_views} in raw).
   */
  public static AccountInfo accountInfo(PinterestDtos.Account a, Instant now) {
    String id = a.id() != null ? a.id() : a.username() != null ? a.username() : "";
    AccountInfo.Builder b =
        AccountInfo.builder(Platform.PINTEREST, id)
            .handle(a.username())
            .name(a.businessName())
            .followers(count(a.followerCount()))
            .following(count(a.followingCount()))
            .postCount(count(a.pinCount()))
            .retrievedAt(now);
    b.raw("follower_count", count(a.followerCount()));
    b.raw("following_count", count(a.followingCount()));
    b.raw("pin_count", count(a.pinCount()));
    b.raw("board_count", count(a.boardCount()));
    b.raw("monthly_views", count(a.monthlyViews()));
    return b.build();
  }

  private static Long count(Object v) {
    return v instanceof Number n ? n.longValue() : null;
  }

  /**
   * Maps a PinAnalyticsResponse ({@code {"all": {summary_metrics, lifetime_metrics,
   * daily_metrics}}}, keyed by app type when split): IMPRESSION to impressions, SAVE to saves,
   * PIN_CLICK to clicks (Pinterest counts outbound clicks inside Pin clicks), VIDEO_MRC_VIEW to
   * views, TOTAL_COMMENTS to comments, TOTAL_REACTIONS to likes. Absent figures stay absent. Raw:
   * every summary and lifetime figure by its Pinterest name, plus {@code daily_metrics} as a list.
   */
  public static EngagementMetrics metrics(
      PostRef ref, Map<String, PinterestDtos.PinAnalytics> response, Instant retrievedAt) {
    EngagementMetrics.Builder b = EngagementMetrics.builder(ref).retrievedAt(retrievedAt);
    PinterestDtos.PinAnalytics group =
        response.containsKey("all")
            ? response.get("all")
            : response.values().stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    if (group == null) {
      return b.build();
    }
    Map<String, Number> figures = new LinkedHashMap<>();
    collect(group.summaryMetrics(), figures);
    collect(group.lifetimeMetrics(), figures);
    figures.forEach(b::raw);
    if (group.dailyMetrics() != null) {
      b.raw("daily_metrics", group.dailyMetrics());
    }
    put(b, Metric.IMPRESSIONS, figures.get("IMPRESSION"));
    put(b, Metric.SAVES, figures.get("SAVE"));
    put(b, Metric.CLICKS, figures.get("PIN_CLICK"));
    put(b, Metric.VIEWS, figures.get("VIDEO_MRC_VIEW"));
    put(b, Metric.COMMENTS, figures.get("TOTAL_COMMENTS"));
    put(b, Metric.LIKES, figures.get("TOTAL_REACTIONS"));
    return b.build();
  }

  private static void collect(Map<String, Object> obj, Map<String, Number> into) {
    if (obj == null) {
      return;
    }
    obj.forEach(
        (k, v) -> {
          if (v instanceof Number n) {
            into.putIfAbsent(k, n);
          }
        });
  }

  private static void put(EngagementMetrics.Builder b, Metric m, Number n) {
    if (n != null) {
      b.put(m, Math.round(n.doubleValue()));
    }
  }
}
