package io.smo.instagram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoInternalApi;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The Instagram Graph API calls the client makes, relative to the flavour's host; {@code v} is
 * the Graph version path ({@code v26.0}). Bodies are read as trees and mapped by {@link
 * InstagramMapper}.
 *
 * @see <a href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media">IG User media</a>
 */
@SmoInternalApi
public interface InstagramApi {
  /** {@code POST /{ig-user-id}/media}: creates a container, answers {@code {"id"[, "uri"]}}. */
  @FormUrlEncoded
  @POST("{v}/{ig}/media")
  Call<JsonNode> createContainer(@Path("v") String v, @Path("ig") String igUserId,
      @FieldMap Map<String, String> fields);

  /** {@code POST /{ig-user-id}/media_publish}: publishes a FINISHED container, answers {@code {"id"}}. */
  @FormUrlEncoded
  @POST("{v}/{ig}/media_publish")
  Call<JsonNode> publish(@Path("v") String v, @Path("ig") String igUserId,
      @Field("creation_id") String creationId);

  /** {@code GET /{id}?fields=...}: reads a node (container status, media fields, Page). */
  @GET("{v}/{id}")
  Call<JsonNode> node(@Path("v") String v, @Path("id") String id, @Query("fields") String fields);

  /** {@code GET /{ig-user-id}/content_publishing_limit}. */
  /** {@code GET /{ig-user-id}/media}: the account's media, newest first. */
  @GET("{v}/{ig}/media")
  Call<JsonNode> media(@Path("v") String v, @Path("ig") String igUserId,
      @Query("fields") String fields, @Query("limit") int limit);

  @GET("{v}/{ig}/content_publishing_limit")
  Call<JsonNode> publishingLimit(@Path("v") String v, @Path("ig") String igUserId,
      @Query("fields") String fields, @Query("since") Long since);

  /** {@code GET /{ig-media-id}/insights?metric=...}. */
  @GET("{v}/{id}/insights")
  Call<JsonNode> insights(@Path("v") String v, @Path("id") String mediaId,
      @Query("metric") String metrics, @Query("period") String period);

  /** {@code GET /{ig-media-id}/comments}: top-level comments, cursor-paged. */
  @GET("{v}/{id}/comments")
  Call<JsonNode> comments(@Path("v") String v, @Path("id") String mediaId,
      @Query("fields") String fields, @Query("limit") Integer limit, @Query("after") String after);

  /** {@code POST /{ig-media-id}/comments}: a top-level comment. */
  @FormUrlEncoded
  @POST("{v}/{id}/comments")
  Call<JsonNode> comment(@Path("v") String v, @Path("id") String mediaId,
      @Field("message") String message);

  /** {@code POST /{ig-comment-id}/replies}. */
  @FormUrlEncoded
  @POST("{v}/{id}/replies")
  Call<JsonNode> reply(@Path("v") String v, @Path("id") String commentId,
      @Field("message") String message);

  /** {@code POST /{ig-comment-id}?hide=true|false}. */
  @FormUrlEncoded
  @POST("{v}/{id}")
  Call<JsonNode> hide(@Path("v") String v, @Path("id") String commentId, @Field("hide") boolean hide);

  /** {@code DELETE /{id}}: a comment, or (Facebook Login) a published media. */
  @DELETE("{v}/{id}")
  Call<JsonNode> delete(@Path("v") String v, @Path("id") String id);
}
