package io.smo.twitter.internal;

import io.smo.core.AccountInfo;
import io.smo.core.AccountPost;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.EngagementMetrics.Metric;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps X wire records ({@link TwitterDtos}) to the platform-neutral model. Metrics accept both the
 * older wire names ({@code retweet_count}, {@code quote_count}) and the newer ones of OpenAPI 2.167
 * ({@code repost_count}, {@code quote_post_count}...); shares = reposts + quotes. Raw figures are
 * kept as {@code <group>.<name>} (e.g. {@code public_metrics.like_count}).
 *
 * @see <a href="https://docs.x.com/x-api/fundamentals/metrics">Metrics</a>
 */
@SmoInternalApi
public final class TwitterMapper {
  private TwitterMapper() {}

  /** Returns the public URL of a post. */
  public static URI url(String id) {
    return URI.create("https://x.com/i/web/status/" + id);
  }

  /**
   * Maps a post object's {@code public_metrics}, {@code non_public_metrics} and {@code
   * organic_metrics} groups. Absent figures stay absent.
   *
   * @param ref the post
   * @param tweet the {@code data} object of {@code GET /2/tweets/{id}}
   * @param now the retrieval time
   */
  public static EngagementMetrics metrics(PostRef ref, TwitterDtos.Tweet tweet, Instant now) {
    EngagementMetrics.Builder b = EngagementMetrics.builder(ref).retrievedAt(now);
    Map<String, Object> pub = group(tweet.publicMetrics());
    Map<String, Object> nonPub = group(tweet.nonPublicMetrics());
    Map<String, Object> org = group(tweet.organicMetrics());
    raw(b, "public_metrics", pub);
    raw(b, "non_public_metrics", nonPub);
    raw(b, "organic_metrics", org);
    b.put(
        Metric.IMPRESSIONS,
        first(nonPub, "impression_count", org, "impression_count", pub, "impression_count"));
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

  private static Map<String, Object> group(Map<String, Object> g) {
    return g == null ? Map.of() : g;
  }

  private static void raw(EngagementMetrics.Builder b, String name, Map<String, Object> g) {
    g.forEach(
        (k, v) -> {
          if (v instanceof Number n) {
            b.raw(name + "." + k, n.longValue());
          }
        });
  }

  private static Long number(Map<String, Object> g, String name) {
    Object v = g == null || name == null ? null : g.get(name);
    return v instanceof Number n ? n.longValue() : null;
  }

  private static Long first(
      Map<String, Object> a,
      String an,
      Map<String, Object> b,
      String bn,
      Map<String, Object> c,
      String cn) {
    Long v = number(a, an);
    if (v == null) {
      v = number(b, bn);
    }
    return v != null ? v : number(c, cn);
  }

  /**
   * Maps the posts of a conversation search page to comments, leaving out {@code rootId} itself;
   * authors are named from the page's {@code includes.users} (asked for with {@code
   * expansions=author_id}).
   *
   * @param page the search answer ({@code data[]}, {@code includes.users[]})
   * @param rootId the conversation's root post id
   */
  public static List<Comment> comments(
      TwitterDtos.Envelope<List<TwitterDtos.Tweet>> page, String rootId) {
    List<Comment> out = new ArrayList<>();
    if (page.data() == null) {
      return out;
    }
    Map<String, TwitterDtos.User> users = page.usersById();
    for (TwitterDtos.Tweet t : page.data()) {
      String id = t == null || t.id() == null ? "" : t.id();
      if (id.isEmpty() || id.equals(rootId)) {
        continue;
      }
      out.add(comment(t, users));
    }
    return out;
  }

  /** Maps one post object (a reply) to a comment, without author names. */
  public static Comment comment(TwitterDtos.Tweet t) {
    return comment(t, Map.of());
  }

  /**
   * Maps one post object (a reply) to a comment.
   *
   * @param users expanded users by id; the author's name is {@code @username} when found
   */
  public static Comment comment(TwitterDtos.Tweet t, Map<String, TwitterDtos.User> users) {
    Comment.Builder b =
        Comment.builder(CommentRef.of(Platform.TWITTER, t.id()))
            .text(t.text() == null ? "" : t.text());
    if (t.authorId() != null) {
      b.authorId(t.authorId());
      TwitterDtos.User u = users.get(t.authorId());
      if (u != null && u.username() != null) {
        b.authorName("@" + u.username());
      }
    }
    Instant created = instant(t.createdAt());
    if (created != null) {
      b.createdAt(created);
    }
    for (TwitterDtos.Reference r : t.references()) {
      if (r != null && "replied_to".equals(r.type())) {
        b.parentId(r.id());
      }
    }
    Map<String, Object> pm = group(t.publicMetrics());
    Long likes = number(pm, "like_count");
    if (likes != null) {
      b.likeCount(likes);
    }
    Long replies = number(pm, "reply_count");
    if (replies != null) {
      b.replyCount(replies);
    }
    return b.build();
  }

  /** Maps one of the account's own posts ({@code GET /2/users/{id}/tweets}). */
  public static AccountPost accountPost(TwitterDtos.Tweet t) {
    return new AccountPost(
        PublishedPost.builder(PostRef.of(Platform.TWITTER, t.id())).url(url(t.id())).build(),
        t.text() == null ? "" : t.text(),
        Instant.parse(t.createdAt() == null ? "" : t.createdAt()));
  }

  /**
   * Maps {@code GET /2/users/me?user.fields=public_metrics} to the account's figures ({@code
   * followers_count}, {@code following_count}, {@code tweet_count}; every figure also raw).
   */
  public static AccountInfo accountInfo(TwitterDtos.User d, Instant now) {
    Map<String, Object> pm = group(d.publicMetrics());
    AccountInfo.Builder b =
        AccountInfo.builder(Platform.TWITTER, d.id() == null ? "" : d.id())
            .handle(d.username())
            .name(d.name())
            .followers(number(pm, "followers_count"))
            .following(number(pm, "following_count"))
            .postCount(number(pm, "tweet_count"))
            .retrievedAt(now);
    pm.forEach((k, v) -> b.raw(k, v instanceof Number n ? n.longValue() : null));
    return b.build();
  }

  private static Instant instant(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
