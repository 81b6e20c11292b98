package io.smo.youtube.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.smo.core.SmoInternalApi;
import java.util.List;

/**
 * Typed wire records of the Data API v3 and Analytics API v2 resources the client reads and sends,
 * built from the discovery documents ({@code youtube-data-api-v3-discovery.json}, {@code
 * youtube-analytics-v2-discovery.json}) and the captured answers in the shared fixtures. Only the
 * fields the SDK uses are declared; unknown fields are ignored and {@code null}s are not sent.
 * Counts typed {@code string/uint64} in the discovery document (statistics, processing progress)
 * stay {@code String}s here and are parsed by {@link YouTubeMapper}.
 */
@SmoInternalApi
public final class YouTubeDtos {
  private YouTubeDtos() {}

  /**
   * {@code youtube#video}: the parts the client asks for ({@code snippet}, {@code status}, {@code
   * statistics}, {@code processingDetails}).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Video(
      String id,
      VideoSnippet snippet,
      VideoStatus status,
      VideoStatistics statistics,
      ProcessingDetails processingDetails) {}

  /** {@code VideoSnippet}. {@code publishedAt} is RFC 3339. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VideoSnippet(
      String publishedAt,
      String channelId,
      String title,
      String description,
      List<String> tags,
      String categoryId,
      String defaultLanguage,
      String defaultAudioLanguage) {}

  /** {@code VideoStatus}. {@code publishAt} is RFC 3339. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VideoStatus(
      String uploadStatus,
      String failureReason,
      String rejectionReason,
      String privacyStatus,
      String publishAt,
      String license,
      Boolean embeddable,
      Boolean publicStatsViewable,
      Boolean selfDeclaredMadeForKids,
      Boolean containsSyntheticMedia) {}

  /** {@code VideoStatistics}: uint64 counts sent as strings. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record VideoStatistics(
      String viewCount,
      String likeCount,
      String dislikeCount,
      String favoriteCount,
      String commentCount) {}

  /** {@code VideoProcessingDetails}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ProcessingDetails(
      String processingStatus,
      String processingFailureReason,
      ProcessingProgress processingProgress) {}

  /** {@code VideoProcessingDetailsProcessingProgress}: uint64 counts sent as strings. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ProcessingProgress(String partsTotal, String partsProcessed, String timeLeftMs) {}

  /** {@code VideoListResponse}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record VideoList(List<Video> items, String nextPageToken) {}

  /** {@code youtube#channel} with {@code id}, {@code snippet}, {@code statistics}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Channel(String id, ChannelSnippet snippet, ChannelStatistics statistics) {}

  /** {@code ChannelSnippet}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChannelSnippet(String title, String description, String customUrl) {}

  /** {@code ChannelStatistics}: uint64 counts sent as strings. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChannelStatistics(
      String viewCount,
      String commentCount,
      String subscriberCount,
      Boolean hiddenSubscriberCount,
      String videoCount) {}

  /** {@code ChannelListResponse}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChannelList(List<Channel> items) {}

  /** {@code youtube#comment}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Comment(String id, CommentSnippet snippet) {}

  /** {@code CommentSnippet}; {@code likeCount} is a uint32 number. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CommentSnippet(
      String channelId,
      String videoId,
      String textDisplay,
      String textOriginal,
      String parentId,
      String authorDisplayName,
      AuthorChannelId authorChannelId,
      Long likeCount,
      String moderationStatus,
      String publishedAt,
      String updatedAt) {
    /** A request snippet: a reply's {@code parentId} and text, or a top-level comment's text. */
    static CommentSnippet text(String parentId, String textOriginal) {
      return new CommentSnippet(
          null, null, null, textOriginal, parentId, null, null, null, null, null, null);
    }
  }

  /** {@code CommentSnippetAuthorChannelId}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AuthorChannelId(String value) {}

  /** {@code CommentListResponse}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CommentList(List<Comment> items, String nextPageToken) {}

  /** {@code youtube#commentThread} with {@code snippet} and {@code replies}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CommentThread(
      String id, CommentThreadSnippet snippet, CommentThreadReplies replies) {}

  /** {@code CommentThreadSnippet}; {@code totalReplyCount} is a uint32 number. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CommentThreadSnippet(
      String channelId, String videoId, Comment topLevelComment, Long totalReplyCount) {}

  /** {@code CommentThreadReplies}: a subset of the thread's replies. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CommentThreadReplies(List<Comment> comments) {}

  /** {@code CommentThreadListResponse}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CommentThreadList(List<CommentThread> items, String nextPageToken) {}

  /**
   * {@code youtube#playlistItem}: the request ({@code snippet.playlistId}, {@code resourceId}) and
   * the answer's {@code id}.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PlaylistItem(String id, PlaylistItemSnippet snippet) {}

  /** {@code PlaylistItemSnippet}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PlaylistItemSnippet(String playlistId, ResourceId resourceId) {}

  /** {@code ResourceId}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ResourceId(String kind, String videoId) {}

  /**
   * Analytics {@code QueryResponse} ({@code youtubeAnalytics#resultTable}): rows of mixed values.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ResultTable(List<ColumnHeader> columnHeaders, List<List<Object>> rows) {}

  /** Analytics {@code ResultTableColumnHeader}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ColumnHeader(String name, String columnType, String dataType) {}
}
