package io.smo.tiktok.internal;

import io.smo.core.SmoInternalApi;
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
}
