package io.smo.instagram.internal;

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
 * The Instagram Graph API calls the client makes, relative to the flavour's host; {@code v} is the
 * Graph version path ({@code v26.0}). Answers are typed records ({@link InstagramDtos}) mapped by
 * {@link InstagramMapper}. Messaging (conversations, sends) goes through the shared Messenger
 * platform code of {@code smo-meta-graph}.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media">IG
 *     User media</a>
 */
@SmoInternalApi
public interface InstagramApi {
  /** {@code POST /{ig-user-id}/media}: creates a container, answers {@code {"id"[, "uri"]}}. */
  @FormUrlEncoded
  @POST("{v}/{ig}/media")
  Call<InstagramDtos.Created> createContainer(
      @Path("v") String v, @Path("ig") String igUserId, @FieldMap Map<String, String> fields);

  /**
   * {@code POST /{ig-user-id}/media_publish}: publishes a FINISHED container, answers {@code
   * {"id"}}.
   */
  @FormUrlEncoded
  @POST("{v}/{ig}/media_publish")
  Call<InstagramDtos.Created> publish(
      @Path("v") String v, @Path("ig") String igUserId, @Field("creation_id") String creationId);

  /** {@code GET /{container-id}?fields=status_code,status}. */
  @GET("{v}/{id}")
  Call<InstagramDtos.ContainerState> container(
      @Path("v") String v, @Path("id") String id, @Query("fields") String fields);

  /** {@code GET /{ig-media-id}?fields=...}. */
  @GET("{v}/{id}")
  Call<InstagramDtos.MediaNode> media(
      @Path("v") String v, @Path("id") String id, @Query("fields") String fields);

  /**
   * {@code GET /{ig-media-id}?fields=...,insights.metric(...)}: a media and its insights in one
   * request (Graph field expansion).
   */
  @GET("{v}/{id}")
  Call<InstagramDtos.MediaMetrics> mediaMetrics(
      @Path("v") String v, @Path("id") String id, @Query("fields") String fields);

  /** {@code GET /{ig-user-id}?fields=...} or, Instagram Login, {@code GET /me?fields=...}. */
  @GET("{v}/{id}")
  Call<InstagramDtos.UserNode> user(
      @Path("v") String v, @Path("id") String id, @Query("fields") String fields);

  /**
   * {@code GET /{ig-user-id}?fields=mentioned_comment.comment_id(<id>){...}} or {@code
   * mentioned_media.media_id(<id>){...}} (Facebook Login only): a comment or caption by someone
   * else that mentions the account.
   *
   * @see <a
   *     href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment">IG
   *     User mentioned_comment</a>
   * @see <a
   *     href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_media">IG
   *     User mentioned_media</a>
   */
  @GET("{v}/{id}")
  Call<InstagramDtos.MentionLookup> mentionLookup(
      @Path("v") String v, @Path("id") String igUserId, @Query("fields") String fields);

  /** {@code GET /{page-id}?fields=instagram_business_account}. */
  @GET("{v}/{id}")
  Call<InstagramDtos.PageNode> page(
      @Path("v") String v, @Path("id") String id, @Query("fields") String fields);

  /** {@code GET /{ig-user-id}/media}: the account's own media, newest first. */
  @GET("{v}/{ig}/media")
  Call<InstagramDtos.MediaPage> ownMedia(
      @Path("v") String v,
      @Path("ig") String igUserId,
      @Query("fields") String fields,
      @Query("limit") int limit);

  /** {@code GET /{ig-user-id}/content_publishing_limit}. */
  @GET("{v}/{ig}/content_publishing_limit")
  Call<InstagramDtos.PublishingLimitPage> publishingLimit(
      @Path("v") String v,
      @Path("ig") String igUserId,
      @Query("fields") String fields,
      @Query("since") Long since);

  /** {@code GET /{ig-media-id}/insights?metric=...}. */
  @GET("{v}/{id}/insights")
  Call<InstagramDtos.InsightsPage> insights(
      @Path("v") String v,
      @Path("id") String mediaId,
      @Query("metric") String metrics,
      @Query("period") String period);

  /** {@code GET /{ig-media-id}/comments}: top-level comments, cursor-paged. */
  @GET("{v}/{id}/comments")
  Call<InstagramDtos.CommentPage> comments(
      @Path("v") String v,
      @Path("id") String mediaId,
      @Query("fields") String fields,
      @Query("limit") Integer limit,
      @Query("after") String after);

  /**
   * {@code GET /{ig-comment-id}?fields=...}: one comment (a mention's comment, a private reply's
   * time).
   */
  @GET("{v}/{id}")
  Call<InstagramDtos.CommentNode> commentNode(
      @Path("v") String v, @Path("id") String commentId, @Query("fields") String fields);

  /** {@code POST /{ig-media-id}/comments}: a top-level comment. */
  @FormUrlEncoded
  @POST("{v}/{id}/comments")
  Call<InstagramDtos.Created> comment(
      @Path("v") String v, @Path("id") String mediaId, @Field("message") String message);

  /** {@code POST /{ig-comment-id}/replies}. */
  @FormUrlEncoded
  @POST("{v}/{id}/replies")
  Call<InstagramDtos.Created> reply(
      @Path("v") String v, @Path("id") String commentId, @Field("message") String message);

  /** {@code POST /{ig-comment-id}?hide=true|false}. */
  @FormUrlEncoded
  @POST("{v}/{id}")
  Call<InstagramDtos.Success> hide(
      @Path("v") String v, @Path("id") String commentId, @Field("hide") boolean hide);

  /** {@code DELETE /{id}}: a comment, or (Facebook Login) a published media. */
  @DELETE("{v}/{id}")
  Call<InstagramDtos.Success> delete(@Path("v") String v, @Path("id") String id);

  /**
   * {@code GET /{ig-user-id}/tags}: media in which the account is tagged, newest first.
   *
   * @see <a
   *     href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags">IG
   *     User tags</a>
   */
  @GET("{v}/{ig}/tags")
  Call<InstagramDtos.MediaPage> tags(
      @Path("v") String v,
      @Path("ig") String igUserId,
      @Query("fields") String fields,
      @Query("limit") Integer limit,
      @Query("after") String after);

  /**
   * {@code POST /{ig-user-id}/mentions}: replies to a comment or caption that mentions the account
   * ({@code media_id}, optional {@code comment_id}, {@code message}).
   */
  @FormUrlEncoded
  @POST("{v}/{ig}/mentions")
  Call<InstagramDtos.Created> replyToMention(
      @Path("v") String v,
      @Path("ig") String igUserId,
      @Field("media_id") String mediaId,
      @Field("comment_id") String commentId,
      @Field("message") String message);
}
