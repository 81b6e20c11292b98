package io.smo.instagram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.FileChunk;
import io.smo.instagram.InstagramRateBucket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.Request;

/**
 * The resumable video upload to {@code rupload.facebook.com} for a container created with {@code
 * upload_type=resumable}: {@code POST <uri>} with headers {@code Authorization: OAuth <token>},
 * {@code offset: <n>}, {@code file_size: <bytes>} and the file bytes from {@code offset} as the
 * body; success is {@code {"success":true,"message":"Upload successful."}}, failure {@code
 * {"debug_info":{"retriable":false,"type":"ProcessingFailedError","message":"…"}}}. The file is
 * streamed, never loaded whole. After an interrupted send, the server's offset is read with {@code
 * GET <uri>} (field {@code offset}; 0 when the server does not say, which re-sends the whole file:
 * UNCONFIRMED for Instagram, modelled on the Facebook Reels upload).
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads">Resumable
 *     uploads</a>
 */
@SmoInternalApi
public final class InstagramUploadProtocol implements ChunkedUploader.Protocol {
  private static final Operation SEND =
      Operation.write("upload video", InstagramRateBucket.GRAPH).withoutRetry();
  private static final Operation QUERY =
      Operation.read("upload video status", InstagramRateBucket.GRAPH);

  private final ApiRuntime runtime;
  private final URI uri;
  private final Supplier<String> token;
  private final String containerId;

  /**
   * Creates the protocol for one container.
   *
   * @param runtime the runtime
   * @param uri the upload URI the container create returned
   * @param token supplies the current access token for the {@code OAuth} header
   * @param containerId the container, for errors
   */
  public InstagramUploadProtocol(
      ApiRuntime runtime, URI uri, Supplier<String> token, String containerId) {
    this.runtime = runtime;
    this.uri = uri;
    this.token = token;
    this.containerId = containerId;
  }

  /**
   * Uploads a whole file.
   *
   * @param file the video
   * @param contentType its MIME type
   * @param listener progress listener, or {@code null}
   * @throws SmoException when the upload failed
   */
  public void upload(Path file, String contentType, UploadListener listener) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ChunkedUploader.upload(
          Platform.INSTAGRAM,
          file.getFileName().toString(),
          ch,
          ch.size(),
          MediaType.get(contentType),
          this,
          listener,
          runtime.retryPolicy(),
          runtime.sleeper());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public long chunkLength(long offset, long total) {
    return total - offset;
  }

  @Override
  public long send(FileChunk chunk, long total) {
    ApiResponse<String> r =
        runtime.execute(
            SEND,
            () ->
                new Request.Builder()
                    .url(uri.toString())
                    .header("Authorization", "OAuth " + token.get())
                    .header("offset", Long.toString(chunk.offset()))
                    .header("file_size", Long.toString(total))
                    .post(chunk)
                    .build(),
            false);
    JsonNode body = parse(r.body());
    if (body.path("success").asBoolean(false)) {
      return total;
    }
    JsonNode debug = body.path("debug_info");
    if (!debug.isMissingNode()) {
      throw new MediaProcessingException(
          Platform.INSTAGRAM,
          "upload video",
          containerId,
          debug.path("type").asText("error"),
          debug.path("message").asText("upload failed"),
          debug.path("retriable").asBoolean(false));
    }
    return body.path("offset").asLong(total);
  }

  @Override
  public long queryOffset(long total) {
    ApiResponse<String> r =
        runtime.execute(
            QUERY,
            () ->
                new Request.Builder()
                    .url(uri.toString())
                    .header("Authorization", "OAuth " + token.get())
                    .get()
                    .build(),
            false);
    return parse(r.body()).path("offset").asLong(0);
  }

  private JsonNode parse(String text) {
    try {
      return runtime.json().readTree(text == null || text.isBlank() ? "{}" : text);
    } catch (IOException e) {
      throw new TransportException(
          Platform.INSTAGRAM, "upload video", "upload answer is not JSON", e, false);
    }
  }
}
