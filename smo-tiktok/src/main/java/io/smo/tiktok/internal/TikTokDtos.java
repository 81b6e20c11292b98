package io.smo.tiktok.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.smo.core.SmoInternalApi;
import java.util.List;

/**
 * TikTok v2 wire shapes (records), as documented in the Content Posting and Display API references.
 * Every v2 answer is an {@link Envelope}: {@code {"data":{...},"error":{"code":"ok",
 * "message":"","log_id":"..."}}}; errors may come with an empty {@code data}.
 *
 * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-error-handling">Error handling</a>
 */
@SmoInternalApi
public final class TikTokDtos {
  private TikTokDtos() {}

  /**
   * The v2 response envelope.
   *
   * @param <T> the data type
   * @param data the payload (may be empty or absent on errors)
   * @param error the status: {@code code} "ok" on success
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Envelope<T>(T data, ApiError error) {
    /** Returns whether the envelope reports success (no error object, or code "ok"). */
    public boolean ok() {
      return error == null || error.code() == null || "ok".equals(error.code());
    }
  }

  /**
   * The error object.
   *
   * @param code "ok" or an error code such as {@code access_token_invalid}
   * @param message a description
   * @param logId TikTok's trace id
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ApiError(String code, String message, @JsonProperty("log_id") String logId) {}

  /** {@code creator_info/query} data. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CreatorInfoData(
      @JsonProperty("creator_avatar_url") String creatorAvatarUrl,
      @JsonProperty("creator_username") String creatorUsername,
      @JsonProperty("creator_nickname") String creatorNickname,
      @JsonProperty("privacy_level_options") List<String> privacyLevelOptions,
      @JsonProperty("comment_disabled") Boolean commentDisabled,
      @JsonProperty("duet_disabled") Boolean duetDisabled,
      @JsonProperty("stitch_disabled") Boolean stitchDisabled,
      @JsonProperty("max_video_post_duration_sec") Integer maxVideoPostDurationSec) {}

  /** {@code post_info} of a video or photo init. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PostInfo(
      String title,
      String description,
      @JsonProperty("privacy_level") String privacyLevel,
      @JsonProperty("disable_duet") Boolean disableDuet,
      @JsonProperty("disable_comment") Boolean disableComment,
      @JsonProperty("disable_stitch") Boolean disableStitch,
      @JsonProperty("video_cover_timestamp_ms") Long videoCoverTimestampMs,
      @JsonProperty("brand_content_toggle") Boolean brandContentToggle,
      @JsonProperty("brand_organic_toggle") Boolean brandOrganicToggle,
      @JsonProperty("is_aigc") Boolean isAigc,
      @JsonProperty("auto_add_music") Boolean autoAddMusic) {}

  /** {@code source_info} of a video or photo init. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SourceInfo(
      String source,
      @JsonProperty("video_size") Long videoSize,
      @JsonProperty("chunk_size") Long chunkSize,
      @JsonProperty("total_chunk_count") Long totalChunkCount,
      @JsonProperty("video_url") String videoUrl,
      @JsonProperty("photo_cover_index") Integer photoCoverIndex,
      @JsonProperty("photo_images") List<String> photoImages) {}

  /** Body of {@code video/init} (post_info) and {@code inbox/video/init} (no post_info). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VideoInitRequest(
      @JsonProperty("post_info") PostInfo postInfo,
      @JsonProperty("source_info") SourceInfo sourceInfo) {}

  /** Body of {@code content/init} (photos). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContentInitRequest(
      @JsonProperty("post_info") PostInfo postInfo,
      @JsonProperty("source_info") SourceInfo sourceInfo,
      @JsonProperty("post_mode") String postMode,
      @JsonProperty("media_type") String mediaType) {}

  /** Data of an init: the publish id and, for FILE_UPLOAD, the upload URL. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record InitData(
      @JsonProperty("publish_id") String publishId, @JsonProperty("upload_url") String uploadUrl) {}

  /** Body of {@code status/fetch}. */
  public record StatusRequest(@JsonProperty("publish_id") String publishId) {}

  /** Data of {@code status/fetch}; note TikTok's spelling {@code publicaly_available_post_id}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record StatusData(
      String status,
      @JsonProperty("fail_reason") String failReason,
      @JsonProperty("publicaly_available_post_id") List<String> publicalyAvailablePostId,
      @JsonProperty("uploaded_bytes") Long uploadedBytes,
      @JsonProperty("downloaded_bytes") Long downloadedBytes) {}

  /** Body of {@code video/query}. */
  public record VideoQueryRequest(Filters filters) {
    /** Returns a request for the given ids (at most 20). */
    public static VideoQueryRequest of(List<String> ids) {
      return new VideoQueryRequest(new Filters(ids));
    }
  }

  /** {@code filters} of {@code video/query}. */
  public record Filters(@JsonProperty("video_ids") List<String> videoIds) {}

  /** Data of {@code video/query} and {@code video/list}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record VideoListData(
      List<Video> videos, Long cursor, @JsonProperty("has_more") Boolean hasMore) {}

  /** One video object of the Display API. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Video(
      String id,
      String title,
      @JsonProperty("create_time") Long createTime,
      @JsonProperty("share_url") String shareUrl,
      @JsonProperty("view_count") Long viewCount,
      @JsonProperty("like_count") Long likeCount,
      @JsonProperty("comment_count") Long commentCount,
      @JsonProperty("share_count") Long shareCount) {}

  /** Data of {@code user/info}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record UserInfoData(User user) {}

  /**
   * The user object of {@code user/info}: only the fields asked for are present; the counts need
   * scope {@code user.info.stats}.
   *
   * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info">Get User Info</a>
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record User(
      @JsonProperty("open_id") String openId,
      @JsonProperty("union_id") String unionId,
      @JsonProperty("avatar_url") String avatarUrl,
      @JsonProperty("display_name") String displayName,
      String username,
      @JsonProperty("follower_count") Long followerCount,
      @JsonProperty("following_count") Long followingCount,
      @JsonProperty("likes_count") Long likesCount,
      @JsonProperty("video_count") Long videoCount) {}
}
