package io.smo.tiktok.internal;

import io.smo.core.SmoInternalApi;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.FileChunk;
import java.util.function.LongSupplier;
import okhttp3.Request;

/**
 * TikTok's FILE_UPLOAD transfer for {@link ChunkedUploader}: {@code PUT {upload_url}} per chunk
 * with {@code Content-Type}, {@code Content-Length} and {@code Content-Range: bytes
 * first-last/total}, in order, sized by a {@link ChunkPlan}. TikTok answers 206 while chunks are
 * missing and 201 when the file is complete (status codes UNCONFIRMED in the docs; any 2xx is
 * accepted and the offset advances past the chunk). The upload URL carries its own token, so no
 * {@code Authorization} header is sent. Before a re-send the server's offset is read from {@code
 * status/fetch} ({@code uploaded_bytes}).
 *
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide">Media
 *     Transfer Guide</a>
 */
@SmoInternalApi
public final class TikTokUploadProtocol implements ChunkedUploader.Protocol {
  private static final Operation CHUNK = Operation.write("upload chunk").withoutRetry();

  private final ApiRuntime runtime;
  private final String uploadUrl;
  private final ChunkPlan plan;
  private final LongSupplier serverOffset;

  /**
   * Creates the protocol.
   *
   * @param runtime the call runtime
   * @param uploadUrl the {@code upload_url} from init
   * @param plan the chunk plan announced at init
   * @param serverOffset reads the bytes TikTok holds ({@code uploaded_bytes} of status/fetch)
   */
  public TikTokUploadProtocol(
      ApiRuntime runtime, String uploadUrl, ChunkPlan plan, LongSupplier serverOffset) {
    this.runtime = runtime;
    this.uploadUrl = uploadUrl;
    this.plan = plan;
    this.serverOffset = serverOffset;
  }

  @Override
  public long chunkLength(long offset, long total) {
    return plan.lengthAt(offset);
  }

  @Override
  public long send(FileChunk chunk, long total) {
    String range = plan.contentRange(chunk.offset(), chunk.length());
    ApiResponse<String> r =
        runtime.execute(
            CHUNK,
            () ->
                new Request.Builder()
                    .url(uploadUrl)
                    .header("Content-Range", range)
                    .put(chunk)
                    .build(),
            false);
    return r.status() == 201 ? total : chunk.offset() + chunk.length();
  }

  @Override
  public long queryOffset(long total) {
    long held = serverOffset.getAsLong();
    // resume at the start of the chunk that holds the first missing byte
    long index = Math.min(held / plan.chunkSize(), plan.chunkCount() - 1);
    return held >= total ? total : plan.offsetOf(index);
  }

  /**
   * TikTok's FILE_UPLOAD chunk arithmetic, from the Media Transfer Guide:
   *
   * <ul>
   *   <li>{@code total_chunk_count = floor(video_size / chunk_size)};
   *   <li>every chunk is 5 MB to 64 MB, except the last, which takes the trailing bytes and may
   *       reach 128 MB;
   *   <li>videos under 5 MB go up whole ({@code chunk_size = video_size}); videos over 64 MB must
   *       be chunked;
   *   <li>1 to 1,000 chunks, sent in order.
   * </ul>
   *
   * <p>The guide does not say whether "MB" is 10^6 or 2^20 bytes; the stricter reading of each
   * bound is used: chunks are at least 5 MiB (5,242,880 bytes) and at most 64,000,000 bytes, the
   * last at most 128,000,000 bytes. Immutable.
   *
   * @param videoSize the file size in bytes
   * @param chunkSize the {@code chunk_size} sent to TikTok
   * @param chunkCount the {@code total_chunk_count} sent to TikTok
   * @see <a href="https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide">Media
   *     Transfer Guide</a>
   */
  public record ChunkPlan(long videoSize, long chunkSize, long chunkCount) {

    /**
     * The bounds a plan obeys. {@link #TIKTOK} is TikTok's; tests against the sandbox may use
     * smaller ones (the emulator can be set to the same) to exercise chunking with small files.
     *
     * @param minChunk the smallest chunk in bytes (files below it go up whole)
     * @param maxChunk the largest chunk in bytes (files above it must be chunked)
     * @param maxLastChunk the largest last chunk in bytes
     * @param maxChunks the most chunks
     */
    public record Rules(long minChunk, long maxChunk, long maxLastChunk, int maxChunks) {
      /** TikTok's documented rules (stricter reading of "MB"). */
      public static final Rules TIKTOK =
          new Rules(5L * 1024 * 1024, 64_000_000L, 128_000_000L, 1000);

      /**
       * Validates the bounds.
       *
       * @throws IllegalArgumentException if inconsistent
       */
      public Rules {
        if (minChunk < 1 || maxChunk < minChunk || maxLastChunk < maxChunk || maxChunks < 1) {
          throw new IllegalArgumentException("inconsistent chunk rules");
        }
      }

      /** Returns the largest file these rules can carry, in bytes. */
      public long maxVideoSize() {
        // floor(size / maxChunk) <= maxChunks with the last chunk < 2 * maxChunk
        return Math.min(
            maxChunk * (long) maxChunks + (maxChunk - 1),
            maxChunk * (long) (maxChunks - 1) + maxLastChunk);
      }
    }

    /**
     * Plans the upload of {@code videoSize} bytes with chunks of about {@code preferredChunk}
     * bytes.
     *
     * @param videoSize the file size in bytes (at least 1)
     * @param preferredChunk the wished chunk size; clamped to the rules
     * @param rules the bounds
     * @return the plan
     * @throws IllegalArgumentException if the size is not positive or too large for 1,000 chunks
     */
    public static ChunkPlan of(long videoSize, long preferredChunk, Rules rules) {
      if (videoSize < 1) {
        throw new IllegalArgumentException("video size must be positive: " + videoSize);
      }
      long chunk = Math.max(rules.minChunk(), Math.min(rules.maxChunk(), preferredChunk));
      if (videoSize < rules.minChunk() || videoSize <= chunk) {
        return new ChunkPlan(videoSize, videoSize, 1); // whole: small, or fits one chunk
      }
      if (videoSize / chunk > rules.maxChunks()) {
        chunk = ceilDiv(videoSize, rules.maxChunks());
      }
      if (videoSize / chunk < 2 && videoSize > rules.maxChunk()) {
        chunk = videoSize / 2; // over the one-chunk maximum: at least two chunks
      }
      long count = videoSize / chunk;
      long last = videoSize - (count - 1) * chunk;
      if (chunk > rules.maxChunk()
          || chunk < rules.minChunk()
          || count > rules.maxChunks()
          || last > rules.maxLastChunk()) {
        throw new IllegalArgumentException(
            "video of "
                + videoSize
                + " bytes cannot be sent in "
                + rules.maxChunks()
                + " chunks of at most "
                + rules.maxChunk()
                + " bytes");
      }
      return new ChunkPlan(videoSize, chunk, count);
    }

    private static long ceilDiv(long a, long b) {
      return (a + b - 1) / b;
    }

    /** Returns the first byte of chunk {@code index} (0-based). */
    public long offsetOf(long index) {
      return index * chunkSize;
    }

    /**
     * Returns the length of chunk {@code index}: {@code chunkSize}, the last one with the trailing
     * bytes.
     */
    public long lengthOf(long index) {
      return index == chunkCount - 1 ? videoSize - (chunkCount - 1) * chunkSize : chunkSize;
    }

    /**
     * Returns the length of the chunk starting at {@code offset}, or the rest of the file past the
     * last start.
     */
    public long lengthAt(long offset) {
      long index = Math.min(offset / chunkSize, chunkCount - 1);
      return offsetOf(index) + lengthOf(index) - offset;
    }

    /**
     * Returns the {@code Content-Range} value of the chunk at {@code offset} with {@code length}
     * bytes.
     */
    public String contentRange(long offset, long length) {
      return "bytes " + offset + "-" + (offset + length - 1) + "/" + videoSize;
    }
  }
}
