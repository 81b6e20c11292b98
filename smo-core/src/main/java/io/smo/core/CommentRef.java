package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/** The address of a comment (or reply): platform and comment id. Immutable. */
@SmoPublicApi
public final class CommentRef {
  private final Platform platform;
  private final String id;

  private CommentRef(Platform platform, String id) {
    this.platform = requireNonNull(platform, "platform == null");
    this.id = requireNonNull(id, "id == null");
  }

  /** Returns a reference to comment {@code id} on {@code platform}. */
  public static CommentRef of(Platform platform, String id) {
    return new CommentRef(platform, id);
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the platform's comment id. */
  public String id() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommentRef commentRef
        && platform == commentRef.platform
        && id.equals(commentRef.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(platform, id);
  }

  @Override
  public String toString() {
    return platform.id() + ":" + id;
  }
}
