package io.smo.youtube.internal;

import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.FileChunk;
import java.io.IOException;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Google's resumable upload protocol on one session URI, as a {@link ChunkedUploader.Protocol}
 * (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol):
 *
 * <ul>
 *   <li>each chunk is {@code PUT <session>} with {@code Content-Range: bytes first-last/total};
 *       chunks are multiples of 256 KiB except the last;
 *   <li>{@code 308 Resume Incomplete} with {@code Range: bytes=0-n} means the server holds {@code n
 *       + 1} bytes (no {@code Range}: none);
 *   <li>{@code 200}/{@code 201} means the upload is complete: the body is the {@code youtube#video}
 *       resource, kept in {@link #video()};
 *   <li>the status query after an interruption is {@code PUT <session>} with an empty body and
 *       {@code Content-Range: bytes *}{@code /total}: the same answers; {@code 404}/{@code 410}
 *       mean the session expired, reported as {@link SessionExpiredException} so the caller starts
 *       a new session.
 * </ul>
 *
 * The chunks and status queries belong to the upload session the {@code videos.insert} start
 * opened, so they name no rate bucket and cost no further quota units.
 *
 * <p>Chunk sends are attempted once and never silently re-sent by OkHttp (the uploader queries
 * before any re-send; a lost answer becomes a retryable transport failure); status queries are
 * retried by the runtime on transport errors and 5xx. Not thread-safe: one upload at a time.
 */
@SmoInternalApi
public final class YouTubeUploadProtocol implements ChunkedUploader.Protocol {
  /** The upload session is gone (404/410): start a new one. */
  public static final class SessionExpiredException extends SmoException {
    private static final long serialVersionUID = 1L;

    SessionExpiredException(int status) {
      super(
          Platform.YOUTUBE, "publish", "upload session expired (HTTP " + status + ")", null, false);
    }
  }

  private final ApiRuntime runtime;
  private final HttpUrl session; // parsed once, not per chunk
  private final long chunkSize;
  private final int maxQueries;
  private YouTubeDtos.Video video;

  /**
   * Creates the protocol for one session.
   *
   * @param runtime the runtime (authentication, error mapping)
   * @param session the session URI from the {@code Location} header
   * @param chunkSize the chunk size in bytes, a multiple of 256 KiB
   */
  public YouTubeUploadProtocol(ApiRuntime runtime, URI session, long chunkSize) {
    this.runtime = runtime;
    this.session = HttpUrl.get(session);
    this.chunkSize = chunkSize;
    this.maxQueries = Math.max(1, runtime.retryPolicy().maxAttempts());
  }

  /** Returns the uploaded video resource once the server said 200/201, else {@code null}. */
  public YouTubeDtos.Video video() {
    return video;
  }

  @Override
  public long chunkLength(long offset, long total) {
    return Math.min(chunkSize, total - offset);
  }

  @Override
  public long send(FileChunk chunk, long total) {
    long last = chunk.offset() + chunk.length() - 1;
    ApiResponse<String> r;
    try {
      // a create for the runtime: OkHttp never silently re-sends it, so no byte goes twice
      r =
          runtime.execute(
              Operation.create("videos.insert.chunk").withoutRetry(),
              () ->
                  new Request.Builder()
                      .url(this.session)
                      .header("Content-Range", "bytes " + chunk.offset() + "-" + last + "/" + total)
                      .put(chunk)
                      .build(),
              true,
              308,
              404,
              410);
    } catch (PublishOutcomeUnknownException e) {
      // the chunk may have arrived: not unknown for long, the status query tells
      throw new TransportException(
          Platform.YOUTUBE,
          "publish",
          "chunk answer lost; asking the server how much it holds",
          e,
          true);
    }
    return interpret(r, total);
  }

  @Override
  public long queryOffset(long total) {
    for (int i = 1; ; i++) {
      ApiResponse<String> r =
          runtime.execute(
              Operation.write("videos.insert.status"),
              () ->
                  new Request.Builder()
                      .url(this.session)
                      .header("Content-Range", "bytes */" + total)
                      .put(RequestBody.create(new byte[0], null))
                      .build(),
              true,
              308,
              404,
              410);
      try {
        return interpret(r, total);
      } catch (TransportException e) {
        if (i >= maxQueries) {
          throw e;
        }
      }
    }
  }

  private long interpret(ApiResponse<String> r, long total) {
    int s = r.status();
    if (s == 404 || s == 410) {
      throw new SessionExpiredException(s);
    }
    if (s == 308) {
      return r.header("Range").map(YouTubeUploadProtocol::nextOffset).orElse(0L);
    }
    try {
      String body = r.body() == null ? "" : r.body();
      YouTubeDtos.Video v =
          body.isBlank() ? null : runtime.json().readValue(body, YouTubeDtos.Video.class);
      if (v == null || v.id() == null) {
        throw new IOException("no video id in the answer");
      }
      video = v;
      return total;
    } catch (IOException e) {
      // the upload may be complete; the uploader asks the status, which answers with the video
      throw new TransportException(
          Platform.YOUTUBE,
          "publish",
          "upload answer HTTP " + s + " could not be read: " + e.getClass().getSimpleName(),
          e,
          true);
    }
  }

  /** Returns the next offset from {@code Range: bytes=0-n} ({@code n + 1}); 0 when unreadable. */
  static long nextOffset(String range) {
    String v = range.trim();
    int dash = v.lastIndexOf('-');
    if (dash < 0) {
      return 0;
    }
    try {
      return Long.parseLong(v.substring(dash + 1).trim()) + 1;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
