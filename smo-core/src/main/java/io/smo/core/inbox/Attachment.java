package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A file carried by a {@link Message}: its neutral type, the platform's own type name and, where
 * the platform gives or takes one, its URL (Meta {@code payload.url}, an X media key has none).
 * Immutable.
 */
@SmoPublicApi
public final class Attachment {
  private final AttachmentType type;
  private final String platformType;
  private final URI url;
  private final String platformId;

  private Attachment(AttachmentType type, String platformType, URI url, String platformId) {
    this.type = requireNonNull(type, "type == null");
    this.platformType = platformType;
    this.url = url;
    this.platformId = platformId;
  }

  /**
   * Returns an attachment to send or that was received.
   *
   * @param type the neutral type
   * @param url where the file is (public HTTPS for sends), or {@code null} when the platform gives
   *     none
   */
  public static Attachment of(AttachmentType type, URI url) {
    return new Attachment(type, null, url, null);
  }

  /**
   * Returns a received attachment as the platform described it.
   *
   * @param type the neutral type ({@link AttachmentType#UNKNOWN} when not recognised)
   * @param platformType the platform's type name, e.g. {@code "ig_reel"}, or {@code null}
   * @param url its URL, or {@code null}
   * @param platformId the platform's id for it (X {@code media_key}), or {@code null}
   */
  public static Attachment received(
      AttachmentType type, String platformType, URI url, String platformId) {
    return new Attachment(type, platformType, url, platformId);
  }

  /** Returns the neutral type. */
  public AttachmentType type() {
    return type;
  }

  /**
   * Returns the platform's own type name, if known (e.g. {@code "ig_reel"}, {@code
   * "animated_gif"}).
   */
  public Optional<String> platformType() {
    return Optional.ofNullable(platformType);
  }

  /** Returns the file's URL, if the platform gave one (may expire). */
  public Optional<URI> url() {
    return Optional.ofNullable(url);
  }

  /** Returns the platform's id of the file (X {@code media_key}), if any. */
  public Optional<String> platformId() {
    return Optional.ofNullable(platformId);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Attachment a)) {
      return false;
    }

    return type == a.type
        && Objects.equals(platformType, a.platformType)
        && Objects.equals(url, a.url)
        && Objects.equals(platformId, a.platformId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, platformType, url, platformId);
  }

  @Override
  public String toString() {
    return "Attachment{" + type + (platformType != null ? " (" + platformType + ")" : "") + "}";
  }
}
