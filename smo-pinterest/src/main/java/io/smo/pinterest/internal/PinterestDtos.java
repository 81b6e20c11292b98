package io.smo.pinterest.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.smo.core.SmoInternalApi;
import java.util.List;
import java.util.Map;

/**
 * Pinterest API v5 wire shapes (records) the client reads and writes, from the official OpenAPI
 * description ({@code ../shared/specs/pinterest-api-v5-openapi.json}: {@code Pin}, {@code Board},
 * {@code MediaUploadRequest}, {@code MediaUpload}, {@code MediaUploadDetails}, {@code Account},
 * {@code PinAnalyticsResponse}) and the captured answers in {@code ../shared/fixtures/pinterest}.
 * Unknown fields are ignored. The Pin create request is streamed by {@link JsonWithBase64Body}
 * (base64 media never held whole), so it has no record here.
 */
@SmoInternalApi
public final class PinterestDtos {
  private PinterestDtos() {}

  /** A Pin ({@code POST /v5/pins}, {@code GET /v5/pins/{id}}): the fields the SDK reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Pin(String id, @JsonProperty("created_at") String createdAt) {}

  /** A board's owner. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Owner(String username) {}

  /** A board ({@code GET /v5/boards} items, {@code POST /v5/boards}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Board(
      String id,
      String name,
      String description,
      String privacy,
      Owner owner,
      @JsonProperty("pin_count") Long pinCount,
      @JsonProperty("follower_count") Long followerCount,
      @JsonProperty("created_at") String createdAt) {}

  /** A page of boards: {@code items} and the {@code bookmark} of the next page. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BoardPage(List<Board> items, String bookmark) {}

  /** {@code POST /v5/boards} body; absent members are left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CreateBoardRequest(String name, String description, String privacy) {}

  /** {@code POST /v5/media} body ({@code MediaUploadRequest}). */
  public record MediaUploadRequest(@JsonProperty("media_type") String mediaType) {}

  /**
   * {@code POST /v5/media} answer ({@code MediaUpload}): the id, the S3 form URL and the form
   * fields to send with the file, in order.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MediaUpload(
      @JsonProperty("media_id") String mediaId,
      @JsonProperty("media_type") String mediaType,
      @JsonProperty("upload_url") String uploadUrl,
      @JsonProperty("upload_parameters") Map<String, String> uploadParameters) {}

  /** {@code GET /v5/media/{id}} answer: {@code registered | processing | succeeded | failed}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MediaStatus(@JsonProperty("media_id") String mediaId, String status) {}

  /** {@code GET /v5/user_account} ({@code Account}): the fields the SDK reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Account(
      String id,
      String username,
      @JsonProperty("business_name") String businessName,
      @JsonProperty("follower_count") Object followerCount,
      @JsonProperty("following_count") Object followingCount,
      @JsonProperty("pin_count") Object pinCount,
      @JsonProperty("board_count") Object boardCount,
      @JsonProperty("monthly_views") Object monthlyViews) {}

  /**
   * One group of a {@code PinAnalyticsResponse} (the response maps app type, {@code all} when not
   * split, to a group): figures by Pinterest's metric name, and the daily list.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PinAnalytics(
      @JsonProperty("summary_metrics") Map<String, Object> summaryMetrics,
      @JsonProperty("lifetime_metrics") Map<String, Object> lifetimeMetrics,
      @JsonProperty("daily_metrics") List<Object> dailyMetrics) {}
}
