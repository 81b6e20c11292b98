package io.smo.testkit.spi;

import io.smo.core.SmoProtectedApi;

/**
 * Deterministic engagement figures that grow after a post is published: a value depends only on the
 * seed, the post id, the metric name and how many times the post's metrics were read, so tests can
 * predict them and every read shows growth.
 */
@SmoProtectedApi
public final class SeededMetrics {
  private final long seed;

  /** Creates the generator for {@code seed}. */
  public SeededMetrics(long seed) {
    this.seed = seed;
  }

  /**
   * Returns the figure.
   *
   * @param postId the post id
   * @param metric the metric name
   * @param reads how many times the metrics were read before (0 on the first read)
   * @param scale the order of magnitude of the first value (e.g. 1000 for impressions, 10 for
   *     comments)
   * @return a value in [scale/2, scale*3/2) growing by about scale/10 per read
   */
  public long value(String postId, String metric, long reads, long scale) {
    long h = mix(seed ^ postId.hashCode() * 31L ^ metric.hashCode());
    long base = scale / 2 + Math.floorMod(h, Math.max(1, scale));
    long step = Math.max(1, scale / 10 + Math.floorMod(h >>> 17, Math.max(1, scale / 20 + 1)));
    return base + reads * step;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
