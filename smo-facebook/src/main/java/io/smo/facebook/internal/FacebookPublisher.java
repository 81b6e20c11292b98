package io.smo.facebook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.facebook.FacebookOptions;
import io.smo.facebook.FacebookRateBucket;
import io.smo.metagraph.spi.GraphHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Publishing to a Page and deleting: text and link posts, one or several photos, videos (by URL or
 * through {@link FacebookUploadProtocol}), Reels, native scheduling, audience targeting.
 * Thread-safe.
 *
 * @see <a href="https://developers.facebook.com/docs/pages-api/posts">Pages API: posts</a>
 * @see <a href="https://developers.facebook.com/docs/video-api/guides/reels-publishing">Reels
 *     publishing</a>
 */
@SmoInternalApi
public final class FacebookPublisher {
  private static final Operation PUBLISH = Operation.create("publish", FacebookRateBucket.FEED);
  private static final Operation PHOTO =
      Operation.create("upload_photo", FacebookRateBucket.PHOTOS);
  private static final Operation VIDEO_START =
      Operation.create("video_upload_start", FacebookRateBucket.VIDEOS);
  private static final Operation VIDEO_FINISH =
      Operation.create("video_upload_finish", FacebookRateBucket.VIDEOS);
  private static final Operation REEL_START =
      Operation.create("reel_start", FacebookRateBucket.VIDEOS);
  private static final Operation REEL_UPLOAD =
      Operation.write("reel_upload", FacebookRateBucket.VIDEOS).withoutRetry();
  private static final Operation REEL_FINISH =
      Operation.create("reel_finish", FacebookRateBucket.VIDEOS);
  private static final Operation STATUS = Operation.read("video_status", FacebookRateBucket.READS);
  private static final Operation DELETE = Operation.write("delete", FacebookRateBucket.FEED);

  private final ApiRuntime runtime;
  private final GraphHttp http;
  private final Supplier<String> page;
  private final UploadListener listener;
  private final Duration processingTimeout;
  private final Duration pollInterval;

  /**
   * Creates the publisher of one Page.
   *
   * @param runtime the client's runtime
   * @param http the Graph helper over it
   * @param page the Page id (asked on each publish, so it may be learned on first use)
   * @param listener upload and processing progress
   * @param processingTimeout the longest wait for video processing
   * @param pollInterval the wait between processing status reads
   */
  public FacebookPublisher(
      ApiRuntime runtime,
      GraphHttp http,
      Supplier<String> page,
      UploadListener listener,
      Duration processingTimeout,
      Duration pollInterval) {
    this.runtime = runtime;
    this.http = http;
    this.page = page;
    this.listener = listener;
    this.processingTimeout = processingTimeout;
    this.pollInterval = pollInterval;
  }

  /**
   * Publishes a validated post to the Page (see {@code FacebookClient} for the calls per kind).
   *
   * @param post the post, already validated
   * @return the published post
   */
  public PublishedPost publish(Post post) {
    FacebookOptions o = post.options(FacebookOptions.class).orElse(null);
    Map<String, String> common = new LinkedHashMap<>(Targeting.params(post.audience(), o));
    boolean scheduled = post.scheduledAt().isPresent();
    if (scheduled) {
      common.put("published", "false");
      common.put(
          "scheduled_publish_time", Long.toString(post.scheduledAt().get().getEpochSecond()));
    }
    List<Media> media = post.media();
    if (media.isEmpty()) {
      Map<String, String> form = new LinkedHashMap<>(common);
      if (!post.text().isEmpty()) {
        form.put("message", post.text());
      }
      post.link().ifPresent(l -> form.put("link", l.toString()));
      JsonNode r = http.post(PUBLISH, page.get() + "/feed", form);
      return published(id(r, "id", PUBLISH), Map.of(), post);
    }
    Media first = media.get(0);
    if (first.kind() == MediaKind.VIDEO) {
      return o != null && o.asReel()
          ? publishReel(post, first, Targeting.params(post.audience(), o))
          : publishVideo(post, first, common, o);
    }
    if (media.size() == 1) {
      Map<String, String> form = new LinkedHashMap<>(common);
      if (!post.text().isEmpty()) {
        form.put("caption", post.text());
      }
      JsonNode r = uploadPhoto(first, form);
      String photoId = id(r, "id", PHOTO);
      FacebookDtos.Created created = created(r);
      String postId = created.postId() == null ? "" : created.postId();
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
    JsonNode r = http.post(PUBLISH, page.get() + "/feed", form);
    return published(id(r, "id", PUBLISH), Map.of("photoIds", String.join(",", photoIds)), post);
  }

  private JsonNode uploadPhoto(Media m, Map<String, String> form) {
    if (m.sourceType() == Media.SourceType.URL) {
      Map<String, String> f = new LinkedHashMap<>(form);
      f.put("url", m.url().orElseThrow().toString());
      return http.post(PHOTO, page.get() + "/photos", f);
    }
    MediaType type = MediaType.get(m.mimeType());
    return http.postMultipart(
        PHOTO, page.get() + "/photos", form, "source", fileName(m), () -> body(m, type));
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

  private PublishedPost publishVideo(
      Post post, Media m, Map<String, String> common, FacebookOptions o) {
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
      videoId = id(http.post(PUBLISH, page.get() + "/videos", f), "id", PUBLISH);
    } else {
      Path file = materialize(m);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        total = ch.size();
        JsonNode start =
            http.post(
                VIDEO_START,
                page.get() + "/videos",
                Map.of("upload_phase", "start", "file_size", Long.toString(total)));
        videoId = id(start, "video_id", VIDEO_START);
        String session = id(start, "upload_session_id", VIDEO_START);
        FacebookUploadProtocol protocol =
            new FacebookUploadProtocol(
                http,
                page.get(),
                session,
                start.path("start_offset").asLong(0),
                start.path("end_offset").asLong(total));
        ChunkedUploader.upload(
            Platform.FACEBOOK,
            fileName(m),
            ch,
            total,
            MediaType.get(m.mimeType()),
            protocol,
            listener,
            runtime.retryPolicy(),
            runtime.sleeper());
        Map<String, String> fin = new LinkedHashMap<>(meta);
        fin.put("upload_phase", "finish");
        fin.put("upload_session_id", session);
        JsonNode done = http.post(VIDEO_FINISH, page.get() + "/videos", fin);
        if (!done.path("success").asBoolean(false)) {
          throw new PublishOutcomeUnknownException(
              Platform.FACEBOOK,
              VIDEO_FINISH.name(),
              "finish phase did not report success",
              null,
              null,
              List.of(),
              videoId);
        }
      } catch (IOException e) {
        throw new TransportException(
            Platform.FACEBOOK,
            "publish",
            "cannot read the video file: " + e.getClass().getSimpleName(),
            e,
            false);
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
    JsonNode start =
        http.post(REEL_START, page.get() + "/video_reels", Map.of("upload_phase", "start"));
    String videoId = id(start, "video_id", REEL_START);
    String uploadUrl = start.path("upload_url").asText("");
    if (uploadUrl.isEmpty()) {
      throw new InvalidRequestException(
          io.smo.core.exception.ErrorDetails.builder(Platform.FACEBOOK, REEL_START.name())
              .message("no upload_url in the start answer")
              .build());
    }
    URI target = URI.create(uploadUrl);
    Path file = materialize(m);
    long total;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      total = ch.size();
      long size = total;
      ChunkedUploader.upload(
          Platform.FACEBOOK,
          fileName(m),
          ch,
          total,
          MediaType.get(m.mimeType()),
          new ChunkedUploader.Protocol() {
            @Override
            public long chunkLength(long offset, long t) {
              return t - offset;
            }

            @Override
            public long send(io.smo.core.upload.spi.FileChunk chunk, long t) {
              runtime.execute(
                  REEL_UPLOAD,
                  () ->
                      new Request.Builder()
                          .url(target.toString())
                          .header(
                              "Authorization",
                              "OAuth " + runtime.tokens().orElseThrow().token().value())
                          .header("offset", Long.toString(chunk.offset()))
                          .header("file_size", Long.toString(size))
                          .post(chunk)
                          .build(),
                  true);
              return chunk.offset() + chunk.length();
            }

            @Override
            public long queryOffset(long t) {
              JsonNode s = http.get(STATUS, videoId, Map.of("fields", "status"));
              return s.path("status").path("uploading_phase").path("bytes_transferred").asLong(0);
            }
          },
          listener,
          runtime.retryPolicy(),
          runtime.sleeper());
    } catch (IOException e) {
      throw new TransportException(
          Platform.FACEBOOK,
          "publish",
          "cannot read the media file: " + e.getClass().getSimpleName(),
          e,
          false);
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
    JsonNode done = http.post(REEL_FINISH, page.get() + "/video_reels", fin);
    if (!done.path("success").asBoolean(false)) {
      throw new PublishOutcomeUnknownException(
          Platform.FACEBOOK,
          REEL_FINISH.name(),
          "finish phase did not report success",
          null,
          null,
          List.of(),
          videoId);
    }
    String postId = waitReady(videoId, total);
    return published(postId, Map.of("videoId", videoId, "reel", "true"), post);
  }

  private String waitReady(String videoId, long total) {
    return ProcessingPoller.poll(
        Platform.FACEBOOK,
        "video_processing",
        videoId,
        () -> {
          FacebookDtos.VideoState v =
              videoState(http.get(STATUS, videoId, Map.of("fields", "status,post_id")));
          FacebookDtos.Status st = v.status();
          String state = st == null || st.videoStatus() == null ? "processing" : st.videoStatus();
          String postId = v.postId() == null ? "" : v.postId();
          return switch (state) {
            case "ready", "published" ->
                ProcessingStatus.succeeded(state, postId.isEmpty() ? videoId : postId);
            case "error" ->
                ProcessingStatus.failed(
                    state,
                    st.processingPhase() == null
                            || st.processingPhase().error() == null
                            || st.processingPhase().error().message() == null
                        ? "video processing failed"
                        : st.processingPhase().error().message());
            default ->
                ProcessingStatus.pending(state, st == null ? null : st.processingProgress(), null);
          };
        },
        processingTimeout,
        pollInterval,
        runtime.clock(),
        runtime.sleeper(),
        listener,
        total);
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
      throw new TransportException(
          Platform.FACEBOOK,
          "publish",
          "cannot read the media file: " + e.getClass().getSimpleName(),
          e,
          false);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // temp file
    }
  }

  /** The create answer as a record; an answer of another shape reads as all-absent. */
  private static FacebookDtos.Created created(JsonNode r) {
    try {
      return FacebookDtos.read(r, FacebookDtos.Created.class);
    } catch (IllegalArgumentException e) {
      return new FacebookDtos.Created(null, null, null);
    }
  }

  /** The video status answer as a record; an answer of another shape reads as still processing. */
  private static FacebookDtos.VideoState videoState(JsonNode r) {
    try {
      return FacebookDtos.read(r, FacebookDtos.VideoState.class);
    } catch (IllegalArgumentException e) {
      return new FacebookDtos.VideoState(null, null);
    }
  }

  static String id(JsonNode r, String field, Operation op) {
    String v = r.path(field).asText("");
    if (v.isEmpty()) {
      if (op.kind() == Operation.Kind.CREATE) {
        throw new PublishOutcomeUnknownException(
            Platform.FACEBOOK,
            op.name(),
            "answer has no '" + field + "'",
            null,
            null,
            List.of(),
            null);
      }
      throw new TransportException(
          Platform.FACEBOOK, op.name(), "answer has no '" + field + "'", null, false);
    }
    return v;
  }

  private PublishedPost published(String id, Map<String, String> attrs, Post post) {
    PostRef ref = PostRef.of(Platform.FACEBOOK, id, attrs);
    PublishedPost.Builder b =
        PublishedPost.builder(ref).url(URI.create("https://www.facebook.com/" + id));
    if (post.scheduledAt().isPresent()) {
      b.scheduled(true).publishedAt(post.scheduledAt().get());
    } else {
      b.publishedAt(runtime.clock().instant());
    }
    return b.build();
  }

  /**
   * Deletes a post ({@code DELETE /{page-post-id}}).
   *
   * @param ref the post, already checked to be a Facebook reference
   */
  public void delete(PostRef ref) {
    http.delete(DELETE, ref.id());
  }
}
