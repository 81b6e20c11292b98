package io.smo.facebook;

import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.SmoPublicApi;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Facebook-specific options of one {@link io.smo.core.Post}. Immutable.
 *
 * <ul>
 *   <li>{@link Builder#asReel(boolean)}: publish a single vertical video as a Reel ({@code
 *       /{page-id}/video_reels}) instead of a Page video ({@code /{page-id}/videos});
 *   <li>{@link Builder#videoTitle(String)}: the {@code title} of a Page video;
 *   <li>{@link Builder#ageRestriction(int)}: {@code targeting.age_min}, the minimum age that may
 *       see the post at all; only 13, 15, 18, 21 or 25 (checked offline);
 *   <li>{@link Builder#localeKeys(Integer...)}: Meta adlocale keys for {@code
 *       feed_targeting.locales} (find them with {@code GET /search?type=adlocale}); required when
 *       the audience names languages, because Graph takes keys, not language tags.
 * </ul>
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/reference/page/feed/">Page feed
 *     reference</a>
 */
@SmoPublicApi
public final class FacebookOptions implements PlatformOptions {
  /** The {@code targeting.age_min} values Graph accepts. */
  public static final Set<Integer> ALLOWED_AGE_RESTRICTIONS = Set.of(13, 15, 18, 21, 25);

  private final boolean reel;
  private final String videoTitle;
  private final Integer ageRestriction;
  private final List<Integer> localeKeys;

  private FacebookOptions(Builder b) {
    reel = b.reel;
    videoTitle = b.videoTitle;
    ageRestriction = b.ageRestriction;
    localeKeys = List.copyOf(b.localeKeys);
  }

  /** Returns a builder with no options set. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Platform platform() {
    return Platform.FACEBOOK;
  }

  /** Returns whether a single video is published as a Reel. */
  public boolean asReel() {
    return reel;
  }

  /** Returns the Page video title, if set. */
  public Optional<String> videoTitle() {
    return Optional.ofNullable(videoTitle);
  }

  /** Returns the {@code targeting.age_min} restriction, if set. */
  public OptionalInt ageRestriction() {
    return ageRestriction == null ? OptionalInt.empty() : OptionalInt.of(ageRestriction);
  }

  /** Returns the adlocale keys for {@code feed_targeting.locales}. */
  public List<Integer> localeKeys() {
    return localeKeys;
  }

  @Override
  public String toString() {
    return "FacebookOptions{reel="
        + reel
        + (videoTitle != null ? ", title=" + videoTitle : "")
        + (ageRestriction != null ? ", ageRestriction=" + ageRestriction : "")
        + (localeKeys.isEmpty() ? "" : ", localeKeys=" + localeKeys)
        + "}";
  }

  /** Builds {@link FacebookOptions}. Mutable, not thread-safe. */
  public static final class Builder {
    private boolean reel;
    private String videoTitle;
    private Integer ageRestriction;
    private List<Integer> localeKeys = List.of();

    private Builder() {}

    /** Publishes a single video as a Reel. Default false. */
    public Builder asReel(boolean reel) {
      this.reel = reel;
      return this;
    }

    /** Sets the Page video title. */
    public Builder videoTitle(String title) {
      this.videoTitle = title;
      return this;
    }

    /**
     * Sets {@code targeting.age_min}; validated offline against {@link #ALLOWED_AGE_RESTRICTIONS}.
     */
    public Builder ageRestriction(int minAge) {
      this.ageRestriction = minAge;
      return this;
    }

    /** Sets the adlocale keys for {@code feed_targeting.locales}. */
    public Builder localeKeys(Integer... keys) {
      this.localeKeys = List.of(keys);
      return this;
    }

    /** Returns the options. */
    public FacebookOptions build() {
      return new FacebookOptions(this);
    }
  }
}
