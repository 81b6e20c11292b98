package io.smo.youtube;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.SmoPublicApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * YouTube-specific settings of one {@link io.smo.core.Post} (a video): title, tags, category, the
 * made-for-kids declaration, licence and embedding flags, a custom thumbnail file, a playlist to
 * add the video to, and whether subscribers are notified. The post's text becomes the video
 * description (at most 5,000 UTF-8 bytes, no {@code <} or {@code >}).
 *
 * <p>Rules are checked offline by {@link YouTubeClient#validate}: title at most 100 characters
 * (code points) with no {@code <} or {@code >}; tags at most 500 characters in all (a tag with a
 * space counts two more for the quotes YouTube adds; the exact rule is not documented, so this is
 * the stricter reading); thumbnail JPEG or PNG, at most 2 MB (the v3 reference says 2 MB, the newer
 * REST reference 50 MB; the stricter applies). Source:
 * https://developers.google.com/youtube/v3/docs/videos#resource. Immutable.
 *
 * <pre>{@code
 * YouTubeOptions o = YouTubeOptions.builder()
 *     .title("Spring collection").tags("fashion", "spring").categoryId("22")
 *     .selfDeclaredMadeForKids(false).thumbnail(Path.of("thumb.jpg")).build();
 * }</pre>
 */
@SmoPublicApi
public final class YouTubeOptions implements PlatformOptions {
  private final String title;
  private final List<String> tags;
  private final String categoryId;
  private final String defaultLanguage;
  private final Boolean selfDeclaredMadeForKids;
  private final Boolean embeddable;
  private final String license;
  private final Boolean publicStatsViewable;
  private final Boolean containsSyntheticMedia;
  private final boolean notifySubscribers;
  private final Path thumbnail;
  private final String playlistId;
  private final boolean waitForProcessing;

  private YouTubeOptions(Builder b) {
    title = b.title;
    tags = List.copyOf(b.tags);
    categoryId = b.categoryId;
    defaultLanguage = b.defaultLanguage;
    selfDeclaredMadeForKids = b.selfDeclaredMadeForKids;
    embeddable = b.embeddable;
    license = b.license;
    publicStatsViewable = b.publicStatsViewable;
    containsSyntheticMedia = b.containsSyntheticMedia;
    notifySubscribers = b.notifySubscribers;
    thumbnail = b.thumbnail;
    playlistId = b.playlistId;
    waitForProcessing = b.waitForProcessing;
  }

  /** Returns a builder with the defaults (no title, notify subscribers, wait for processing). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.title = title;
    b.tags.addAll(tags);
    b.categoryId = categoryId;
    b.defaultLanguage = defaultLanguage;
    b.selfDeclaredMadeForKids = selfDeclaredMadeForKids;
    b.embeddable = embeddable;
    b.license = license;
    b.publicStatsViewable = publicStatsViewable;
    b.containsSyntheticMedia = containsSyntheticMedia;
    b.notifySubscribers = notifySubscribers;
    b.thumbnail = thumbnail;
    b.playlistId = playlistId;
    b.waitForProcessing = waitForProcessing;
    return b;
  }

  @Override
  public Platform platform() {
    return Platform.YOUTUBE;
  }

  /**
   * Returns the title ({@code snippet.title}), if set. Without one the client uses the first line
   * of the post text, cut to 100 characters.
   */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** Returns the tags ({@code snippet.tags}); possibly empty. */
  public List<String> tags() {
    return tags;
  }

  /**
   * Returns the category id ({@code snippet.categoryId}, e.g. {@code "22"} People and Blogs), if
   * set.
   */
  public Optional<String> categoryId() {
    return Optional.ofNullable(categoryId);
  }

  /**
   * Returns the language of title and description ({@code snippet.defaultLanguage}, BCP 47), if
   * set.
   */
  public Optional<String> defaultLanguage() {
    return Optional.ofNullable(defaultLanguage);
  }

  /**
   * Returns the COPPA made-for-kids declaration ({@code status.selfDeclaredMadeForKids}), if set.
   */
  public Optional<Boolean> selfDeclaredMadeForKids() {
    return Optional.ofNullable(selfDeclaredMadeForKids);
  }

  /** Returns whether the video may be embedded ({@code status.embeddable}), if set. */
  public Optional<Boolean> embeddable() {
    return Optional.ofNullable(embeddable);
  }

  /**
   * Returns the licence ({@code status.license}: {@code youtube} or {@code creativeCommon}), if
   * set.
   */
  public Optional<String> license() {
    return Optional.ofNullable(license);
  }

  /** Returns whether statistics are public ({@code status.publicStatsViewable}), if set. */
  public Optional<Boolean> publicStatsViewable() {
    return Optional.ofNullable(publicStatsViewable);
  }

  /**
   * Returns the altered or synthetic content disclosure ({@code status.containsSyntheticMedia}), if
   * set.
   */
  public Optional<Boolean> containsSyntheticMedia() {
    return Optional.ofNullable(containsSyntheticMedia);
  }

  /** Returns whether subscribers are notified ({@code notifySubscribers}, default true). */
  public boolean notifySubscribers() {
    return notifySubscribers;
  }

  /** Returns the custom thumbnail file (JPEG or PNG, at most 2 MB), if set. */
  public Optional<Path> thumbnail() {
    return Optional.ofNullable(thumbnail);
  }

  /** Returns the playlist the video is added to after upload, if set. */
  public Optional<String> playlistId() {
    return Optional.ofNullable(playlistId);
  }

  /**
   * Returns whether publish waits until YouTube reports processing succeeded (default true). When
   * false, publish returns right after the upload.
   */
  public boolean waitForProcessing() {
    return waitForProcessing;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof YouTubeOptions x)) {
      return false;
    }
    return Objects.equals(title, x.title)
        && tags.equals(x.tags)
        && Objects.equals(categoryId, x.categoryId)
        && Objects.equals(defaultLanguage, x.defaultLanguage)
        && Objects.equals(selfDeclaredMadeForKids, x.selfDeclaredMadeForKids)
        && Objects.equals(embeddable, x.embeddable)
        && Objects.equals(license, x.license)
        && Objects.equals(publicStatsViewable, x.publicStatsViewable)
        && Objects.equals(containsSyntheticMedia, x.containsSyntheticMedia)
        && notifySubscribers == x.notifySubscribers
        && Objects.equals(thumbnail, x.thumbnail)
        && Objects.equals(playlistId, x.playlistId)
        && waitForProcessing == x.waitForProcessing;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        title,
        tags,
        categoryId,
        defaultLanguage,
        selfDeclaredMadeForKids,
        embeddable,
        license,
        publicStatsViewable,
        containsSyntheticMedia,
        notifySubscribers,
        thumbnail,
        playlistId,
        waitForProcessing);
  }

  @Override
  public String toString() {
    return "YouTubeOptions{title="
        + title
        + ", tags="
        + tags
        + ", categoryId="
        + categoryId
        + ", madeForKids="
        + selfDeclaredMadeForKids
        + ", playlist="
        + playlistId
        + "}";
  }

  /** Builds {@link YouTubeOptions}. Mutable, not thread-safe; checks happen at validation. */
  public static final class Builder {
    private String title;
    private final List<String> tags = new ArrayList<>();
    private String categoryId;
    private String defaultLanguage;
    private Boolean selfDeclaredMadeForKids;
    private Boolean embeddable;
    private String license;
    private Boolean publicStatsViewable;
    private Boolean containsSyntheticMedia;
    private boolean notifySubscribers = true;
    private Path thumbnail;
    private String playlistId;
    private boolean waitForProcessing = true;

    private Builder() {}

    /**
     * Sets the title (at most 100 characters, no {@code <} or {@code >}); {@code null} removes it.
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Replaces the tags. */
    public Builder tags(String... tags) {
      return tags(List.of(tags));
    }

    /** Replaces the tags. */
    public Builder tags(Collection<String> tags) {
      this.tags.clear();
      tags.forEach(t -> this.tags.add(requireNonNull(t, "tag == null")));
      return this;
    }

    /** Sets the category id (numeric string, see {@code videoCategories.list}). */
    public Builder categoryId(String categoryId) {
      this.categoryId = categoryId;
      return this;
    }

    /** Sets the language of title and description (BCP 47, e.g. {@code en}). */
    public Builder defaultLanguage(String defaultLanguage) {
      this.defaultLanguage = defaultLanguage;
      return this;
    }

    /** Declares whether the video is made for kids (COPPA); {@code null} leaves it unset. */
    public Builder selfDeclaredMadeForKids(Boolean madeForKids) {
      this.selfDeclaredMadeForKids = madeForKids;
      return this;
    }

    /** Sets whether the video may be embedded. */
    public Builder embeddable(Boolean embeddable) {
      this.embeddable = embeddable;
      return this;
    }

    /** Sets the licence: {@code youtube} or {@code creativeCommon}. */
    public Builder license(String license) {
      this.license = license;
      return this;
    }

    /** Sets whether statistics are publicly viewable. */
    public Builder publicStatsViewable(Boolean publicStatsViewable) {
      this.publicStatsViewable = publicStatsViewable;
      return this;
    }

    /** Discloses altered or synthetic content. */
    public Builder containsSyntheticMedia(Boolean containsSyntheticMedia) {
      this.containsSyntheticMedia = containsSyntheticMedia;
      return this;
    }

    /** Sets whether subscribers are notified of the upload. Default true. */
    public Builder notifySubscribers(boolean notifySubscribers) {
      this.notifySubscribers = notifySubscribers;
      return this;
    }

    /** Sets a custom thumbnail file (JPEG or PNG, at most 2 MB); {@code null} removes it. */
    public Builder thumbnail(Path thumbnail) {
      this.thumbnail = thumbnail;
      return this;
    }

    /** Sets the playlist to add the video to after upload; {@code null} removes it. */
    public Builder playlistId(String playlistId) {
      this.playlistId = playlistId;
      return this;
    }

    /** Sets whether publish waits for processing to succeed. Default true. */
    public Builder waitForProcessing(boolean waitForProcessing) {
      this.waitForProcessing = waitForProcessing;
      return this;
    }

    /** Returns an immutable snapshot. */
    public YouTubeOptions build() {
      return new YouTubeOptions(this);
    }
  }
}
