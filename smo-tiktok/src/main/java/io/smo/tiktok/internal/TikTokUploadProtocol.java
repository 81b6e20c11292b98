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
 * first-last/total}, in order, sized by a {@link TikTokChunkPlan}. TikTok answers 206 while
 * chunks are missing and 201 when the file is complete (status codes UNCONFIRMED in the docs; any
 * 2xx is accepted and the offset advances past the chunk). The upload URL carries its own token,
 * so no {@code Authorization} header is sent. Before a re-send the server's offset is read from
 * {@code status/fetch} ({@code uploaded_bytes}).
 *
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide">Media Transfer Guide</a>
 */
@SmoInternalApi
public final class TikTokUploadProtocol implements ChunkedUploader.Protocol {
  private static final Operation CHUNK = Operation.write("upload chunk").withoutRetry();

  private final ApiRuntime runtime;
  private final String uploadUrl;
  private final TikTokChunkPlan plan;
  private final LongSupplier serverOffset;

  /**
   * Creates the protocol.
   *
   * @param runtime the call runtime
   * @param uploadUrl the {@code upload_url} from init
   * @param plan the chunk plan announced at init
   * @param serverOffset reads the bytes TikTok holds ({@code uploaded_bytes} of status/fetch)
   */
  public TikTokUploadProtocol(ApiRuntime runtime, String uploadUrl, TikTokChunkPlan plan,
      LongSupplier serverOffset) {
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
    ApiResponse<String> r = runtime.execute(CHUNK, () -> new Request.Builder().url(uploadUrl)
        .header("Content-Range", range).put(chunk).build(), false);
    return r.status() == 201 ? total : chunk.offset() + chunk.length();
  }

  @Override
  public long queryOffset(long total) {
    long held = serverOffset.getAsLong();
    // resume at the start of the chunk that holds the first missing byte
    long index = Math.min(held / plan.chunkSize(), plan.chunkCount() - 1);
    return held >= total ? total : plan.offsetOf(index);
  }
}
