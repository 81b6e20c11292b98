package io.smo.pinterest.internal;

import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.FileChunk;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.pinterest.PinterestRateBucket;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Pinterest's video upload: register ({@code POST /v5/media}), send the file to the returned {@code
 * upload_url} as a multipart form with the returned {@code upload_parameters} (streamed from disk,
 * without the Authorization header; the same object key is overwritten on a re-send, so the POST is
 * idempotent), then poll {@code GET /v5/media/{id}} until {@code succeeded}, under a deadline.
 * Thread-safe.
 *
 * @see <a href="https://developers.pinterest.com/docs/api-features/create-video-pins/">Video
 *     Pins</a>
 */
@SmoInternalApi
public final class PinterestUploadProtocol {
  /** Default processing timeout: 10 minutes. */
  public static final Duration DEFAULT_PROCESSING_TIMEOUT = Duration.ofMinutes(10);

  /** Default first wait between status polls (doubling up to 30 s): 2 seconds. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

  private final ApiRuntime runtime;
  private final PinterestApi api;
  private final Duration processingTimeout;
  private final Duration pollInterval;
  private final UploadListener listener;
  private final UnaryOperator<Operation> keyed;

  /**
   * Creates the protocol.
   *
   * @param runtime the runtime
   * @param api the Retrofit service
   * @param processingTimeout the longest wait for processing
   * @param pollInterval the first wait between status polls
   * @param listener upload progress listener
   * @param keyed keys an operation to the client's account for rate limiting
   */
  public PinterestUploadProtocol(
      ApiRuntime runtime,
      PinterestApi api,
      Duration processingTimeout,
      Duration pollInterval,
      UploadListener listener,
      UnaryOperator<Operation> keyed) {
    this.runtime = runtime;
    this.api = api;
    this.processingTimeout = processingTimeout;
    this.pollInterval = pollInterval;
    this.listener = listener;
    this.keyed = keyed;
  }

  /**
   * Registers, uploads and waits for one video; returns its media id.
   *
   * @throws io.smo.core.exception.MediaProcessingException if processing failed or timed out
   * @throws TransportException if the file cannot be read or the registration names no URL
   */
  public String uploadVideo(Media video) {
    Platform p = Platform.PINTEREST;
    String name = video.file().map(f -> f.getFileName().toString()).orElse("video.mp4");
    long size = video.sizeBytes();
    notify(new UploadProgress(p, name, UploadState.STARTING, 0, size, null, null));
    // a lost answer only leaves an unused registration behind, so it may be retried
    PinterestDtos.MediaUpload upload =
        runtime.call(
            keyed.apply(Operation.write("register video", PinterestRateBucket.ORG_WRITE)),
            () -> api.registerMedia(new PinterestDtos.MediaUploadRequest("video")));
    String mediaId = upload == null ? null : upload.mediaId();
    String url = upload == null ? null : upload.uploadUrl();
    if (mediaId == null || url == null) {
      throw new TransportException(
          p, "register video", "Pinterest answered without media_id or upload_url", null, true);
    }
    notify(new UploadProgress(p, mediaId, UploadState.UPLOADING, 0, size, null, null));
    MediaType type = MediaType.parse(video.mimeType());
    try (FileChannel channel =
        video.file().isPresent()
            ? FileChannel.open(video.file().get(), StandardOpenOption.READ)
            : null) {
      RequestBody file =
          channel != null
              ? new FileChunk(channel, 0, size, type)
              : RequestBody.create(video.bytes().orElseThrow(), type);
      MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
      Map<String, String> params =
          upload.uploadParameters() == null ? Map.of() : upload.uploadParameters();
      params.forEach((k, v) -> form.addFormDataPart(k, v == null ? "" : v));
      form.addFormDataPart("file", name, file);
      MultipartBody multipart = form.build();
      // the same object key is overwritten on a re-send, so the S3 POST is idempotent
      // the S3 form POST is to another host and counts against no Pinterest category
      runtime.execute(
          Operation.write("upload video"),
          () -> new Request.Builder().url(url).post(multipart).build(),
          false);
    } catch (IOException e) {
      throw new TransportException(
          p, "upload video", "cannot read " + name + ": " + e.getMessage(), e, false);
    }
    notify(new UploadProgress(p, mediaId, UploadState.PROCESSING, size, size, null, null));
    return ProcessingPoller.poll(
        p,
        "publish",
        mediaId,
        () -> {
          PinterestDtos.MediaStatus m =
              runtime.call(
                  keyed.apply(Operation.read("video status", PinterestRateBucket.ORG_READ)),
                  () -> api.getMedia(mediaId));
          String status = m == null || m.status() == null ? "" : m.status();
          return switch (status) {
            case "succeeded" -> ProcessingStatus.succeeded(status, mediaId);
            case "failed" ->
                ProcessingStatus.failed(status, "Pinterest could not process the video");
            default -> ProcessingStatus.pending(status, null, null);
          };
        },
        processingTimeout,
        pollInterval,
        runtime.clock(),
        runtime.sleeper(),
        listener,
        size);
  }

  private void notify(UploadProgress p) {
    ChunkedUploader.notify(listener, p);
  }
}
