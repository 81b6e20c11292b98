package io.smo.instagram.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoInternalApi;
import java.util.List;

/**
 * Instagram Graph wire shapes (records) for the answers the client reads, built from the Graph
 * specs ({@code IGUser}, {@code IGUserForIGOnlyAPI}, {@code IGMedia}, {@code IGComment}, {@code
 * InstagramInsightsResult}) and the captured fixtures in {@code shared/fixtures/instagram}. Unknown
 * fields are ignored (the runtime's mapper); any field may be absent ({@code null}).
 */
@SmoInternalApi
public final class InstagramDtos {
  private InstagramDtos() {}

  /**
   * A create answer: {@code {"id"}}, a resumable container {@code {"id","uri"}}, or {@code
   * media_publish}'s {@code {"id"}}.
   *
   * @param id the new object's id
   * @param uri the resumable upload URI (containers created with {@code upload_type=resumable})
   */
  public record Created(String id, String uri) {}

  /**
   * {@code {"success":true}}: a hide, unhide or delete answer.
   *
   * @param success the flag
   */
  public record Success(Boolean success) {}

  /**
   * A container status ({@code GET /{container-id}?fields=status_code,status}).
   *
   * @param id the container id
   * @param statusCode {@code IN_PROGRESS}, {@code FINISHED}, {@code PUBLISHED}, {@code ERROR},
   *     {@code EXPIRED}
   * @param status free text (with the error subcode when {@code ERROR})
   */
  public record ContainerState(
      String id, @JsonProperty("status_code") String statusCode, String status) {}

  /**
   * {@code content_publishing_limit}'s answer.
   *
   * @param data one entry
   */
  public record PublishingLimitPage(List<PublishingLimitEntry> data) {}

  /**
   * One {@code content_publishing_limit} entry.
   *
   * @param quotaUsage posts published in the window
   * @param config the allowance
   */
  public record PublishingLimitEntry(
      @JsonProperty("quota_usage") Long quotaUsage, PublishingLimitConfig config) {}

  /**
   * The allowance of {@code content_publishing_limit}.
   *
   * @param quotaTotal posts allowed in the window
   * @param quotaDuration the window in seconds
   */
  public record PublishingLimitConfig(
      @JsonProperty("quota_total") Long quotaTotal,
      @JsonProperty("quota_duration") Long quotaDuration) {}

  /**
   * An id reference {@code {"id"}}.
   *
   * @param id the id
   */
  public record Ref(String id) {}

  /**
   * A list of id references {@code {"data":[{"id"}]}}.
   *
   * @param data the references
   */
  public record RefList(List<Ref> data) {}

  /**
   * A Facebook Page with its linked Instagram account ({@code fields=instagram_business_account}).
   *
   * @param id the Page id
   * @param instagramBusinessAccount the linked IG User
   */
  public record PageNode(
      String id, @JsonProperty("instagram_business_account") Ref instagramBusinessAccount) {}

  /**
   * An IG User ({@code GET /{ig-user-id}} or, Instagram Login, {@code GET /me}).
   *
   * @param id the IG User id (Instagram Login: the app-scoped id on {@code /me})
   * @param userId Instagram Login's professional account id ({@code user_id})
   * @param username the handle
   * @param name the display name
   * @param followersCount followers
   * @param followsCount accounts followed
   * @param mediaCount media published
   */
  public record UserNode(
      String id,
      @JsonProperty("user_id") String userId,
      String username,
      String name,
      @JsonProperty("followers_count") Long followersCount,
      @JsonProperty("follows_count") Long followsCount,
      @JsonProperty("media_count") Long mediaCount) {}

  /**
   * An IG Media node.
   *
   * @param id the media id
   * @param caption the caption
   * @param mediaType {@code IMAGE}, {@code VIDEO}, {@code CAROUSEL_ALBUM}
   * @param mediaProductType {@code FEED}, {@code REELS}, {@code STORY}, {@code AD}
   * @param permalink the public URL
   * @param timestamp Graph time ({@code 2020-02-24T09:15:16+0000})
   * @param likeCount likes
   * @param commentsCount comments
   * @param username the owner's handle ({@code /tags}: the tagging account)
   * @param owner the owner
   */
  public record MediaNode(
      String id,
      String caption,
      @JsonProperty("media_type") String mediaType,
      @JsonProperty("media_product_type") String mediaProductType,
      String permalink,
      String timestamp,
      @JsonProperty("like_count") Long likeCount,
      @JsonProperty("comments_count") Long commentsCount,
      String username,
      Ref owner) {}

  /**
   * The IG User node read with a mention lookup: {@code GET
   * /{ig-user-id}?fields=mentioned_comment.comment_id(<id>){...}} or {@code
   * mentioned_media.media_id(<id>){...}}.
   *
   * @param id the IG User id
   * @param mentionedComment the mentioning comment, absent when Graph gave none
   * @param mentionedMedia the mentioning media, absent when Graph gave none
   */
  public record MentionLookup(
      String id,
      @JsonProperty("mentioned_comment") CommentNode mentionedComment,
      @JsonProperty("mentioned_media") MediaNode mentionedMedia) {}

  /**
   * A media read with its insights through field expansion ({@code GET
   * /{ig-media-id}?fields=id,media_product_type,media_type,like_count,comments_count,
   * insights.metric(...)}): the insights edge comes as {@code "insights":{"data":[...]}}.
   *
   * @param id the media id
   * @param mediaType {@code IMAGE}, {@code VIDEO}, {@code CAROUSEL_ALBUM}
   * @param mediaProductType {@code FEED}, {@code REELS}, {@code STORY}, {@code AD}
   * @param likeCount likes
   * @param commentsCount comments
   * @param insights the expanded insights edge, absent when Graph gave none
   */
  public record MediaMetrics(
      String id,
      @JsonProperty("media_type") String mediaType,
      @JsonProperty("media_product_type") String mediaProductType,
      @JsonProperty("like_count") Long likeCount,
      @JsonProperty("comments_count") Long commentsCount,
      InsightsPage insights) {
    /** Returns the media fields alone, as the mapper reads them. */
    public MediaNode fields() {
      return new MediaNode(
          id, null, mediaType, mediaProductType, null, null, likeCount, commentsCount, null, null);
    }
  }

  /**
   * A page of media ({@code /tags}, {@code /media}).
   *
   * @param data the media
   * @param paging the cursors
   */
  public record MediaPage(List<MediaNode> data, Paging paging) {}

  /**
   * A comment author ({@code from}).
   *
   * @param id the IGSID
   * @param username the handle
   */
  public record From(String id, String username) {}

  /**
   * An IG Comment.
   *
   * @param id the comment id
   * @param text the text
   * @param timestamp Graph time
   * @param username the author's handle
   * @param from the author
   * @param likeCount likes
   * @param hidden whether hidden
   * @param parentId the top-level comment a reply answers
   * @param parent the same as an object
   * @param replies the reply ids
   * @param media the media commented on
   */
  public record CommentNode(
      String id,
      String text,
      String timestamp,
      String username,
      From from,
      @JsonProperty("like_count") Long likeCount,
      Boolean hidden,
      @JsonProperty("parent_id") String parentId,
      Ref parent,
      RefList replies,
      Ref media) {}

  /**
   * A page of comments.
   *
   * @param data the comments
   * @param paging the cursors
   */
  public record CommentPage(List<CommentNode> data, Paging paging) {}

  /**
   * Graph cursor paging.
   *
   * @param cursors {@code before} / {@code after}
   * @param next the next page URL, absent on the last page
   */
  public record Paging(Cursors cursors, String next) {}

  /**
   * Cursor values.
   *
   * @param before the cursor before the page
   * @param after the cursor after the page
   */
  public record Cursors(String before, String after) {}

  /**
   * An insights answer.
   *
   * @param data the metrics
   */
  public record InsightsPage(List<Insight> data) {}

  /**
   * One insight metric: {@code values[].value} (older shape) or {@code total_value.value} with
   * optional breakdowns.
   *
   * @param name the metric name
   * @param period {@code lifetime}, {@code day}...
   * @param values the values (older shape)
   * @param totalValue the total (newer shape)
   */
  public record Insight(
      String name,
      String period,
      List<InsightValue> values,
      @JsonProperty("total_value") TotalValue totalValue) {}

  /**
   * One value ({@code value} may be a number or an object).
   *
   * @param value the value
   */
  public record InsightValue(JsonNode value) {}

  /**
   * A total with breakdowns.
   *
   * @param value the value
   * @param breakdowns the breakdowns
   */
  public record TotalValue(JsonNode value, List<Breakdown> breakdowns) {}

  /**
   * One breakdown.
   *
   * @param dimensionKeys the dimension names
   * @param results the values per dimension combination
   */
  public record Breakdown(
      @JsonProperty("dimension_keys") List<String> dimensionKeys, List<BreakdownResult> results) {}

  /**
   * One breakdown result.
   *
   * @param dimensionValues the dimension values
   * @param value the figure
   */
  public record BreakdownResult(
      @JsonProperty("dimension_values") List<String> dimensionValues, Long value) {}
}
