package io.smo.core.links;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.net.URI;

/**
 * A short link created by a {@link LinkShortener}.
 *
 * @param id the shortener's id for the link (Bitly: the bitlink without scheme, {@code
 *     bit.ly/3xYz})
 * @param shortUrl the short URL to publish
 * @param longUrl the URL it redirects to (the tagged link)
 * @param key what it stands for
 */
@SmoPublicApi
public record ShortLink(String id, URI shortUrl, URI longUrl, ShortLinkKey key) {

  /** Checks the components. */
  public ShortLink {
    requireNonNull(id, "id == null");
    requireNonNull(shortUrl, "shortUrl == null");
    requireNonNull(longUrl, "longUrl == null");
    requireNonNull(key, "key == null");
  }
}
