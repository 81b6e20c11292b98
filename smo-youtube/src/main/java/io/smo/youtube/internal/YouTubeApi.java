package io.smo.youtube.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoInternalApi;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Query;

/** The Data API v3 methods the client uses (paths relative to {@code https://www.googleapis.com/}). */
@SmoInternalApi
public interface YouTubeApi {
  /** {@code channels.list} with {@code mine=true}. */
  @GET("youtube/v3/channels")
  Call<JsonNode> listMyChannels(@Query("part") String part, @Query("mine") boolean mine);

  /** {@code videos.list}. */
  @GET("youtube/v3/videos")
  Call<JsonNode> listVideos(@Query("part") String part, @Query("id") String id);

  /** {@code videos.update}. */
  @PUT("youtube/v3/videos")
  Call<JsonNode> updateVideo(@Query("part") String part, @Body JsonNode video);

  /** {@code videos.delete}. */
  @DELETE("youtube/v3/videos")
  Call<Void> deleteVideo(@Query("id") String id);

  /** {@code commentThreads.list}. */
  @GET("youtube/v3/commentThreads")
  Call<JsonNode> listCommentThreads(@Query("part") String part, @Query("videoId") String videoId,
      @Query("maxResults") Integer maxResults, @Query("pageToken") String pageToken,
      @Query("textFormat") String textFormat);

  /** {@code commentThreads.list} across a channel ({@code allThreadsRelatedToChannelId}). */
  @GET("youtube/v3/commentThreads")
  Call<JsonNode> listChannelCommentThreads(@Query("part") String part,
      @Query("allThreadsRelatedToChannelId") String channelId, @Query("moderationStatus") String moderationStatus,
      @Query("order") String order, @Query("maxResults") Integer maxResults,
      @Query("pageToken") String pageToken, @Query("textFormat") String textFormat);

  /** {@code commentThreads.insert}. */
  @POST("youtube/v3/commentThreads")
  Call<JsonNode> insertCommentThread(@Query("part") String part, @Body JsonNode body);

  /** {@code comments.insert}. */
  @POST("youtube/v3/comments")
  Call<JsonNode> insertComment(@Query("part") String part, @Body JsonNode body);

  /** {@code comments.setModerationStatus}. */
  @POST("youtube/v3/comments/setModerationStatus")
  Call<Void> setModerationStatus(@Query("id") String id, @Query("moderationStatus") String status,
      @Query("banAuthor") Boolean banAuthor);

  /** {@code comments.delete}. */
  @DELETE("youtube/v3/comments")
  Call<Void> deleteComment(@Query("id") String id);

  /** {@code playlistItems.insert}. */
  @POST("youtube/v3/playlistItems")
  Call<JsonNode> insertPlaylistItem(@Query("part") String part, @Body JsonNode body);

  /** Analytics {@code reports.query} (on the Analytics base URL). */
  @GET("v2/reports")
  Call<JsonNode> report(@Query("ids") String ids, @Query("startDate") String startDate,
      @Query("endDate") String endDate, @Query("metrics") String metrics,
      @Query("dimensions") String dimensions, @Query("filters") String filters,
      @Query("sort") String sort);
}
