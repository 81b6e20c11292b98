package io.smo.youtube.internal;

import io.smo.core.SmoInternalApi;
import io.smo.youtube.internal.YouTubeDtos.ChannelList;
import io.smo.youtube.internal.YouTubeDtos.Comment;
import io.smo.youtube.internal.YouTubeDtos.CommentThread;
import io.smo.youtube.internal.YouTubeDtos.CommentThreadList;
import io.smo.youtube.internal.YouTubeDtos.PlaylistItem;
import io.smo.youtube.internal.YouTubeDtos.ResultTable;
import io.smo.youtube.internal.YouTubeDtos.Video;
import io.smo.youtube.internal.YouTubeDtos.VideoList;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Query;

/**
 * The Data API v3 methods the client uses, as a Retrofit service through {@code ApiRuntime} (paths
 * relative to {@code https://www.googleapis.com/}; answers typed by {@link YouTubeDtos}). The
 * resumable upload ({@code upload/youtube/v3/videos}, session URIs) and {@code thumbnails.set} are
 * raw requests in {@link YouTubeUploadProtocol}, since they read headers and status codes
 * Retrofit's typed calls hide.
 */
@SmoInternalApi
public interface YouTubeApi {
  /** {@code channels.list} with {@code mine=true}. */
  @GET("youtube/v3/channels")
  Call<ChannelList> listMyChannels(@Query("part") String part, @Query("mine") boolean mine);

  /** {@code videos.list}. */
  @GET("youtube/v3/videos")
  Call<VideoList> listVideos(@Query("part") String part, @Query("id") String id);

  /** {@code videos.update}. */
  @PUT("youtube/v3/videos")
  Call<Video> updateVideo(@Query("part") String part, @Body Video video);

  /** {@code videos.delete}. */
  @DELETE("youtube/v3/videos")
  Call<Void> deleteVideo(@Query("id") String id);

  /** {@code commentThreads.list}. */
  @GET("youtube/v3/commentThreads")
  Call<CommentThreadList> listCommentThreads(
      @Query("part") String part,
      @Query("videoId") String videoId,
      @Query("maxResults") Integer maxResults,
      @Query("pageToken") String pageToken,
      @Query("textFormat") String textFormat);

  /** {@code commentThreads.list} across a channel ({@code allThreadsRelatedToChannelId}). */
  @GET("youtube/v3/commentThreads")
  Call<CommentThreadList> listChannelCommentThreads(
      @Query("part") String part,
      @Query("allThreadsRelatedToChannelId") String channelId,
      @Query("moderationStatus") String moderationStatus,
      @Query("order") String order,
      @Query("maxResults") Integer maxResults,
      @Query("pageToken") String pageToken,
      @Query("textFormat") String textFormat);

  /** {@code commentThreads.insert}. */
  @POST("youtube/v3/commentThreads")
  Call<CommentThread> insertCommentThread(@Query("part") String part, @Body CommentThread body);

  /** {@code comments.insert}. */
  @POST("youtube/v3/comments")
  Call<Comment> insertComment(@Query("part") String part, @Body Comment body);

  /** {@code comments.setModerationStatus}. */
  @POST("youtube/v3/comments/setModerationStatus")
  Call<Void> setModerationStatus(
      @Query("id") String id,
      @Query("moderationStatus") String status,
      @Query("banAuthor") Boolean banAuthor);

  /** {@code comments.delete}. */
  @DELETE("youtube/v3/comments")
  Call<Void> deleteComment(@Query("id") String id);

  /** {@code playlistItems.insert}. */
  @POST("youtube/v3/playlistItems")
  Call<PlaylistItem> insertPlaylistItem(@Query("part") String part, @Body PlaylistItem body);

  /** Analytics {@code reports.query} (on the Analytics base URL). */
  @GET("v2/reports")
  Call<ResultTable> report(
      @Query("ids") String ids,
      @Query("startDate") String startDate,
      @Query("endDate") String endDate,
      @Query("metrics") String metrics,
      @Query("dimensions") String dimensions,
      @Query("filters") String filters,
      @Query("sort") String sort);
}
