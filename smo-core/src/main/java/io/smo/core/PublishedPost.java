package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a successful publish returns: the {@link PostRef}, the public URL when the platform gives or
 * implies one, when it was published (or is scheduled to be), and the refs of further parts (thread
 * replies). Immutable.
 */
@SmoPublicApi
public final class PublishedPost {
  private final PostRef ref;
  private final URI url;
  private final Instant publishedAt;
  private final boolean scheduled;
  private final List<PostRef> parts;

  private PublishedPost(Builder b) {
    ref = requireNonNull(b.ref, "ref == null");
    url = b.url;
    publishedAt = b.publishedAt;
    scheduled = b.scheduled;
    parts = List.copyOf(b.parts);
  }

  /** Returns a builder for the post at {@code ref}. */
  public static Builder builder(PostRef ref) {
    Builder b = new Builder();
    b.ref = ref;
    return b;
  }

  /** Returns the reference (platform and id). */
  public PostRef ref() {
    return ref;
  }

  /** Returns the platform. */
  public Platform platform() {
    return ref.platform();
  }

  /** Returns the platform id. */
  public String id() {
    return ref.id();
  }

  /** Returns the public URL, if known. */
  public Optional<URI> url() {
    return Optional.ofNullable(url);
  }

  /** Returns when it went (or goes, if {@link #scheduled()}) public, as a UTC instant, if known. */
  public Optional<Instant> publishedAt() {
    return Optional.ofNullable(publishedAt);
  }

  /** Returns whether the platform holds it for native scheduled publication. */
  public boolean scheduled() {
    return scheduled;
  }

  /** Returns the refs of all parts in order, this one first (more than one for threads). */
  public List<PostRef> parts() {
    return parts.isEmpty() ? List.of(ref) : parts;
  }

  @Override
  public String toString() {
    return "PublishedPost{"
        + ref
        + (url != null ? " " + url : "")
        + (scheduled ? " scheduled " : " ")
        + publishedAt
        + "}";
  }

  /** Builds {@link PublishedPost}. Mutable, not thread-safe. */
  public static final class Builder {
    private PostRef ref;
    private URI url;
    private Instant publishedAt;
    private boolean scheduled;
    private List<PostRef> parts = List.of();

    private Builder() {}

    /** Sets the public URL. */
    public Builder url(URI url) {
      this.url = url;
      return this;
    }

    /** Sets the publication instant (UTC). */
    public Builder publishedAt(Instant publishedAt) {
      this.publishedAt = publishedAt;
      return this;
    }

    /** Marks the post as natively scheduled. */
    public Builder scheduled(boolean scheduled) {
      this.scheduled = scheduled;
      return this;
    }

    /** Sets every part's ref in order, the first being the post itself. */
    public Builder parts(List<PostRef> parts) {
      this.parts = List.copyOf(parts);
      return this;
    }

    /** Returns an immutable snapshot. */
    public PublishedPost build() {
      return new PublishedPost(this);
    }
  }
}
