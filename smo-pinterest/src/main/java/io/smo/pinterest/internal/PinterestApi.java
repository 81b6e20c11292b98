package io.smo.pinterest.internal;

import io.smo.core.SmoInternalApi;
import java.util.Map;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The Pinterest API v5 endpoints the SDK uses, relative to the host ({@code
 * https://api.pinterest.com/}), answering the typed records of {@link PinterestDtos}; the
 * rate-limit category of each is named.
 */
@SmoInternalApi
public interface PinterestApi {
  /** {@code POST /v5/pins} (org_write): creates a Pin; the body is streamed JSON. */
  @POST("v5/pins")
  Call<PinterestDtos.Pin> createPin(@Body RequestBody body);

  /** {@code GET /v5/user_account} (org_read). */
  @GET("v5/user_account")
  Call<PinterestDtos.Account> userAccount();

  /** {@code GET /v5/pins/{pin_id}} (org_read). */
  @GET("v5/pins/{pin_id}")
  Call<PinterestDtos.Pin> getPin(@Path("pin_id") String pinId);

  /** {@code DELETE /v5/pins/{pin_id}} (org_write): 204. */
  @DELETE("v5/pins/{pin_id}")
  Call<Void> deletePin(@Path("pin_id") String pinId);

  /** {@code GET /v5/pins/{pin_id}/analytics} (org_analytics): groups by app type. */
  @GET("v5/pins/{pin_id}/analytics")
  Call<Map<String, PinterestDtos.PinAnalytics>> pinAnalytics(
      @Path("pin_id") String pinId,
      @Query("start_date") String startDate,
      @Query("end_date") String endDate,
      @Query("metric_types") String metricTypes,
      @Query("app_types") String appTypes);

  /** {@code POST /v5/media} (org_write): registers a video upload. */
  @POST("v5/media")
  Call<PinterestDtos.MediaUpload> registerMedia(@Body PinterestDtos.MediaUploadRequest body);

  /** {@code GET /v5/media/{media_id}} (org_read): upload status. */
  @GET("v5/media/{media_id}")
  Call<PinterestDtos.MediaStatus> getMedia(@Path("media_id") String mediaId);

  /** {@code GET /v5/boards} (org_read), bookmark paging. */
  @GET("v5/boards")
  Call<PinterestDtos.BoardPage> listBoards(
      @Query("bookmark") String bookmark, @Query("page_size") Integer pageSize);

  /** {@code POST /v5/boards} (org_write). */
  @POST("v5/boards")
  Call<PinterestDtos.Board> createBoard(@Body PinterestDtos.CreateBoardRequest body);
}
