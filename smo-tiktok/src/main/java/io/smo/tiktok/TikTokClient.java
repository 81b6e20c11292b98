package io.smo.tiktok;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import io.smo.core.Visibility;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.Operation;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.media.MediaInfo;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.ClientBuilder;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.tiktok.TikTokOptions.Mode;
import io.smo.tiktok.TikTokOptions.PrivacyLevel;
import io.smo.tiktok.internal.TikTokApi;
import io.smo.tiktok.internal.TikTokChunkPlan;
import io.smo.tiktok.internal.TikTokDtos.ContentInitRequest;
import io.smo.tiktok.internal.TikTokDtos.CreatorInfoData;
import io.smo.tiktok.internal.TikTokDtos.Envelope;
import io.smo.tiktok.internal.TikTokDtos.InitData;
import io.smo.tiktok.internal.TikTokDtos.PostInfo;
import io.smo.tiktok.internal.TikTokDtos.SourceInfo;
import io.smo.tiktok.internal.TikTokDtos.StatusData;
import io.smo.tiktok.internal.TikTokDtos.StatusRequest;
import io.smo.tiktok.internal.TikTokDtos.Video;
import io.smo.tiktok.internal.TikTokDtos.VideoInitRequest;
import io.smo.tiktok.internal.TikTokDtos.VideoListData;
import io.smo.tiktok.internal.TikTokDtos.VideoQueryRequest;
import io.smo.tiktok.internal.TikTokErrorMapper;
import io.smo.tiktok.internal.TikTokMappers;
import io.smo.tiktok.internal.TikTokUploadProtocol;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.MediaType;
import retrofit2.Call;

/**
 * A TikTok creator account through the Content Posting API (video and photo posts, direct or to
 * the creator's inbox) and the Display API (metrics). Immutable and thread-safe.
 *
 * <p>Publishing a post:
 *
 * <ol>
 *   <li>offline validation: core rules, a privacy level chosen explicitly for direct posts
 *       ({@link TikTokOptions#privacyLevel()} is never defaulted), photos only from URLs, photo
 *       title length, branded content not private;
 *   <li>for direct posts, {@code creator_info} is read (cached for {@link
 *       Builder#creatorInfoTtl(Duration) one minute}) and the post is checked against it: the
 *       privacy level must be one of the creator's options, an interaction the creator disabled
 *       must not be turned on, the video must not exceed the creator's maximum duration; else
 *       {@link ValidationException}, before the publish call;
 *   <li>init: {@code /v2/post/publish/video/init/} (direct), {@code
 *       /v2/post/publish/inbox/video/init/} (inbox) or {@code /v2/post/publish/content/init/}
 *       (photos, PULL_FROM_URL only); a local video is announced as FILE_UPLOAD with {@code
 *       chunk_size} and {@code total_chunk_count} computed by TikTok's rules (chunks 5 to 64 MB,
 *       the last up to 128 MB, at most 1,000, files under 5 MB whole) and streamed from disk in
 *       order with {@code Content-Range}; a URL video is sent as PULL_FROM_URL (the domain must be
 *       verified in the developer portal);
 *   <li>{@code /v2/post/publish/status/fetch/} is polled until {@code PUBLISH_COMPLETE}, {@code
 *       SEND_TO_USER_INBOX} or {@code FAILED}, under {@link Builder#publishTimeout(Duration)},
 *       with progress to the {@link UploadListener}. The post id comes from {@code
 *       publicaly_available_post_id} (TikTok's spelling), which TikTok fills only after
 *       moderation; until then the returned ref carries the {@code publish_id} and the attribute
 *       {@code postIdPending=true}.
 * </ol>
 *
 * <p><b>Unaudited apps</b>: "All content posted by unaudited clients will be restricted to
 * private viewing mode": until TikTok audits the app, only {@link PrivacyLevel#SELF_ONLY} works,
 * the creator's account must be private, and at most 5 users may post per 24 hours. Posting
 * otherwise gives a {@link io.smo.core.exception.PermissionException}.
 *
 * <p>Not offered by TikTok's APIs (each throws {@link
 * io.smo.core.exception.UnsupportedFeatureException}): delete, native scheduling, comments,
 * replies and moderation.
 *
 * <p>Client-side rate limits default to TikTok's per-token caps: creator_info 20/min, each init
 * endpoint 6/min, status 30/min, video query 600/min. TikTok sends no rate-limit headers.
 *
 * <pre>{@code
 * try (TikTokClient tiktok = TikTokClient.builder().accessToken(token).build()) {
 *   PublishedPost p = tiktok.publish(Post.builder()
 *       .text("New drop #fashion")
 *       .addMedia(Media.fromFile(Path.of("clip.mp4")))
 *       .option(TikTokOptions.builder().privacyLevel(PrivacyLevel.SELF_ONLY).build())
 *       .build());
 * }
 * }</pre>
 *
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-get-started">Content Posting API</a>
 * @see <a href="https://developers.tiktok.com/doc/content-sharing-guidelines">Content sharing guidelines</a>
 * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit">Rate limits</a>
 */
@SmoPublicApi
public final class TikTokClient extends BaseSocialClient {
  /** The production API base. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://open.tiktokapis.com/");
  /** The default preferred chunk size: 10,000,000 bytes, as in TikTok's guide. */
  public static final long DEFAULT_CHUNK_SIZE = 10_000_000L;

  private static final Platform P = Platform.TIKTOK;
  private static final Operation CREATOR_INFO = Operation.read("creator info", "creator-info");
  private static final Operation VIDEO_INIT = Operation.create("video init", "video-init");
  private static final Operation INBOX_INIT = Operation.create("inbox video init", "inbox-init");
  private static final Operation CONTENT_INIT = Operation.create("photo init", "content-init");
  private static final Operation STATUS = Operation.read("publish status", "status");
  private static final Operation VIDEO_QUERY = Operation.read("video query", "video-query");

  private final TikTokApi api;
  private final long chunkSize;
  private final TikTokChunkPlan.Rules chunkRules;
  private final Duration publishTimeout;
  private final Duration pollInterval;
  private final UploadListener listener;
  private final Cache<String, CreatorInfo> creatorCache;

  private TikTokClient(Builder b, String accountKey) {
    super(b.runtime(P, "smo-tiktok", DEFAULT_BASE_URL, new TikTokErrorMapper(),
        RateLimitHeaderParser.NONE, defaultRateLimits(), accountKey),
        TikTokCapabilities.capabilities(), accountKey);
    api = runtime.service(TikTokApi.class);
    chunkSize = b.chunkSize;
    chunkRules = b.chunkRules;
    publishTimeout = b.publishTimeout;
    pollInterval = b.pollInterval;
    listener = b.listener;
    java.time.Clock clock = runtime.clock();
    creatorCache = Caffeine.newBuilder().expireAfterWrite(b.creatorInfoTtl)
        .ticker(() -> clock.millis() * 1_000_000L).maximumSize(4).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns TikTok's documented per-token caps as a policy: {@code creator-info} 20/min, {@code
   * video-init}, {@code inbox-init} and {@code content-init} 6/min each, {@code status} 30/min,
   * {@code video-query} 600/min.
   */
  public static RateLimitPolicy defaultRateLimits() {
    Duration m = Duration.ofMinutes(1);
    return RateLimitPolicy.builder().bucket("creator-info", 20, m).bucket("video-init", 6, m)
        .bucket("inbox-init", 6, m).bucket("content-init", 6, m).bucket("status", 30, m)
        .bucket("video-query", 600, m).build();
  }

  // ---------------------------------------------------------------- creator info

  /**
   * Returns the creator's current posting options, cached for the builder's TTL (one minute by
   * default).
   *
   * @throws SmoException when TikTok refuses (e.g. {@code scope_not_authorized} without
   *     {@code video.publish}) or cannot be reached
   */
  public CreatorInfo creatorInfo() {
    return creatorCache.get("creator", k -> fetchCreatorInfo());
  }

  private CreatorInfo fetchCreatorInfo() {
    CreatorInfoData d = unwrap(CREATOR_INFO, () -> api.creatorInfo(Map.of()));
    return TikTokMappers.creatorInfo(d);
  }

  // ---------------------------------------------------------------- validation

  @Override
  protected List<Violation> platformViolations(Post post) {
    List<Violation> out = new ArrayList<>();
    Optional<TikTokOptions> opt = post.options(TikTokOptions.class);
    Mode mode = opt.map(TikTokOptions::mode).orElse(Mode.DIRECT_POST);
    Optional<PrivacyLevel> privacy = opt.flatMap(TikTokOptions::privacyLevel);
    if (mode == Mode.DIRECT_POST && privacy.isEmpty()) {
      out.add(Violation.of(P, "tiktok.privacyLevel", "required", null,
          "PUBLIC_TO_EVERYONE|MUTUAL_FOLLOW_FRIENDS|FOLLOWER_OF_CREATOR|SELF_ONLY",
          "TikTok needs the privacy level the user chose (TikTokOptions.privacyLevel); it is never"
              + " defaulted"));
    }
    Visibility v = post.audience().visibility();
    if (v != Visibility.PUBLIC && privacy.isPresent()
        && TikTokMappers.privacyFor(v).filter(p -> p == privacy.get()).isEmpty()) {
      out.add(Violation.of(P, "audience.visibility", "visibility-conflict", v, privacy.get(),
          "audience visibility " + v + " contradicts the TikTok privacy level " + privacy.get()));
    }
    if (post.link().isPresent()) {
      out.add(Violation.of(P, "link", "link-unsupported", post.link().get(), null,
          "TikTok posts carry no link; put it in the text"));
    }
    for (int i = 0; i < post.media().size(); i++) {
      Media m = post.media().get(i);
      if (m.kind() == MediaKind.IMAGE && m.sourceType() != Media.SourceType.URL) {
        out.add(Violation.of(P, "media[" + i + "]", "pull-from-url-only", m.describe(), null,
            "TikTok photo posts take images by URL only (PULL_FROM_URL from a verified domain)"));
      }
      if (m.kind() == MediaKind.VIDEO && m.sourceType() == Media.SourceType.BYTES) {
        out.add(Violation.of(P, "media[" + i + "]", "video-source", "bytes", null,
            "TikTok videos are uploaded from a file or pulled from a URL, not from memory"));
      }
      if (m.kind() == MediaKind.VIDEO && m.sourceType() == Media.SourceType.FILE
          && m.sizeBytes() > chunkRules.maxVideoSize()) {
        out.add(Violation.of(P, "media[" + i + "]", "max-chunks", m.sizeBytes(),
            chunkRules.maxVideoSize(), "video too large for TikTok's 1,000-chunk upload"));
      }
    }
    opt.ifPresent(o -> {
      o.photoTitle().ifPresent(t -> {
        int n = t.length();
        if (n > TikTokCapabilities.MAX_PHOTO_TITLE) {
          out.add(Violation.of(P, "tiktok.photoTitle", "max-length", n,
              TikTokCapabilities.MAX_PHOTO_TITLE, "photo title is too long (UTF-16 units)"));
        }
      });
      long photos = post.media().stream().filter(m -> m.kind() == MediaKind.IMAGE).count();
      if (o.photoCoverIndex().isPresent() && o.photoCoverIndex().getAsInt() >= Math.max(1, photos)) {
        out.add(Violation.of(P, "tiktok.photoCoverIndex", "out-of-range",
            o.photoCoverIndex().getAsInt(), photos, "cover index is past the last photo"));
      }
      if (o.brandContent() && o.privacyLevel().orElse(null) == PrivacyLevel.SELF_ONLY) {
        out.add(Violation.of(P, "tiktok.brandContent", "branded-content-private", "SELF_ONLY",
            null, "branded content cannot be private (SELF_ONLY)"));
      }
    });
    return out;
  }

  /**
   * Checks a direct post against the creator's current options.
   *
   * @return the violations; empty when TikTok should accept the post
   */
  List<Violation> creatorViolations(Post post, TikTokOptions o, CreatorInfo c) {
    List<Violation> out = new ArrayList<>();
    PrivacyLevel p = o.privacyLevel().orElse(null);
    if (p != null && !c.privacyLevelOptions().contains(p)) {
      out.add(Violation.of(P, "tiktok.privacyLevel", "privacy-level-option", p,
          c.privacyLevelOptions(), "the creator's account does not offer " + p
              + " (unaudited apps and private accounts are limited to SELF_ONLY and the like)"));
    }
    boolean video = post.media().stream().anyMatch(m -> m.kind() == MediaKind.VIDEO);
    if (c.commentDisabled() && o.disableComment().equals(Optional.of(false))) {
      out.add(Violation.of(P, "tiktok.disableComment", "creator-disabled", false, true,
          "the creator disabled comments; they cannot be turned on for this post"));
    }
    if (video && c.duetDisabled() && o.disableDuet().equals(Optional.of(false))) {
      out.add(Violation.of(P, "tiktok.disableDuet", "creator-disabled", false, true,
          "the creator disabled duets; they cannot be turned on for this post"));
    }
    if (video && c.stitchDisabled() && o.disableStitch().equals(Optional.of(false))) {
      out.add(Violation.of(P, "tiktok.disableStitch", "creator-disabled", false, true,
          "the creator disabled stitches; they cannot be turned on for this post"));
    }
    if (video && c.maxVideoDuration().isPresent()) {
      for (int i = 0; i < post.media().size(); i++) {
        Media m = post.media().get(i);
        if (m.sourceType() != Media.SourceType.FILE) {
          continue;
        }
        Optional<Duration> d;
        try {
          d = m.info().duration();
        } catch (RuntimeException e) {
          d = Optional.empty();
        }
        Duration max = c.maxVideoDuration().get();
        if (d.isPresent() && d.get().compareTo(max) > 0) {
          out.add(Violation.of(P, "media[" + i + "]", "creator-max-duration", d.get(), max,
              "video is longer than this creator may post"));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- publishing

  @Override
  protected PublishedPost doPublish(Post post) {
    TikTokOptions o = post.options(TikTokOptions.class)
        .orElseGet(() -> TikTokOptions.builder().build());
    boolean direct = o.mode() == Mode.DIRECT_POST;
    CreatorInfo creator = null;
    if (direct) {
      creator = creatorInfo();
      List<Violation> v = creatorViolations(post, o, creator);
      if (!v.isEmpty()) {
        throw new ValidationException(P, v);
      }
    }
    Media first = post.media().get(0);
    String name = first.describe();
    ChunkedUploader.notify(listener, new UploadProgress(P, name, UploadState.STARTING, 0,
        Math.max(0, first.sizeBytes()), null, null));
    String publishId;
    long total = 0;
    if (first.kind() == MediaKind.VIDEO) {
      PostInfo info = direct ? TikTokMappers.videoPostInfo(post.text(), o, creator) : null;
      if (first.sourceType() == Media.SourceType.URL) {
        SourceInfo si = new SourceInfo("PULL_FROM_URL", null, null, null,
            first.url().orElseThrow().toString(), null, null);
        publishId = init(direct ? VIDEO_INIT : INBOX_INIT, new VideoInitRequest(info, si))
            .publishId();
      } else {
        Path file = first.file().orElseThrow();
        try {
          total = Files.size(file);
        } catch (IOException e) {
          throw new TransportException(P, "publish", "cannot read " + file.getFileName(), e, false);
        }
        TikTokChunkPlan plan = TikTokChunkPlan.of(total, chunkSize, chunkRules);
        SourceInfo si = new SourceInfo("FILE_UPLOAD", total, plan.chunkSize(), plan.chunkCount(),
            null, null, null);
        InitData init = init(direct ? VIDEO_INIT : INBOX_INIT, new VideoInitRequest(info, si));
        publishId = init.publishId();
        if (init.uploadUrl() == null || init.uploadUrl().isBlank()) {
          throw new PublishOutcomeUnknownException(P, "publish", "TikTok gave no upload_url", null,
              null, List.of(), publishId);
        }
        upload(file, total, first.mimeType(), init.uploadUrl(), plan, publishId);
      }
    } else {
      List<String> urls = new ArrayList<>();
      for (Media m : post.media()) {
        urls.add(m.url().orElseThrow().toString());
      }
      PostInfo info = TikTokMappers.photoPostInfo(post.text(), o, direct ? creator : null);
      SourceInfo si = new SourceInfo("PULL_FROM_URL", null, null, null, null,
          o.photoCoverIndex().isPresent() ? o.photoCoverIndex().getAsInt() : 0, urls);
      publishId = init(CONTENT_INIT, new ContentInitRequest(info, si,
          direct ? "DIRECT_POST" : "MEDIA_UPLOAD", "PHOTO")).publishId();
    }
    StatusData done = awaitPublished(publishId, total);
    return TikTokMappers.published(publishId, done, creator, runtime.clock().instant());
  }

  private InitData init(Operation op, Object body) {
    Supplier<Call<Envelope<InitData>>> call;
    if (op == VIDEO_INIT) {
      call = () -> api.videoInit((VideoInitRequest) body);
    } else if (op == INBOX_INIT) {
      call = () -> api.inboxVideoInit((VideoInitRequest) body);
    } else {
      call = () -> api.contentInit((ContentInitRequest) body);
    }
    InitData d = unwrap(op, call);
    if (d == null || d.publishId() == null || d.publishId().isBlank()) {
      throw new PublishOutcomeUnknownException(P, op.name(),
          "TikTok answered the init without a publish_id", null, null, List.of(), null);
    }
    return d;
  }

  private void upload(Path file, long total, String mime, String uploadUrl, TikTokChunkPlan plan,
      String publishId) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      TikTokUploadProtocol protocol = new TikTokUploadProtocol(runtime, uploadUrl, plan,
          () -> Optional.ofNullable(status(publishId).uploadedBytes()).orElse(0L));
      ChunkedUploader.LastChunkWatch watch = new ChunkedUploader.LastChunkWatch(protocol);
      try {
        ChunkedUploader.upload(P, file.getFileName().toString(), ch, total, MediaType.parse(mime),
            watch, listener, runtime.retryPolicy(), runtime.sleeper());
      } catch (SmoException e) {
        if (watch.mayBeComplete(e)) {
          // a direct post publishes once the file is complete: it may exist now
          throw new PublishOutcomeUnknownException(P, "publish", "the last chunk was sent but its"
              + " answer and the upload status were lost; the post may be published", e, null,
              List.of(), publishId);
        }
        throw e;
      }
    } catch (IOException e) {
      throw new TransportException(P, "upload", "cannot read " + file.getFileName(), e, false);
    }
  }

  private StatusData awaitPublished(String publishId, long total) {
    try {
      return ProcessingPoller.poll(P, "publish status", publishId,
          () -> TikTokMappers.processing(status(publishId), total), publishTimeout, pollInterval,
          runtime.clock(), runtime.sleeper(), listener, total);
    } catch (MediaProcessingException e) {
      if (!e.retryable()) {
        throw e; // TikTok said FAILED
      }
      throw new PublishOutcomeUnknownException(P, "publish", "TikTok had not finished the post within "
          + publishTimeout + "; it may still be published", e, null, List.of(), publishId);
    } catch (SmoException e) {
      throw new PublishOutcomeUnknownException(P, "publish", "the post was initialised but its"
          + " status could not be read: " + e.getMessage(), e, null, List.of(), publishId);
    }
  }

  /**
   * Fetches a publish status once.
   *
   * @throws SmoException when TikTok refuses or cannot be reached
   */
  private StatusData status(String publishId) {
    return unwrap(STATUS, () -> api.status(new StatusRequest(publishId)));
  }

  // ---------------------------------------------------------------- metrics

  /**
   * Reads view, like, comment and share counts through the Display API ({@code /v2/video/query/},
   * scope {@code video.list}). For a ref whose post id is still pending moderation, the status is
   * read again first.
   *
   * @throws ValidationException if TikTok has not yet given the post id
   * @throws NotFoundException if TikTok does not return the video (deleted, or not the creator's)
   * @throws SmoException on other failures
   * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-video-query">Query Videos</a>
   */
  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    String id = ref.id();
    if ("true".equals(ref.attributes().get("postIdPending"))) {
      StatusData s = status(ref.attributes().getOrDefault("publishId", id));
      id = TikTokMappers.postId(s).orElseThrow(() -> ValidationException.of(P, "ref",
          "post-id-pending", ref, null, "TikTok has not given the post id yet (moderation pending"
              + " or the post is private or still in the inbox)"));
    }
    String videoId = id;
    VideoListData d = unwrap(VIDEO_QUERY,
        () -> api.videoQuery(TikTokApi.VIDEO_FIELDS, VideoQueryRequest.of(List.of(videoId))));
    Video v = d == null || d.videos() == null ? null
        : d.videos().stream().filter(x -> videoId.equals(x.id())).findFirst().orElse(null);
    if (v == null) {
      throw new NotFoundException(ErrorDetails.builder(P, "metrics").httpStatus(200)
          .message("video " + videoId + " not returned by video/query").build());
    }
    return TikTokMappers.metrics(PostRef.of(P, videoId, ref.attributes()), v,
        runtime.clock().instant());
  }

  // ---------------------------------------------------------------- unsupported

  /** TikTok's APIs cannot delete posts. @throws io.smo.core.exception.UnsupportedFeatureException always */
  @Override
  public void delete(PostRef ref) {
    throw unsupported("delete", "TikTok's Content Posting API has no delete endpoint");
  }

  /** TikTok's Content Posting and Display APIs have no comments. @throws io.smo.core.exception.UnsupportedFeatureException always */
  @Override
  public Paginator<Comment> comments(PostRef ref) {
    throw unsupported("comments", "comments are only in TikTok's Business API, not the Content"
        + " Posting or Display API");
  }

  /** TikTok's Content Posting API cannot reply. @throws io.smo.core.exception.UnsupportedFeatureException always */
  @Override
  public Comment reply(CommentRef comment, String text) {
    throw unsupported("reply", "replies are only in TikTok's Business API");
  }

  /** TikTok's Content Posting API cannot comment. @throws io.smo.core.exception.UnsupportedFeatureException always */
  @Override
  public Comment comment(PostRef post, String text) {
    throw unsupported("comment", "comments are only in TikTok's Business API");
  }

  /** TikTok's Content Posting API cannot moderate comments. @throws io.smo.core.exception.UnsupportedFeatureException always */
  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    throw unsupported("moderate", "comment moderation is only in TikTok's Business API");
  }

  /**
   * Reads the creator's figures: {@code GET /v2/user/info/?fields=open_id,union_id,display_name,
   * username,follower_count,following_count,likes_count,video_count}. The counts need scope {@code
   * user.info.stats}; without it TikTok leaves them out and they stay absent.
   */
  @Override
  public io.smo.core.AccountInfo accountInfo() {
    com.fasterxml.jackson.databind.JsonNode data = unwrap(Operation.read("account info", "user_info"),
        () -> api.userInfo(TikTokApi.USER_FIELDS));
    com.fasterxml.jackson.databind.JsonNode u = data == null ? runtime.json().createObjectNode() : data.path("user");
    io.smo.core.AccountInfo.Builder b = io.smo.core.AccountInfo.builder(P, u.path("open_id").asText(""))
        .handle(u.path("username").asText(null)).name(u.path("display_name").asText(null))
        .followers(count(u, "follower_count")).following(count(u, "following_count"))
        .postCount(count(u, "video_count")).retrievedAt(runtime.clock().instant());
    for (String f : new String[] {"follower_count", "following_count", "likes_count", "video_count"}) {
      b.raw(f, count(u, f));
    }
    return b.build();
  }

  private static Long count(com.fasterxml.jackson.databind.JsonNode n, String field) {
    com.fasterxml.jackson.databind.JsonNode v = n.get(field);
    return v == null || !v.canConvertToLong() ? null : v.asLong();
  }

  // ---------------------------------------------------------------- plumbing

  private <T> T unwrap(Operation op, Supplier<Call<Envelope<T>>> call) {
    ApiResponse<Envelope<T>> r = runtime.callForResponse(op, call);
    Envelope<T> e = r.body();
    if (e == null) {
      if (op.kind() == Operation.Kind.CREATE) {
        throw new PublishOutcomeUnknownException(P, op.name(), "empty success answer", null, null,
            List.of(), null);
      }
      throw new TransportException(P, op.name(), "empty answer body", null, true);
    }
    if (!e.ok()) {
      String body;
      try {
        body = runtime.json().writeValueAsString(e);
      } catch (JsonProcessingException ex) {
        body = "";
      }
      throw runtime.mapFailure(op, r.status(), r.headers(), body);
    }
    return e.data();
  }

  /** Builds {@link TikTokClient}. Mutable, not thread-safe. */
  public static final class Builder extends ClientBuilder<Builder> {
    private long chunkSize = DEFAULT_CHUNK_SIZE;
    private TikTokChunkPlan.Rules chunkRules = TikTokChunkPlan.Rules.TIKTOK;
    private Duration publishTimeout = Duration.ofMinutes(10);
    private Duration pollInterval = Duration.ofSeconds(2);
    private Duration creatorInfoTtl = Duration.ofMinutes(1);
    private UploadListener listener = UploadListener.NONE;
    private String openId;

    private Builder() {}

    /**
     * Sets the preferred upload chunk size in bytes; clamped to TikTok's 5 to 64 MB and raised
     * when a file would need more than 1,000 chunks. Default 10,000,000.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder chunkSize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("chunkSize < 1: " + bytes);
      }
      this.chunkSize = bytes;
      return this;
    }

    /**
     * Replaces TikTok's chunk bounds. <b>For tests against the sandbox only</b>, whose emulator
     * can be told the same smaller bounds so that chunking runs on small files; TikTok itself
     * refuses any other bounds.
     *
     * @param minChunk the smallest chunk in bytes
     * @param maxChunk the largest chunk in bytes
     * @param maxLastChunk the largest last chunk in bytes
     * @param maxChunks the most chunks
     * @throws IllegalArgumentException if inconsistent
     */
    public Builder chunkRulesForTesting(long minChunk, long maxChunk, long maxLastChunk, int maxChunks) {
      this.chunkRules = new TikTokChunkPlan.Rules(minChunk, maxChunk, maxLastChunk, maxChunks);
      return this;
    }

    /** Sets the longest wait for TikTok to finish a post (upload processing and moderation). Default 10 min. */
    public Builder publishTimeout(Duration timeout) {
      this.publishTimeout = requireNonNull(timeout, "timeout == null");
      return this;
    }

    /** Sets the first wait between status polls (doubles up to 30 s). Default 2 s. */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = requireNonNull(interval, "interval == null");
      return this;
    }

    /** Sets how long {@code creator_info} is reused. Default 1 minute; zero re-reads it for every post. */
    public Builder creatorInfoTtl(Duration ttl) {
      this.creatorInfoTtl = requireNonNull(ttl, "ttl == null");
      return this;
    }

    /** Sets the listener for upload and processing progress. Default none. */
    public Builder uploadListener(UploadListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /** Sets the creator's {@code open_id}, used as the account key (rate limits, idempotency). */
    public Builder openId(String openId) {
      this.openId = requireNonNull(openId, "openId == null");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if no credentials were set
     */
    public TikTokClient build() {
      return new TikTokClient(this, openId != null ? openId : P.id());
    }

    private io.smo.core.http.ApiRuntime runtime(Platform p, String module, URI base,
        TikTokErrorMapper m, RateLimitHeaderParser parser, RateLimitPolicy limits, String account) {
      return super.runtime(p, module, base, m, parser, limits, account);
    }
  }

  /**
   * Returns why this client offers no inbox: the Content Posting and Display APIs read no comments or messages; the
   * Business API comment paths are confirmed by an SDK only and not wired yet; Business Messaging
   * facts are UNCONFIRMED ({@code engagement-and-measurement.md} \u00a72.4).
   */
  @Override
  public String inboxUnsupportedReason() {
    return "the Content Posting and Display APIs have no comments, messages or mentions; Business API comments (business/comment/...) need a TikTok Business account and are not wired in this SDK version, and Business Messaging (48-hour window) is known only from Chatwoot's code, too unconfirmed to emulate";
  }

  @Override
  public String toString() {
    return "TikTokClient{" + accountKey() + "}";
  }
}
