package io.smo.twitter.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.EngagementMetrics.Metric;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Maps X post objects to the platform-neutral model. Metrics accept both the older wire names
 * ({@code retweet_count}, {@code quote_count}) and the newer ones of OpenAPI 2.167 ({@code
 * repost_count}, {@code quote_post_count}...); shares = reposts + quotes. Raw figures are kept as
 * {@code <group>.<name>} (e.g. {@code public_metrics.like_count}).
 *
 * @see <a href="https://docs.x.com/x-api/fundamentals/metrics">Metrics</a>
 */
@SmoInternalApi
public final class TwitterMappers {
  private TwitterMappers() {}

  /**
   * Maps a post object's {@code public_metrics}, {@code non_public_metrics} and {@code
   * organic_metrics} groups. Absent figures stay absent.
   *
   * @param ref the post
   * @param tweet the {@code data} object of {@code GET /2/tweets/{id}}
   * @param now the retrieval time
   */
  public static EngagementMetrics metrics(PostRef ref, JsonNode tweet, Instant now) {
    EngagementMetrics.Builder b = EngagementMetrics.builder(ref).retrievedAt(now);
    JsonNode pub = tweet.path("public_metrics");
    JsonNode nonPub = tweet.path("non_public_metrics");
    JsonNode org = tweet.path("organic_metrics");
    for (String group : List.of("public_metrics", "non_public_metrics", "organic_metrics")) {
      JsonNode g = tweet.path(group);
      for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNumber()) {
          b.raw(group + "." + e.getKey(), e.getValue().asLong());
        }
      }
    }
    Long impressions = first(nonPub, "impression_count", org, "impression_count", pub, "impression_count");
    b.put(Metric.IMPRESSIONS, impressions);
    b.put(Metric.LIKES, first(pub, "like_count", org, "like_count", null, null));
    b.put(Metric.COMMENTS, first(pub, "reply_count", org, "reply_count", null, null));
    Long reposts = first(pub, "retweet_count", pub, "repost_count", org, "retweet_count");
    Long quotes = first(pub, "quote_count", pub, "quote_post_count", pub, "quote_tweet_count");
    if (reposts != null || quotes != null) {
      b.put(Metric.SHARES, (reposts == null ? 0 : reposts) + (quotes == null ? 0 : quotes));
    }
    b.put(Metric.SAVES, first(pub, "bookmark_count", null, null, null, null));
    Long url = first(nonPub, "url_link_clicks", org, "url_link_clicks", null, null);
    Long profile = first(nonPub, "user_profile_clicks", org, "user_profile_clicks", null, null);
    if (url != null || profile != null) {
      b.put(Metric.CLICKS, (url == null ? 0 : url) + (profile == null ? 0 : profile));
    }
    return b.build();
  }

  private static Long first(JsonNode a, String an, JsonNode b, String bn, JsonNode c, String cn) {
    if (a != null && a.path(an).isNumber()) {
      return a.path(an).asLong();
    }
    if (b != null && b.path(bn).isNumber()) {
      return b.path(bn).asLong();
    }
    if (c != null && c.path(cn).isNumber()) {
      return c.path(cn).asLong();
    }
    return null;
  }

  /**
   * Maps the posts of a conversation search page to comments, leaving out {@code rootId} itself.
   *
   * @param page the search answer ({@code data[]}, {@code includes.users[]})
   * @param rootId the conversation's root post id
   */
  public static List<Comment> comments(JsonNode page, String rootId) {
    List<Comment> out = new ArrayList<>();
    for (JsonNode t : page.path("data")) {
      String id = t.path("id").asText();
      if (id.isEmpty() || id.equals(rootId)) {
        continue;
      }
      out.add(comment(t));
    }
    return out;
  }

  /** Maps one post object (a reply) to a comment. */
  public static Comment comment(JsonNode t) {
    Comment.Builder b = Comment.builder(CommentRef.of(Platform.TWITTER, t.path("id").asText()))
        .text(t.path("text").asText(""));
    if (t.hasNonNull("author_id")) {
      b.authorId(t.path("author_id").asText());
    }
    String created = t.path("created_at").asText(null);
    if (created != null) {
      try {
        b.createdAt(Instant.parse(created));
      } catch (DateTimeParseException e) {
        // leave absent
      }
    }
    for (JsonNode r : t.path("referenced_tweets").isArray() ? t.path("referenced_tweets")
        : t.path("referenced_posts")) {
      if ("replied_to".equals(r.path("type").asText())) {
        b.parentId(r.path("id").asText());
      }
    }
    JsonNode pm = t.path("public_metrics");
    if (pm.path("like_count").isNumber()) {
      b.likeCount(pm.path("like_count").asLong());
    }
    if (pm.path("reply_count").isNumber()) {
      b.replyCount(pm.path("reply_count").asLong());
    }
    return b.build();
  }
}
