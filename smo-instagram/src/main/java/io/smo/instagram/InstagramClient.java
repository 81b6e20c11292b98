package io.smo.instagram;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.smo.core.auth.TokenProvider;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.media.MediaInfo;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.ClientBuilder;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.facebook.graph.AppSecretProof;
import io.smo.facebook.graph.GraphApiVersion;
import io.smo.facebook.graph.GraphPaging;
import io.smo.facebook.graph.GraphRateLimitParser;
import io.smo.instagram.internal.Captions;
import io.smo.instagram.internal.InstagramApi;
import io.smo.instagram.internal.InstagramErrorMapper;
import io.smo.instagram.internal.InstagramMapper;
import io.smo.instagram.internal.InstagramMapper.ContainerStatus;
import io.smo.instagram.internal.ResumableUpload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * An Instagram professional account (Business or Creator) over the Instagram Graph API, with
 * Instagram Login ({@code graph.instagram.com}) or Facebook Login ({@code graph.facebook.com}),
 * chosen at build time ({@link ApiFlavor}).
 *
 * <p><b>Publishing</b> follows the container protocol of the <a
 * href="https://developers.facebook.com/docs/instagram-platform/content-publishing">content-publishing
 * guide</a>:
 *
 * <ol>
 *   <li>the daily publishing limit is read ({@code content_publishing_limit}); when it is used up
 *       the post is refused with {@link QuotaExceededException} before anything is sent;
 *   <li>a container is created per item ({@code POST /{ig-user-id}/media}): images by URL (local
 *       files through the {@link MediaHost}), videos by URL or by the resumable upload to {@code
 *       rupload.facebook.com}; carousels get one child per item ({@code is_carousel_item}) and a
 *       parent ({@code media_type=CAROUSEL}) carrying caption and options;
 *   <li>each container is polled ({@code GET /{container-id}?fields=status_code,status}) until
 *       {@code FINISHED}; {@code ERROR} and {@code EXPIRED} end with {@link
 *       MediaProcessingException}; every child and then the parent is polled;
 *   <li>{@code POST /{ig-user-id}/media_publish?creation_id=…} publishes; an answer lost after it
 *       was sent is {@link PublishOutcomeUnknownException} (never re-sent); "media not ready"
 *       (9007 / 2207027) polls longer and tries again.
 * </ol>
 *
 * <p>A failure while creating a container (for instance 9004 / 2207052, the media URL could not be
 * fetched) published nothing; container creates are retried like idempotent writes because an
 * unpublished container has no visible effect and expires after 24 hours.
 *
 * <p>Not offered by the API: native scheduling (schedule with {@code smo-scheduler}), audience
 * targeting, text-only posts, clickable links in captions, editing; deleting published media only
 * with Facebook Login.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * InstagramClient ig = InstagramClient.builder()
 *     .flavor(ApiFlavor.INSTAGRAM_LOGIN)
 *     .igUserId("17841400000000000")
 *     .accessToken(longLivedToken)
 *     .mediaHost(myS3Host)
 *     .build();
 * PublishedPost p = ig.publish(Post.builder().text("Hello #world")
 *     .addMedia(Media.fromFile(Path.of("photo.jpg"))).build());
 * }</pre>
 */
@SmoPublicApi
public final class InstagramClient extends BaseSocialClient {
  private static final String BUCKET_CONTAINERS = "containers";
  private static final String BUCKET_READ = "graph";
  private static final String BUCKET_COMMENTS = "comments";
  private static final String COMMENT_FIELDS =
      "id,text,timestamp,username,from,like_count,hidden,parent_id";
  private static final String STORY_METRICS = "views,reach,shares,replies,total_interactions";
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{1,30}");
  private static final InstagramOptions DEFAULT_OPTIONS = InstagramOptions.builder().build();

  private final InstagramApi api;
  private final String version;
  private final ApiFlavor flavor;
  private final String configuredIgUserId;
  private final String facebookPageId;
  private volatile String resolvedIgUserId;
  private final MediaHost mediaHost;
  private final Duration pollInterval;
  private final int maxPolls;
  private final UploadListener listener;
  private final boolean resumableVideo;

  private InstagramClient(Builder b, ApiRuntime runtime) {
    super(runtime, InstagramCapabilities.of(b.flavor), "instagram:"
        + (b.igUserId != null ? b.igUserId : "page-" + b.facebookPageId));
    this.api = runtime.service(InstagramApi.class);
    this.version = b.version.path();
    this.flavor = b.flavor;
    this.configuredIgUserId = b.igUserId;
    this.facebookPageId = b.facebookPageId;
    this.mediaHost = b.mediaHost;
    this.pollInterval = b.pollInterval;
    this.maxPolls = b.maxPolls;
    this.listener = b.listener;
    this.resumableVideo = b.resumableVideo;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the API flavour. */
  public ApiFlavor flavor() {
    return flavor;
  }

  /** Returns the Graph API version path, e.g. {@code v26.0}. */
  public String apiVersion() {
    return version;
  }

  /**
   * Returns the Instagram professional account id. With Facebook Login and a Page id instead of
   * an account id, it is read once from {@code GET /{page-id}?fields=instagram_business_account}.
   *
   * @throws io.smo.core.exception.NotFoundException if the Page has no linked Instagram account
   * @throws SmoException if the lookup failed
   */
  public String igUserId() {
    String id = configuredIgUserId != null ? configuredIgUserId : resolvedIgUserId;
    if (id == null) {
      JsonNode page = runtime.call(Operation.read("linked instagram account", BUCKET_READ),
          () -> api.node(version, facebookPageId, "instagram_business_account"));
      id = page == null ? null : page.path("instagram_business_account").path("id").asText(null);
      if (id == null || id.isBlank()) {
        throw new io.smo.core.exception.NotFoundException(ErrorDetails.builder(Platform.INSTAGRAM,
            "linked instagram account").message("Facebook Page " + facebookPageId
            + " has no linked Instagram professional account").build());
      }
      resolvedIgUserId = id;
    }
    return id;
  }

  /**
   * Reads the publishing limit ({@code GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config}).
   *
   * @return used and allowed posts in the 24-hour moving window
   * @throws SmoException if the read failed
   */
  public PublishingQuota publishingQuota() {
    String ig = igUserId();
    JsonNode body = runtime.call(Operation.read("content publishing limit", BUCKET_READ),
        () -> api.publishingLimit(version, ig, "quota_usage,config", null));
    return InstagramMapper.publishingLimit(body)
        .map(l -> new PublishingQuota(l.used(), l.total(), Duration.ofSeconds(l.windowSeconds())))
        .orElse(new PublishingQuota(0, 0, Duration.ofDays(1)));
  }

  // ---------------------------------------------------------------- validation

  @Override
  protected List<Violation> platformViolations(Post post) {
    List<Violation> out = new ArrayList<>();
    Platform p = Platform.INSTAGRAM;
    InstagramOptions o = post.options(InstagramOptions.class).orElse(DEFAULT_OPTIONS);
    int tags = Captions.hashtags(post.text());
    if (tags > InstagramCapabilities.MAX_HASHTAGS) {
      out.add(Violation.of(p, "text", "max-hashtags", tags, InstagramCapabilities.MAX_HASHTAGS,
          "a caption may hold at most 30 hashtags"));
    }
    int mentions = Captions.mentions(post.text());
    if (mentions > InstagramCapabilities.MAX_MENTIONS) {
      out.add(Violation.of(p, "text", "max-mentions", mentions, InstagramCapabilities.MAX_MENTIONS,
          "a caption may hold at most 20 @mentions"));
    }
    post.link().ifPresent(l -> out.add(Violation.of(p, "link", "link-unsupported", l, null,
        "Instagram posts have no link field and captions do not make links clickable")));
    if (o.collaborators().size() > InstagramCapabilities.MAX_COLLABORATORS) {
      out.add(Violation.of(p, "options.instagram.collaborators", "max-count",
          o.collaborators().size(), InstagramCapabilities.MAX_COLLABORATORS,
          "at most 3 collaborators"));
    }
    for (String c : o.collaborators()) {
      if (!USERNAME.matcher(c).matches()) {
        out.add(Violation.of(p, "options.instagram.collaborators", "username", c, null,
            "not an Instagram username (letters, digits, '.', '_', no '@')"));
      }
    }
    o.thumbOffset().filter(Duration::isNegative).ifPresent(t -> out.add(Violation.of(p,
        "options.instagram.thumbOffset", "min", t, Duration.ZERO, "thumb offset is negative")));
    List<Media> media = post.media();
    boolean story = o.format() == InstagramOptions.Format.STORY;
    if (story) {
      if (media.size() != 1) {
        out.add(Violation.of(p, "media", "story-one-item", media.size(), 1,
            "a Story takes exactly one image or video"));
      }
      if (!post.text().isBlank()) {
        out.add(Violation.of(p, "text", "story-caption", post.text().length(), 0,
            "Stories show no caption; leave the text empty"));
      }
      if (!o.collaborators().isEmpty()) {
        out.add(Violation.of(p, "options.instagram.collaborators", "story-collaborators",
            o.collaborators().size(), 0, "Stories take no collaborators"));
      }
      if (post.firstComment().isPresent()) {
        out.add(Violation.of(p, "firstComment", "first-comment", null, null,
            "Stories take no comments (answers are private replies); remove the first comment"));
      }
    }
    for (int i = 0; i < media.size(); i++) {
      Media m = media.get(i);
      String field = "media[" + i + "]";
      m.altText().ifPresent(a -> {
        int n = a.codePointCount(0, a.length());
        if (n > InstagramCapabilities.MAX_ALT_TEXT) {
          out.add(Violation.of(p, field + ".altText", "max-length", n,
              InstagramCapabilities.MAX_ALT_TEXT, "alt text is too long"));
        }
      });
      boolean local = m.sourceType() != Media.SourceType.URL;
      if (local && mediaHost == null && (m.kind() != MediaKind.VIDEO || !resumableVideo)) {
        out.add(Violation.of(p, field, "media-host-required", m.describe(), null,
            "Instagram fetches " + m.kind().name().toLowerCase(Locale.ROOT)
                + " by URL: configure a MediaHost or pass a public URL"));
      }
      MediaInfo info;
      try {
        info = m.info();
      } catch (RuntimeException e) {
        continue; // reported by the core rules
      }
      if (m.kind() == MediaKind.IMAGE && !story) {
        info.aspectRatio().ifPresent(r -> {
          if (r < InstagramCapabilities.MIN_FEED_ASPECT - 1e-3
              || r > InstagramCapabilities.MAX_FEED_ASPECT + 1e-3) {
            out.add(Violation.of(p, field, "aspect-ratio", String.format(Locale.ROOT, "%.3f", r),
                "0.8..1.91", "feed images must be 4:5 to 1.91:1"));
          }
        });
      }
      if (m.kind() == MediaKind.VIDEO && story) {
        info.duration().filter(d -> d.compareTo(InstagramCapabilities.MAX_STORY_VIDEO) > 0)
            .ifPresent(d -> out.add(Violation.of(p, field, "video-duration", d,
                InstagramCapabilities.MAX_STORY_VIDEO, "Story videos last at most 60 s")));
        long size = local ? m.sizeBytes() : -1;
        if (size > InstagramCapabilities.MAX_STORY_VIDEO_BYTES) {
          out.add(Violation.of(p, field, "max-bytes", size,
              InstagramCapabilities.MAX_STORY_VIDEO_BYTES, "Story videos are at most 100 MB"));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- publishing

  @Override
  protected PublishedPost doPublish(Post post) {
    InstagramOptions o = post.options(InstagramOptions.class).orElse(DEFAULT_OPTIONS);
    String ig = igUserId();
    PublishingQuota quota = publishingQuota();
    if (quota.exhausted()) {
      throw new QuotaExceededException(ErrorDetails.builder(Platform.INSTAGRAM, "publish")
          .message("publishing limit reached: " + quota.used() + " of " + quota.total()
              + " posts in the last " + quota.window().toHours() + " h (content_publishing_limit);"
              + " nothing was sent").build(), null);
    }
    List<URI> hosted = new ArrayList<>();
    try {
      List<Media> media = post.media();
      String creationId;
      if (o.format() == InstagramOptions.Format.STORY) {
        creationId = createItem(ig, media.get(0), Kind.STORY, post, o, hosted);
      } else if (media.size() == 1) {
        Media m = media.get(0);
        creationId = createItem(ig, m, m.kind() == MediaKind.VIDEO ? Kind.REEL : Kind.IMAGE, post, o,
            hosted);
      } else {
        List<String> children = new ArrayList<>();
        for (Media m : media) {
          children.add(createItem(ig, m, Kind.CHILD, post, o, hosted));
        }
        awaitFinished(children);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("media_type", "CAROUSEL");
        f.put("children", String.join(",", children));
        parentOptions(f, post, o);
        creationId = createContainer(ig, f).path("id").asText();
      }
      awaitFinished(List.of(creationId));
      String mediaId = publishContainer(ig, creationId);
      return published(mediaId);
    } finally {
      if (mediaHost != null) {
        for (URI u : hosted) {
          try {
            mediaHost.release(u);
          } catch (RuntimeException ignored) {
            // releasing is best effort
          }
        }
      }
    }
  }

  private enum Kind { IMAGE, REEL, STORY, CHILD }

  private String createItem(String ig, Media m, Kind kind, Post post, InstagramOptions o,
      List<URI> hosted) {
    Map<String, String> f = new LinkedHashMap<>();
    boolean video = m.kind() == MediaKind.VIDEO;
    switch (kind) {
      case REEL:
        f.put("media_type", "REELS");
        break;
      case STORY:
        f.put("media_type", "STORIES");
        break;
      case CHILD:
        f.put("is_carousel_item", "true");
        if (video) {
          f.put("media_type", "VIDEO");
        }
        break;
      default:
        break;
    }
    boolean resumable = video && m.sourceType() != Media.SourceType.URL && resumableVideo;
    if (resumable) {
      f.put("upload_type", "resumable");
    } else {
      URI url = m.url().orElseGet(() -> {
        URI u = requireNonNull(mediaHost.publicUrl(m), "MediaHost returned null");
        hosted.add(u);
        return u;
      });
      f.put(video ? "video_url" : "image_url", url.toString());
    }
    if (!video && kind != Kind.STORY) {
      m.altText().ifPresent(a -> f.put("alt_text", a));
    }
    if (kind == Kind.IMAGE || kind == Kind.REEL) {
      parentOptions(f, post, o);
      if (!o.userTags().isEmpty()) {
        f.put("user_tags", userTags(o, kind == Kind.IMAGE));
      }
    }
    if (kind == Kind.REEL) {
      o.shareToFeed().ifPresent(s -> f.put("share_to_feed", s.toString()));
      o.coverUrl().ifPresent(c -> f.put("cover_url", c.toString()));
      o.thumbOffset().ifPresent(t -> f.put("thumb_offset", Long.toString(t.toMillis())));
      o.audioName().ifPresent(a -> f.put("audio_name", a));
    }
    if (kind == Kind.STORY && !o.userTags().isEmpty()) {
      f.put("user_tags", userTags(o, false));
    }
    if (kind == Kind.CHILD && !video && !o.userTags().isEmpty()) {
      // user tags are per image; the parent takes none
      f.put("user_tags", userTags(o, true));
    }
    JsonNode created = createContainer(ig, f);
    String id = created.path("id").asText();
    if (resumable) {
      String uri = created.path("uri").asText("");
      if (uri.isEmpty()) {
        throw new TransportException(Platform.INSTAGRAM, "create container",
            "resumable container " + id + " came without an upload uri", null, false);
      }
      upload(id, URI.create(uri), m);
    }
    return id;
  }

  /** Caption and the options Instagram takes on the published container only (never children). */
  private void parentOptions(Map<String, String> f, Post post, InstagramOptions o) {
    if (!post.text().isBlank()) {
      f.put("caption", post.text());
    }
    if (!o.collaborators().isEmpty()) {
      ArrayNode a = runtime.json().createArrayNode();
      o.collaborators().forEach(a::add);
      f.put("collaborators", a.toString());
    }
    o.locationId().ifPresent(l -> f.put("location_id", l));
    if (o.aiGenerated()) {
      f.put("is_ai_generated", "true");
    }
  }

  private String userTags(InstagramOptions o, boolean positioned) {
    ArrayNode a = runtime.json().createArrayNode();
    for (InstagramOptions.UserTag t : o.userTags()) {
      ObjectNode n = a.addObject().put("username", t.username());
      if (positioned) {
        n.put("x", t.x().orElse(0.5));
        n.put("y", t.y().orElse(0.5));
      }
    }
    return a.toString();
  }

  private JsonNode createContainer(String ig, Map<String, String> fields) {
    JsonNode body = runtime.call(Operation.write("create container", BUCKET_CONTAINERS),
        () -> api.createContainer(version, ig, fields));
    if (InstagramMapper.id(body) == null) {
      throw new TransportException(Platform.INSTAGRAM, "create container",
          "container answer has no id", null, true);
    }
    return body;
  }

  private void upload(String containerId, URI uri, Media m) {
    TokenProvider tokens = runtime.tokens().orElseThrow();
    ResumableUpload up = new ResumableUpload(runtime, uri, () -> tokens.token().value(), containerId);
    if (m.file().isPresent()) {
      up.upload(m.file().get(), m.mimeType(), listener);
      return;
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile("smo-instagram-", ".video");
      Files.write(tmp, m.bytes().orElseThrow());
      up.upload(tmp, m.mimeType(), listener);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage video bytes", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // temp file cleanup is best effort
        }
      }
    }
  }

  private ContainerStatus status(String containerId) {
    JsonNode body = runtime.call(Operation.read("container status", BUCKET_READ),
        () -> api.node(version, containerId, "status_code,status"));
    return InstagramMapper.containerStatus(body);
  }

  /**
   * Polls every container until each is FINISHED: one round checks each unfinished container, then
   * waits the poll interval; children finishing at different times are fine.
   */
  private void awaitFinished(List<String> ids) {
    Set<String> pending = new LinkedHashSet<>(ids);
    for (int round = 1; ; round++) {
      for (Iterator<String> it = pending.iterator(); it.hasNext();) {
        String id = it.next();
        ContainerStatus s = status(id);
        if (s.finished() || s.published()) {
          notify(id, UploadState.READY, s.statusCode());
          it.remove();
        } else if (s.failed()) {
          notify(id, UploadState.FAILED, s.statusCode());
          throw new MediaProcessingException(Platform.INSTAGRAM, "publish", id, s.statusCode(),
              "container " + id + " is " + s.statusCode()
                  + (s.status() != null ? " (" + s.status() + ")" : "") + "; nothing was published",
              false);
        } else {
          notify(id, UploadState.PROCESSING, s.statusCode());
        }
      }
      if (pending.isEmpty()) {
        return;
      }
      if (round >= maxPolls) {
        throw new MediaProcessingException(Platform.INSTAGRAM, "publish", pending.iterator().next(),
            "IN_PROGRESS", "containers " + pending + " not FINISHED after " + maxPolls
                + " checks; nothing was published", true);
      }
      sleep();
    }
  }

  private void notify(String id, UploadState state, String platformState) {
    if (listener != null) {
      try {
        listener.onProgress(new UploadProgress(Platform.INSTAGRAM, id, state, 0, 0, platformState,
            state == UploadState.READY ? 100 : null));
      } catch (RuntimeException ignored) {
        // a listener must not break publishing
      }
    }
  }

  private void sleep() {
    try {
      runtime.sleeper().sleep(pollInterval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaProcessingException(Platform.INSTAGRAM, "publish", null, "IN_PROGRESS",
          "interrupted while waiting for the container", true);
    }
  }

  private String publishContainer(String ig, String creationId) {
    for (int attempt = 1; ; attempt++) {
      JsonNode body;
      try {
        body = runtime.call(Operation.create("publish", BUCKET_CONTAINERS),
            () -> api.publish(version, ig, creationId));
      } catch (PlatformException e) {
        if (InstagramErrorMapper.isNotReady(e) && attempt < maxPolls) {
          sleep();
          awaitFinished(List.of(creationId));
          continue;
        }
        throw e;
      }
      String id = InstagramMapper.id(body);
      if (id == null) {
        throw new PublishOutcomeUnknownException(Platform.INSTAGRAM, "publish",
            "media_publish answered without a media id; container " + creationId
                + " may have been published", null, null, List.of(), null);
      }
      return id;
    }
  }

  private PublishedPost published(String mediaId) {
    PublishedPost.Builder b = PublishedPost.builder(PostRef.of(Platform.INSTAGRAM, mediaId));
    try {
      JsonNode m = runtime.call(Operation.read("read media", BUCKET_READ),
          () -> api.node(version, mediaId, "id,permalink,timestamp,media_product_type"));
      InstagramMapper.permalink(m).ifPresent(b::url);
      InstagramMapper.timestamp(m == null ? null : m.path("timestamp").asText(null))
          .ifPresent(b::publishedAt);
    } catch (SmoException e) {
      // the post is published; its permalink is a nicety
    }
    return b.build();
  }

  // ---------------------------------------------------------------- engagement

  /**
   * Deletes published media ({@code DELETE /{ig-media-id}}), with Facebook Login only.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException with Instagram Login
   * @throws SmoException on failure
   */
  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    if (flavor != ApiFlavor.FACEBOOK_LOGIN) {
      throw unsupported("delete", "Instagram Login has no media delete; Facebook Login has");
    }
    runtime.call(Operation.write("delete", BUCKET_READ), () -> api.delete(version, ref.id()));
  }

  /**
   * Reads a media's insights ({@code GET /{ig-media-id}/insights}) with the current metric names:
   * {@code views, reach, likes, comments, saved, shares, total_interactions} (Stories: {@code
   * views, reach, shares, replies, total_interactions}); the deprecated {@code impressions} and
   * {@code plays} are not requested. Likes and comments fall back to {@code like_count} / {@code
   * comments_count} when insights are unavailable ("not enough viewers", album children).
   * Insights lag up to 48 hours.
   *
   * @see <a href="https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights">Media insights</a>
   */
  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    JsonNode fields = runtime.call(Operation.read("metrics", BUCKET_READ),
        () -> api.node(version, ref.id(), "id,media_product_type,media_type,like_count,comments_count"));
    String product = fields == null ? "" : fields.path("media_product_type").asText("");
    String names = "STORY".equals(product) ? STORY_METRICS
        : String.join(",", InstagramCapabilities.METRICS);
    JsonNode insights = null;
    try {
      insights = runtime.call(Operation.read("metrics", BUCKET_READ),
          () -> api.insights(version, ref.id(), names, null));
    } catch (PermissionException e) {
      if (!e.errorCode().filter("10"::equals).isPresent()
          || !e.getMessage().toLowerCase(Locale.ROOT).contains("viewers")) {
        throw e;
      }
    }
    return InstagramMapper.metrics(ref, insights, fields, clock().instant());
  }

  /** Lists top-level comments, newest pages lazily ({@code GET /{ig-media-id}/comments}). */
  @Override
  public Paginator<Comment> comments(PostRef ref) {
    checkRef(ref);
    // the marker between pages is the paging.next URL; its after cursor is re-sent on our own host
    return GraphPaging.paginator(next -> {
      String after = next == null ? null : GraphPaging.queryParam(next, "after").orElse(next);
      return runtime.call(Operation.read("comments", BUCKET_READ),
          () -> api.comments(version, ref.id(), COMMENT_FIELDS, 50, after));
    }, InstagramMapper::comment);
  }

  /**
   * Replies to a top-level comment ({@code POST /{ig-comment-id}/replies}); replies to replies and
   * to hidden comments are refused by Instagram.
   */
  @Override
  public Comment reply(CommentRef comment, String text) {
    checkRef(comment);
    checkText(text);
    JsonNode body = runtime.call(Operation.create("reply", BUCKET_COMMENTS),
        () -> api.reply(version, comment.id(), text));
    return created(body, text, comment.id(), "reply");
  }

  /**
   * Reads the account's figures: {@code GET /{ig-user-id}?fields=id,username,name,followers_count,
   * follows_count,media_count}. Absent fields stay absent.
   */
  @Override
  public io.smo.core.AccountInfo accountInfo() {
    String ig = igUserId();
    JsonNode u = runtime.call(Operation.read("account info", BUCKET_READ),
        () -> api.node(version, ig, "id,username,name,followers_count,follows_count,media_count"));
    return io.smo.core.AccountInfo.builder(Platform.INSTAGRAM, u.path("id").asText(ig))
        .handle(u.path("username").asText(null)).name(u.path("name").asText(null))
        .followers(count(u, "followers_count")).following(count(u, "follows_count"))
        .postCount(count(u, "media_count"))
        .raw("followers_count", count(u, "followers_count")).raw("follows_count", count(u, "follows_count"))
        .raw("media_count", count(u, "media_count")).retrievedAt(runtime.clock().instant()).build();
  }

  private static Long count(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.canConvertToLong() ? null : v.asLong();
  }

  /** Comments on a media ({@code POST /{ig-media-id}/comments}); needs the comments permission. */
  @Override
  public Comment comment(PostRef post, String text) {
    checkRef(post);
    checkText(text);
    JsonNode body = runtime.call(Operation.create("comment", BUCKET_COMMENTS),
        () -> api.comment(version, post.id(), text));
    return created(body, text, null, "comment");
  }

  private Comment created(JsonNode body, String text, String parent, String op) {
    String id = InstagramMapper.id(body);
    if (id == null) {
      throw new PublishOutcomeUnknownException(Platform.INSTAGRAM, op,
          "answer without a comment id", null, null, List.of(), null);
    }
    return Comment.builder(CommentRef.of(Platform.INSTAGRAM, id)).text(text).parentId(parent)
        .createdAt(clock().instant()).build();
  }

  /** Hides or unhides ({@code POST /{ig-comment-id}?hide=}) or deletes ({@code DELETE}) a comment. */
  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    checkRef(comment);
    requireNonNull(action, "action == null");
    if (action == ModerationAction.DELETE) {
      runtime.call(Operation.write("delete comment", BUCKET_COMMENTS),
          () -> api.delete(version, comment.id()));
    } else {
      boolean hide = action == ModerationAction.HIDE;
      runtime.call(Operation.write(hide ? "hide comment" : "unhide comment", BUCKET_COMMENTS),
          () -> api.hide(version, comment.id(), hide));
    }
  }

  /**
   * Returns why this client offers no inbox: Instagram messaging, private replies and mentions ({@code
   * engagement-and-measurement.md} \u00a72.1.8) are not wired yet.
   */
  @Override
  public String inboxUnsupportedReason() {
    return "Instagram conversations, private replies and mentions are not wired in this SDK version";
  }

  @Override
  public String toString() {
    return "InstagramClient{" + flavor + ", " + version + ", account=" + accountKey() + "}";
  }

  // ---------------------------------------------------------------- builder

  /**
   * Builds an {@link InstagramClient}. Required: credentials ({@code accessToken} or {@code
   * tokenProvider}, e.g. {@link InstagramAuth} with a {@link io.smo.core.auth.RefreshingTokenProvider})
   * and the account ({@link #igUserId} or, with Facebook Login, {@link #facebookPageId}).
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private ApiFlavor flavor = ApiFlavor.INSTAGRAM_LOGIN;
    private GraphApiVersion version = GraphApiVersion.DEFAULT;
    private String igUserId;
    private String facebookPageId;
    private MediaHost mediaHost;
    private Duration pollInterval = Duration.ofSeconds(10);
    private int maxPolls = 30;
    private UploadListener listener = UploadListener.NONE;
    private boolean resumableVideo = true;
    private String appSecret;

    private Builder() {}

    /** Chooses the API flavour (host, token kind). Default {@link ApiFlavor#INSTAGRAM_LOGIN}. */
    public Builder flavor(ApiFlavor flavor) {
      this.flavor = requireNonNull(flavor, "flavor == null");
      return this;
    }

    /** Sets the Graph API version. Default {@link GraphApiVersion#DEFAULT}. */
    public Builder apiVersion(GraphApiVersion version) {
      this.version = requireNonNull(version, "version == null");
      return this;
    }

    /**
     * Sets the Graph API version from text such as {@code "v25.0"}.
     *
     * @throws IllegalArgumentException if unreadable
     */
    public Builder apiVersion(String version) {
      return apiVersion(GraphApiVersion.of(version));
    }

    /** Sets the Instagram professional account id (the IG User id). */
    public Builder igUserId(String igUserId) {
      this.igUserId = requireNonNull(igUserId, "igUserId == null");
      return this;
    }

    /**
     * With Facebook Login: the Facebook Page linked to the Instagram account; the account id is
     * read from {@code instagram_business_account} on first use. Ignored when {@link #igUserId}
     * is set.
     */
    public Builder facebookPageId(String pageId) {
      this.facebookPageId = requireNonNull(pageId, "pageId == null");
      return this;
    }

    /** Sets how local files become public URLs. Default none: only URL media and video files. */
    public Builder mediaHost(MediaHost mediaHost) {
      this.mediaHost = mediaHost;
      return this;
    }

    /**
     * Sets container polling: the wait between checks and the most checks per container (Meta
     * advises once per minute for at most five minutes). Default 10 s and 30 checks.
     *
     * @throws IllegalArgumentException if the interval is negative or {@code maxChecks < 1}
     */
    public Builder containerPolling(Duration interval, int maxChecks) {
      if (interval.isNegative() || maxChecks < 1) {
        throw new IllegalArgumentException("bad polling: " + interval + ", " + maxChecks);
      }
      this.pollInterval = interval;
      this.maxPolls = maxChecks;
      return this;
    }

    /** Receives upload and container progress. */
    public Builder uploadListener(UploadListener listener) {
      this.listener = listener == null ? UploadListener.NONE : listener;
      return this;
    }

    /**
     * Whether local video files go through the resumable upload ({@code upload_type=resumable},
     * {@code rupload.facebook.com}) rather than the {@link MediaHost}. Default true.
     */
    public Builder resumableVideoUpload(boolean resumable) {
      this.resumableVideo = resumable;
      return this;
    }

    /**
     * Sends {@code appsecret_proof} with every Facebook Login call (for apps that require it). The
     * secret never appears in logs or messages.
     */
    public Builder appSecret(String appSecret) {
      this.appSecret = requireNonNull(appSecret, "appSecret == null");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if credentials or the account are missing
     */
    public InstagramClient build() {
      if (igUserId == null && facebookPageId == null) {
        throw new IllegalStateException("Instagram client needs igUserId(...)"
            + " (or facebookPageId(...) with Facebook Login)");
      }
      if (igUserId == null && flavor != ApiFlavor.FACEBOOK_LOGIN) {
        throw new IllegalStateException("facebookPageId(...) needs ApiFlavor.FACEBOOK_LOGIN");
      }
      if (appSecret != null) {
        OkHttpClient base = httpSettings().okHttpClient().orElseGet(OkHttpClient::new);
        OkHttpClient withProof = base.newBuilder()
            .addNetworkInterceptor(AppSecretProof.of(appSecret).networkInterceptor()).build();
        httpSettings(httpSettings().toBuilder().okHttpClient(withProof).build());
      }
      // 400 containers per account per rolling 24 h; a Meta throttle answer (80002...) carries
      // no wait, so the default one-minute back-off must fit in the wait allowed
      RateLimitPolicy defaults = RateLimitPolicy.builder()
          .bucket(BUCKET_CONTAINERS, 400, Duration.ofHours(24))
          .maxWait(Duration.ofSeconds(90)).build();
      ApiRuntime rt = runtime(Platform.INSTAGRAM, "smo-instagram", flavor.host(),
          new InstagramErrorMapper(), new GraphRateLimitParser(Platform.INSTAGRAM), defaults,
          "instagram:" + (igUserId != null ? igUserId : "page-" + facebookPageId));
      return new InstagramClient(this, rt);
    }
  }
}
