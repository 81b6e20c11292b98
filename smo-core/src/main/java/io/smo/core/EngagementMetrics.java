package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Engagement figures of one post: impressions, reach, views, likes (or reactions), comments,
 * shares, saves and clicks, each absent when the platform does not report it (never a made-up
 * zero), plus the raw platform figures under the platform's own metric names. Immutable.
 */
@SmoPublicApi
public final class EngagementMetrics {
  /** The platform-neutral metrics. */
  public enum Metric {
    /** Times the post was shown. */
    IMPRESSIONS,
    /** Distinct accounts that saw the post. */
    REACH,
    /** Video views (as the platform defines a view). */
    VIEWS,
    /** Likes, or the sum of reactions. */
    LIKES,
    /** Comments or replies. */
    COMMENTS,
    /** Shares, reposts, retweets (quotes included where the platform sums them). */
    SHARES,
    /** Saves, bookmarks. */
    SAVES,
    /** Clicks (link, profile, outbound: the platform's main click figure). */
    CLICKS
  }

  private final PostRef ref;
  private final Map<Metric, Long> values;
  private final Map<String, Object> raw;
  private final Instant retrievedAt;

  private EngagementMetrics(Builder b) {
    ref = b.ref;
    values = java.util.Collections.unmodifiableMap(new EnumMap<>(b.values));
    raw = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.raw));
    retrievedAt = b.retrievedAt;
  }

  /** Returns a builder for the metrics of {@code ref}. */
  public static Builder builder(PostRef ref) {
    Builder b = new Builder();
    b.ref = requireNonNull(ref, "ref == null");
    return b;
  }

  /** Returns the post these figures describe. */
  public PostRef ref() {
    return ref;
  }

  /** Returns a metric's value, absent when the platform does not report it. */
  public OptionalLong get(Metric metric) {
    Long v = values.get(metric);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /** Returns impressions, if reported. */
  public OptionalLong impressions() {
    return get(Metric.IMPRESSIONS);
  }

  /** Returns reach, if reported. */
  public OptionalLong reach() {
    return get(Metric.REACH);
  }

  /** Returns views, if reported. */
  public OptionalLong views() {
    return get(Metric.VIEWS);
  }

  /** Returns likes or reactions, if reported. */
  public OptionalLong likes() {
    return get(Metric.LIKES);
  }

  /** Returns comments, if reported. */
  public OptionalLong comments() {
    return get(Metric.COMMENTS);
  }

  /** Returns shares, if reported. */
  public OptionalLong shares() {
    return get(Metric.SHARES);
  }

  /** Returns saves, if reported. */
  public OptionalLong saves() {
    return get(Metric.SAVES);
  }

  /** Returns clicks, if reported. */
  public OptionalLong clicks() {
    return get(Metric.CLICKS);
  }

  /** Returns the reported neutral metrics only. */
  public Map<Metric, Long> values() {
    return values;
  }

  /** Returns the platform's own figures by their platform names (numbers, or nested maps). */
  public Map<String, Object> raw() {
    return raw;
  }

  /** Returns when the figures were read (UTC). */
  public Instant retrievedAt() {
    return retrievedAt;
  }

  @Override
  public String toString() {
    return "EngagementMetrics{" + ref + " " + values + "}";
  }

  /** Builds {@link EngagementMetrics}. Mutable, not thread-safe. */
  public static final class Builder {
    private PostRef ref;
    private final Map<Metric, Long> values = new EnumMap<>(Metric.class);
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private Instant retrievedAt = Instant.EPOCH;

    private Builder() {}

    /** Sets a metric; {@code null} leaves it absent. */
    public Builder put(Metric metric, Long value) {
      if (value != null) {
        values.put(metric, value);
      } else {
        values.remove(metric);
      }
      return this;
    }

    /** Adds to a metric, treating absent as zero (for sums of several platform figures). */
    public Builder add(Metric metric, long value) {
      values.merge(metric, value, Long::sum);
      return this;
    }

    /** Records a raw platform figure under the platform's name. */
    public Builder raw(String name, Object value) {
      if (value != null) {
        raw.put(name, value);
      }
      return this;
    }

    /** Sets when the figures were read. */
    public Builder retrievedAt(Instant retrievedAt) {
      this.retrievedAt = requireNonNull(retrievedAt, "retrievedAt == null");
      return this;
    }

    /** Returns an immutable snapshot. */
    public EngagementMetrics build() {
      return new EngagementMetrics(this);
    }
  }
}
