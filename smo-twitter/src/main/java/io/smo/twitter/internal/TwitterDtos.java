package io.smo.twitter.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.smo.core.SmoInternalApi;
import java.util.List;
import java.util.Map;

/**
 * X API v2 wire shapes (records) the client reads and writes, from the official OpenAPI description
 * 2.167 ({@code ../shared/specs/x-api-v2-openapi.json}: {@code TweetCreateRequest}, {@code
 * TweetCreateResponse}, {@code Get2TweetsIdResponse}, {@code Get2TweetsSearchRecentResponse},
 * {@code Get2UsersMeResponse}, {@code Expansions}) and the captured answers in {@code
 * ../shared/fixtures/twitter}. Fields of both spellings are read where X renamed them ({@code
 * referenced_tweets} / {@code referenced_posts}); unknown fields are ignored.
 */
@SmoInternalApi
public final class TwitterDtos {
  private TwitterDtos() {}

  /**
   * The v2 answer envelope: {@code data} (an object or an array), {@code includes} (the objects
   * named by {@code expansions}), {@code meta} (paging) and {@code errors} (partial errors, kept as
   * maps so that they can be handed to the error mapper unchanged).
   *
   * @param <T> the {@code data} shape
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Envelope<T>(
      T data, Includes includes, Meta meta, List<Map<String, Object>> errors) {
    /** Returns whether the answer carries at least one error object. */
    public boolean hasErrors() {
      return errors != null && !errors.isEmpty();
    }

    /** Returns the expanded users ({@code includes.users}) by id; empty when none. */
    public Map<String, User> usersById() {
      Map<String, User> out = new java.util.HashMap<>();
      if (includes != null && includes.users() != null) {
        for (User u : includes.users()) {
          if (u != null && u.id() != null) {
            out.put(u.id(), u);
          }
        }
      }
      return out;
    }
  }

  /** {@code includes}: objects named by {@code expansions}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Includes(List<User> users) {}

  /** {@code meta} of a list answer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Meta(
      @JsonProperty("next_token") String nextToken,
      @JsonProperty("result_count") Integer resultCount) {}

  /**
   * A post object. Metric groups are kept as maps ({@code like_count} → 3) because X renames their
   * members between versions ({@code retweet_count} / {@code repost_count}); only numbers are read.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Tweet(
      String id,
      String text,
      @JsonProperty("author_id") String authorId,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("conversation_id") String conversationId,
      @JsonProperty("referenced_tweets") List<Reference> referencedTweets,
      @JsonProperty("referenced_posts") List<Reference> referencedPosts,
      @JsonProperty("public_metrics") Map<String, Object> publicMetrics,
      @JsonProperty("non_public_metrics") Map<String, Object> nonPublicMetrics,
      @JsonProperty("organic_metrics") Map<String, Object> organicMetrics) {
    /** Returns the references in whichever spelling X used ({@code referenced_tweets} first). */
    public List<Reference> references() {
      if (referencedTweets != null) {
        return referencedTweets;
      }
      return referencedPosts != null ? referencedPosts : List.of();
    }
  }

  /**
   * One entry of {@code referenced_tweets}: {@code type} ({@code replied_to}, {@code quoted}...)
   * and id.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Reference(String type, String id) {}

  /** A user object ({@code GET /2/users/me}, {@code includes.users}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record User(
      String id,
      String name,
      String username,
      @JsonProperty("public_metrics") Map<String, Object> publicMetrics) {}

  /** {@code data} of {@code POST /2/tweets}: the new post's id and text. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Created(String id, String text) {}

  /** {@code data} of {@code DELETE /2/tweets/{id}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Deleted(Boolean deleted) {}

  /** {@code data} of {@code PUT /2/tweets/{id}/hidden}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Hidden(Boolean hidden) {}

  /** {@code TweetCreateRequest}: absent members are left out of the JSON. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CreateTweetRequest(
      String text,
      MediaIds media,
      @JsonProperty("quote_tweet_id") String quoteTweetId,
      ReplyTo reply,
      @JsonProperty("made_with_ai") Boolean madeWithAi,
      @JsonProperty("paid_partnership") Boolean paidPartnership,
      @JsonProperty("reply_settings") String replySettings) {}

  /** {@code media} of a create request. */
  public record MediaIds(@JsonProperty("media_ids") List<String> mediaIds) {}

  /** {@code reply} of a create request. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReplyTo(
      @JsonProperty("in_reply_to_tweet_id") String inReplyToTweetId,
      @JsonProperty("exclude_reply_user_ids") List<String> excludeReplyUserIds) {}

  /** {@code PUT /2/tweets/{id}/hidden} body. */
  public record HideRequest(boolean hidden) {}
}
