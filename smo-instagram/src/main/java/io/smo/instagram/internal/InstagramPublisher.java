package io.smo.instagram.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.auth.TokenProvider;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.resilience.Sleeper;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.instagram.InstagramOptions;
import io.smo.instagram.InstagramRateBucket;
import io.smo.instagram.MediaHost;
import io.smo.instagram.PublishingQuota;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Publishing and deleting on Instagram: the publishing limit check, containers per item (images by
 * URL through the {@link MediaHost}, videos by URL or by {@link InstagramUploadProtocol}), carousel
 * children and parent, container polling through core's {@link ProcessingPoller} (each state an
 * upload event for the {@link UploadListener} and the client's {@code SmoListener}), {@code
 * media_publish} (never re-sent after it may have taken effect) and the permalink read.
 * Thread-safe.
 */
@SmoInternalApi
public final class InstagramPublisher {
  /** How often a "media not ready" answer of {@code media_publish} is polled out and re-tried. */
  static final int MAX_NOT_READY = 5;

  private final ApiRuntime runtime;
  private final InstagramApi api;
  private final String version;
  private final Supplier<String> accountId;
  private final MediaHost mediaHost;
  private final boolean resumableVideo;
  private final Duration pollInterval;
  private final Duration processingTimeout;
  private final UploadListener listener;

  /**
   * Creates the publisher of one client.
   *
   * @param runtime the runtime
   * @param api the Retrofit service
   * @param version the Graph version path
   * @param accountId supplies the IG User id (learned on first use when not configured)
   * @param mediaHost the media host, or {@code null}
   * @param resumableVideo whether local videos use the resumable upload
   * @param pollInterval the first wait between container checks (doubles up to 30 s)
   * @param processingTimeout the longest wait for all containers of one post
   * @param listener upload and container progress
   */
  public InstagramPublisher(
      ApiRuntime runtime,
      InstagramApi api,
      String version,
      Supplier<String> accountId,
      MediaHost mediaHost,
      boolean resumableVideo,
      Duration pollInterval,
      Duration processingTimeout,
      UploadListener listener) {
    this.runtime = runtime;
    this.api = api;
    this.version = version;
    this.accountId = accountId;
    this.mediaHost = mediaHost;
    this.resumableVideo = resumableVideo;
    this.pollInterval = pollInterval;
    this.processingTimeout = processingTimeout;
    this.listener = listener;
  }

  /**
   * Reads the publishing limit ({@code GET
   * /{ig-user-id}/content_publishing_limit?fields=quota_usage,config}).
   *
   * @throws SmoException if the read failed
   */
  public PublishingQuota publishingQuota() {
    String ig = accountId.get();
    InstagramDtos.PublishingLimitPage body =
        runtime.call(
            Operation.read("content publishing limit", InstagramRateBucket.GRAPH),
            () -> api.publishingLimit(version, ig, "quota_usage,config", null));
    return InstagramMapper.publishingLimit(body)
        .map(l -> new PublishingQuota(l.used(), l.total(), Duration.ofSeconds(l.windowSeconds())))
        .orElse(new PublishingQuota(0, 0, Duration.ofDays(1)));
  }

  /**
   * Publishes a validated post.
   *
   * @throws QuotaExceededException if the publishing limit is used up (nothing sent)
   * @throws SmoException on failure
   */
  public PublishedPost publish(Post post) {
    InstagramOptions o =
        post.options(InstagramOptions.class).orElse(InstagramRules.DEFAULT_OPTIONS);
    String ig = accountId.get();
    PublishingQuota quota = publishingQuota();
    if (quota.exhausted()) {
      throw new QuotaExceededException(
          ErrorDetails.builder(Platform.INSTAGRAM, "publish")
              .message(
                  "publishing limit reached: "
                      + quota.used()
                      + " of "
                      + quota.total()
                      + " posts in the last "
                      + quota.window().toHours()
                      + " h (content_publishing_limit);"
                      + " nothing was sent")
              .build(),
          null);
    }
    List<URI> hosted = new ArrayList<>();
    PollClock clock = new PollClock(runtime.clock(), runtime.sleeper());
    Instant deadline = clock.instant().plus(processingTimeout);
    try {
      List<Media> media = post.media();
      String creationId;
      if (o.format() == InstagramOptions.Format.STORY) {
        creationId = createItem(ig, media.get(0), Kind.STORY, post, o, hosted);
      } else if (media.size() == 1) {
        Media m = media.get(0);
        creationId =
            createItem(
                ig, m, m.kind() == MediaKind.VIDEO ? Kind.REEL : Kind.IMAGE, post, o, hosted);
      } else {
        List<String> children = new ArrayList<>();
        for (Media m : media) {
          children.add(createItem(ig, m, Kind.CHILD, post, o, hosted));
        }
        awaitFinished(children, clock, deadline);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("media_type", "CAROUSEL");
        f.put("children", String.join(",", children));
        parentOptions(f, post, o);
        creationId = createContainer(ig, f).id();
      }
      awaitFinished(List.of(creationId), clock, deadline);
      String mediaId = publishContainer(ig, creationId, clock, deadline);
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

  /**
   * Deletes published media ({@code DELETE /{ig-media-id}}; Facebook Login only, checked by the
   * caller).
   */
  public void delete(PostRef ref) {
    runtime.call(
        Operation.write("delete", InstagramRateBucket.GRAPH), () -> api.delete(version, ref.id()));
  }

  private enum Kind {
    IMAGE,
    REEL,
    STORY,
    CHILD
  }

  private String createItem(
      String ig, Media m, Kind kind, Post post, InstagramOptions o, List<URI> hosted) {
    Map<String, String> f = new LinkedHashMap<>();
    boolean video = m.kind() == MediaKind.VIDEO;
    switch (kind) {
      case REEL -> f.put("media_type", "REELS");
      case STORY -> f.put("media_type", "STORIES");
      case CHILD -> {
        f.put("is_carousel_item", "true");
        if (video) {
          f.put("media_type", "VIDEO");
        }
      }
      default -> {}
    }
    boolean resumable = video && m.sourceType() != Media.SourceType.URL && resumableVideo;
    if (resumable) {
      f.put("upload_type", "resumable");
    } else {
      URI url =
          m.url()
              .orElseGet(
                  () -> {
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
    InstagramDtos.Created created = createContainer(ig, f);
    String id = created.id();
    if (resumable) {
      String uri = created.uri() == null ? "" : created.uri();
      if (uri.isEmpty()) {
        throw new TransportException(
            Platform.INSTAGRAM,
            "create container",
            "resumable container " + id + " came without an upload uri",
            null,
            false);
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

  private InstagramDtos.Created createContainer(String ig, Map<String, String> fields) {
    InstagramDtos.Created body =
        runtime.call(
            Operation.write("create container", InstagramRateBucket.CONTAINERS),
            () -> api.createContainer(version, ig, fields));
    if (InstagramMapper.id(body) == null) {
      throw new TransportException(
          Platform.INSTAGRAM, "create container", "container answer has no id", null, true);
    }
    return body;
  }

  private void upload(String containerId, URI uri, Media m) {
    TokenProvider tokens = runtime.tokens().orElseThrow();
    InstagramUploadProtocol up =
        new InstagramUploadProtocol(runtime, uri, () -> tokens.token().value(), containerId);
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

  private InstagramMapper.ContainerStatus status(String containerId) {
    InstagramDtos.ContainerState body =
        runtime.call(
            Operation.read("container status", InstagramRateBucket.GRAPH),
            () -> api.container(version, containerId, "status_code,status"));
    return InstagramMapper.containerStatus(body);
  }

  /**
   * Polls each container with core's {@link ProcessingPoller} until FINISHED (or PUBLISHED), all
   * within one deadline; ERROR and EXPIRED end with {@link
   * io.smo.core.exception.MediaProcessingException} (not retryable: nothing was published), the
   * deadline with a retryable one.
   */
  private void awaitFinished(List<String> ids, PollClock clock, Instant deadline) {
    for (String id : ids) {
      Duration left = Duration.between(clock.instant(), deadline);
      ProcessingPoller.poll(
          Platform.INSTAGRAM,
          "publish",
          id,
          () -> {
            InstagramMapper.ContainerStatus s = status(id);
            if (s.finished() || s.published()) {
              return ProcessingStatus.succeeded(s.statusCode(), id);
            }
            if (s.failed()) {
              return ProcessingStatus.failed(
                  s.statusCode(),
                  "container "
                      + id
                      + " is "
                      + s.statusCode()
                      + (s.status() != null ? " (" + s.status() + ")" : "")
                      + "; nothing was published");
            }
            return ProcessingStatus.pending(s.statusCode(), null, null);
          },
          left.isNegative() ? Duration.ZERO : left,
          pollInterval,
          clock,
          clock,
          listener,
          0);
    }
  }

  private String publishContainer(String ig, String creationId, PollClock clock, Instant deadline) {
    for (int attempt = 1; ; attempt++) {
      InstagramDtos.Created body;
      try {
        body =
            runtime.call(
                Operation.create("publish", InstagramRateBucket.CONTAINERS),
                () -> api.publish(version, ig, creationId));
      } catch (PlatformException e) {
        if (InstagramErrorMapper.isNotReady(e) && attempt < MAX_NOT_READY) {
          try {
            clock.sleep(pollInterval);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw e;
          }
          awaitFinished(List.of(creationId), clock, deadline);
          continue;
        }
        throw e;
      }
      String id = InstagramMapper.id(body);
      if (id == null) {
        throw new PublishOutcomeUnknownException(
            Platform.INSTAGRAM,
            "publish",
            "media_publish answered without a media id; container "
                + creationId
                + " may have been published",
            null,
            null,
            List.of(),
            null);
      }
      return id;
    }
  }

  private PublishedPost published(String mediaId) {
    PublishedPost.Builder b = PublishedPost.builder(PostRef.of(Platform.INSTAGRAM, mediaId));
    try {
      InstagramDtos.MediaNode m =
          runtime.call(
              Operation.read("read media", InstagramRateBucket.GRAPH),
              () -> api.media(version, mediaId, "id,permalink,timestamp,media_product_type"));
      InstagramMapper.permalink(m).ifPresent(b::url);
      InstagramMapper.timestamp(m == null ? null : m.timestamp()).ifPresent(b::publishedAt);
    } catch (SmoException e) {
      // the post is published; its permalink is a nicety
    }
    return b.build();
  }

  /**
   * The time container polling measures its deadline in: the runtime's clock, but never behind the
   * start plus the waits already slept, so a deadline holds with a fake sleeper too (tests) and
   * with a real one it is the wall clock.
   */
  static final class PollClock extends Clock implements Sleeper {
    private final Clock clock;
    private final Sleeper sleeper;
    private final Instant start;
    private Duration slept = Duration.ZERO;

    PollClock(Clock clock, Sleeper sleeper) {
      this.clock = clock;
      this.sleeper = sleeper;
      this.start = clock.instant();
    }

    @Override
    public synchronized Instant instant() {
      Instant real = clock.instant();
      Instant virtual = start.plus(slept);
      return real.isAfter(virtual) ? real : virtual;
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
      sleeper.sleep(d);
      synchronized (this) {
        slept = slept.plus(d);
      }
    }

    @Override
    public ZoneId getZone() {
      return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return clock.withZone(zone);
    }
  }
}
