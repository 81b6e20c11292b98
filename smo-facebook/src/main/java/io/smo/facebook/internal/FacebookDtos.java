package io.smo.facebook.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.SmoInternalApi;
import io.smo.core.http.ApiRuntime;

/**
 * Typed wire records for the Graph API answers the Facebook publisher reads, from the Graph
 * reference (Page feed, Page photos, video upload and status) and the captured answers in {@code
 * shared/fixtures}. Unknown fields are ignored; an absent field is {@code null}.
 */
@SmoInternalApi
public final class FacebookDtos {
  private static final ObjectMapper JSON = ApiRuntime.newObjectMapper();

  private FacebookDtos() {}

  /**
   * The answer to a create: {@code POST /{page-id}/feed} ({@code {"id": "<page>_<post>"}}), {@code
   * POST /{page-id}/photos} ({@code {"id": "<photo>", "post_id": "<page>_<post>"}}), the video
   * start phase ({@code {"video_id": ...}}).
   *
   * @param id the object created
   * @param postId the feed post that carries it, when the answer names one
   * @param videoId the video id of a video upload session
   */
  public record Created(
      String id,
      @JsonProperty("post_id") String postId,
      @JsonProperty("video_id") String videoId) {}

  /**
   * A video's processing state: {@code GET /{video-id}?fields=status,post_id}.
   *
   * @param status the processing status
   * @param postId the feed post once published
   */
  public record VideoState(Status status, @JsonProperty("post_id") String postId) {}

  /**
   * The {@code status} object of a video.
   *
   * @param videoStatus {@code processing}, {@code ready}, {@code published}, {@code error}...
   * @param processingProgress percent done, when reported
   * @param processingPhase the processing phase, carrying the error
   */
  public record Status(
      @JsonProperty("video_status") String videoStatus,
      @JsonProperty("processing_progress") Integer processingProgress,
      @JsonProperty("processing_phase") Phase processingPhase) {}

  /**
   * One phase of video processing.
   *
   * @param status the phase's status
   * @param error the phase's error, when it failed
   */
  public record Phase(String status, PhaseError error) {}

  /**
   * A phase error.
   *
   * @param message the error message
   */
  public record PhaseError(String message) {}

  /**
   * Reads a Graph answer tree as {@code type}.
   *
   * @throws IllegalArgumentException if the tree does not fit the record
   */
  static <T> T read(JsonNode node, Class<T> type) {
    return JSON.convertValue(node, type); // IllegalArgumentException when the shape does not fit
  }
}
