package io.smo.twitter.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.ReplyPolicy;
import io.smo.core.SmoInternalApi;
import io.smo.core.TextOverflow;
import io.smo.core.Violation;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.text.TextFitting;
import io.smo.core.upload.UploadListener;
import io.smo.twitter.TwitterCapabilities;
import io.smo.twitter.TwitterClient;
import io.smo.twitter.TwitterOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link TwitterClient} implementation over core's runtime. Immutable and thread-safe. */
@SmoInternalApi
public final class DefaultTwitterClient extends BaseSocialClient implements TwitterClient {
  static final String METRIC_FIELDS = "public_metrics,non_public_metrics,organic_metrics";
  /** Reply fields under {@code tweet.fields}. */
  static final String REPLY_FIELDS = "author_id,created_at,conversation_id,in_reply_to_user_id,"
      + "referenced_tweets,public_metrics";
  /**
   * Reply fields under {@code post.fields}: OpenAPI 2.167 lists no {@code author_id} or {@code
   * referenced_posts} among the requestable fields, so those are read when present.
   */
  static final String REPLY_POST_FIELDS = "conversation_id,created_at,public_metrics";

  private final TwitterApi api;
  private final TwitterMediaUploader uploader;
  private final UploadListener listener;
  private final String fieldsParameter;
  private final TwitterInbox inbox;

  /**
   * Creates the client.
   *
   * @param runtime the runtime (owned)
   * @param accountKey the account key
   * @param listener upload progress listener
   * @param segmentBytes preferred append segment
   * @param processingDeadline the longest wait for processing
   * @param fieldsParameter {@code post.fields} or {@code tweet.fields}
   */
  public DefaultTwitterClient(ApiRuntime runtime, String accountKey, UploadListener listener,
      long segmentBytes, Duration processingDeadline, String fieldsParameter) {
    this(runtime, accountKey, listener, segmentBytes, processingDeadline, fieldsParameter, null);
  }

  /**
   * Creates the client.
   *
   * @param runtime the runtime (owned)
   * @param accountKey the account key
   * @param listener upload progress listener
   * @param segmentBytes preferred append segment
   * @param processingDeadline the longest wait for processing
   * @param fieldsParameter {@code post.fields} or {@code tweet.fields}
   * @param userId the account's X user id, or {@code null} to read it from {@code /2/users/me} when needed
   */
  public DefaultTwitterClient(ApiRuntime runtime, String accountKey, UploadListener listener,
      long segmentBytes, Duration processingDeadline, String fieldsParameter, String userId) {
    super(runtime, TwitterCapabilities.get(), accountKey != null ? accountKey
        : userId != null ? userId : Platform.TWITTER.id());
    this.userId = accountKey != null ? accountKey : userId;
    this.api = runtime.service(TwitterApi.class);
    this.uploader = new TwitterMediaUploader(runtime, api, segmentBytes, processingDeadline);
    this.listener = listener;
    this.fieldsParameter = fieldsParameter;
    this.inbox = new TwitterInbox(runtime, api, super.accountKey(), userId, fieldsParameter);
  }

  private volatile String userId;

  /**
   * Returns the X user id this client posts as: the one given to the builder, else read once with
   * {@code GET /2/users/me} and kept.
   *
   * @throws io.smo.core.exception.SmoException if that call fails
   */
  @Override
  public String accountKey() {
    String id = userId;
    if (id == null) {
      synchronized (this) {
        if (userId == null) {
          JsonNode me = runtime.call(Operation.read("account", "users.me"), () -> api.me());
          String read = me == null ? null : me.path("data").path("id").asText(null);
          if (read == null || read.isBlank()) {
            throw new io.smo.core.exception.PlatformException(io.smo.core.exception.ErrorDetails
                .builder(Platform.TWITTER, "account").message("GET /2/users/me named no user id")
                .build(), false);
          }
          userId = read;
        }
        id = userId;
      }
    }
    return id;
  }

  private java.util.Map<String, String> fields(String postFields, String tweetFields) {
    return java.util.Map.of(fieldsParameter,
        fieldsParameter.equals("tweet.fields") ? tweetFields : postFields);
  }

  @Override
  protected List<Violation> platformViolations(Post post) {
    List<Violation> out = new ArrayList<>();
    Platform p = Platform.TWITTER;
    for (int i = 0; i < post.media().size(); i++) {
      Media m = post.media().get(i);
      if (m.sourceType() == Media.SourceType.URL) {
        out.add(Violation.of(p, "media[" + i + "]", "media-source", "URL", null,
            "X does not fetch media from URLs; give a file or bytes"));
      }
      String field = "media[" + i + "].altText";
      m.altText().filter(a -> a.codePointCount(0, a.length()) > TwitterCapabilities.MAX_ALT_TEXT)
          .ifPresent(a -> out.add(Violation.of(p, field, "max-length",
              a.codePointCount(0, a.length()), TwitterCapabilities.MAX_ALT_TEXT,
              "alt text is too long")));
    }
    Optional<TwitterOptions> o = post.options(TwitterOptions.class);
    boolean override = o.flatMap(TwitterOptions::replySettings).isPresent();
    if (!override && post.audience().replyPolicy() == ReplyPolicy.NOBODY
        && !post.audience().dropUnsupported()) {
      out.add(Violation.of(p, "audience.replyPolicy", "reply-policy-unsupported",
          ReplyPolicy.NOBODY, null, "X cannot turn replies off; the narrowest setting is "
              + "MENTIONED_ONLY"));
    }
    if (o.isPresent() && o.get().quoteTweetId().isPresent() && !post.media().isEmpty()) {
      out.add(Violation.of(p, "options.twitter.quote", "quote-with-media", null, null,
          "X does not accept media together with a quoted post"));
    }
    return out;
  }

  @Override
  protected PublishedPost doPublish(Post post) {
    List<String> parts = new ArrayList<>();
    if (post.textOverflow() == TextOverflow.THREAD && capabilities().textLimit().isPresent()
        && !capabilities().textLimit().get().fits(post.text())) {
      parts.addAll(TextFitting.splitNumbered(post.text(), capabilities().textLimit().get()));
    } else {
      parts.add(post.text());
    }
    parts.addAll(post.thread());

    List<String> mediaIds = new ArrayList<>();
    for (Media m : post.media()) {
      mediaIds.add(uploader.upload(m, listener));
    }
    Optional<TwitterOptions> opts = post.options(TwitterOptions.class);
    Optional<String> replySettings = opts.flatMap(TwitterOptions::replySettings)
        .or(() -> TwitterCapabilities.replySettings(post.audience().replyPolicy()))
        .flatMap(TwitterOptions.ReplySettings::wireValue);

    List<PostRef> published = new ArrayList<>();
    String previous = null;
    for (int i = 0; i < parts.size(); i++) {
      ObjectNode body = runtime.json().createObjectNode();
      if (!parts.get(i).isEmpty()) {
        body.put("text", parts.get(i));
      }
      if (i == 0) {
        if (!mediaIds.isEmpty()) {
          ArrayNode ids = body.putObject("media").putArray("media_ids");
          mediaIds.forEach(ids::add);
        }
        if (opts.isPresent()) {
          TwitterOptions o = opts.get();
          o.quoteTweetId().ifPresent(q -> body.put("quote_tweet_id", q));
          if (o.inReplyToTweetId().isPresent()) {
            ObjectNode r = body.putObject("reply");
            r.put("in_reply_to_tweet_id", o.inReplyToTweetId().get());
            if (!o.excludeReplyUserIds().isEmpty()) {
              ArrayNode ex = r.putArray("exclude_reply_user_ids");
              o.excludeReplyUserIds().forEach(ex::add);
            }
          }
          if (o.madeWithAi()) {
            body.put("made_with_ai", true);
          }
          if (o.paidPartnership()) {
            body.put("paid_partnership", true);
          }
        }
      } else {
        body.putObject("reply").put("in_reply_to_tweet_id", previous);
      }
      replySettings.ifPresent(rs -> body.put("reply_settings", rs));
      String id;
      try {
        id = create(body);
      } catch (PublishOutcomeUnknownException e) {
        throw e.withContext(post.idempotencyKey(), published);
      } catch (SmoException e) {
        if (published.isEmpty()) {
          throw e;
        }
        PublishOutcomeUnknownException partial = new PublishOutcomeUnknownException(
            Platform.TWITTER, "publish", "thread part " + (i + 1) + " of " + parts.size()
                + " failed after " + published.size() + " part(s) were posted: " + e.getMessage(),
            e, post.idempotencyKey(), published, null);
        partial.withAttempts(e.attempts());
        throw partial;
      }
      published.add(PostRef.of(Platform.TWITTER, id));
      previous = id;
    }
    PostRef root = published.get(0);
    return PublishedPost.builder(root).url(url(root.id())).publishedAt(clock().instant())
        .parts(published).build();
  }

  static URI url(String id) {
    return URI.create("https://x.com/i/web/status/" + id);
  }

  /** Posts one {@code POST /2/tweets} body and returns the new id. */
  private String create(ObjectNode body) {
    Operation op = Operation.create("publish", "tweets.create");
    ApiResponse<JsonNode> r = runtime.callForResponse(op, () -> api.createTweet(body));
    JsonNode b = r.body();
    String id = b == null ? "" : b.path("data").path("id").asText("");
    if (id.isEmpty()) {
      if (b != null && b.path("errors").isArray() && b.path("errors").size() > 0) {
        throw runtime.mapFailure(op, r.status(), r.headers(), b.toString());
      }
      throw new PublishOutcomeUnknownException(Platform.TWITTER, "publish",
          "the create answer carries no post id; not retried so that nothing is posted twice",
          null, null, List.of(), null);
    }
    return id;
  }

  @Override
  public String uploadMedia(Media media) {
    Post probe = Post.builder().addMedia(media).build();
    List<Violation> v = validate(probe);
    if (!v.isEmpty()) {
      throw new ValidationException(Platform.TWITTER, v);
    }
    return uploader.upload(media, listener);
  }

  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    Operation op = Operation.write("delete", "tweets.delete");
    ApiResponse<JsonNode> r = runtime.callForResponse(op, () -> api.deleteTweet(ref.id()));
    failOnErrorsWithoutData(op, r);
  }

  private void failOnErrorsWithoutData(Operation op, ApiResponse<JsonNode> r) {
    JsonNode b = r.body();
    if (b != null && !b.has("data") && b.path("errors").isArray() && b.path("errors").size() > 0) {
      throw runtime.mapFailure(op, r.status(), r.headers(), b.toString());
    }
  }

  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    Operation op = Operation.read("metrics", "tweets.read");
    ApiResponse<JsonNode> r = runtime.callForResponse(op, () -> api.tweet(ref.id(), fields(METRIC_FIELDS, METRIC_FIELDS)));
    JsonNode b = r.body();
    if (b == null || !b.path("data").isObject()) {
      // private metrics refused (not own post, older than 30 days, app-only token): public only
      r = runtime.callForResponse(op, () -> api.tweet(ref.id(), fields("public_metrics", "public_metrics")));
      b = r.body();
      if (b == null || !b.path("data").isObject()) {
        throw runtime.mapFailure(op, r.status(), r.headers(), b == null ? "" : b.toString());
      }
    }
    return TwitterMappers.metrics(ref, b.path("data"), clock().instant());
  }

  /**
   * Lists the account's own posts since {@code since} ({@code GET /2/users/:id/tweets} with {@code
   * start_time}, at most 100, after {@code GET /2/users/me} for the id).
   */
  @Override
  public java.util.List<io.smo.core.AccountPost> recentPosts(java.time.Instant since) {
    String me = runtime.call(Operation.read("me", "users.me"), api::me).path("data").path("id").asText();
    JsonNode b = runtime.call(Operation.read("recent posts", "users.tweets"), () -> api.userTweets(me,
        since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "created_at", 100));
    java.util.List<io.smo.core.AccountPost> out = new java.util.ArrayList<>();
    if (b != null) {
      for (JsonNode t : b.path("data")) {
        String id = t.path("id").asText();
        out.add(new io.smo.core.AccountPost(io.smo.core.PublishedPost.builder(PostRef.of(Platform.TWITTER, id))
            .url(java.net.URI.create("https://x.com/i/web/status/" + id)).build(), t.path("text").asText(),
            java.time.Instant.parse(t.path("created_at").asText())));
      }
    }
    return out;
  }

  @Override
  public Paginator<Comment> comments(PostRef ref) {
    checkRef(ref);
    Operation op = Operation.read("comments", "tweets.search");
    String query = "conversation_id:" + ref.id();
    return Paginator.of(cursor -> {
      ApiResponse<JsonNode> r = runtime.callForResponse(op,
          () -> api.searchRecent(query, fields(REPLY_POST_FIELDS, REPLY_FIELDS), 100, cursor));
      JsonNode b = r.body();
      if (b == null) {
        return Page.of(List.of(), null);
      }
      failOnErrorsWithoutData(op, r);
      String next = b.path("meta").path("next_token").asText(null);
      return Page.of(TwitterMappers.comments(b, ref.id()), next);
    });
  }

  @Override
  public Comment reply(CommentRef comment, String text) {
    checkRef(comment);
    return replyTo(comment.id(), text);
  }

  /**
   * Reads the account's figures: {@code GET /2/users/me?user.fields=public_metrics,username,name}
   * ({@code public_metrics.followers_count}, {@code following_count}, {@code tweet_count}).
   */
  @Override
  public io.smo.core.AccountInfo accountInfo() {
    JsonNode root = runtime.call(Operation.read("account info", "users.me"), () -> api.me("public_metrics"));
    JsonNode d = root.path("data");
    JsonNode pm = d.path("public_metrics");
    io.smo.core.AccountInfo.Builder b = io.smo.core.AccountInfo.builder(Platform.TWITTER, d.path("id").asText(""))
        .handle(d.path("username").asText(null)).name(d.path("name").asText(null))
        .followers(count(pm, "followers_count")).following(count(pm, "following_count"))
        .postCount(count(pm, "tweet_count")).retrievedAt(clock().instant());
    pm.fields().forEachRemaining(e -> b.raw(e.getKey(), e.getValue().canConvertToLong() ? e.getValue().asLong() : null));
    return b.build();
  }

  private static Long count(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.canConvertToLong() ? null : v.asLong();
  }

  @Override
  public Comment comment(PostRef post, String text) {
    checkRef(post);
    return replyTo(post.id(), text);
  }

  private Comment replyTo(String id, String text) {
    checkText(text);
    if (!capabilities().textLimit().get().fits(text)) {
      throw ValidationException.of(Platform.TWITTER, "text", "max-length",
          TwitterCapabilities.weightedLength(text), TwitterCapabilities.MAX_WEIGHTED_LENGTH,
          "reply is too long, counted as X weighted length");
    }
    ObjectNode body = runtime.json().createObjectNode();
    body.put("text", text);
    body.putObject("reply").put("in_reply_to_tweet_id", id);
    String newId = create(body);
    return Comment.builder(CommentRef.of(Platform.TWITTER, newId)).text(text).parentId(id)
        .createdAt(clock().instant()).build();
  }

  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    checkRef(comment);
    if (action == ModerationAction.DELETE) {
      throw unsupported("moderate delete", "X lets an author hide replies to their posts, "
          + "not delete other people's replies");
    }
    ObjectNode body = runtime.json().createObjectNode();
    body.put("hidden", action == ModerationAction.HIDE);
    Operation op = Operation.write("moderate", "tweets.hide");
    ApiResponse<JsonNode> r = runtime.callForResponse(op, () -> api.hideReply(comment.id(), body));
    failOnErrorsWithoutData(op, r);
  }

  // ---- inbox: DMs (v2 dm_events) and the mentions timeline ----

  @Override
  public String userId() {
    return inbox.userId();
  }

  @Override
  public Paginator<io.smo.core.inbox.Conversation> conversations() {
    return inbox.conversations();
  }

  @Override
  public Paginator<io.smo.core.inbox.Message> messages(String conversationId) {
    return inbox.messages(conversationId);
  }

  @Override
  public io.smo.core.inbox.Message send(io.smo.core.inbox.MessageRecipient to,
      io.smo.core.inbox.OutgoingMessage message) {
    return inbox.send(to, message);
  }

  @Override
  public Paginator<io.smo.core.inbox.Mention> mentions() {
    return inbox.mentions();
  }

  @Override
  public Iterable<io.smo.core.inbox.InboxItem> items(io.smo.core.inbox.InboxItemKind kind,
      java.time.Instant since) {
    if (kind == io.smo.core.inbox.InboxItemKind.MESSAGE) {
      return io.smo.core.inbox.InboxStreams.until(
          io.smo.core.inbox.InboxStreams.widen(inbox.allMessages()), since);
    }
    return super.items(kind, since);
  }

  @Override
  public io.smo.core.inbox.InboxItem answer(io.smo.core.inbox.InboxItem item, String text) {
    checkOwnItem(item);
    if (item instanceof io.smo.core.inbox.Mention) {
      io.smo.core.inbox.Mention m = (io.smo.core.inbox.Mention) item;
      Comment c = replyTo(m.post().id(), text);
      return io.smo.core.inbox.InboxComment.builder(accountKey(), m.post(), c)
          .direction(io.smo.core.inbox.Direction.OUTBOUND).build();
    }
    return super.answer(item, text);
  }
}
