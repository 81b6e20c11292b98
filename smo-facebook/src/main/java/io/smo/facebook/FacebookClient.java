package io.smo.facebook;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoPublicApi;
import io.smo.core.Violation;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.HttpSettings;
import io.smo.core.http.Operation;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.ClientBuilder;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.core.upload.UploadListener;
import io.smo.facebook.graph.AppSecretProof;
import io.smo.facebook.graph.GraphApiVersion;
import io.smo.facebook.graph.GraphErrorMapper;
import io.smo.facebook.graph.GraphPaging;
import io.smo.facebook.graph.GraphRateLimitParser;
import io.smo.facebook.internal.ChunkedVideoProtocol;
import io.smo.facebook.internal.GraphHttp;
import io.smo.facebook.internal.GraphMappers;
import io.smo.facebook.internal.MessengerInbox;
import io.smo.facebook.internal.Targeting;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Publishes to one Facebook Page through the Graph API and reads its engagement. Immutable and
 * thread-safe; close it to release the connection pool.
 *
 * <ul>
 *   <li>text and link: {@code POST /{page-id}/feed} ({@code message}, {@code link});
 *   <li>one photo: {@code POST /{page-id}/photos} ({@code url} or multipart {@code source},
 *       {@code caption}); the returned {@code post_id} is the post's id (insights and comments
 *       belong to it), the photo id is kept as attribute {@code photoId};
 *   <li>several photos: each uploaded with {@code published=false} (plus {@code temporary=true}
 *       when scheduled), then {@code POST /{page-id}/feed} with {@code attached_media[i]};
 *   <li>video: {@code POST /{page-id}/videos}, with {@code file_url} for a URL, else the chunked
 *       protocol ({@code upload_phase=start|transfer|finish}, server-decided offsets, a failed
 *       chunk resumed at the offset the error reports), then {@code status.video_status} polled
 *       to {@code ready};
 *   <li>Reel ({@link FacebookOptions#asReel()}): {@code POST /{page-id}/video_reels} {@code
 *       upload_phase=start}, the bytes to the returned {@code upload_url} ({@code offset} and
 *       {@code file_size} headers), then {@code upload_phase=finish} with {@code
 *       video_state=PUBLISHED|SCHEDULED};
 *   <li>native scheduling: {@code published=false} + {@code scheduled_publish_time} (unix
 *       seconds), 10 minutes to 30 days ahead (checked offline);
 *   <li>audience: {@code targeting} and {@code feed_targeting} (see {@link FacebookOptions}).
 * </ul>
 *
 * <p>Permissions: {@code pages_manage_posts}, {@code pages_read_engagement}, {@code
 * pages_show_list} to publish; {@code publish_video} for video; {@code pages_manage_engagement} to
 * reply, hide and delete comments; {@code read_insights} for insights.
 *
 * <pre>{@code
 * try (FacebookClient fb = FacebookClient.builder().pageId("1234").accessToken(pageToken).build()) {
 *   PublishedPost p = fb.publish(Post.builder().text("Hello").build());
 * }
 * }</pre>
 *
 * @see <a href="https://developers.facebook.com/docs/pages-api/posts">Pages API: posts</a>
 * @see <a href="https://developers.facebook.com/docs/video-api/guides/reels-publishing">Reels publishing</a>
 */
@SmoPublicApi
public final class FacebookClient extends BaseSocialClient {
  /** The production base URL. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://graph.facebook.com/");
  /** Longest wait for video processing: 30 minutes. */
  public static final Duration PROCESSING_DEADLINE = Duration.ofMinutes(30);

  private static final Operation PUBLISH = Operation.create("publish", "feed");
  private static final Operation PHOTO = Operation.create("upload_photo", "photos");
  private static final Operation VIDEO_START = Operation.create("video_upload_start", "videos");
  private static final Operation VIDEO_FINISH = Operation.create("video_upload_finish", "videos");
  private static final Operation REEL_START = Operation.create("reel_start", "videos");
  private static final Operation REEL_UPLOAD = Operation.write("reel_upload", "videos").withoutRetry();
  private static final Operation REEL_FINISH = Operation.create("reel_finish", "videos");
  private static final Operation STATUS = Operation.read("video_status", "reads");
  private static final Operation DELETE = Operation.write("delete", "feed");
  private static final Operation METRICS = Operation.read("metrics", "reads");
  private static final Operation ACCOUNT = Operation.read("account info", "reads");
  private static final Operation COMMENTS = Operation.read("comments", "reads");
  private static final Operation COMMENT = Operation.create("comment", "comments");
  private static final Operation MODERATE = Operation.write("moderate", "comments");

  private final GraphHttp http;
  private final String pageId;
  private final UploadListener listener;
  private final OkHttpClient ownedHttp;
  private final MessengerInbox inbox;

  private FacebookClient(Builder b, ApiRuntime rt, OkHttpClient ownedHttp) {
    super(rt, FacebookCapabilities.get(), "facebook:" + b.pageId);
    this.http = new GraphHttp(rt, b.version);
    this.pageId = b.pageId;
    this.listener = b.listener;
    this.ownedHttp = ownedHttp;
    this.inbox = new MessengerInbox(Platform.FACEBOOK, http, pageId, accountKey(), rt.clock(),
        "messenger", FacebookCapabilities.MAX_MESSAGE_TEXT);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the Page id. */
  public String pageId() {
    return pageId;
  }

  /** Returns the Graph API version in use. */
  public GraphApiVersion graphVersion() {
    return http.version();
  }

  @Override
  protected List<Violation> platformViolations(Post post) {
    FacebookOptions o = post.options(FacebookOptions.class).orElse(null);
    List<Violation> out = new ArrayList<>(Targeting.violations(post.audience(), o));
    if (o != null && o.asReel()
        && (post.media().size() != 1 || post.media().get(0).kind() != MediaKind.VIDEO)) {
      out.add(Violation.of(Platform.FACEBOOK, "options.asReel", "reel-single-video",
          post.media().size(), 1, "a Reel is exactly one video"));
    }
    if (post.link().isPresent() && !post.media().isEmpty()) {
      out.add(Violation.of(Platform.FACEBOOK, "link", "link-with-media", post.link().get(), null,
          "a Page post carries either a link preview or media, not both"));
    }
    return out;
  }

  @Override
  protected PublishedPost doPublish(Post post) {
    FacebookOptions o = post.options(FacebookOptions.class).orElse(null);
    Map<String, String> common = new LinkedHashMap<>(Targeting.params(post.audience(), o));
    boolean scheduled = post.scheduledAt().isPresent();
    if (scheduled) {
      common.put("published", "false");
      common.put("scheduled_publish_time", Long.toString(post.scheduledAt().get().getEpochSecond()));
    }
    List<Media> media = post.media();
    if (media.isEmpty()) {
      Map<String, String> form = new LinkedHashMap<>(common);
      if (!post.text().isEmpty()) {
        form.put("message", post.text());
      }
      post.link().ifPresent(l -> form.put("link", l.toString()));
      JsonNode r = http.post(PUBLISH, pageId + "/feed", form);
      return published(id(r, "id", PUBLISH), Map.of(), post);
    }
    Media first = media.get(0);
    if (first.kind() == MediaKind.VIDEO) {
      return o != null && o.asReel() ? publishReel(post, first, Targeting.params(post.audience(), o)) : publishVideo(post, first, common, o);
    }
    if (media.size() == 1) {
      Map<String, String> form = new LinkedHashMap<>(common);
      if (!post.text().isEmpty()) {
        form.put("caption", post.text());
      }
      JsonNode r = uploadPhoto(first, form);
      String postId = r.path("post_id").asText("");
      String photoId = id(r, "id", PHOTO);
      return published(postId.isEmpty() ? photoId : postId, Map.of("photoId", photoId), post);
    }
    List<String> photoIds = new ArrayList<>();
    for (Media m : media) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("published", "false");
      if (scheduled) {
        form.put("temporary", "true");
      }
      try {
        photoIds.add(id(uploadPhoto(m, form), "id", PHOTO));
      } catch (PublishOutcomeUnknownException e) {
        throw e; // unpublished photos are invisible; nothing was posted
      }
    }
    Map<String, String> form = new LinkedHashMap<>(common);
    if (!post.text().isEmpty()) {
      form.put("message", post.text());
    }
    for (int i = 0; i < photoIds.size(); i++) {
      form.put("attached_media[" + i + "]", "{\"media_fbid\":\"" + photoIds.get(i) + "\"}");
    }
    JsonNode r = http.post(PUBLISH, pageId + "/feed", form);
    return published(id(r, "id", PUBLISH), Map.of("photoIds", String.join(",", photoIds)), post);
  }

  private JsonNode uploadPhoto(Media m, Map<String, String> form) {
    if (m.sourceType() == Media.SourceType.URL) {
      Map<String, String> f = new LinkedHashMap<>(form);
      f.put("url", m.url().orElseThrow().toString());
      return http.post(PHOTO, pageId + "/photos", f);
    }
    MediaType type = MediaType.get(m.mimeType());
    return http.postMultipart(PHOTO, pageId + "/photos", form, "source", fileName(m),
        () -> body(m, type));
  }

  private static RequestBody body(Media m, MediaType type) {
    if (m.sourceType() == Media.SourceType.FILE) {
      return RequestBody.create(m.file().orElseThrow().toFile(), type);
    }
    return RequestBody.create(m.bytes().orElseThrow(), type);
  }

  private static String fileName(Media m) {
    return m.file().map(f -> f.getFileName().toString()).orElse("media");
  }

  private PublishedPost publishVideo(Post post, Media m, Map<String, String> common, FacebookOptions o) {
    Map<String, String> meta = new LinkedHashMap<>(common);
    if (!post.text().isEmpty()) {
      meta.put("description", post.text());
    }
    if (o != null) {
      o.videoTitle().ifPresent(t -> meta.put("title", t));
    }
    String videoId;
    long total = 0;
    if (m.sourceType() == Media.SourceType.URL) {
      Map<String, String> f = new LinkedHashMap<>(meta);
      f.put("file_url", m.url().orElseThrow().toString());
      videoId = id(http.post(PUBLISH, pageId + "/videos", f), "id", PUBLISH);
    } else {
      Path file = materialize(m);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        total = ch.size();
        JsonNode start = http.post(VIDEO_START, pageId + "/videos",
            Map.of("upload_phase", "start", "file_size", Long.toString(total)));
        videoId = id(start, "video_id", VIDEO_START);
        String session = id(start, "upload_session_id", VIDEO_START);
        ChunkedVideoProtocol protocol = new ChunkedVideoProtocol(http, pageId, session,
            start.path("start_offset").asLong(0), start.path("end_offset").asLong(total));
        ChunkedUploader.upload(Platform.FACEBOOK, fileName(m), ch, total,
            MediaType.get(m.mimeType()), protocol, listener, runtime.retryPolicy(), runtime.sleeper());
        Map<String, String> fin = new LinkedHashMap<>(meta);
        fin.put("upload_phase", "finish");
        fin.put("upload_session_id", session);
        JsonNode done = http.post(VIDEO_FINISH, pageId + "/videos", fin);
        if (!done.path("success").asBoolean(false)) {
          throw new PublishOutcomeUnknownException(Platform.FACEBOOK, VIDEO_FINISH.name(),
              "finish phase did not report success", null, null, List.of(), videoId);
        }
      } catch (IOException e) {
        throw new TransportException(Platform.FACEBOOK, "publish", "cannot read the video file: "
            + e.getClass().getSimpleName(), e, false);
      } finally {
        if (m.sourceType() == Media.SourceType.BYTES) {
          deleteQuietly(file);
        }
      }
    }
    String postId = waitReady(videoId, total);
    return published(postId, Map.of("videoId", videoId), post);
  }

  /**
   * Publishes a Reel. Its audience goes on the finish call as {@code targeting} and {@code
   * feed_targeting}, which {@code POST /{page-id}/video_reels} accepts like {@code /feed}: never
   * dropped.
   */
  private PublishedPost publishReel(Post post, Media m, Map<String, String> targeting) {
    JsonNode start = http.post(REEL_START, pageId + "/video_reels", Map.of("upload_phase", "start"));
    String videoId = id(start, "video_id", REEL_START);
    String uploadUrl = start.path("upload_url").asText("");
    if (uploadUrl.isEmpty()) {
      throw new InvalidRequestException(io.smo.core.exception.ErrorDetails
          .builder(Platform.FACEBOOK, REEL_START.name()).message("no upload_url in the start answer").build());
    }
    URI target = URI.create(uploadUrl);
    Path file = materialize(m);
    long total;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      total = ch.size();
      long size = total;
      ChunkedUploader.upload(Platform.FACEBOOK, fileName(m), ch, total, MediaType.get(m.mimeType()),
          new ChunkedUploader.Protocol() {
            @Override
            public long chunkLength(long offset, long t) {
              return t - offset;
            }

            @Override
            public long send(io.smo.core.upload.spi.FileChunk chunk, long t) {
              runtime.execute(REEL_UPLOAD, () -> new Request.Builder().url(target.toString())
                  .header("Authorization", "OAuth " + runtime.tokens().orElseThrow().token().value())
                  .header("offset", Long.toString(chunk.offset()))
                  .header("file_size", Long.toString(size)).post(chunk).build(), true);
              return chunk.offset() + chunk.length();
            }

            @Override
            public long queryOffset(long t) {
              JsonNode s = http.get(STATUS, videoId, Map.of("fields", "status"));
              return s.path("status").path("uploading_phase").path("bytes_transferred").asLong(0);
            }
          }, listener, runtime.retryPolicy(), runtime.sleeper());
    } catch (IOException e) {
      throw new TransportException(Platform.FACEBOOK, "publish", "cannot read the media file: "
          + e.getClass().getSimpleName(), e, false);
    } finally {
      if (m.sourceType() == Media.SourceType.BYTES) {
        deleteQuietly(file);
      }
    }
    Map<String, String> fin = new LinkedHashMap<>(targeting);
    fin.put("upload_phase", "finish");
    fin.put("video_id", videoId);
    if (post.scheduledAt().isPresent()) {
      fin.put("video_state", "SCHEDULED");
      fin.put("scheduled_publish_time", Long.toString(post.scheduledAt().get().getEpochSecond()));
    } else {
      fin.put("video_state", "PUBLISHED");
    }
    if (!post.text().isEmpty()) {
      fin.put("description", post.text());
    }
    JsonNode done = http.post(REEL_FINISH, pageId + "/video_reels", fin);
    if (!done.path("success").asBoolean(false)) {
      throw new PublishOutcomeUnknownException(Platform.FACEBOOK, REEL_FINISH.name(),
          "finish phase did not report success", null, null, List.of(), videoId);
    }
    String postId = waitReady(videoId, total);
    return published(postId, Map.of("videoId", videoId, "reel", "true"), post);
  }

  private String waitReady(String videoId, long total) {
    return ProcessingPoller.poll(Platform.FACEBOOK, "video_processing", videoId, () -> {
      JsonNode s = http.get(STATUS, videoId, Map.of("fields", "status,post_id"));
      String state = s.path("status").path("video_status").asText("processing");
      String postId = s.path("post_id").asText("");
      switch (state) {
        case "ready":
        case "published":
          return ProcessingStatus.succeeded(state, postId.isEmpty() ? videoId : postId);
        case "error":
          return ProcessingStatus.failed(state, s.path("status").path("processing_phase")
              .path("error").path("message").asText("video processing failed"));
        default:
          JsonNode p = s.path("status").get("processing_progress");
          return ProcessingStatus.pending(state, p == null ? null : p.asInt(), null);
      }
    }, PROCESSING_DEADLINE, Duration.ofSeconds(2), runtime.clock(), runtime.sleeper(), listener, total);
  }

  private static Path materialize(Media m) {
    if (m.sourceType() == Media.SourceType.FILE) {
      return m.file().orElseThrow();
    }
    try {
      Path tmp = Files.createTempFile("smo-fb-", ".upload");
      Files.write(tmp, m.bytes().orElseThrow());
      return tmp;
    } catch (IOException e) {
      throw new TransportException(Platform.FACEBOOK, "publish", "cannot read the media file: "
          + e.getClass().getSimpleName(), e, false);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // temp file
    }
  }

  private String id(JsonNode r, String field, Operation op) {
    String v = r.path(field).asText("");
    if (v.isEmpty()) {
      if (op.kind() == Operation.Kind.CREATE) {
        throw new PublishOutcomeUnknownException(Platform.FACEBOOK, op.name(),
            "answer has no '" + field + "'", null, null, List.of(), null);
      }
      throw new TransportException(Platform.FACEBOOK, op.name(), "answer has no '" + field + "'",
          null, false);
    }
    return v;
  }

  private PublishedPost published(String id, Map<String, String> attrs, Post post) {
    PostRef ref = PostRef.of(Platform.FACEBOOK, id, attrs);
    PublishedPost.Builder b = PublishedPost.builder(ref)
        .url(URI.create("https://www.facebook.com/" + id));
    if (post.scheduledAt().isPresent()) {
      b.scheduled(true).publishedAt(post.scheduledAt().get());
    } else {
      b.publishedAt(runtime.clock().instant());
    }
    return b.build();
  }

  /** Deletes a post ({@code DELETE /{page-post-id}}). */
  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    http.delete(DELETE, ref.id());
  }

  /**
   * Reads the Page's figures: {@code GET /{page-id}?fields=id,name,username,followers_count,fan_count}.
   * Followers are {@code followers_count}; {@code fan_count} (people who like the Page) is in
   * {@link io.smo.core.AccountInfo#raw()}. Pages report no following or post count.
   */
  @Override
  public io.smo.core.AccountInfo accountInfo() {
    JsonNode page = http.get(ACCOUNT, pageId, Map.of("fields", "id,name,username,followers_count,fan_count"));
    return io.smo.core.AccountInfo.builder(Platform.FACEBOOK, page.path("id").asText(pageId))
        .name(page.path("name").asText(null)).handle(page.path("username").asText(null))
        .followers(page.hasNonNull("followers_count") ? page.get("followers_count").asLong() : null)
        .raw("followers_count", page.hasNonNull("followers_count") ? page.get("followers_count").asLong() : null)
        .raw("fan_count", page.hasNonNull("fan_count") ? page.get("fan_count").asLong() : null)
        .retrievedAt(runtime.clock().instant()).build();
  }

  /**
   * Reads a post's engagement: reactions, comments and shares from the edge summaries
   * ({@code GET /{post-id}?fields=shares,reactions.summary(total_count).limit(0),
   * comments.summary(total_count).limit(0)}), then post insights ({@link
   * FacebookCapabilities#INSIGHT_METRICS}). When insights are refused (Pages under 100 likes, no
   * {@code read_insights}), the edge figures are returned with raw {@code insights_error}.
   */
  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    JsonNode post = http.get(METRICS, ref.id(), Map.of("fields",
        "shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)"));
    EngagementMetrics.Builder b = GraphMappers.metrics(ref, runtime.clock().instant());
    GraphMappers.edges(post, b);
    try {
      JsonNode ins = http.get(METRICS, ref.id() + "/insights",
          Map.of("metric", String.join(",", FacebookCapabilities.INSIGHT_METRICS), "period", "lifetime"));
      GraphMappers.insights(ins, b);
    } catch (PermissionException | InvalidRequestException e) {
      b.raw("insights_error", e.details().summary());
    }
    return b.build();
  }

  /**
   * Lists a post's comments, oldest first, with {@code filter=stream} so that ranking hides none;
   * pages follow {@code paging.next} and stop on a repeated one.
   */
  @Override
  public Paginator<Comment> comments(PostRef ref) {
    checkRef(ref);
    Map<String, String> q = Map.of("filter", "stream", "order", "chronological", "limit", "50",
        "fields", "id,message,from,created_time,like_count,comment_count,is_hidden,parent");
    return GraphPaging.paginator(cursor -> cursor == null
        ? http.get(COMMENTS, ref.id() + "/comments", q) : http.getNext(COMMENTS, cursor),
        GraphMappers::comment);
  }

  /** Replies to a comment as the Page ({@code POST /{comment-id}/comments}). */
  @Override
  public Comment reply(CommentRef comment, String text) {
    checkRef(comment);
    checkText(text);
    JsonNode r = http.post(COMMENT, comment.id() + "/comments", Map.of("message", text));
    return Comment.builder(CommentRef.of(Platform.FACEBOOK, id(r, "id", COMMENT))).text(text)
        .authorId(pageId).parentId(comment.id()).createdAt(runtime.clock().instant()).build();
  }

  /** Comments on a post as the Page ({@code POST /{post-id}/comments}). */
  @Override
  public Comment comment(PostRef post, String text) {
    checkRef(post);
    checkText(text);
    JsonNode r = http.post(COMMENT, post.id() + "/comments", Map.of("message", text));
    return Comment.builder(CommentRef.of(Platform.FACEBOOK, id(r, "id", COMMENT))).text(text)
        .authorId(pageId).createdAt(runtime.clock().instant()).build();
  }

  /**
   * Hides or unhides a comment ({@code POST /{comment-id}} with {@code is_hidden}) or deletes it
   * ({@code DELETE /{comment-id}}).
   */
  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    checkRef(comment);
    switch (requireNonNull(action, "action == null")) {
      case HIDE:
        http.post(MODERATE, comment.id(), Map.of("is_hidden", "true"));
        break;
      case UNHIDE:
        http.post(MODERATE, comment.id(), Map.of("is_hidden", "false"));
        break;
      default:
        http.delete(MODERATE, comment.id());
    }
  }

  // ---- inbox (Messenger Platform) ----

  /**
   * Lists the Page's Messenger conversations, most recently updated first ({@code GET
   * /{page-id}/conversations?platform=messenger} with {@code participants} and the nested {@code
   * messages.limit(20)}), each with its 20 most recent messages, newest first: Meta returns
   * details of those only ({@link Conversation#truncated()}). Conversations in the Requests
   * folder inactive for 30 days are not returned. Calls are paced to 2 per second per Page.
   * Permissions: {@code pages_manage_metadata}, {@code pages_read_engagement}, {@code
   * pages_messaging}.
   */
  @Override
  public io.smo.core.pagination.Paginator<Conversation> conversations() {
    return inbox.conversations();
  }

  /**
   * Returns the 20 most recent messages of a conversation, newest first ({@code GET
   * /{conversation-id}?fields=messages.limit(20){...}}); older messages cannot be read.
   *
   * @throws io.smo.core.exception.ValidationException if the id is blank
   */
  @Override
  public io.smo.core.pagination.Paginator<Message> messages(String conversationId) {
    return inbox.messages(conversationId);
  }

  /**
   * Sends a Messenger message ({@code POST /{page-id}/messages}): {@code messaging_type=RESPONSE}
   * inside the 24-hour window, or {@code MESSAGE_TAG} with {@code tag=HUMAN_AGENT} (up to 7 days
   * after the person's last message) when {@link OutgoingMessage#tag()} asks for it. The retired
   * tags ({@code CONFIRMED_EVENT_UPDATE}, {@code ACCOUNT_UPDATE}, {@code POST_PURCHASE_UPDATE})
   * and unknown ones are refused offline. Text up to {@link FacebookCapabilities#MAX_MESSAGE_TEXT}
   * characters, or one image, video, audio or file attachment by HTTPS URL. A recipient given by
   * conversation only costs one extra read (its participants). Never retried once it may have
   * been delivered.
   *
   * @throws io.smo.core.exception.MessagingWindowClosedException offline when {@code to} knows the
   *     last inbound time, else from Meta's 551, 1545041, 10/2018278 or 10/2534022 answers
   */
  @Override
  public Message send(MessageRecipient to, OutgoingMessage message) {
    return inbox.send(to, message);
  }

  /**
   * Sends the one private reply Meta allows to a comment on the Page ({@code POST
   * /{page-id}/messages} with {@code recipient={"comment_id":…}}), within 7 days of the comment.
   * A second private reply to the same comment through this client is refused offline.
   */
  @Override
  public Message privateReply(CommentRef comment, Instant commentedAt, OutgoingMessage message) {
    return inbox.privateReply(comment, commentedAt, message);
  }

  /**
   * Lists the posts that tag the Page, newest first ({@code GET /{page-id}/tagged}), as {@link
   * Mention}s.
   */
  @Override
  public io.smo.core.pagination.Paginator<Mention> mentions() {
    return inbox.taggedPosts();
  }

  /**
   * Answers an item: a comment with a public reply, a message with a Messenger message in its
   * conversation (refused offline outside the 24-hour window), a mention with a comment on the
   * tagging post.
   */
  @Override
  public InboxItem answer(InboxItem item, String text) {
    checkOwnItem(item);
    if (item instanceof Mention) {
      Mention m = (Mention) item;
      Comment c = comment(m.post(), text);
      return InboxComment.builder(accountKey(), m.post(), c).direction(Direction.OUTBOUND).build();
    }
    return super.answer(item, text);
  }

  @Override
  public void close() {
    super.close();
    if (ownedHttp != null) {
      ownedHttp.dispatcher().executorService().shutdown();
      ownedHttp.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "FacebookClient{page=" + pageId + ", version=" + http.version() + "}";
  }

  /**
   * Builds a {@link FacebookClient}: {@link #pageId(String)} and a Page access token ({@link
   * #accessToken(String)} or {@link #tokenProvider(io.smo.core.auth.TokenProvider)}) are
   * required. Mutable, not thread-safe.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String pageId;
    private GraphApiVersion version = GraphApiVersion.DEFAULT;
    private String appSecret;
    private UploadListener listener = UploadListener.NONE;

    private Builder() {}

    /** Sets the Page to publish to. Required. */
    public Builder pageId(String pageId) {
      this.pageId = requireNonNull(pageId, "pageId == null");
      return this;
    }

    /** Sets the Graph API version. Default {@link GraphApiVersion#DEFAULT} (v26.0). */
    public Builder graphVersion(GraphApiVersion version) {
      this.version = requireNonNull(version, "version == null");
      return this;
    }

    /**
     * Sets the Graph API version, e.g. {@code "v25.0"}.
     *
     * @throws IllegalArgumentException if it is not of the form {@code vNN.N}
     */
    public Builder graphVersion(String version) {
      return graphVersion(GraphApiVersion.of(version));
    }

    /**
     * Sets the app secret: every call then carries {@code appsecret_proof} (hex HMAC-SHA256 of the
     * token). The secret is never logged.
     */
    public Builder appSecret(String appSecret) {
      this.appSecret = appSecret;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the Page id or the credentials are missing
     */
    public FacebookClient build() {
      if (pageId == null || pageId.isBlank()) {
        throw new IllegalStateException("Facebook client needs pageId(...)");
      }
      listener = uploadListener();
      OkHttpClient owned = null;
      if (appSecret != null && !appSecret.isEmpty()) {
        AppSecretProof proof = AppSecretProof.of(appSecret);
        HttpSettings s = httpSettings();
        OkHttpClient base = s.okHttpClient().orElse(null);
        OkHttpClient withProof = (base != null ? base.newBuilder() : new OkHttpClient.Builder())
            .addNetworkInterceptor(proof.networkInterceptor()).build();
        if (base == null) {
          owned = withProof;
        }
        httpSettings(s.toBuilder().okHttpClient(withProof).build());
      }
      ApiRuntime rt = runtime(Platform.FACEBOOK, "smo-facebook", DEFAULT_BASE_URL,
          new GraphErrorMapper(Platform.FACEBOOK), new GraphRateLimitParser(Platform.FACEBOOK),
          defaultRateLimits(), "facebook:" + pageId);
      return new FacebookClient(this, rt, owned);
    }

    private static RateLimitPolicy defaultRateLimits() {
      // Conversations API: 2 calls per second per Page (Graph rate limiting, Mar 23 2026)
      return RateLimitPolicy.unlimited().toBuilder()
          .bucket("conversations", 2, Duration.ofSeconds(1)).build();
    }
  }
}
