package io.smo.twitter.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Media;
import io.smo.core.MediaKind;
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
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.twitter.TwitterRateBucket;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * X v2 media upload: small images in one multipart {@code POST /2/media/upload}; everything else
 * through {@code initialize} → {@code append} (multipart {@code media} + {@code segment_index}, at
 * most 1000 segments) → {@code finalize}, then {@code GET /2/media/upload?command=STATUS} polling,
 * sleeping {@code check_after_secs} while the state is {@code pending} or {@code in_progress},
 * until {@code succeeded} or {@code failed}, under a deadline. Alt text goes through {@code POST
 * /2/media/metadata}.
 *
 * @see <a href="https://docs.x.com/x-api/media/quickstart/media-upload-chunked">Chunked media
 *     upload</a>
 */
@SmoInternalApi
public final class TwitterUploadProtocol {
  /** Default append segment ({@code chunkSize}): 1 MiB. */
  public static final long DEFAULT_CHUNK_SIZE = 1024L * 1024;

  /** Default processing timeout: 10 minutes. */
  public static final Duration DEFAULT_PROCESSING_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Default interval between two STATUS calls when X names no {@code check_after_secs}: 1 second.
   */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

  /** X accepts segment indexes 0 to 999. */
  public static final int MAX_SEGMENTS = 1000;

  /** Images up to this size go through the one-shot upload. */
  public static final long SIMPLE_MAX = 5L * 1024 * 1024;

  private static final MediaType OCTET = MediaType.get("application/octet-stream");

  private final ApiRuntime runtime;
  private final TwitterApi api;
  private final long segmentSize;
  private final Duration processingDeadline;
  private final Duration pollInterval;
  private final Supplier<String> knownAccount;

  /**
   * Creates the upload protocol.
   *
   * @param runtime the runtime
   * @param api the Retrofit service
   * @param chunkSize preferred append segment in bytes (grown when 1000 would not suffice)
   * @param processingTimeout the longest wait for processing
   * @param pollInterval the wait between STATUS calls when X names none
   * @param knownAccount the account's X user id when known (rate limits are kept under it), else
   *     {@code null}
   */
  public TwitterUploadProtocol(
      ApiRuntime runtime,
      TwitterApi api,
      long chunkSize,
      Duration processingTimeout,
      Duration pollInterval,
      Supplier<String> knownAccount) {
    this.runtime = runtime;
    this.api = api;
    this.segmentSize = chunkSize;
    this.processingDeadline = processingTimeout;
    this.pollInterval = pollInterval;
    this.knownAccount = knownAccount;
  }

  private Operation keyed(Operation op) {
    String id = knownAccount.get();
    return id == null ? op : op.forAccount(id);
  }

  /** Returns the {@code media_category} for a kind. */
  public static String category(MediaKind kind) {
    return switch (kind) {
      case GIF -> "tweet_gif";
      case VIDEO -> "tweet_video";
      default -> "tweet_image";
    };
  }

  /** Returns the segment length for a file of {@code total} bytes: at most 1000 segments. */
  public static long segmentLength(long preferred, long total) {
    long min = (total + MAX_SEGMENTS - 1) / MAX_SEGMENTS;
    return Math.max(Math.max(1, preferred), min);
  }

  /**
   * Uploads one media item (with its alt text) and returns its media id, ready to attach.
   *
   * @throws MediaProcessingException if X failed to process it or did not finish in time
   * @throws SmoException for any other failure
   */
  public String upload(Media media, UploadListener listener) {
    MediaKind kind = media.kind();
    String id;
    Path temp = null;
    try {
      if (kind == MediaKind.IMAGE && media.sizeBytes() <= SIMPLE_MAX) {
        id = simple(media);
      } else {
        Path file;
        if (media.sourceType() == Media.SourceType.FILE) {
          file = media.file().orElseThrow();
        } else {
          temp = Files.createTempFile("smo-x-", ".bin");
          Files.write(temp, media.bytes().orElseThrow());
          file = temp;
        }
        id = chunked(media, file, kind, listener);
      }
    } catch (IOException e) {
      throw new TransportException(
          Platform.TWITTER,
          "media-upload",
          "cannot read media " + media.describe() + ": " + e.getMessage(),
          e,
          false);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
    media.altText().filter(a -> !a.isBlank()).ifPresent(alt -> altText(id, alt));
    return id;
  }

  private String simple(Media media) throws IOException {
    byte[] bytes =
        media.sourceType() == Media.SourceType.BYTES
            ? media.bytes().orElseThrow()
            : Files.readAllBytes(media.file().orElseThrow());
    HttpUrl url = HttpUrl.get(runtime.baseUrl().resolve("2/media/upload").toString());
    ApiResponse<String> r =
        runtime.execute(
            keyed(Operation.write("media-upload", TwitterRateBucket.MEDIA_UPLOAD)),
            () ->
                new Request.Builder()
                    .url(url)
                    .post(
                        new MultipartBody.Builder()
                            .setType(MultipartBody.FORM)
                            .addFormDataPart("media", "media", RequestBody.create(bytes, OCTET))
                            .addFormDataPart("media_category", "tweet_image")
                            .build())
                    .build(),
            true);
    return mediaId(r, "media-upload");
  }

  private String mediaId(ApiResponse<String> r, String op) {
    JsonNode root = read(r.body(), op);
    JsonNode data = root.has("data") ? root.path("data") : root;
    String id = data.path("id").asText("");
    if (id.isEmpty()) {
      id = data.path("media_id_string").asText("");
    }
    if (id.isEmpty()) {
      throw runtime.mapFailure(
          keyed(Operation.write(op, TwitterRateBucket.MEDIA_UPLOAD)),
          r.status(),
          r.headers(),
          r.body());
    }
    return id;
  }

  private JsonNode read(String body, String op) {
    try {
      return runtime.json().readTree(body == null || body.isEmpty() ? "{}" : body);
    } catch (IOException e) {
      throw new TransportException(Platform.TWITTER, op, "malformed response body", e, true);
    }
  }

  private String chunked(Media media, Path file, MediaKind kind, UploadListener listener)
      throws IOException {
    long total = Files.size(file);
    ObjectNode init = runtime.json().createObjectNode();
    init.put("media_type", media.mimeType());
    init.put("total_bytes", total);
    init.put("media_category", category(kind));
    JsonNode initAnswer =
        runtime.call(
            keyed(Operation.write("media-initialize", TwitterRateBucket.MEDIA_CHUNKED)),
            () -> api.initializeUpload(init));
    String id = initAnswer == null ? "" : initAnswer.path("data").path("id").asText("");
    if (id.isEmpty()) {
      throw new TransportException(
          Platform.TWITTER, "media-initialize", "initialize answer has no media id", null, false);
    }
    long seg = segmentLength(segmentSize, total);
    HttpUrl appendUrl =
        HttpUrl.get(runtime.baseUrl().resolve("2/media/upload/" + id + "/append").toString());
    long[] acked = {0};
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ChunkedUploader.upload(
          Platform.TWITTER,
          file.getFileName().toString(),
          ch,
          total,
          OCTET,
          new ChunkedUploader.Protocol() {
            @Override
            public long chunkLength(long offset, long t) {
              return Math.min(seg, t - offset);
            }

            @Override
            public long send(FileChunk chunk, long t) {
              long index = chunk.offset() / seg;
              runtime.execute(
                  keyed(
                      Operation.write("media-append", TwitterRateBucket.MEDIA_CHUNKED)
                          .withoutRetry()),
                  () ->
                      new Request.Builder()
                          .url(appendUrl)
                          .post(
                              new MultipartBody.Builder()
                                  .setType(MultipartBody.FORM)
                                  .addFormDataPart("segment_index", Long.toString(index))
                                  .addFormDataPart("media", "blob", chunk)
                                  .build())
                          .build(),
                  true);
              acked[0] = chunk.offset() + chunk.length();
              return acked[0];
            }

            @Override
            public long queryOffset(long t) {
              // X has no offset query; appending a segment index again replaces it, so resume at
              // the first segment not acknowledged
              return acked[0];
            }
          },
          listener,
          runtime.retryPolicy(),
          runtime.sleeper());
    }
    JsonNode fin =
        runtime.call(
            keyed(Operation.write("media-finalize", TwitterRateBucket.MEDIA_CHUNKED)),
            () -> api.finalizeUpload(id));
    JsonNode info = fin == null ? null : fin.path("data").get("processing_info");
    if (info == null || info.isNull() || "succeeded".equals(info.path("state").asText())) {
      return id;
    }
    ProcessingStatus<String> first = processingStatus(id, info);
    if (first.outcome() == ProcessingStatus.Outcome.FAILED) {
      throw new MediaProcessingException(
          Platform.TWITTER,
          "media-finalize",
          id,
          "failed",
          "processing failed" + (first.message() != null ? ": " + first.message() : ""),
          false);
    }
    java.time.Instant deadline = runtime.clock().instant().plus(processingDeadline);
    Duration wait = first.checkAfter().filter(d -> !d.isNegative()).orElse(pollInterval);
    if (wait.compareTo(ProcessingPoller.MIN_INTERVAL) < 0) {
      wait = ProcessingPoller.MIN_INTERVAL; // check_after_secs 0: never a tight loop
    }
    if (wait.compareTo(processingDeadline) > 0) {
      throw new MediaProcessingException(
          Platform.TWITTER,
          "media-status",
          id,
          first.platformState(),
          "processing did not finish within " + processingDeadline,
          true);
    }
    try {
      runtime.sleeper().sleep(wait); // X: wait check_after_secs before the first STATUS call
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaProcessingException(
          Platform.TWITTER,
          "media-status",
          id,
          first.platformState(),
          "interrupted while waiting for processing",
          true);
    }
    Duration left = Duration.between(runtime.clock().instant(), deadline);
    return ProcessingPoller.poll(
        Platform.TWITTER,
        "media-status",
        id,
        () -> status(id),
        left.isNegative() ? Duration.ZERO : left,
        pollInterval,
        runtime.clock(),
        runtime.sleeper(),
        listener,
        total);
  }

  private ProcessingStatus<String> status(String id) {
    JsonNode r =
        runtime.call(
            keyed(Operation.read("media-status", TwitterRateBucket.MEDIA_STATUS)),
            () -> api.uploadStatus(id, "STATUS"));
    JsonNode info = r == null ? null : r.path("data").get("processing_info");
    return processingStatus(id, info);
  }

  /** Maps a {@code processing_info} object (absent = done). */
  public static ProcessingStatus<String> processingStatus(String id, JsonNode info) {
    if (info == null || info.isNull() || info.isMissingNode()) {
      return ProcessingStatus.succeeded("succeeded", id);
    }
    String state = info.path("state").asText("pending");
    return switch (state) {
      case "succeeded" -> ProcessingStatus.succeeded(state, id);
      case "failed" -> {
        JsonNode err = info.path("error");
        String message = err.path("message").asText(err.path("name").asText(null));
        yield ProcessingStatus.failed(state, message);
      }
      default -> { // pending, in_progress
        Integer pct =
            info.path("progress_percent").isNumber() ? info.path("progress_percent").asInt() : null;
        Duration after =
            info.path("check_after_secs").isNumber()
                ? Duration.ofSeconds(info.path("check_after_secs").asLong())
                : null;
        yield ProcessingStatus.pending(state, pct, after);
      }
    };
  }

  private void altText(String id, String alt) {
    ObjectNode body = runtime.json().createObjectNode();
    body.put("id", id);
    body.putObject("metadata").putObject("alt_text").put("text", alt);
    runtime.call(
        keyed(Operation.write("media-metadata", TwitterRateBucket.MEDIA_METADATA)),
        () -> api.mediaMetadata(body));
  }
}
