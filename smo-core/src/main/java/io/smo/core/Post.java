package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A platform-neutral post: text, media, an optional link, the {@link Audience}, an optional
 * scheduled time, an idempotency key, and typed per-platform options.
 *
 * <p>Described once, published to many platforms; each platform checks it offline against its
 * {@link Capabilities} ({@link PostValidator}) and adapts it. Immutable and thread-safe.
 *
 * <pre>{@code
 * Post post = Post.builder()
 *     .text("Spring collection is live 🌸 https://example.com/spring")
 *     .addMedia(Media.fromFile(Path.of("spring.jpg")).withAltText("Three jackets on a rail"))
 *     .audience(Audience.builder().countries("US", "CA").build())
 *     .option(YouTubeOptions.builder().title("Spring").build())   // from smo-youtube
 *     .build();
 * }</pre>
 */
@SmoPublicApi
public final class Post {
  private final String text;
  private final List<Media> media;
  private final URI link;
  private final Audience audience;
  private final Instant scheduledAt;
  private final String idempotencyKey;
  private final TextOverflow textOverflow;
  private final List<String> thread;
  private final Map<Platform, PlatformOptions> options;
  private final String firstComment;

  private Post(Builder b) {
    text = b.text;
    media = List.copyOf(b.media);
    link = b.link;
    audience = b.audience;
    scheduledAt = b.scheduledAt;
    idempotencyKey = b.idempotencyKey != null ? b.idempotencyKey : UUID.randomUUID().toString();
    textOverflow = b.textOverflow;
    thread = List.copyOf(b.thread);
    EnumMap<Platform, PlatformOptions> o = new EnumMap<>(Platform.class);
    o.putAll(b.options);
    options = java.util.Collections.unmodifiableMap(o);
    firstComment = b.firstComment;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this post's values, including its idempotency key. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.text = text;
    b.media.addAll(media);
    b.link = link;
    b.audience = audience;
    b.scheduledAt = scheduledAt;
    b.idempotencyKey = idempotencyKey;
    b.textOverflow = textOverflow;
    b.thread.addAll(thread);
    b.options.putAll(options);
    b.firstComment = firstComment;
    return b;
  }

  /** Returns the text (caption, description), or an empty string when the post has none. */
  public String text() {
    return text;
  }

  /** Returns the media in display order; possibly empty. */
  public List<Media> media() {
    return media;
  }

  /** Returns the link to share, if any. */
  public Optional<URI> link() {
    return Optional.ofNullable(link);
  }

  /** Returns the audience; {@link Audience#everyone()} by default. */
  public Audience audience() {
    return audience;
  }

  /** Returns when the post should go out (UTC instant); empty means now. */
  public Optional<Instant> scheduledAt() {
    return Optional.ofNullable(scheduledAt);
  }

  /**
   * Returns the idempotency key: the same key is never published twice to one account by one {@link
   * CrossPoster}. Generated (random UUID) when not given.
   */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** Returns what to do with text over a platform's limit. Default {@link TextOverflow#REJECT}. */
  public TextOverflow textOverflow() {
    return textOverflow;
  }

  /** Returns explicit follow-up parts posted as a reply chain where the platform has threads. */
  public List<String> thread() {
    return thread;
  }

  /** Returns the options for {@code platform}, if set. */
  public Optional<PlatformOptions> options(Platform platform) {
    return Optional.ofNullable(options.get(platform));
  }

  /**
   * Returns the options of the given type, if set.
   *
   * @param type the platform's options class, e.g. {@code YouTubeOptions.class}
   */
  public <T extends PlatformOptions> Optional<T> options(Class<T> type) {
    for (PlatformOptions o : options.values()) {
      if (type.isInstance(o)) {
        return Optional.of(type.cast(o));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the first comment: a comment published by the same account right after the post
   * (Facebook, Instagram, YouTube; a self-reply on X), where marketers put links and hashtags. Its
   * outcome is reported beside the post's ({@link PlatformOutcome#firstComment()}); a failed first
   * comment never un-publishes the post.
   */
  public Optional<String> firstComment() {
    return Optional.ofNullable(firstComment);
  }

  /** Returns all per-platform options, by platform. */
  public Map<Platform, PlatformOptions> allOptions() {
    return options;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Post p)) {
      return false;
    }

    return text.equals(p.text)
        && media.equals(p.media)
        && Objects.equals(link, p.link)
        && audience.equals(p.audience)
        && Objects.equals(scheduledAt, p.scheduledAt)
        && idempotencyKey.equals(p.idempotencyKey)
        && textOverflow == p.textOverflow
        && thread.equals(p.thread)
        && options.equals(p.options)
        && Objects.equals(firstComment, p.firstComment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, media, link, audience, scheduledAt, idempotencyKey, options);
  }

  @Override
  public String toString() {
    String t = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return "Post{text='"
        + t
        + "', media="
        + media.size()
        + ", link="
        + link
        + ", scheduledAt="
        + scheduledAt
        + ", key="
        + idempotencyKey
        + "}";
  }

  /** Builds {@link Post} instances. Mutable and not thread-safe. */
  public static final class Builder {
    private String text = "";
    private final List<Media> media = new ArrayList<>();
    private URI link;
    private Audience audience = Audience.everyone();
    private Instant scheduledAt;
    private String idempotencyKey;
    private TextOverflow textOverflow = TextOverflow.REJECT;
    private final List<String> thread = new ArrayList<>();
    private final Map<Platform, PlatformOptions> options = new EnumMap<>(Platform.class);
    private String firstComment;

    private Builder() {}

    /**
     * Sets the first comment, published by the same account right after the post on platforms that
     * allow it ({@link Feature#FIRST_COMMENT}); {@code null} or blank removes it. Platforms without
     * comments refuse a post that has one offline (rule {@code first-comment}).
     */
    public Builder firstComment(String text) {
      this.firstComment = text == null || text.isBlank() ? null : text;
      return this;
    }

    /** Sets the text; {@code null} means none. */
    public Builder text(String text) {
      this.text = text == null ? "" : text;
      return this;
    }

    /** Replaces the media list. */
    public Builder media(Collection<Media> media) {
      this.media.clear();
      media.forEach(this::addMedia);
      return this;
    }

    /** Appends one media item. */
    public Builder addMedia(Media media) {
      this.media.add(requireNonNull(media, "media == null"));
      return this;
    }

    /** Sets the link to share; {@code null} removes it. */
    public Builder link(URI link) {
      this.link = link;
      return this;
    }

    /** Sets the audience. Default {@link Audience#everyone()}. */
    public Builder audience(Audience audience) {
      this.audience = requireNonNull(audience, "audience == null");
      return this;
    }

    /** Sets when the post should go out (an instant; zones only matter for display). */
    public Builder scheduledAt(Instant scheduledAt) {
      this.scheduledAt = scheduledAt;
      return this;
    }

    /**
     * Sets the idempotency key (1 to 255 characters). Default: a random UUID fixed at {@link
     * #build()}, kept by {@link Post#toBuilder()}.
     *
     * @throws IllegalArgumentException if blank or longer than 255 characters
     */
    public Builder idempotencyKey(String key) {
      requireNonNull(key, "idempotencyKey == null");
      if (key.isBlank() || key.length() > 255) {
        throw new IllegalArgumentException(
            "idempotencyKey must be 1..255 characters: '" + key + "'");
      }
      this.idempotencyKey = key;
      return this;
    }

    /** Sets the text overflow policy. Default REJECT. */
    public Builder textOverflow(TextOverflow textOverflow) {
      this.textOverflow = requireNonNull(textOverflow, "textOverflow == null");
      return this;
    }

    /** Replaces the explicit thread follow-up parts. */
    public Builder thread(Collection<String> parts) {
      thread.clear();
      parts.forEach(p -> thread.add(requireNonNull(p, "thread part == null")));
      return this;
    }

    /** Sets the options of one platform, replacing earlier options for that platform. */
    public Builder option(PlatformOptions options) {
      requireNonNull(options, "options == null");
      this.options.put(requireNonNull(options.platform(), "options.platform() == null"), options);
      return this;
    }

    /** Returns an immutable snapshot. Offline checks happen in {@link PostValidator}. */
    public Post build() {
      return new Post(this);
    }
  }
}
