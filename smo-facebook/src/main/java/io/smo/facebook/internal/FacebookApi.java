package io.smo.facebook.internal;

import io.smo.core.SmoInternalApi;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/**
 * The Graph API reads of a Facebook Page, as a Retrofit service run through core's {@code
 * ApiRuntime} (via {@code GraphHttp.call}); {@code v} is the Graph version path segment ({@code
 * v26.0}). Bodies are bytes that {@code GraphHttp.call} reads with Jackson as a stream. The field
 * lists are the constants below: nothing is built per call but the path parameters.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/reference/post">Page post</a>
 * @see <a href="https://developers.facebook.com/docs/graph-api/field-expansion">Field expansion</a>
 */
@SmoInternalApi
public interface FacebookApi {
  /**
   * A post's engagement in one request (Graph field expansion): the edge summaries ({@code shares},
   * {@code reactions.summary(total_count).limit(0)}, {@code
   * comments.summary(total_count).limit(0)}) and the insights edge with its parameters as modifiers
   * ({@code insights.metric(...).period(lifetime)}, metrics {@code
   * FacebookCapabilities.INSIGHT_METRICS}).
   */
  String POST_METRICS =
      "shares,reactions.summary(total_count).limit(0),"
          + "comments.summary(total_count).limit(0),insights.metric("
          + String.join(",", io.smo.facebook.FacebookCapabilities.INSIGHT_METRICS)
          + ").period(lifetime)";

  /** A post's edge summaries alone (when the expanded read is refused for its insights). */
  String POST_EDGES =
      "shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)";

  /** The insight metrics, comma-separated, for the insights edge read alone. */
  String INSIGHT_METRICS = String.join(",", io.smo.facebook.FacebookCapabilities.INSIGHT_METRICS);

  /** Comment fields, the author ({@code from}) included. */
  String COMMENT_FIELDS =
      "id,message,from{id,name},created_time,like_count,comment_count,is_hidden,parent";

  /** Page fields read by {@code accountInfo()}. */
  String PAGE_FIELDS = "id,name,username,followers_count,fan_count";

  /**
   * {@code GET /{id}?fields=...}: a node (the Page, a post, a video). With {@link
   * FacebookFields#POST_METRICS} a post's edge summaries and its {@code insights} come in one
   * answer (field expansion).
   */
  @GET("{v}/{id}")
  Call<ResponseBody> node(
      @Path("v") String v, @Path("id") String id, @Query("fields") String fields);

  /**
   * {@code GET /{object-id}/comments?filter=stream&order=chronological&fields=...}: one page of
   * comments with their authors ({@code from{id,name}}) in the same answer; {@code after} is the
   * cursor of the next page, {@code null} for the first.
   */
  @GET("{v}/{id}/comments")
  Call<ResponseBody> comments(
      @Path("v") String v,
      @Path("id") String objectId,
      @Query("fields") String fields,
      @Query("filter") String filter,
      @Query("order") String order,
      @Query("limit") int limit,
      @Query("after") String after);

  /**
   * {@code GET <paging.next>}: the next page of an edge, the URL Meta returned re-based on the
   * client's base URL (without {@code access_token}, which the runtime adds as a header).
   */
  @GET
  Call<ResponseBody> next(@Url String url);

  /**
   * {@code GET /{post-id}/insights?metric=...&period=lifetime}: the insights edge alone, read only
   * when the expanded answer carried no {@code insights} (to learn why).
   */
  @GET("{v}/{id}/insights")
  Call<ResponseBody> insights(
      @Path("v") String v,
      @Path("id") String postId,
      @Query("metric") String metrics,
      @Query("period") String period);
}
