package io.smo.tiktok;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.SmoPublicApi;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * TikTok's per-post settings, sent as {@code post_info} of the Content Posting API.
 *
 * <p>The privacy level is never defaulted: TikTok's <a
 * href="https://developers.tiktok.com/doc/content-sharing-guidelines">content sharing
 * guidelines</a> require the user's explicit choice among the creator's {@code
 * privacy_level_options} (read from {@code creator_info} before every direct post). A direct post
 * without {@link #privacyLevel()} fails validation before any network call. Unaudited apps may only
 * post {@link PrivacyLevel#SELF_ONLY} (and only to private accounts).
 *
 * <p>Interaction switches are tri-state: unset follows the creator's own settings (disabled when
 * the creator disabled that interaction, else enabled); {@code true} disables the interaction;
 * {@code false} explicitly turns it on, which fails validation when the creator disabled it.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Post post = Post.builder()
 *     .text("Behind the scenes #studio")
 *     .addMedia(Media.fromFile(Path.of("clip.mp4")))
 *     .option(TikTokOptions.builder().privacyLevel(TikTokOptions.PrivacyLevel.SELF_ONLY).build())
 *     .build();
 * }</pre>
 *
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-reference-direct-post">Direct
 *     Post reference</a>
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-reference-photo-post">Photo
 *     post reference</a>
 */
@SmoPublicApi
public final class TikTokOptions implements PlatformOptions {

  /** Who may see the post ({@code post_info.privacy_level}). */
  public enum PrivacyLevel {
    /** Everyone ({@code PUBLIC_TO_EVERYONE}); not offered to private accounts. */
    PUBLIC_TO_EVERYONE,
    /** Followers who follow back ({@code MUTUAL_FOLLOW_FRIENDS}). */
    MUTUAL_FOLLOW_FRIENDS,
    /** Followers ({@code FOLLOWER_OF_CREATOR}). */
    FOLLOWER_OF_CREATOR,
    /** Only the creator ({@code SELF_ONLY}); the only level an unaudited app may use. */
    SELF_ONLY
  }

  /** How the content reaches TikTok. */
  public enum Mode {
    /**
     * Published directly ({@code /v2/post/publish/video/init/}, photo {@code
     * post_mode=DIRECT_POST}); needs the {@code video.publish} scope.
     */
    DIRECT_POST,
    /**
     * Sent to the creator's inbox as a draft they finish in the app ({@code
     * /v2/post/publish/inbox/video/init/}, photo {@code post_mode=MEDIA_UPLOAD}); needs {@code
     * video.upload}. No privacy level or switches are sent: the creator chooses in the app.
     */
    UPLOAD_TO_INBOX
  }

  private final PrivacyLevel privacyLevel;
  private final Mode mode;
  private final Boolean disableComment;
  private final Boolean disableDuet;
  private final Boolean disableStitch;
  private final boolean brandContent;
  private final boolean brandOrganic;
  private final boolean aiGenerated;
  private final Long videoCoverTimestampMs;
  private final String photoTitle;
  private final Integer photoCoverIndex;
  private final boolean autoAddMusic;

  private TikTokOptions(Builder b) {
    privacyLevel = b.privacyLevel;
    mode = b.mode;
    disableComment = b.disableComment;
    disableDuet = b.disableDuet;
    disableStitch = b.disableStitch;
    brandContent = b.brandContent;
    brandOrganic = b.brandOrganic;
    aiGenerated = b.aiGenerated;
    videoCoverTimestampMs = b.videoCoverTimestampMs;
    photoTitle = b.photoTitle;
    photoCoverIndex = b.photoCoverIndex;
    autoAddMusic = b.autoAddMusic;
  }

  /** Returns a new builder: no privacy level, {@link Mode#DIRECT_POST}, switches unset. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Platform platform() {
    return Platform.TIKTOK;
  }

  /** Returns the privacy level, if chosen (required for {@link Mode#DIRECT_POST}). */
  public Optional<PrivacyLevel> privacyLevel() {
    return Optional.ofNullable(privacyLevel);
  }

  /** Returns the delivery mode. */
  public Mode mode() {
    return mode;
  }

  /** Returns the comment switch: empty when unset, {@code true} to disable comments. */
  public Optional<Boolean> disableComment() {
    return Optional.ofNullable(disableComment);
  }

  /** Returns the duet switch: empty when unset, {@code true} to disable duets (videos only). */
  public Optional<Boolean> disableDuet() {
    return Optional.ofNullable(disableDuet);
  }

  /**
   * Returns the stitch switch: empty when unset, {@code true} to disable stitches (videos only).
   */
  public Optional<Boolean> disableStitch() {
    return Optional.ofNullable(disableStitch);
  }

  /**
   * Returns whether the post promotes a third party (paid partnership, {@code
   * brand_content_toggle}).
   */
  public boolean brandContent() {
    return brandContent;
  }

  /**
   * Returns whether the post promotes the creator's own business ({@code brand_organic_toggle}).
   */
  public boolean brandOrganic() {
    return brandOrganic;
  }

  /** Returns whether the content is labelled AI-generated ({@code is_aigc}). */
  public boolean aiGenerated() {
    return aiGenerated;
  }

  /** Returns the video frame used as cover, in milliseconds from the start, if set. */
  public OptionalLong videoCoverTimestampMs() {
    return videoCoverTimestampMs == null
        ? OptionalLong.empty()
        : OptionalLong.of(videoCoverTimestampMs);
  }

  /**
   * Returns the photo post title (at most 90 characters), if set; the post text is the description.
   */
  public Optional<String> photoTitle() {
    return Optional.ofNullable(photoTitle);
  }

  /** Returns the index of the photo used as cover (0-based), if set; default 0. */
  public OptionalInt photoCoverIndex() {
    return photoCoverIndex == null ? OptionalInt.empty() : OptionalInt.of(photoCoverIndex);
  }

  /** Returns whether TikTok adds background music to a photo post ({@code auto_add_music}). */
  public boolean autoAddMusic() {
    return autoAddMusic;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TikTokOptions t)) {
      return false;
    }
    return privacyLevel == t.privacyLevel
        && mode == t.mode
        && Objects.equals(disableComment, t.disableComment)
        && Objects.equals(disableDuet, t.disableDuet)
        && Objects.equals(disableStitch, t.disableStitch)
        && brandContent == t.brandContent
        && brandOrganic == t.brandOrganic
        && aiGenerated == t.aiGenerated
        && Objects.equals(videoCoverTimestampMs, t.videoCoverTimestampMs)
        && Objects.equals(photoTitle, t.photoTitle)
        && Objects.equals(photoCoverIndex, t.photoCoverIndex)
        && autoAddMusic == t.autoAddMusic;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        privacyLevel,
        mode,
        disableComment,
        disableDuet,
        disableStitch,
        brandContent,
        brandOrganic,
        aiGenerated,
        videoCoverTimestampMs,
        photoTitle,
        photoCoverIndex,
        autoAddMusic);
  }

  @Override
  public String toString() {
    return "TikTokOptions{privacy="
        + privacyLevel
        + ", mode="
        + mode
        + ", disableComment="
        + disableComment
        + ", disableDuet="
        + disableDuet
        + ", disableStitch="
        + disableStitch
        + ", brandContent="
        + brandContent
        + ", brandOrganic="
        + brandOrganic
        + ", aigc="
        + aiGenerated
        + "}";
  }

  /** Builds {@link TikTokOptions}. Mutable, not thread-safe. */
  public static final class Builder {
    private PrivacyLevel privacyLevel;
    private Mode mode = Mode.DIRECT_POST;
    private Boolean disableComment;
    private Boolean disableDuet;
    private Boolean disableStitch;
    private boolean brandContent;
    private boolean brandOrganic;
    private boolean aiGenerated;
    private Long videoCoverTimestampMs;
    private String photoTitle;
    private Integer photoCoverIndex;
    private boolean autoAddMusic;

    private Builder() {}

    /** Sets the privacy level the user chose; required for direct posts, never defaulted. */
    public Builder privacyLevel(PrivacyLevel privacyLevel) {
      this.privacyLevel = requireNonNull(privacyLevel, "privacyLevel == null");
      return this;
    }

    /** Sets the delivery mode. Default {@link Mode#DIRECT_POST}. */
    public Builder mode(Mode mode) {
      this.mode = requireNonNull(mode, "mode == null");
      return this;
    }

    /**
     * Sets the comment switch: {@code true} disables comments, {@code false} turns them on
     * explicitly.
     */
    public Builder disableComment(boolean disable) {
      this.disableComment = disable;
      return this;
    }

    /**
     * Sets the duet switch: {@code true} disables duets, {@code false} turns them on explicitly.
     */
    public Builder disableDuet(boolean disable) {
      this.disableDuet = disable;
      return this;
    }

    /**
     * Sets the stitch switch: {@code true} disables stitches, {@code false} turns them on
     * explicitly.
     */
    public Builder disableStitch(boolean disable) {
      this.disableStitch = disable;
      return this;
    }

    /** Discloses a paid partnership (branded content; cannot be {@link PrivacyLevel#SELF_ONLY}). */
    public Builder brandContent(boolean brandContent) {
      this.brandContent = brandContent;
      return this;
    }

    /** Discloses promotion of the creator's own business. */
    public Builder brandOrganic(boolean brandOrganic) {
      this.brandOrganic = brandOrganic;
      return this;
    }

    /** Labels the content AI-generated. */
    public Builder aiGenerated(boolean aiGenerated) {
      this.aiGenerated = aiGenerated;
      return this;
    }

    /**
     * Sets the video frame used as cover, in milliseconds from the start.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder videoCoverTimestampMs(long ms) {
      if (ms < 0) {
        throw new IllegalArgumentException("videoCoverTimestampMs < 0: " + ms);
      }
      this.videoCoverTimestampMs = ms;
      return this;
    }

    /**
     * Sets the photo post title (at most 90 characters, checked by validation); {@code null}
     * removes it.
     */
    public Builder photoTitle(String title) {
      this.photoTitle = title;
      return this;
    }

    /**
     * Sets the index of the cover photo (0-based; checked against the photo count by validation).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder photoCoverIndex(int index) {
      if (index < 0) {
        throw new IllegalArgumentException("photoCoverIndex < 0: " + index);
      }
      this.photoCoverIndex = index;
      return this;
    }

    /** Sets whether TikTok adds background music to a photo post. Default false. */
    public Builder autoAddMusic(boolean autoAddMusic) {
      this.autoAddMusic = autoAddMusic;
      return this;
    }

    /** Returns an immutable snapshot. */
    public TikTokOptions build() {
      return new TikTokOptions(this);
    }
  }
}
