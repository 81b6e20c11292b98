package io.smo.youtube;

import io.smo.core.SmoPublicApi;
import io.smo.core.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Changes to an uploaded video for {@link YouTubeClient#updateVideo}: only the fields set here
 * change. Because {@code videos.update} replaces whole parts (an omitted mutable field is cleared),
 * the client reads the current {@code snippet} and {@code status} first and sends them back merged
 * with these changes. Immutable.
 */
@SmoPublicApi
public final class YouTubeVideoUpdate {
  private final String title;
  private final String description;
  private final List<String> tags;
  private final String categoryId;
  private final Visibility visibility;
  private final Instant publishAt;
  private final Boolean selfDeclaredMadeForKids;

  private YouTubeVideoUpdate(Builder b) {
    title = b.title;
    description = b.description;
    tags = b.tags == null ? null : List.copyOf(b.tags);
    categoryId = b.categoryId;
    visibility = b.visibility;
    publishAt = b.publishAt;
    selfDeclaredMadeForKids = b.selfDeclaredMadeForKids;
  }

  /** Returns a builder with no change. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the new title, if it changes. */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** Returns the new description, if it changes. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** Returns the new tags, if they change. */
  public Optional<List<String>> tags() {
    return Optional.ofNullable(tags);
  }

  /** Returns the new category id, if it changes. */
  public Optional<String> categoryId() {
    return Optional.ofNullable(categoryId);
  }

  /** Returns the new visibility, if it changes. */
  public Optional<Visibility> visibility() {
    return Optional.ofNullable(visibility);
  }

  /**
   * Returns the new scheduled publication instant (UTC; makes the video private until then), if it
   * changes.
   */
  public Optional<Instant> publishAt() {
    return Optional.ofNullable(publishAt);
  }

  /** Returns the new made-for-kids declaration, if it changes. */
  public Optional<Boolean> selfDeclaredMadeForKids() {
    return Optional.ofNullable(selfDeclaredMadeForKids);
  }

  @Override
  public String toString() {
    return "YouTubeVideoUpdate{title="
        + title
        + ", visibility="
        + visibility
        + ", publishAt="
        + publishAt
        + "}";
  }

  /** Builds {@link YouTubeVideoUpdate}. Mutable, not thread-safe. */
  public static final class Builder {
    private String title;
    private String description;
    private List<String> tags;
    private String categoryId;
    private Visibility visibility;
    private Instant publishAt;
    private Boolean selfDeclaredMadeForKids;

    private Builder() {}

    /** Sets the new title (at most 100 characters, no {@code <} or {@code >}). */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Sets the new description (at most 5,000 UTF-8 bytes). */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Sets the new tags. */
    public Builder tags(Collection<String> tags) {
      this.tags = new ArrayList<>(tags);
      return this;
    }

    /** Sets the new category id. */
    public Builder categoryId(String categoryId) {
      this.categoryId = categoryId;
      return this;
    }

    /** Sets the new visibility: PUBLIC, UNLISTED or PRIVATE. */
    public Builder visibility(Visibility visibility) {
      this.visibility = visibility;
      return this;
    }

    /** Schedules publication at {@code publishAt} (the video is made private until then). */
    public Builder publishAt(Instant publishAt) {
      this.publishAt = publishAt;
      return this;
    }

    /** Sets the made-for-kids declaration. */
    public Builder selfDeclaredMadeForKids(Boolean madeForKids) {
      this.selfDeclaredMadeForKids = madeForKids;
      return this;
    }

    /** Returns an immutable snapshot. */
    public YouTubeVideoUpdate build() {
      return new YouTubeVideoUpdate(this);
    }
  }
}
