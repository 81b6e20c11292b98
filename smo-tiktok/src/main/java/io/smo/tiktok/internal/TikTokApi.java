package io.smo.tiktok.internal;

import io.smo.core.SmoInternalApi;
import io.smo.core.http.ApiRuntime;
import io.smo.tiktok.internal.TikTokDtos.BusinessComment;
import io.smo.tiktok.internal.TikTokDtos.BusinessCommentCreate;
import io.smo.tiktok.internal.TikTokDtos.BusinessCommentList;
import io.smo.tiktok.internal.TikTokDtos.BusinessDelete;
import io.smo.tiktok.internal.TikTokDtos.BusinessEnvelope;
import io.smo.tiktok.internal.TikTokDtos.BusinessHide;
import io.smo.tiktok.internal.TikTokDtos.BusinessRefreshRequest;
import io.smo.tiktok.internal.TikTokDtos.BusinessReplyCreate;
import io.smo.tiktok.internal.TikTokDtos.BusinessTokenData;
import io.smo.tiktok.internal.TikTokDtos.BusinessTokenRequest;
import io.smo.tiktok.internal.TikTokDtos.BusinessVideoList;
import io.smo.tiktok.internal.TikTokDtos.ContentInitRequest;
import io.smo.tiktok.internal.TikTokDtos.CreatorInfoData;
import io.smo.tiktok.internal.TikTokDtos.Envelope;
import io.smo.tiktok.internal.TikTokDtos.InitData;
import io.smo.tiktok.internal.TikTokDtos.StatusData;
import io.smo.tiktok.internal.TikTokDtos.StatusRequest;
import io.smo.tiktok.internal.TikTokDtos.UserInfoData;
import io.smo.tiktok.internal.TikTokDtos.VideoInitRequest;
import io.smo.tiktok.internal.TikTokDtos.VideoListData;
import io.smo.tiktok.internal.TikTokDtos.VideoQueryRequest;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Query;
import retrofit2.http.Tag;

/**
 * TikTok v2 endpoints used by the client (paths relative to {@code https://open.tiktokapis.com/}).
 *
 * @see <a
 *     href="https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info">creator_info</a>
 * @see <a
 *     href="https://developers.tiktok.com/doc/content-posting-api-reference-direct-post">video/init</a>
 * @see <a
 *     href="https://developers.tiktok.com/doc/content-posting-api-reference-upload-video">inbox/video/init</a>
 * @see <a
 *     href="https://developers.tiktok.com/doc/content-posting-api-reference-photo-post">content/init</a>
 * @see <a
 *     href="https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status">status/fetch</a>
 * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-video-query">video/query</a>
 */
@SmoInternalApi
public interface TikTokApi {
  /** Fields requested from {@code video/query}. */
  String VIDEO_FIELDS =
      "id,title,create_time,share_url,view_count,like_count,comment_count,share_count";

  /** Fields requested from {@code user/info} (stats need scope {@code user.info.stats}). */
  String USER_FIELDS =
      "open_id,union_id,display_name,username,follower_count,following_count,likes_count,video_count";

  /**
   * Fields requested from {@code user/info} to learn the account id (scope {@code
   * user.info.basic}).
   */
  String OPEN_ID_FIELDS = "open_id";

  /** {@code GET /v2/user/info/?fields=...} (600 per minute per token). */
  @GET("v2/user/info/")
  Call<Envelope<UserInfoData>> userInfo(@Query("fields") String fields);

  /** Queries the creator's posting options (20 per minute per token). */
  @POST("v2/post/publish/creator_info/query/")
  Call<Envelope<CreatorInfoData>> creatorInfo(@Body Map<String, Object> empty);

  /** Initialises a direct video post (6 per minute per token). */
  @POST("v2/post/publish/video/init/")
  Call<Envelope<InitData>> videoInit(@Body VideoInitRequest body);

  /** Initialises a video upload to the creator's inbox (6 per minute per token). */
  @POST("v2/post/publish/inbox/video/init/")
  Call<Envelope<InitData>> inboxVideoInit(@Body VideoInitRequest body);

  /** Initialises a photo post (6 per minute per token). */
  @POST("v2/post/publish/content/init/")
  Call<Envelope<InitData>> contentInit(@Body ContentInitRequest body);

  /** Fetches a publish status (30 per minute per token). */
  @POST("v2/post/publish/status/fetch/")
  Call<Envelope<StatusData>> status(@Body StatusRequest body);

  /** Queries videos by id (at most 20; 600 per minute). */
  @POST("v2/video/query/")
  Call<Envelope<VideoListData>> videoQuery(
      @Query("fields") String fields, @Body VideoQueryRequest body);

  // ------------------------------------------------------------ TikTok API for Business (v1.3)
  // Bound to the Business API's own runtime (base https://business-api.tiktok.com/open_api/v1.3/),
  // which sends its token in the Access-Token header without "Bearer". Paths:
  // sns-sdks/python-tiktok
  // @f02da5b pytiktok/business_account_api.py.

  /** Default video fields read for the comment stream. */
  String BUSINESS_VIDEO_FIELDS = "[\"item_id\",\"create_time\",\"caption\",\"comments\"]";

  /** {@code GET business/video/list/}: owned videos, newest first (at most 20 per page). */
  @GET("business/video/list/")
  Call<BusinessEnvelope<BusinessVideoList>> businessVideos(
      @Query("business_id") String businessId,
      @Query("fields") String fields,
      @Query("cursor") Long cursor,
      @Query("max_count") Integer maxCount);

  /**
   * {@code GET business/comment/list/}: comments on an owned video, public and hidden with {@code
   * status=ALL}, at most 30 per page, with up to 3 replies each when {@code include_replies}.
   */
  @GET("business/comment/list/")
  Call<BusinessEnvelope<BusinessCommentList>> businessComments(
      @Query("business_id") String businessId,
      @Query("video_id") String videoId,
      @Query("status") String status,
      @Query("include_replies") Boolean includeReplies,
      @Query("cursor") Long cursor,
      @Query("max_count") Integer maxCount);

  /** {@code GET business/comment/reply/list/}: the replies to one comment. */
  @GET("business/comment/reply/list/")
  Call<BusinessEnvelope<BusinessCommentList>> businessReplies(
      @Query("business_id") String businessId,
      @Query("video_id") String videoId,
      @Query("comment_id") String commentId,
      @Query("status") String status,
      @Query("cursor") Long cursor,
      @Query("max_count") Integer maxCount);

  /** {@code POST business/comment/create/}: a comment by the owner on an owned video. */
  @POST("business/comment/create/")
  Call<BusinessEnvelope<BusinessComment>> businessCreateComment(@Body BusinessCommentCreate body);

  /** {@code POST business/comment/reply/create/}: a reply by the owner. */
  @POST("business/comment/reply/create/")
  Call<BusinessEnvelope<BusinessComment>> businessReply(@Body BusinessReplyCreate body);

  /** {@code POST business/comment/hide/}: hides or unhides a comment. */
  @POST("business/comment/hide/")
  Call<BusinessEnvelope<Map<String, Object>>> businessHide(@Body BusinessHide body);

  /** {@code POST business/comment/delete/}: deletes one of the owner's comments. */
  @POST("business/comment/delete/")
  Call<BusinessEnvelope<Map<String, Object>>> businessDelete(@Body BusinessDelete body);

  /** {@code POST tt_user/oauth2/token/}: a Business API token for an authorization code. */
  @POST("tt_user/oauth2/token/")
  Call<BusinessEnvelope<BusinessTokenData>> businessToken(
      @Tag ApiRuntime.NoAuth noAuth, @Body BusinessTokenRequest body);

  /** {@code POST tt_user/oauth2/refresh_token/}: a fresh Business API token (rotated). */
  @POST("tt_user/oauth2/refresh_token/")
  Call<BusinessEnvelope<BusinessTokenData>> businessRefresh(
      @Tag ApiRuntime.NoAuth noAuth, @Body BusinessRefreshRequest body);
}
