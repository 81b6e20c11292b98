package io.smo.snapchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoInternalApi;
import io.smo.snapchat.internal.SnapchatDtos.AdSquadsRequest;
import io.smo.snapchat.internal.SnapchatDtos.AdsRequest;
import io.smo.snapchat.internal.SnapchatDtos.CampaignsRequest;
import io.smo.snapchat.internal.SnapchatDtos.CreativesRequest;
import io.smo.snapchat.internal.SnapchatDtos.MediaRequest;
import io.smo.snapchat.internal.SnapchatDtos.ProfileMediaRequest;
import io.smo.snapchat.internal.SnapchatDtos.ProfilePostRequest;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Multipart;
import retrofit2.http.POST;
import retrofit2.http.Part;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/**
 * The Snapchat HTTP endpoints the client uses, relative to the host root (paths start with {@code
 * v1/}). Marketing API paths are on {@code https://adsapi.snapchat.com/}, Public Profile paths on
 * {@code https://businessapi.snapchat.com/}. Request bodies are the records of {@link
 * SnapchatDtos}; answers are kept as {@link JsonNode}: Snap wraps every entity in the same {@code
 * request_status / <plural>[].<singular>} envelope with status casing that varies, read leniently
 * by {@link SnapchatMapper}.
 *
 * <p>Marketing API sources: https://developers.snap.com/api/marketing-api/Ads-API/media,
 * .../creatives, .../campaigns, .../ad-squads, .../ads, .../measurement. Public Profile:
 * https://developers.snap.com/api/marketing-api/Public-Profile-API/ProfileAssetManagement (Create
 * Media confirmed; the multipart path, the story / saved story / spotlight posting paths and the
 * stats path are UNCONFIRMED and modelled on the Marketing API).
 */
@SmoInternalApi
public interface SnapchatApi {
  // ---- Marketing API (adsapi.snapchat.com) ----

  /** {@code GET /v1/me}: the authenticated user. */
  @GET("v1/me")
  Call<JsonNode> me();

  /** {@code POST /v1/adaccounts/{id}/media} with {@code {"media":[{name,type,ad_account_id}]}}. */
  @POST("v1/adaccounts/{adAccountId}/media")
  Call<JsonNode> createAdMedia(@Path("adAccountId") String adAccountId, @Body MediaRequest body);

  /**
   * {@code POST /v1/media/{id}/upload}: simple upload of at most 32 MB (multipart {@code file}).
   */
  @Multipart
  @POST("v1/media/{mediaId}/upload")
  Call<JsonNode> uploadAdMedia(@Path("mediaId") String mediaId, @Part MultipartBody.Part file);

  /**
   * {@code POST /v1/media/{id}/multipart-upload-v2?action=INIT} (file_name, file_size,
   * number_of_parts).
   */
  @Multipart
  @POST("v1/media/{mediaId}/multipart-upload-v2")
  Call<JsonNode> initAdMultipart(
      @Path("mediaId") String mediaId,
      @Query("action") String action,
      @Part("file_name") RequestBody fileName,
      @Part("file_size") RequestBody fileSize,
      @Part("number_of_parts") RequestBody parts);

  /** {@code POST {add_path}}: one part (file, part_number, upload_id). */
  @Multipart
  @POST
  Call<JsonNode> addPart(
      @Url String addPath,
      @Part MultipartBody.Part file,
      @Part("part_number") RequestBody partNumber,
      @Part("upload_id") RequestBody uploadId);

  /** {@code POST {finalize_path}} (upload_id). */
  @Multipart
  @POST
  Call<JsonNode> finalizeUpload(@Url String finalizePath, @Part("upload_id") RequestBody uploadId);

  /** {@code GET /v1/media/{id}}: status {@code PENDING_UPLOAD} → {@code READY}. */
  @GET("v1/media/{mediaId}")
  Call<JsonNode> getAdMedia(@Path("mediaId") String mediaId);

  /** {@code POST /v1/adaccounts/{id}/creatives}. */
  @POST("v1/adaccounts/{adAccountId}/creatives")
  Call<JsonNode> createCreative(
      @Path("adAccountId") String adAccountId, @Body CreativesRequest body);

  /** {@code POST /v1/adaccounts/{id}/campaigns}. */
  @POST("v1/adaccounts/{adAccountId}/campaigns")
  Call<JsonNode> createCampaign(
      @Path("adAccountId") String adAccountId, @Body CampaignsRequest body);

  /** {@code POST /v1/campaigns/{id}/adsquads}. */
  @POST("v1/campaigns/{campaignId}/adsquads")
  Call<JsonNode> createAdSquad(@Path("campaignId") String campaignId, @Body AdSquadsRequest body);

  /** {@code POST /v1/adsquads/{id}/ads}. */
  @POST("v1/adsquads/{adSquadId}/ads")
  Call<JsonNode> createAd(@Path("adSquadId") String adSquadId, @Body AdsRequest body);

  /** {@code DELETE /v1/ads/{id}}. */
  @DELETE("v1/ads/{adId}")
  Call<JsonNode> deleteAd(@Path("adId") String adId);

  /** {@code GET /v1/adaccounts/{id}/ads?limit=}: first page. */
  @GET("v1/adaccounts/{adAccountId}/ads")
  Call<JsonNode> listAds(@Path("adAccountId") String adAccountId, @Query("limit") Integer limit);

  /** {@code GET {paging.next_link}}: a later page (absolute URL as the API gives it). */
  @GET
  Call<JsonNode> page(@Url String nextLink);

  /** {@code GET /v1/ads/{id}/stats?granularity=TOTAL&fields=...}. */
  @GET("v1/ads/{adId}/stats")
  Call<JsonNode> adStats(
      @Path("adId") String adId,
      @Query("granularity") String granularity,
      @Query("fields") String fields);

  // ---- Public Profile API (businessapi.snapchat.com) ----

  /** {@code POST /v1/public_profiles/{id}/media} with {@code {type,name,key,iv}}. */
  @POST("v1/public_profiles/{profileId}/media")
  Call<JsonNode> createProfileMedia(
      @Path("profileId") String profileId, @Body ProfileMediaRequest body);

  /** Multipart upload INIT for profile media (UNCONFIRMED path). */
  @Multipart
  @POST("v1/public_profiles/{profileId}/media/{mediaId}/multipart-upload")
  Call<JsonNode> initProfileMultipart(
      @Path("profileId") String profileId,
      @Path("mediaId") String mediaId,
      @Query("action") String action,
      @Part("file_name") RequestBody fileName,
      @Part("file_size") RequestBody fileSize,
      @Part("number_of_parts") RequestBody parts);

  /**
   * Posts to the public Story, Saved Stories or Spotlight (UNCONFIRMED paths: stories,
   * saved_stories, spotlights).
   */
  @POST("v1/public_profiles/{profileId}/{collection}")
  Call<JsonNode> createProfilePost(
      @Path("profileId") String profileId,
      @Path("collection") String collection,
      @Body ProfilePostRequest body);

  /** Insights of one profile post (UNCONFIRMED path). */
  @GET("v1/public_profiles/{profileId}/{collection}/{id}/stats")
  Call<JsonNode> profilePostStats(
      @Path("profileId") String profileId,
      @Path("collection") String collection,
      @Path("id") String id);
}
