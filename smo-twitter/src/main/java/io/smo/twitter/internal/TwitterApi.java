package io.smo.twitter.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoInternalApi;
import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;

/** X API v2 endpoints the client uses (paths relative to {@code https://api.x.com/}). */
@SmoInternalApi
public interface TwitterApi {
  /** {@code POST /2/tweets}: 201 {@code {"data":{"id","text"}}}. */
  @POST("2/tweets")
  Call<TwitterDtos.Envelope<TwitterDtos.Created>> createTweet(
      @Body TwitterDtos.CreateTweetRequest body);

  /** {@code DELETE /2/tweets/{id}}: {@code {"data":{"deleted":true}}}. */
  @DELETE("2/tweets/{id}")
  Call<TwitterDtos.Envelope<TwitterDtos.Deleted>> deleteTweet(@Path("id") String id);

  /** {@code GET /2/tweets/{id}} with {@code post.fields} (or the older {@code tweet.fields}). */
  @GET("2/tweets/{id}")
  Call<TwitterDtos.Envelope<TwitterDtos.Tweet>> tweet(
      @Path("id") String id, @QueryMap Map<String, String> fields);

  /**
   * {@code GET /2/tweets/search/recent}; {@code query} carries the fields, {@code expansions} and
   * {@code user.fields} so that the authors come in the same answer ({@code includes.users}).
   */
  @GET("2/tweets/search/recent")
  Call<TwitterDtos.Envelope<List<TwitterDtos.Tweet>>> searchRecent(
      @Query("query") String query,
      @QueryMap Map<String, String> fields,
      @Query("max_results") Integer maxResults,
      @Query("next_token") String nextToken);

  /** {@code PUT /2/tweets/{tweet_id}/hidden} {@code {"hidden":bool}}. */
  @PUT("2/tweets/{id}/hidden")
  Call<TwitterDtos.Envelope<TwitterDtos.Hidden>> hideReply(
      @Path("id") String id, @Body TwitterDtos.HideRequest body);

  /** {@code GET /2/users/{id}/tweets}: the user's own posts, newest first. */
  @GET("2/users/{id}/tweets")
  Call<TwitterDtos.Envelope<List<TwitterDtos.Tweet>>> userTweets(
      @Path("id") String userId,
      @Query("start_time") String startTime,
      @Query("tweet.fields") String fields,
      @Query("max_results") Integer maxResults);

  /** {@code GET /2/users/me}. */
  @GET("2/users/me")
  Call<TwitterDtos.Envelope<TwitterDtos.User>> me();

  /** {@code GET /2/users/me?user.fields=...}. */
  @GET("2/users/me")
  Call<TwitterDtos.Envelope<TwitterDtos.User>> me(@Query("user.fields") String userFields);

  /** {@code POST /2/media/upload/initialize}. */
  @POST("2/media/upload/initialize")
  Call<JsonNode> initializeUpload(@Body JsonNode body);

  /** {@code POST /2/media/upload/{id}/finalize} (no body). */
  @POST("2/media/upload/{id}/finalize")
  Call<JsonNode> finalizeUpload(@Path("id") String id);

  /** {@code GET /2/media/upload?command=STATUS&media_id=}. */
  @GET("2/media/upload")
  Call<JsonNode> uploadStatus(@Query("media_id") String mediaId, @Query("command") String command);

  /** {@code POST /2/media/metadata} (alt text). */
  @POST("2/media/metadata")
  Call<JsonNode> mediaMetadata(@Body JsonNode body);

  /** {@code GET /2/users/{id}/mentions}: posts mentioning the user, newest first. */
  @GET("2/users/{id}/mentions")
  Call<JsonNode> mentions(@Path("id") String userId, @QueryMap Map<String, String> query);

  /** {@code GET /2/dm_events}: DM events of every conversation of the user, newest first. */
  @GET("2/dm_events")
  Call<JsonNode> dmEvents(@QueryMap Map<String, String> query);

  /** {@code GET /2/dm_conversations/{id}/dm_events}: one conversation's events, newest first. */
  @GET("2/dm_conversations/{id}/dm_events")
  Call<JsonNode> conversationEvents(
      @Path("id") String conversationId, @QueryMap Map<String, String> query);

  /**
   * {@code POST /2/dm_conversations/with/{participant_id}/messages}: 201 {@code
   * {"data":{"dm_conversation_id","dm_event_id"}}}.
   */
  @POST("2/dm_conversations/with/{participant_id}/messages")
  Call<JsonNode> sendToParticipant(
      @Path("participant_id") String participantId, @Body JsonNode body);

  /** {@code POST /2/dm_conversations/{dm_conversation_id}/messages}: 201 as above. */
  @POST("2/dm_conversations/{dm_conversation_id}/messages")
  Call<JsonNode> sendToConversation(
      @Path("dm_conversation_id") String conversationId, @Body JsonNode body);
}
