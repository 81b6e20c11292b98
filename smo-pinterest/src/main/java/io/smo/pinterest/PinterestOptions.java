package io.smo.pinterest;

import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.SmoPublicApi;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-Pin options for Pinterest ({@code POST /v5/pins} fields the neutral {@link io.smo.core.Post}
 * does not carry): the board (required here or as the client's default board), a board section, the
 * title (at most 100 characters), a link overriding {@link io.smo.core.Post#link()} (at most
 * 2,048), the alt text (at most 500; default: the first media item's alt text), the dominant colour
 * ({@code #RRGGBB}) and, for video Pins, the cover image (a URL, or a key-frame time in seconds;
 * default key frame 0). Limits are checked offline by {@link PinterestClient#validate}. Immutable.
 *
 * <pre>{@code
 * Post post = Post.builder()
 *     .text("Five summer salads")
 *     .addMedia(Media.fromFile(Path.of("salad.jpg")))
 *     .option(PinterestOptions.builder().boardId("549755885175").title("Summer salads").build())
 *     .build();
 * }</pre>
 *
 * @see <a href="https://developers.pinterest.com/docs/api/v5/pins-create/">Create Pin</a>
 */
@SmoPublicApi
public final class PinterestOptions implements PlatformOptions {
  private final String boardId;
  private final String boardSectionId;
  private final String title;
  private final URI link;
  private final String altText;
  private final String dominantColor;
  private final URI coverImageUrl;
  private final Integer coverImageKeyFrameSeconds;

  private PinterestOptions(Builder b) {
    boardId = b.boardId;
    boardSectionId = b.boardSectionId;
    title = b.title;
    link = b.link;
    altText = b.altText;
    dominantColor = b.dominantColor;
    coverImageUrl = b.coverImageUrl;
    coverImageKeyFrameSeconds = b.coverImageKeyFrameSeconds;
  }

  /** Returns a builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns options that only name the board. */
  public static PinterestOptions board(String boardId) {
    return builder().boardId(boardId).build();
  }

  /** Returns a builder holding these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.boardId = boardId;
    b.boardSectionId = boardSectionId;
    b.title = title;
    b.link = link;
    b.altText = altText;
    b.dominantColor = dominantColor;
    b.coverImageUrl = coverImageUrl;
    b.coverImageKeyFrameSeconds = coverImageKeyFrameSeconds;
    return b;
  }

  @Override
  public Platform platform() {
    return Platform.PINTEREST;
  }

  /** Returns the board id (digits), if set; the client's default board is used otherwise. */
  public Optional<String> boardId() {
    return Optional.ofNullable(boardId);
  }

  /** Returns the board section id (digits), if set. */
  public Optional<String> boardSectionId() {
    return Optional.ofNullable(boardSectionId);
  }

  /** Returns the Pin title, if set. */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** Returns the destination link overriding the post's link, if set. */
  public Optional<URI> link() {
    return Optional.ofNullable(link);
  }

  /** Returns the alt text overriding the media's alt text, if set. */
  public Optional<String> altText() {
    return Optional.ofNullable(altText);
  }

  /** Returns the dominant colour ({@code #RRGGBB}), if set. */
  public Optional<String> dominantColor() {
    return Optional.ofNullable(dominantColor);
  }

  /** Returns the video cover image URL, if set. */
  public Optional<URI> coverImageUrl() {
    return Optional.ofNullable(coverImageUrl);
  }

  /** Returns the video cover key-frame time in seconds, if set. */
  public OptionalInt coverImageKeyFrameSeconds() {
    return coverImageKeyFrameSeconds == null
        ? OptionalInt.empty()
        : OptionalInt.of(coverImageKeyFrameSeconds);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PinterestOptions p)) {
      return false;
    }
    return Objects.equals(boardId, p.boardId)
        && Objects.equals(boardSectionId, p.boardSectionId)
        && Objects.equals(title, p.title)
        && Objects.equals(link, p.link)
        && Objects.equals(altText, p.altText)
        && Objects.equals(dominantColor, p.dominantColor)
        && Objects.equals(coverImageUrl, p.coverImageUrl)
        && Objects.equals(coverImageKeyFrameSeconds, p.coverImageKeyFrameSeconds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        boardId,
        boardSectionId,
        title,
        link,
        altText,
        dominantColor,
        coverImageUrl,
        coverImageKeyFrameSeconds);
  }

  @Override
  public String toString() {
    return "PinterestOptions{board="
        + boardId
        + (boardSectionId != null ? "/" + boardSectionId : "")
        + (title != null ? ", title='" + title + "'" : "")
        + "}";
  }

  /**
   * Builds {@link PinterestOptions}. Mutable, not thread-safe; limits are checked offline at
   * publish.
   */
  public static final class Builder {
    private String boardId;
    private String boardSectionId;
    private String title;
    private URI link;
    private String altText;
    private String dominantColor;
    private URI coverImageUrl;
    private Integer coverImageKeyFrameSeconds;

    private Builder() {}

    /** Sets the board id (digits); {@code null} falls back to the client's default board. */
    public Builder boardId(String boardId) {
      this.boardId = boardId;
      return this;
    }

    /** Sets the board section id (digits); {@code null} for none. */
    public Builder boardSectionId(String boardSectionId) {
      this.boardSectionId = boardSectionId;
      return this;
    }

    /** Sets the title (at most 100 characters); {@code null} for none. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Sets the destination link (at most 2,048 characters), overriding the post's link. */
    public Builder link(URI link) {
      this.link = link;
      return this;
    }

    /** Sets the alt text (at most 500 characters), overriding the media's alt text. */
    public Builder altText(String altText) {
      this.altText = altText;
      return this;
    }

    /** Sets the dominant colour as {@code #RRGGBB}, e.g. {@code #6E7874}. */
    public Builder dominantColor(String dominantColor) {
      this.dominantColor = dominantColor;
      return this;
    }

    /** Sets the cover image of a video Pin as a public image URL. Excludes a key-frame time. */
    public Builder coverImageUrl(URI coverImageUrl) {
      this.coverImageUrl = coverImageUrl;
      return this;
    }

    /**
     * Sets the cover of a video Pin as the frame at {@code seconds} (past the end: the last frame).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder coverImageKeyFrameSeconds(int seconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException("coverImageKeyFrameSeconds < 0: " + seconds);
      }
      this.coverImageKeyFrameSeconds = seconds;
      return this;
    }

    /**
     * Returns an immutable snapshot.
     *
     * @throws IllegalStateException if both a cover URL and a key-frame time are set
     */
    public PinterestOptions build() {
      if (coverImageUrl != null && coverImageKeyFrameSeconds != null) {
        throw new IllegalStateException("set coverImageUrl or coverImageKeyFrameSeconds, not both");
      }
      return new PinterestOptions(this);
    }
  }
}
