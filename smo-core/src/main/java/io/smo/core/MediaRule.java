package io.smo.core;

import static java.util.Objects.requireNonNull;

import io.smo.core.media.MediaFormat;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The limits a platform sets on one {@link MediaKind}: accepted formats, how many per post, the
 * largest file in bytes, the duration range and the aspect-ratio range (width / height). Immutable;
 * built with {@link #builder(MediaKind)}.
 */
@SmoPublicApi
public final class MediaRule {
  private final MediaKind kind;
  private final Set<MediaFormat> formats;
  private final int maxCount;
  private final long maxBytes;
  private final Duration minDuration;
  private final Duration maxDuration;
  private final Double minAspectRatio;
  private final Double maxAspectRatio;

  private MediaRule(Builder b) {
    kind = b.kind;
    formats = Set.copyOf(b.formats);
    maxCount = b.maxCount;
    maxBytes = b.maxBytes;
    minDuration = b.minDuration;
    maxDuration = b.maxDuration;
    minAspectRatio = b.minAspectRatio;
    maxAspectRatio = b.maxAspectRatio;
  }

  /**
   * Returns a builder for rules on {@code kind}: any format of that kind, one item, no size limit.
   */
  public static Builder builder(MediaKind kind) {
    return new Builder(requireNonNull(kind, "kind == null"));
  }

  /** Returns the media kind. */
  public MediaKind kind() {
    return kind;
  }

  /** Returns the accepted formats. */
  public Set<MediaFormat> formats() {
    return formats;
  }

  /** Returns how many items of this kind one post may carry. */
  public int maxCount() {
    return maxCount;
  }

  /** Returns the largest accepted file in bytes ({@code Long.MAX_VALUE} when unlimited). */
  public long maxBytes() {
    return maxBytes;
  }

  /** Returns the shortest accepted video, if limited. */
  public Optional<Duration> minDuration() {
    return Optional.ofNullable(minDuration);
  }

  /** Returns the longest accepted video, if limited. */
  public Optional<Duration> maxDuration() {
    return Optional.ofNullable(maxDuration);
  }

  /** Returns the smallest accepted width / height, if limited. */
  public OptionalDouble minAspectRatio() {
    return minAspectRatio == null ? OptionalDouble.empty() : OptionalDouble.of(minAspectRatio);
  }

  /** Returns the largest accepted width / height, if limited. */
  public OptionalDouble maxAspectRatio() {
    return maxAspectRatio == null ? OptionalDouble.empty() : OptionalDouble.of(maxAspectRatio);
  }

  @Override
  public String toString() {
    return "MediaRule{"
        + kind
        + " "
        + formats
        + " max="
        + maxCount
        + " maxBytes="
        + maxBytes
        + " duration="
        + minDuration
        + ".."
        + maxDuration
        + " aspect="
        + minAspectRatio
        + ".."
        + maxAspectRatio
        + "}";
  }

  /** Builds {@link MediaRule}. Mutable, not thread-safe. */
  public static final class Builder {
    private final MediaKind kind;
    private final Set<MediaFormat> formats = EnumSet.noneOf(MediaFormat.class);
    private int maxCount = 1;
    private long maxBytes = Long.MAX_VALUE;
    private Duration minDuration;
    private Duration maxDuration;
    private Double minAspectRatio;
    private Double maxAspectRatio;

    private Builder(MediaKind kind) {
      this.kind = kind;
      for (MediaFormat f : MediaFormat.values()) {
        if (f.kind() == kind) {
          formats.add(f);
        }
      }
    }

    /** Replaces the accepted formats. Default: every format of the kind. */
    public Builder formats(MediaFormat... formats) {
      this.formats.clear();
      this.formats.addAll(Set.of(formats));
      return this;
    }

    /** Sets how many items of this kind one post may carry. Default 1. */
    public Builder maxCount(int maxCount) {
      if (maxCount < 1) {
        throw new IllegalArgumentException("maxCount < 1: " + maxCount);
      }
      this.maxCount = maxCount;
      return this;
    }

    /** Sets the largest accepted file, in bytes. Default unlimited. */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes <= 0: " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** Sets the accepted video duration range; either end may be {@code null}. */
    public Builder duration(Duration min, Duration max) {
      this.minDuration = min;
      this.maxDuration = max;
      return this;
    }

    /** Sets the accepted aspect-ratio range (width / height); either end may be {@code null}. */
    public Builder aspectRatio(Double min, Double max) {
      this.minAspectRatio = min;
      this.maxAspectRatio = max;
      return this;
    }

    /** Returns an immutable snapshot. */
    public MediaRule build() {
      return new MediaRule(this);
    }
  }
}
