package io.smo.instagram;

import io.smo.core.Media;
import io.smo.core.SmoPublicApi;
import java.net.URI;

/**
 * Makes a local media file reachable by a public URL, because Instagram fetches image (and, unless
 * the resumable upload is used, video) containers from a URL itself: "We cURL media … it must be
 * hosted on a publicly accessible server" (<a
 * href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media">IG
 * User media</a>). Typical implementations upload to an object store (S3, GCS) and return a
 * pre-signed URL valid for at least an hour. The sandbox provides one for tests.
 *
 * <p>Implementations must be thread-safe. URLs should be ASCII only.
 */
@SmoPublicApi
@FunctionalInterface
public interface MediaHost {
  /**
   * Returns a public HTTPS URL serving {@code media}'s bytes with the right content type.
   *
   * @param media a file or in-memory media item (never a URL item: those are passed through)
   * @return the public URL
   * @throws io.smo.core.exception.SmoException (or any runtime exception) if hosting failed; the
   *     client then publishes nothing
   */
  URI publicUrl(Media media);

  /**
   * Called once the container that used {@code url} reached a final state (published, failed or
   * abandoned), so that the host may delete the file. Default: nothing.
   *
   * @param url a URL returned by {@link #publicUrl(Media)}
   */
  default void release(URI url) {}
}
