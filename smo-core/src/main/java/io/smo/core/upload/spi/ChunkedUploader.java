package io.smo.core.upload.spi;

import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.resilience.Sleeper;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import java.nio.channels.FileChannel;
import okhttp3.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a chunked, resumable upload of a file, whatever the platform's protocol: chunks are {@link
 * FileChunk}s read from a {@link FileChannel} (heap use independent of file size), sized by the
 * protocol's rules; after a failed chunk the server is asked how much it has, and the upload
 * resumes from <b>the offset the server reports</b>, not from what the client sent; when the server
 * reports the upload complete, nothing more is sent. Progress goes to an {@link UploadListener}.
 * Between a failed chunk and the next, the uploader waits the platform's {@code Retry-After} or
 * reset time when a {@link RateLimitException} names one longer than its own back-off; a wait
 * longer than {@link RetryPolicy#maxRetryAfter()} ends the upload instead.
 *
 * <p>Used by YouTube (resumable upload, 308 + Range), Meta (offset-based chunked upload), X (append
 * by segment index), TikTok (Content-Range chunks) and Snapchat (multipart parts).
 */
@SmoProtectedApi
public final class ChunkedUploader {
  private static final Logger LOG = LoggerFactory.getLogger(ChunkedUploader.class);

  /** A platform's chunk protocol. Implementations make one attempt per call. */
  public interface Protocol {
    /**
     * Returns the length of the chunk starting at {@code offset} (at least 1, at most {@code total
     * - offset}).
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

  /**
   * A protocol wrapper that records whether the chunk holding the file's last byte was handed to
   * the platform: after that, the upload may be complete on the server even when its answer was
   * lost, which for an upload that <em>is</em> the publish (YouTube, TikTok, Meta video) makes any
   * later failure an unknown outcome, never a retryable one ({@link #mayBeComplete}).
   */
  public static final class LastChunkWatch implements Protocol {
    private final Protocol delegate;
    private volatile boolean lastChunkSent;

    /**
     * Wraps a protocol.
     *
     * @param delegate the platform's protocol
     */
    public LastChunkWatch(Protocol delegate) {
      this.delegate = delegate;
    }

    @Override
    public long chunkLength(long offset, long total) {
      return delegate.chunkLength(offset, total);
    }

    @Override
    public long send(FileChunk chunk, long total) {
      if (chunk.offset() + chunk.length() >= total) {
        lastChunkSent = true;
      }
      return delegate.send(chunk, total);
    }

    @Override
    public long queryOffset(long total) {
      return delegate.queryOffset(total);
    }

    /** Returns whether the chunk with the last byte was sent (its answer may have been lost). */
    public boolean lastChunkSent() {
      return lastChunkSent;
    }

    /**
     * Returns whether {@code failure} leaves the upload possibly complete on the server: the last
     * chunk was sent and the failure is not a definite refusal (a transport failure, a 5xx, or
     * anything retryable).
     *
     * @param failure the failure of the upload
     * @return whether the outcome is unknown
     */
    public boolean mayBeComplete(SmoException failure) {
      if (!lastChunkSent) {
        return false;
      }
      if (failure instanceof TransportException || failure.retryable()) {
        return true;
      }
      if (failure instanceof io.smo.core.exception.PlatformException platformException) {
        int st = platformException.details().httpStatus();
        return st == 0 || st >= 500;
      }
      return false;
    }
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
   *     reason a retry cannot mend; a {@link TransportException} when the server keeps none of the
   *     bytes sent for {@code retryPolicy.maxAttempts()} chunks in a row (no progress)
   */
  public static long upload(
      Platform platform,
      String mediaName,
      FileChannel channel,
      long total,
      MediaType contentType,
      Protocol protocol,
      UploadListener listener,
      RetryPolicy retryPolicy,
      Sleeper sleeper) {
    long offset = 0;
    int failuresInRow = 0;
    int stalls = 0;
    notify(
        listener,
        new UploadProgress(platform, mediaName, UploadState.UPLOADING, 0, total, null, null));
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
        notify(
            listener,
            new UploadProgress(
                platform,
                mediaName,
                UploadState.UPLOADING,
                Math.min(offset, total),
                total,
                null,
                null));
      } catch (SmoException e) {
        failuresInRow++;
        boolean mendable = e.retryable() || e instanceof TransportException;
        boolean waitTooLong =
            e instanceof RateLimitException rateLimitException
                && rateLimitException.retryAfter() != null
                && rateLimitException.retryAfter().compareTo(retryPolicy.maxRetryAfter()) > 0;
        if (!mendable || waitTooLong || failuresInRow >= retryPolicy.maxAttempts()) {
          notify(
              listener,
              new UploadProgress(
                  platform, mediaName, UploadState.FAILED, offset, total, null, null));
          throw e.withAttempts(failuresInRow);
        }
        notify(
            listener,
            new UploadProgress(
                platform, mediaName, UploadState.RESUMING, offset, total, null, null));
        try {
          sleeper.sleep(waitBefore(e, failuresInRow, retryPolicy));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        offset = Math.min(protocol.queryOffset(total), total);
        notify(
            listener,
            new UploadProgress(
                platform, mediaName, UploadState.UPLOADING, offset, total, null, null));
      }
    }
    if (offset < total) {
      notify(
          listener,
          new UploadProgress(platform, mediaName, UploadState.FAILED, offset, total, null, null));
      throw new TransportException(
              platform,
              "upload " + mediaName,
              "server made no progress at"
                  + " byte "
                  + offset
                  + " of "
                  + total
                  + " after "
                  + stalls
                  + " chunks",
              null,
              false)
          .withAttempts(stalls);
    }
    return total;
  }

  /**
   * The wait before asking the server again: the platform's {@code Retry-After} or reset time
   * (carried by a {@link RateLimitException}) when it says more than the back-off, else the
   * back-off.
   */
  static java.time.Duration waitBefore(SmoException e, int failuresInRow, RetryPolicy retryPolicy) {
    java.time.Duration backoff = retryPolicy.backoff(failuresInRow);
    if (e instanceof RateLimitException rateLimitException) {
      java.time.Duration ra = rateLimitException.retryAfter();
      if (ra != null && ra.compareTo(backoff) > 0) {
        return ra;
      }
    }
    return backoff;
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
