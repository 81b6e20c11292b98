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

  // ------------------------------------------------------------ TikTok API for Business (v1.3)
  // Shapes from the answer examples in sns-sdks/python-tiktok @f02da5b
  // docs/docs/usage/business_account/comment.md and video.md, and the field lists of
  // bububa/tiktok-business @5789ccb model/business/comment/list.go and video/list.go (engagement-
  // and-measurement.md §0 row 14, §2.4). create_time is a string in the list examples and a number
  // in the create example: both are read.

  /**
   * The TikTok API for Business envelope: {@code {"code":0,"message":"OK","request_id":"..",
   * "data":{..}}}. Failures come with HTTP 200 and a non-zero {@code code}.
   *
   * @param code 0 on success, else a return code such as 40100 (rate limit)
   * @param message "OK" or the error text
   * @param requestId TikTok's trace id
   * @param data the answer, {@code null} on failure
   * @param <T> the data type
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BusinessEnvelope<T>(
      Long code, String message, @JsonProperty("request_id") String requestId, T data) {
    /** Returns whether the envelope reports success ({@code code} absent or 0). */
    public boolean ok() {
      return code == null || code == 0L;
    }
  }

  /**
   * One comment or reply on an owned video ({@code business/comment/list/}, {@code
   * business/comment/reply/list/}, and the create answers).
   *
   * @param commentId the comment id
   * @param videoId the video it is on
   * @param userId the author's app-scoped id (to be deprecated by TikTok)
   * @param uniqueIdentifier the author's id across TikTok's APIs
   * @param createTime seconds since the epoch
   * @param text the text
   * @param likes likes
   * @param replies replies (top-level comments only)
   * @param owner whether the video's owner wrote it
   * @param liked whether the owner liked it
   * @param pinned whether the owner pinned it
   * @param status {@code PUBLIC} or {@code HIDDEN}
   * @param username the author's username
   * @param displayName the author's display name
   * @param profileImage a temporary URL of the author's avatar
   * @param parentCommentId the comment a reply answers (replies only)
   * @param replyList up to 3 replies when {@code include_replies=true}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BusinessComment(
      @JsonProperty("comment_id") String commentId,
      @JsonProperty("video_id") String videoId,
      @JsonProperty("user_id") String userId,
      @JsonProperty("unique_identifier") String uniqueIdentifier,
      @JsonProperty("create_time") Long createTime,
      String text,
      Long likes,
      Long replies,
      Boolean owner,
      Boolean liked,
      Boolean pinned,
      String status,
      String username,
      @JsonProperty("display_name") String displayName,
      @JsonProperty("profile_image") String profileImage,
      @JsonProperty("parent_comment_id") String parentCommentId,
      @JsonProperty("reply_list") List<BusinessComment> replyList) {}

  /**
   * A page of comments.
   *
   * @param comments the comments, possibly fewer than asked even when more exist
   * @param cursor the next page's cursor
   * @param hasMore whether more pages exist
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BusinessCommentList(
      List<BusinessComment> comments, Long cursor, @JsonProperty("has_more") Boolean hasMore) {}

  /**
   * One owned video from {@code business/video/list/}.
   *
   * @param itemId the video id
   * @param createTime seconds since the epoch, when {@code create_time} was asked in {@code fields}
   * @param caption the caption, when asked
   * @param shareUrl the share URL, when asked
   * @param comments the video's comment count, when asked (needs the {@code video.insights} scope;
   *     absent otherwise)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BusinessVideo(
      @JsonProperty("item_id") String itemId,
      @JsonProperty("create_time") Long createTime,
      String caption,
      @JsonProperty("share_url") String shareUrl,
      Long comments) {}

  /**
   * A page of owned videos, newest first; the cursor is a time in epoch milliseconds.
   *
   * @param videos the videos
   * @param cursor the next page's cursor
   * @param hasMore whether more pages exist
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BusinessVideoList(
      List<BusinessVideo> videos, Long cursor, @JsonProperty("has_more") Boolean hasMore) {}

  /**
   * {@code business/comment/create/} body.
   *
   * @param businessId the account's {@code business_id} (the {@code open_id} of its Business API
   *     token)
   * @param videoId the owned video
   * @param text at most 150 characters
   */
  public record BusinessCommentCreate(
      @JsonProperty("business_id") String businessId,
      @JsonProperty("video_id") String videoId,
      String text) {}

  /**
   * {@code business/comment/reply/create/} body.
   *
   * @param businessId the account's {@code business_id}
   * @param videoId the owned video
   * @param commentId the comment answered
   * @param text at most 150 characters
   */
  public record BusinessReplyCreate(
      @JsonProperty("business_id") String businessId,
      @JsonProperty("video_id") String videoId,
      @JsonProperty("comment_id") String commentId,
      String text) {}

  /**
   * {@code business/comment/hide/} body.
   *
   * @param businessId the account's {@code business_id}
   * @param videoId the owned video
   * @param commentId the comment
   * @param action {@code HIDE} or {@code UNHIDE}
   */
  public record BusinessHide(
      @JsonProperty("business_id") String businessId,
      @JsonProperty("video_id") String videoId,
      @JsonProperty("comment_id") String commentId,
      String action) {}

  /**
   * {@code business/comment/delete/} body (the owner's own comments only).
   *
   * @param businessId the account's {@code business_id}
   * @param commentId the comment
   */
  public record BusinessDelete(
      @JsonProperty("business_id") String businessId,
      @JsonProperty("comment_id") String commentId) {}

  /**
   * {@code tt_user/oauth2/token/} and {@code tt_user/oauth2/refresh_token/} data (testsdata of
   * sns-sdks/python-tiktok @f02da5b {@code business/access_token/token_resp.json}).
   *
   * @param accessToken the Business API token
   * @param expiresIn seconds (86,400: one day)
   * @param openId the account's id, the {@code business_id} of the comment calls
   * @param refreshToken the refresh token
   * @param refreshTokenExpiresIn seconds
   * @param scope comma-separated scopes ({@code comment.list}, {@code comment.list.manage}...)
   * @param tokenType "Bearer"
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BusinessTokenData(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("expires_in") Long expiresIn,
      @JsonProperty("open_id") String openId,
      @JsonProperty("refresh_token") String refreshToken,
      @JsonProperty("refresh_token_expires_in") Long refreshTokenExpiresIn,
      String scope,
      @JsonProperty("token_type") String tokenType) {}

  /**
   * {@code tt_user/oauth2/token/} body.
   *
   * @param clientId the app id
   * @param clientSecret the app secret
   * @param grantType {@code authorization_code}
   * @param authCode the code from the redirect
   * @param redirectUri the app's redirect URL
   */
  public record BusinessTokenRequest(
      @JsonProperty("client_id") String clientId,
      @JsonProperty("client_secret") String clientSecret,
      @JsonProperty("grant_type") String grantType,
      @JsonProperty("auth_code") String authCode,
      @JsonProperty("redirect_uri") String redirectUri) {
    /** Never shows the secret or the code. */
    @Override
    public String toString() {
      return "BusinessTokenRequest{clientId=" + clientId + "}";
    }
  }

  /**
   * {@code tt_user/oauth2/refresh_token/} body.
   *
   * @param clientId the app id
   * @param clientSecret the app secret
   * @param grantType {@code refresh_token}
   * @param refreshToken the refresh token
   */
  public record BusinessRefreshRequest(
      @JsonProperty("client_id") String clientId,
      @JsonProperty("client_secret") String clientSecret,
      @JsonProperty("grant_type") String grantType,
      @JsonProperty("refresh_token") String refreshToken) {
    /** Never shows the secret or the token. */
    @Override
    public String toString() {
      return "BusinessRefreshRequest{clientId=" + clientId + "}";
    }
  }
}
