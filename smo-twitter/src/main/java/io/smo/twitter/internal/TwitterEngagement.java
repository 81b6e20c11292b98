package io.smo.twitter.internal;

import io.smo.core.AccountInfo;
import io.smo.core.AccountPost;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.PlatformException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.twitter.TwitterRateBucket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engagement on X: metrics ({@code GET /2/tweets/{id}}), replies read by recent search with their
 * authors in the same answer ({@code expansions=author_id}), replies and comments (posts through
 * {@code POST /2/tweets}), hiding replies, the account's own recent posts and figures, and the
 * account's X user id ({@code GET /2/users/me} once when not configured). Thread-safe.
 *
 * @see <a href="https://docs.x.com/x-api/fundamentals/metrics">Metrics</a>
 * @see <a href="https://docs.x.com/x-api/fundamentals/fields">Fields and expansions</a>
 */
@SmoInternalApi
public final class TwitterEngagement {
  static final String METRIC_FIELDS = "public_metrics,non_public_metrics,organic_metrics";

  /** Reply fields under {@code tweet.fields}. */
  static final String REPLY_FIELDS =
      "author_id,created_at,conversation_id,in_reply_to_user_id,"
          + "referenced_tweets,public_metrics";

  /**
   * Reply fields under {@code post.fields}: OpenAPI 2.167 lists no {@code author_id} or {@code
   * referenced_posts} among the requestable fields, so the author comes through {@code
   * expansions=author_id} and the references are read when present.
   */
  static final String REPLY_POST_FIELDS = "conversation_id,created_at,public_metrics";

  /** {@code expansions} of a comment read: the author of each reply, in {@code includes.users}. */
  static final String REPLY_EXPANSIONS = "author_id";

  /** {@code user.fields} of the expanded authors. */
  static final String AUTHOR_FIELDS = "name,username";

  private final ApiRuntime runtime;
  private final TwitterApi api;
  private final String fieldsParameter;
  private final TwitterPublisher publisher;
  private volatile String accountId;

  /**
   * Creates the engagement part.
   *
   * @param runtime the runtime
   * @param api the Retrofit service
   * @param fieldsParameter {@code post.fields} or {@code tweet.fields}
   * @param accountId the account's X user id, or {@code null} to read it from {@code /2/users/me}
   *     when first needed
   * @param publisher posts replies ({@code POST /2/tweets})
   */
  public TwitterEngagement(
      ApiRuntime runtime,
      TwitterApi api,
      String fieldsParameter,
      String accountId,
      TwitterPublisher publisher) {
    this.runtime = runtime;
    this.api = api;
    this.fieldsParameter = fieldsParameter;
    this.accountId = accountId;
    this.publisher = publisher;
  }

  /** Returns the account's X user id when given or already learned, else {@code null}. */
  public String knownAccountId() {
    return accountId;
  }

  /**
   * Returns the account's X user id: the configured one, else read once with {@code GET
   * /2/users/me} and kept.
   *
   * @throws PlatformException if the answer names no id
   * @throws io.smo.core.exception.SmoException if the call fails
   */
  public String accountId() {
    String id = accountId;
    if (id == null) {
      synchronized (this) {
        if (accountId == null) {
          TwitterDtos.Envelope<TwitterDtos.User> me =
              runtime.call(Operation.read("account", TwitterRateBucket.USERS_ME), api::me);
          String read = me == null || me.data() == null ? null : me.data().id();
          if (read == null || read.isBlank()) {
            throw new PlatformException(
                ErrorDetails.builder(Platform.TWITTER, "account")
                    .message("GET /2/users/me named no user id")
                    .build(),
                false);
          }
          accountId = read;
        }
        id = accountId;
      }
    }
    return id;
  }

  private Operation keyed(Operation op) {
    String id = accountId;
    return id == null ? op : op.forAccount(id);
  }

  private Map<String, String> fields(String postFields, String tweetFields) {
    return Map.of(
        fieldsParameter, fieldsParameter.equals("tweet.fields") ? tweetFields : postFields);
  }

  /**
   * Reads a post's metrics; when the private groups are refused (not own post, older than 30 days,
   * app-only token) reads the public ones only.
   */
  public EngagementMetrics metrics(PostRef ref) {
    Operation op = keyed(Operation.read("metrics", TwitterRateBucket.TWEETS_READ));
    ApiResponse<TwitterDtos.Envelope<TwitterDtos.Tweet>> r =
        runtime.callForResponse(
            op, () -> api.tweet(ref.id(), fields(METRIC_FIELDS, METRIC_FIELDS)));
    TwitterDtos.Envelope<TwitterDtos.Tweet> b = r.body();
    if (b == null || b.data() == null) {
      r =
          runtime.callForResponse(
              op, () -> api.tweet(ref.id(), fields("public_metrics", "public_metrics")));
      b = r.body();
      if (b == null || b.data() == null) {
        throw runtime.mapFailure(
            op, r.status(), r.headers(), b == null ? "" : TwitterPublisher.errorBody(runtime, b));
      }
    }
    return TwitterMapper.metrics(ref, b.data(), runtime.clock().instant());
  }

  /**
   * Lists the account's own posts since {@code since} ({@code GET /2/users/:id/tweets} with {@code
   * start_time}, at most 100).
   */
  public List<AccountPost> recentPosts(Instant since) {
    String me = accountId();
    TwitterDtos.Envelope<List<TwitterDtos.Tweet>> b =
        runtime.call(
            keyed(Operation.read("recent posts", TwitterRateBucket.USERS_TWEETS)),
            () ->
                api.userTweets(
                    me, since.truncatedTo(ChronoUnit.SECONDS).toString(), "created_at", 100));
    List<AccountPost> out = new ArrayList<>();
    if (b != null && b.data() != null) {
      for (TwitterDtos.Tweet t : b.data()) {
        out.add(TwitterMapper.accountPost(t));
      }
    }
    return out;
  }

  /**
   * Replies to a post, found by recent search {@code conversation_id:<id>} (7 days), with their
   * authors expanded in the same answer.
   */
  public Paginator<Comment> comments(PostRef ref) {
    Operation op = keyed(Operation.read("comments", TwitterRateBucket.TWEETS_SEARCH));
    String query = "conversation_id:" + ref.id();
    Map<String, String> params = new LinkedHashMap<>(fields(REPLY_POST_FIELDS, REPLY_FIELDS));
    params.put("expansions", REPLY_EXPANSIONS);
    params.put("user.fields", AUTHOR_FIELDS);
    return Paginator.of(
        cursor -> {
          ApiResponse<TwitterDtos.Envelope<List<TwitterDtos.Tweet>>> r =
              runtime.callForResponse(op, () -> api.searchRecent(query, params, 100, cursor));
          TwitterDtos.Envelope<List<TwitterDtos.Tweet>> b = r.body();
          if (b == null) {
            return Page.of(List.of(), null);
          }
          TwitterPublisher.failOnErrorsWithoutData(runtime, op, r);
          String next = b.meta() == null ? null : b.meta().nextToken();
          return Page.of(TwitterMapper.comments(b, ref.id()), next);
        });
  }

  /** Posts {@code text} as a reply to post {@code id} (validated by the caller). */
  public Comment replyTo(String id, String text) {
    String newId =
        publisher.create(
            new TwitterDtos.CreateTweetRequest(
                text, null, null, new TwitterDtos.ReplyTo(id, null), null, null, null));
    return Comment.builder(CommentRef.of(Platform.TWITTER, newId))
        .text(text)
        .parentId(id)
        .createdAt(runtime.clock().instant())
        .build();
  }

  /** Hides or unhides a reply to an own post ({@code PUT /2/tweets/{id}/hidden}). */
  public void hide(CommentRef comment, ModerationAction action) {
    Operation op = keyed(Operation.write("moderate", TwitterRateBucket.TWEETS_HIDE));
    ApiResponse<TwitterDtos.Envelope<TwitterDtos.Hidden>> r =
        runtime.callForResponse(
            op,
            () ->
                api.hideReply(
                    comment.id(), new TwitterDtos.HideRequest(action == ModerationAction.HIDE)));
    TwitterPublisher.failOnErrorsWithoutData(runtime, op, r);
  }

  /**
   * Reads the account's figures: {@code GET /2/users/me?user.fields=public_metrics} ({@code
   * followers_count}, {@code following_count}, {@code tweet_count}); learns the account id from it
   * when not known yet.
   */
  public AccountInfo accountInfo() {
    TwitterDtos.Envelope<TwitterDtos.User> root =
        runtime.call(
            keyed(Operation.read("account info", TwitterRateBucket.USERS_ME)),
            () -> api.me("public_metrics"));
    TwitterDtos.User d =
        root == null || root.data() == null
            ? new TwitterDtos.User(null, null, null, null)
            : root.data();
    if (accountId == null && d.id() != null && !d.id().isBlank()) {
      synchronized (this) {
        if (accountId == null) {
          accountId = d.id();
        }
      }
    }
    return TwitterMapper.accountInfo(d, runtime.clock().instant());
  }
}
