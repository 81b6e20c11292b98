package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Objects;

/**
 * The address of a published post: platform and platform id, plus any extra keys needed to address
 * it again (for example the Facebook Page id or the Snapchat ad account). Immutable.
 *
 * <p>{@link #toString()} gives {@code platform:id}, which {@link #parse(String)} reads back.
 */
@SmoPublicApi
public final class PostRef {
  private final Platform platform;
  private final String id;
  private final Map<String, String> attributes;

  private PostRef(Platform platform, String id, Map<String, String> attributes) {
    this.platform = requireNonNull(platform, "platform == null");
    this.id = requireNonNull(id, "id == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id is blank");
    }
    this.attributes = Map.copyOf(attributes);
  }

  /** Returns a reference to post {@code id} on {@code platform}. */
  public static PostRef of(Platform platform, String id) {
    return new PostRef(platform, id, Map.of());
  }

  /** Returns a reference with extra addressing attributes. */
  public static PostRef of(Platform platform, String id, Map<String, String> attributes) {
    return new PostRef(platform, id, attributes);
  }

  /**
   * Parses {@code platform:id} (e.g. {@code twitter:1445880548472328192}).
   *
   * @throws IllegalArgumentException if there is no colon or the platform is unknown
   */
  public static PostRef parse(String text) {
    int i = text.indexOf(':');
    if (i <= 0 || i == text.length() - 1) {
      throw new IllegalArgumentException("expected platform:id, got '" + text + "'");
    }
    return of(Platform.fromId(text.substring(0, i)), text.substring(i + 1));
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the platform's id of the post (tweet id, Graph object id, video id, Pin id...). */
  public String id() {
    return id;
  }

  /** Returns extra addressing attributes; empty for most platforms. */
  public Map<String, String> attributes() {
    return attributes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PostRef postRef
        && platform == postRef.platform
        && id.equals(postRef.id)
        && attributes.equals(postRef.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(platform, id, attributes);
  }

  @Override
  public String toString() {
    return platform.id() + ":" + id;
  }
}
