package io.smo.facebook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.Operation;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.FileChunk;
import io.smo.metagraph.spi.GraphError;
import io.smo.metagraph.spi.GraphHttp;
import java.util.Map;
import okhttp3.MultipartBody;
import okhttp3.Request;

/**
 * The Page video chunked upload ({@code POST /{page-id}/videos} with {@code upload_phase=
 * start|transfer|finish}): the server decides every chunk's range ({@code start_offset} to {@code
 * end_offset}); a failed transfer resumes at the {@code start_offset} its error reports ({@code
 * error.error_data}: code 6001 subcode 1363037 and its kind, whatever their {@code is_transient}),
 * else at the last offset the server gave, so no byte the server acknowledged is sent twice.
 */
@SmoInternalApi
public final class FacebookUploadProtocol implements ChunkedUploader.Protocol {
  private static final Operation TRANSFER =
      Operation.write("video_upload_transfer", io.smo.facebook.FacebookRateBucket.VIDEOS)
          .withoutRetry();

  private final GraphHttp http;
  private final String pageId;
  private final String sessionId;
  private long serverStart;
  private long serverEnd;

  /**
   * Creates the protocol after the start phase.
   *
   * @param http the Graph helper
   * @param pageId the Page id
   * @param sessionId {@code upload_session_id}
   * @param start the first {@code start_offset}
   * @param end the first {@code end_offset}
   */
  public FacebookUploadProtocol(
      GraphHttp http, String pageId, String sessionId, long start, long end) {
    this.http = http;
    this.pageId = pageId;
    this.sessionId = sessionId;
    this.serverStart = start;
    this.serverEnd = end;
  }

  @Override
  public long chunkLength(long offset, long total) {
    return serverEnd > offset ? serverEnd - offset : total - offset;
  }

  @Override
  public long send(FileChunk chunk, long total) {
    var url = http.url(pageId + "/videos", Map.of());
    ApiResponse<String> r =
        http.runtime()
            .execute(
                TRANSFER,
                () ->
                    new Request.Builder()
                        .url(url)
                        .post(
                            new MultipartBody.Builder()
                                .setType(MultipartBody.FORM)
                                .addFormDataPart("upload_phase", "transfer")
                                .addFormDataPart("upload_session_id", sessionId)
                                .addFormDataPart("start_offset", Long.toString(chunk.offset()))
                                .addFormDataPart("video_file_chunk", "chunk", chunk)
                                .build())
                        .build(),
                true,
                400,
                500);
    if (r.status() >= 400) {
      JsonNode data = errorData(r.body());
      SmoException e = http.runtime().mapFailure(TRANSFER, r.status(), r.headers(), r.body());
      if (data != null && offset(data.path("start_offset")) >= 0) {
        // the server names where to go on (code 6001, subcode 1363037, often is_transient=false):
        // resume there, bounded by the uploader's failures-in-a-row, instead of aborting
        serverStart = offset(data.path("start_offset"));
        long end = offset(data.path("end_offset"));
        serverEnd = end > serverStart ? end : serverEnd;
        throw new TransportException(
            Platform.FACEBOOK,
            TRANSFER.name(),
            "the server asked to"
                + " resume the upload at byte "
                + serverStart
                + " ("
                + e.getMessage()
                + ")",
            e,
            true);
      }
      throw e;
    }
    JsonNode n = http.parse(TRANSFER, r);
    serverStart = n.path("start_offset").asLong();
    serverEnd = n.path("end_offset").asLong();
    return serverStart;
  }

  @Override
  public long queryOffset(long total) {
    return serverStart;
  }

  /** Reads an offset sent as a number or a numeric string; -1 when absent or unreadable. */
  private static long offset(JsonNode n) {
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.asLong() >= 0 ? n.asLong() : -1;
    }
    if (n.isTextual() && n.asText().matches("\\d{1,18}")) {
      return Long.parseLong(n.asText());
    }
    return -1;
  }

  private JsonNode errorData(String body) {
    if (GraphError.parse(body).isEmpty()) {
      return null;
    }
    try {
      return http.runtime().json().readTree(body).path("error").path("error_data");
    } catch (Exception e) {
      return null;
    }
  }
}
