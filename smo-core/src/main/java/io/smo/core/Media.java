package io.smo.core;

import static java.util.Objects.requireNonNull;

import io.smo.core.media.MediaFormat;
import io.smo.core.media.MediaInfo;
import io.smo.core.media.MediaInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One image, video or GIF of a {@link Post}: where its bytes come from (a local file, a URL the
 * platform pulls, or bytes in memory), its kind and its alt text.
 *
 * <p>For files, the kind and format come from the content ({@link MediaInspector}), never from the
 * file name; a file is never read whole into memory (uploads stream it in chunks). Instances are
 * immutable and thread-safe; {@link #info()} inspects the file on first use and caches the result.
 *
 * <pre>{@code
 * Media photo = Media.fromFile(Path.of("launch.jpg")).withAltText("Our new bike on a hill");
 * Media clip = Media.fromUrl(URI.create("https://cdn.example.com/clip.mp4"), MediaKind.VIDEO);
 * }</pre>
 */
@SmoPublicApi
public final class Media {
  /** Where a media item's bytes come from. */
  public enum SourceType {
    /** A local file, streamed from disk when uploaded. */
    FILE,
    /** A public URL that the platform downloads itself (pull). */
    URL,
    /** Bytes held in memory (small images only). */
    BYTES
  }

  private final SourceType sourceType;
  private final Path file;
  private final URI url;
  private final byte[] bytes;
  private final MediaKind declaredKind;
  private final String altText;
  private volatile MediaInfo info;

  private Media(
      SourceType type,
      Path file,
      URI url,
      byte[] bytes,
      MediaKind kind,
      String altText,
      MediaInfo info) {
    this.sourceType = type;
    this.file = file;
    this.url = url;
    this.bytes = bytes;
    this.declaredKind = kind;
    this.altText = altText;
    this.info = info;
  }

  /**
   * Returns media read from a local file; its kind is detected from the content when first needed.
   * The file is not opened here: a missing or unreadable file is reported by {@link PostValidator}.
   */
  public static Media fromFile(Path file) {
    return new Media(
        SourceType.FILE, requireNonNull(file, "file == null"), null, null, null, null, null);
  }

  /**
   * Returns media the platform downloads from {@code url} itself (Instagram, TikTok PULL_FROM_URL,
   * Pinterest image URLs). The kind cannot be read from the content, so it is given.
   *
   * @throws IllegalArgumentException if the URL is not absolute http(s)
   */
  public static Media fromUrl(URI url, MediaKind kind) {
    requireNonNull(url, "url == null");
    requireNonNull(kind, "kind == null");
    if (!isAbsoluteHttp(url)) {
      throw new IllegalArgumentException("media URL must be absolute http(s) with a host: " + url);
    }
    return new Media(SourceType.URL, null, url, null, kind, null, null);
  }

  /**
   * Whether {@code uri} is an absolute {@code http} or {@code https} URL (scheme compared
   * case-insensitively, RFC 3986 section 3.1) with a host.
   *
   * @param uri the URI, may be null
   * @return true for a usable web URL
   */
  static boolean isAbsoluteHttp(URI uri) {
    if (uri == null || uri.isOpaque() || uri.getScheme() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    return (scheme.equals("https") || scheme.equals("http"))
        && uri.getHost() != null
        && !uri.getHost().isEmpty();
  }

  /** Returns media held in memory; the array is copied. Kind and format are read from the bytes. */
  public static Media fromBytes(byte[] bytes) {
    byte[] copy = requireNonNull(bytes, "bytes == null").clone();
    return new Media(SourceType.BYTES, null, null, copy, null, null, MediaInspector.inspect(copy));
  }

  /** Returns a copy with alt text (accessibility description); {@code null} removes it. */
  public Media withAltText(String altText) {
    return new Media(sourceType, file, url, bytes, declaredKind, altText, info);
  }

  /** Returns where the bytes come from. */
  public SourceType sourceType() {
    return sourceType;
  }

  /** Returns the local file, for {@link SourceType#FILE}. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Returns the pull URL, for {@link SourceType#URL}. */
  public Optional<URI> url() {
    return Optional.ofNullable(url);
  }

  /** Returns a copy of the in-memory bytes, for {@link SourceType#BYTES}. */
  public Optional<byte[]> bytes() {
    return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
  }

  /** Returns the alt text, if any. */
  public Optional<String> altText() {
    return Optional.ofNullable(altText);
  }

  /**
   * Returns the kind: the given one for URLs, else the one read from the content, or {@code null}
   * when a file cannot be read or its format is unknown.
   */
  public MediaKind kind() {
    if (declaredKind != null) {
      return declaredKind;
    }
    try {
      return info().format().kind();
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  /**
   * Returns what the content says of itself; for URL media only the declared kind is known.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public MediaInfo info() {
    MediaInfo i = info;
    if (i == null) {
      if (sourceType == SourceType.URL) {
        MediaFormat f =
            declaredKind == MediaKind.VIDEO
                ? MediaFormat.MP4
                : declaredKind == MediaKind.GIF ? MediaFormat.GIF : MediaFormat.JPEG;
        i = new MediaInfo(f, -1, 0, 0, null, false);
      } else {
        try {
          i = MediaInspector.inspect(file);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "cannot read media file " + file + ": " + e.getMessage(), e);
        }
      }
      info = i;
    }
    return i;
  }

  /** Returns the MIME type detected from the content (or implied by the declared kind for URLs). */
  public String mimeType() {
    return info().format().mimeType();
  }

  /** Returns the size in bytes: file size, array length, or -1 for URLs. */
  public long sizeBytes() {
    switch (sourceType) {
      case FILE -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          return -1;
        }
      }
      case BYTES -> {
        return bytes.length;
      }
      default -> {
        return -1;
      }
    }
  }

  /** Returns a short description for error messages: the file name, the URL or the byte count. */
  public String describe() {
    return switch (sourceType) {
      case FILE -> String.valueOf(file);
      case URL -> url.toString();
      default -> bytes.length + " bytes";
    };
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Media m)) {
      return false;
    }

    return sourceType == m.sourceType
        && Objects.equals(file, m.file)
        && Objects.equals(url, m.url)
        && Arrays.equals(bytes, m.bytes)
        && declaredKind == m.declaredKind
        && Objects.equals(altText, m.altText);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceType, file, url, Arrays.hashCode(bytes), declaredKind, altText);
  }

  @Override
  public String toString() {
    return "Media{" + sourceType + " " + describe() + (altText != null ? ", alt" : "") + "}";
  }
}
