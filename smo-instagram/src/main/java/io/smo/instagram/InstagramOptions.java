package io.smo.instagram;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.SmoPublicApi;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Instagram-specific options of one {@link io.smo.core.Post}, following the container parameters of
 * <a
 * href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media">POST
 * /{ig-user-id}/media</a>. Without options a post with one image is a feed image, one video is a
 * Reel, two to ten items are a carousel. Immutable.
 *
 * <p>On carousels every option goes on the parent container, never on the children (Instagram
 * refuses {@code is_ai_generated} on a child and ignores captions there).
 *
 * <pre>{@code
 * Post post = Post.builder().text("Launch day #new")
 *     .addMedia(Media.fromFile(Path.of("a.jpg"))).addMedia(Media.fromFile(Path.of("b.jpg")))
 *     .option(InstagramOptions.builder().collaborators(List.of("partner_brand")).build())
 *     .build();
 * }</pre>
 */
@SmoPublicApi
public final class InstagramOptions implements PlatformOptions {
  /** What kind of Instagram post a {@link io.smo.core.Post} becomes. */
  public enum Format {
    /** Feed: one image, one video (published as a Reel since 2023-07-01), or a carousel. */
    FEED,
    /** A Story: one image or one video (3–60 s), gone after 24 hours; no caption is shown. */
    STORY
  }

  /**
   * A user tag on an image: the tagged username and the tag position in [0, 1] from the top-left.
   */
  public static final class UserTag {
    private final String username;
    private final Double x;
    private final Double y;

    private UserTag(String username, Double x, Double y) {
      this.username = requireNonNull(username, "username == null");
      this.x = x;
      this.y = y;
    }

    /**
     * Returns a tag at a position of an image.
     *
     * @param username the tagged public account's username, without {@code @}
     * @param x horizontal position, 0.0 (left) to 1.0 (right)
     * @param y vertical position, 0.0 (top) to 1.0 (bottom)
     */
    public static UserTag at(String username, double x, double y) {
      return new UserTag(username, x, y);
    }

    /** Returns a tag without a position (Reels and Stories take usernames only). */
    public static UserTag of(String username) {
      return new UserTag(username, null, null);
    }

    /** Returns the username. */
    public String username() {
      return username;
    }

    /** Returns the horizontal position, if set. */
    public Optional<Double> x() {
      return Optional.ofNullable(x);
    }

    /** Returns the vertical position, if set. */
    public Optional<Double> y() {
      return Optional.ofNullable(y);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof UserTag t
          && t.username.equals(username)
          && Objects.equals(t.x, x)
          && Objects.equals(t.y, y);
    }

    @Override
    public int hashCode() {
      return Objects.hash(username, x, y);
    }

    @Override
    public String toString() {
      return "@" + username + (x != null ? "(" + x + "," + y + ")" : "");
    }
  }

  private final Format format;
  private final List<String> collaborators;
  private final List<UserTag> userTags;
  private final String locationId;
  private final Boolean shareToFeed;
  private final URI coverUrl;
  private final Duration thumbOffset;
  private final String audioName;
  private final boolean aiGenerated;

  private InstagramOptions(Builder b) {
    format = b.format;
    collaborators = List.copyOf(b.collaborators);
    userTags = List.copyOf(b.userTags);
    locationId = b.locationId;
    shareToFeed = b.shareToFeed;
    coverUrl = b.coverUrl;
    thumbOffset = b.thumbOffset;
    audioName = b.audioName;
    aiGenerated = b.aiGenerated;
  }

  /** Returns a builder with the defaults (feed, no extras). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns options that publish the post as a Story. */
  public static InstagramOptions story() {
    return builder().format(Format.STORY).build();
  }

  @Override
  public Platform platform() {
    return Platform.INSTAGRAM;
  }

  /** Returns the post format. */
  public Format format() {
    return format;
  }

  /**
   * Returns the usernames invited as collaborators (at most 3; feed posts, Reels and carousels).
   */
  public List<String> collaborators() {
    return collaborators;
  }

  /** Returns the user tags. */
  public List<UserTag> userTags() {
    return userTags;
  }

  /** Returns the Facebook Page id of the tagged location, if any. */
  public Optional<String> locationId() {
    return Optional.ofNullable(locationId);
  }

  /**
   * Returns whether a Reel also appears in the feed ({@code share_to_feed}); absent = platform
   * default.
   */
  public Optional<Boolean> shareToFeed() {
    return Optional.ofNullable(shareToFeed);
  }

  /** Returns the public URL of a Reel cover image (JPEG), if any. */
  public Optional<URI> coverUrl() {
    return Optional.ofNullable(coverUrl);
  }

  /**
   * Returns the Reel frame used as cover ({@code thumb_offset}, ignored when a cover URL is set).
   */
  public Optional<Duration> thumbOffset() {
    return Optional.ofNullable(thumbOffset);
  }

  /** Returns the Reel audio name, if renamed. */
  public Optional<String> audioName() {
    return Optional.ofNullable(audioName);
  }

  /**
   * Returns whether the post is labelled as AI-generated ({@code is_ai_generated}, parent only).
   */
  public boolean aiGenerated() {
    return aiGenerated;
  }

  /** Returns a builder holding these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.format = format;
    b.collaborators.addAll(collaborators);
    b.userTags.addAll(userTags);
    b.locationId = locationId;
    b.shareToFeed = shareToFeed;
    b.coverUrl = coverUrl;
    b.thumbOffset = thumbOffset;
    b.audioName = audioName;
    b.aiGenerated = aiGenerated;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InstagramOptions x)) {
      return false;
    }
    return format == x.format
        && collaborators.equals(x.collaborators)
        && userTags.equals(x.userTags)
        && Objects.equals(locationId, x.locationId)
        && Objects.equals(shareToFeed, x.shareToFeed)
        && Objects.equals(coverUrl, x.coverUrl)
        && Objects.equals(thumbOffset, x.thumbOffset)
        && Objects.equals(audioName, x.audioName)
        && aiGenerated == x.aiGenerated;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        format,
        collaborators,
        userTags,
        locationId,
        shareToFeed,
        coverUrl,
        thumbOffset,
        audioName,
        aiGenerated);
  }

  @Override
  public String toString() {
    return "InstagramOptions{format="
        + format
        + ", collaborators="
        + collaborators
        + ", userTags="
        + userTags
        + ", locationId="
        + locationId
        + ", shareToFeed="
        + shareToFeed
        + ", aiGenerated="
        + aiGenerated
        + "}";
  }

  /** Builds {@link InstagramOptions}. Mutable, not thread-safe. */
  public static final class Builder {
    private Format format = Format.FEED;
    private final List<String> collaborators = new ArrayList<>();
    private final List<UserTag> userTags = new ArrayList<>();
    private String locationId;
    private Boolean shareToFeed;
    private URI coverUrl;
    private Duration thumbOffset;
    private String audioName;
    private boolean aiGenerated;

    private Builder() {}

    /** Sets the format. Default {@link Format#FEED}. */
    public Builder format(Format format) {
      this.format = requireNonNull(format, "format == null");
      return this;
    }

    /**
     * Replaces the collaborators: usernames (without {@code @}) of public professional accounts
     * invited to co-author; at most 3, checked by validation.
     */
    public Builder collaborators(Collection<String> usernames) {
      collaborators.clear();
      for (String u : usernames) {
        collaborators.add(requireNonNull(u, "collaborator == null"));
      }
      return this;
    }

    /** Adds a user tag. */
    public Builder userTag(UserTag tag) {
      userTags.add(requireNonNull(tag, "tag == null"));
      return this;
    }

    /** Sets the location (a Facebook Page id with a location); {@code null} for none. */
    public Builder locationId(String locationId) {
      this.locationId = locationId;
      return this;
    }

    /**
     * Sets whether a Reel is also shown in the feed; {@code null} for the platform default (true).
     */
    public Builder shareToFeed(Boolean shareToFeed) {
      this.shareToFeed = shareToFeed;
      return this;
    }

    /** Sets a public JPEG URL used as the Reel cover; {@code null} for none. */
    public Builder coverUrl(URI coverUrl) {
      this.coverUrl = coverUrl;
      return this;
    }

    /**
     * Sets the Reel frame used as cover, from the start (sent in milliseconds); {@code null} for
     * none.
     */
    public Builder thumbOffset(Duration thumbOffset) {
      this.thumbOffset = thumbOffset;
      return this;
    }

    /** Renames the Reel's original audio; {@code null} for none. */
    public Builder audioName(String audioName) {
      this.audioName = audioName;
      return this;
    }

    /** Labels the post as made with AI. Default false. */
    public Builder aiGenerated(boolean aiGenerated) {
      this.aiGenerated = aiGenerated;
      return this;
    }

    /** Returns the immutable options. */
    public InstagramOptions build() {
      return new InstagramOptions(this);
    }
  }
}
