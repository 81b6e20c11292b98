package io.smo.core.links;

import io.smo.core.SmoPublicApi;
import java.net.URI;

/**
 * A link shortener with click analytics (SPI). One implementation ships in {@code smo-bitly} (Bitly
 * API v4). Implementations are thread-safe.
 *
 * <p>Contract: {@link #shorten(URI, ShortLinkKey)} returns one short link per key, the same one
 * when called again with the same key and URL (so retries and re-runs do not create a second link),
 * and never one short link for two keys (their clicks could not be told apart).
 */
@SmoPublicApi
public interface LinkShortener extends AutoCloseable {

  /** Returns the shortener's name for reports, e.g. {@code "bitly"}. */
  String name();

  /**
   * Returns the short link for {@code longUrl} standing for {@code key}, creating it if needed.
   *
   * @param longUrl an absolute http(s) URL (usually tagged by {@link LinkTagger})
   * @param key the (post, target, variant) the link stands for
   * @return the short link
   * @throws IllegalArgumentException if {@code longUrl} is not absolute http(s)
   * @throws IllegalStateException if another key already uses the same long URL (the shortener
   *     would merge their clicks); tag each variant differently
   * @throws io.smo.core.exception.SmoException if the shortener fails or refuses
   */
  ShortLink shorten(URI longUrl, ShortLinkKey key);

  /**
   * Returns the total clicks of a short link since it was created, as the shortener counts them.
   *
   * @param linkId the link's {@link ShortLink#id()} (as stored in a campaign's results record)
   * @throws io.smo.core.exception.NotFoundException if the shortener does not know the link
   * @throws io.smo.core.exception.SmoException if the shortener fails or refuses
   */
  long clicks(String linkId);

  /** Releases what the shortener created; idempotent; never throws. */
  @Override
  void close();
}
