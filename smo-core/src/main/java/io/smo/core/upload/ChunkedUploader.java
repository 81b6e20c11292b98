package io.smo.core.upload;

import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.resilience.Sleeper;
import java.nio.channels.FileChannel;
import okhttp3.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a chunked, resumable upload of a file, whatever the platform's protocol: chunks are
 * {@link FileChunk}s read from a {@link FileChannel} (heap use independent of file size), sized
 * by the protocol's rules; after a failed chunk the server is asked how much it has, and the
 * upload resumes from <b>the offset the server reports</b>, not from what the client sent; when
 * the server reports the upload complete, nothing more is sent. Progress goes to an {@link
 * UploadListener}.
 *
 * <p>Used by YouTube (resumable upload, 308 + Range), Meta (offset-based chunked upload), X
 * (append by segment index), TikTok (Content-Range chunks) and Snapchat (multipart parts).
 */
@SmoProtectedApi
public final class ChunkedUploader {
  private static final Logger LOG = LoggerFactory.getLogger(ChunkedUploader.class);

  /** A platform's chunk protocol. Implementations make one attempt per call. */
  public interface Protocol {
    /**
     * Returns the length of the chunk starting at {@code offset} (at least 1, at most {@code
     * total - offset}).
     */
    long chunkLength(long offset, long total);

    /**
     * Sends one chunk.
     *
     * @return the server's next expected offset ({@code total} when complete)
     * @throws SmoException when the chunk failed
     */
    long send(FileChunk chunk, long total);

    /**
     * Asks the server how many bytes it holds, before any re-send.
     *
     * @return the server's next expected offset ({@code total} or more when the upload is complete)
     * @throws SmoException when the query failed
     */
    long queryOffset(long total);
  }

  private ChunkedUploader() {}

  /**
   * Uploads {@code total} bytes of {@code channel} through {@code protocol}.
   *
   * @param platform the platform, for progress and errors
   * @param mediaName the file name, for progress
   * @param channel the open file (not closed here)
   * @param total the number of bytes to upload
   * @param contentType the chunks' content type, or {@code null}
   * @param protocol the platform's chunk protocol
   * @param listener receives progress
   * @param retryPolicy how many failed chunks in a row are tolerated, and the back-off between
   * @param sleeper waits the back-off
   * @return the number of bytes the server holds (= {@code total})
   * @throws SmoException when a chunk fails more often than the policy allows, or fails for a
   *     reason a retry cannot mend; a {@link TransportException} when the server keeps none of
   *     the bytes sent for {@code retryPolicy.maxAttempts()} chunks in a row (no progress)
   */
  public static long upload(Platform platform, String mediaName, FileChannel channel, long total,
      MediaType contentType, Protocol protocol, UploadListener listener, RetryPolicy retryPolicy,
      Sleeper sleeper) {
    long offset = 0;
    int failuresInRow = 0;
    int stalls = 0;
    notify(listener, new UploadProgress(platform, mediaName, UploadState.UPLOADING, 0, total, null, null));
    while (offset < total) {
      long len = Math.max(1, Math.min(protocol.chunkLength(offset, total), total - offset));
      try {
        long next = protocol.send(new FileChunk(channel, offset, len, contentType), total);
        if (next < offset) {
          LOG.debug("{} server moved back from {} to {}", platform.id(), offset, next);
        }
        if (next <= offset) {
          // the server kept nothing of the chunk: bounded like failures, never an endless loop
          stalls++;
          if (stalls >= Math.max(1, retryPolicy.maxAttempts())) {
            break; // reported below, outside the retry handling
          }
        } else {
          stalls = 0;
        }
        offset = next;
        failuresInRow = 0;
        notify(listener, new UploadProgress(platform, mediaName, UploadState.UPLOADING,
            Math.min(offset, total), total, null, null));
      } catch (SmoException e) {
        failuresInRow++;
        boolean mendable = e.retryable() || e instanceof TransportException;
        if (!mendable || failuresInRow >= retryPolicy.maxAttempts()) {
          notify(listener, new UploadProgress(platform, mediaName, UploadState.FAILED, offset, total,
              null, null));
          throw e.withAttempts(failuresInRow);
        }
        notify(listener, new UploadProgress(platform, mediaName, UploadState.RESUMING, offset, total,
            null, null));
        try {
          sleeper.sleep(retryPolicy.backoff(failuresInRow));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        offset = Math.min(protocol.queryOffset(total), total);
        notify(listener, new UploadProgress(platform, mediaName, UploadState.UPLOADING, offset, total,
            null, null));
      }
    }
    if (offset < total) {
      notify(listener, new UploadProgress(platform, mediaName, UploadState.FAILED, offset, total,
          null, null));
      throw new TransportException(platform, "upload " + mediaName, "server made no progress at"
          + " byte " + offset + " of " + total + " after " + stalls + " chunks", null, false)
          .withAttempts(stalls);
    }
    return total;
  }

  /** Calls the listener, containing and logging anything it throws. */
  public static void notify(UploadListener listener, UploadProgress progress) {
    try {
      listener.onProgress(progress);
    } catch (RuntimeException e) {
      LOG.warn("upload listener threw; ignored", e);
    }
    io.smo.core.internal.CallEvents.upload(progress); // the client's SmoListener (failure-safe)
  }
}
