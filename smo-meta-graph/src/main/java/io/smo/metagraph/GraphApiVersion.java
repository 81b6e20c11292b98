package io.smo.metagraph;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Graph API version, the {@code vNN.N} path segment every Graph call starts with (e.g. {@code
 * v26.0}). Immutable; compare with {@link #equals(Object)}.
 *
 * <p>Meta releases about two versions a year, each available for about two years. {@link #DEFAULT}
 * is the newest stable version documented when this SDK was built: v26.0 (released 2026-07-29);
 * v25.0 (2026-02-18) is available until 2028-07-29. Clients let callers pin another version.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/changelog">Graph API changelog</a>
 */
@SmoPublicApi
public final class GraphApiVersion implements Comparable<GraphApiVersion> {
  private static final Pattern FORMAT = Pattern.compile("v?(\\d{1,3})\\.(\\d{1,2})");

  /** v26.0, released 2026-07-29. */
  public static final GraphApiVersion V26_0 = new GraphApiVersion(26, 0);

  /** v25.0, released 2026-02-18, available until 2028-07-29. */
  public static final GraphApiVersion V25_0 = new GraphApiVersion(25, 0);

  /** v24.0, released 2025-10-08, available until 2028-02-18. */
  public static final GraphApiVersion V24_0 = new GraphApiVersion(24, 0);

  /**
   * The version clients use unless told otherwise: the newest stable documented one, {@link
   * #V26_0}.
   */
  public static final GraphApiVersion DEFAULT = V26_0;

  private final int major;
  private final int minor;

  private GraphApiVersion(int major, int minor) {
    this.major = major;
    this.minor = minor;
  }

  /**
   * Parses a version such as {@code "v26.0"} or {@code "26.0"}.
   *
   * @param version the version text
   * @return the version
   * @throws IllegalArgumentException if it is not of the form {@code vNN.N}
   */
  public static GraphApiVersion of(String version) {
    Matcher m = FORMAT.matcher(requireNonNull(version, "version == null").trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Graph API version (expected vNN.N): " + version);
    }
    return new GraphApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** Returns the major number (26 for v26.0). */
  public int major() {
    return major;
  }

  /** Returns the path segment, e.g. {@code "v26.0"}. */
  public String path() {
    return "v" + major + "." + minor;
  }

  @Override
  public int compareTo(GraphApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphApiVersion graphApiVersion
        && graphApiVersion.major == major
        && graphApiVersion.minor == minor;
  }

  @Override
  public int hashCode() {
    return major * 100 + minor;
  }

  /** Returns {@link #path()}. */
  @Override
  public String toString() {
    return path();
  }
}
