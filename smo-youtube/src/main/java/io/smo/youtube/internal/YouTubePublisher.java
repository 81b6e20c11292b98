package io.smo.youtube.internal;

import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.media.MediaFormat;
import io.smo.core.media.MediaInspector;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.youtube.YouTubeOptions;
import io.smo.youtube.YouTubePartialPublishException;
import io.smo.youtube.YouTubeRateBucket;
import io.smo.youtube.YouTubeVideoUpdate;
import io.smo.youtube.internal.YouTubeDtos.Video;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing on YouTube: the resumable upload ({@code videos.insert} session start, chunks through
 * {@link YouTubeUploadProtocol}, new sessions after expiry), the wait for processing ({@code
 * videos.list part=status,processingDetails}), the thumbnail ({@code thumbnails.set}) and playlist
 * ({@code playlistItems.insert}) steps, metadata updates ({@code videos.update}) and deletes
 * ({@code videos.delete}). Validation is {@link YouTubeRules}'; every call is charged to the quota
 * by {@link QuotaTracker}. Thread-safe (one upload per call).
 */
@SmoInternalApi
public final class YouTubePublisher {
  private static final Logger LOG = LoggerFactory.getLogger(YouTubePublisher.class);
  private static final int MAX_SESSIONS = 3;
  private static final MediaType JSON_UTF8 = MediaType.get("application/json; charset=UTF-8");

  private final ApiRuntime runtime;
  private final YouTubeApi api;
  private final QuotaTracker quota;
  private final DefaultYouTubeClient.Settings settings;
  private final HttpUrl uploadVideos;
  private final HttpUrl setThumbnail;

  /**
   * Creates the publisher.
   *
   * @param runtime the runtime
   * @param api the Data API service
   * @param quota the quota account
   * @param settings the client settings
   */
  public YouTubePublisher(
      ApiRuntime runtime,
      YouTubeApi api,
      QuotaTracker quota,
      DefaultYouTubeClient.Settings settings) {
    this.runtime = runtime;
    this.api = api;
    this.quota = quota;
    this.settings = settings;
    HttpUrl base = HttpUrl.get(runtime.baseUrl().toString());
    this.uploadVideos = base.resolve("upload/youtube/v3/videos");
    this.setThumbnail = base.resolve("upload/youtube/v3/thumbnails/set");
  }

  /**
   * Publishes a valid post: uploads its one video, waits for processing when asked, then sets the
   * thumbnail and adds the video to the playlist.
   *
   * @throws YouTubePartialPublishException if the video is up but a later step failed
   */
  public PublishedPost publish(Post post) {
    YouTubeOptions o = YouTubeRules.options(post);
    Media media = post.media().get(0);
    Path file;
    Path temp = null;
    try {
      if (media.sourceType() == Media.SourceType.BYTES) {
        temp = Files.createTempFile("smo-youtube-", ".upload");
        Files.write(temp, media.bytes().orElseThrow());
        file = temp;
      } else {
        file = media.file().orElseThrow();
      }
      Video video = upload(post, o, media, file);
      PublishedPost published = YouTubeMapper.publishedPost(video);
      String id = published.id();
      long total = Files.size(file);
      if (o.waitForProcessing()) {
        waitForProcessing(id, total);
      }
      if (o.thumbnail().isPresent()) {
        try {
          uploadThumbnail(id, o.thumbnail().get());
        } catch (SmoException e) {
          throw new YouTubePartialPublishException(published, "thumbnails.set", e);
        }
      }
      if (o.playlistId().isPresent()) {
        try {
          insertPlaylistItem(id, o.playlistId().get());
        } catch (SmoException e) {
          throw new YouTubePartialPublishException(published, "playlistItems.insert", e);
        }
      }
      return published;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + media.describe(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  private Video upload(Post post, YouTubeOptions o, Media media, Path file) throws IOException {
    long total = Files.size(file);
    String mime = media.mimeType();
    MediaType contentType = MediaType.parse(mime);
    String name = file.getFileName().toString();
    byte[] json = runtime.json().writeValueAsBytes(YouTubeMapper.toVideo(post, o, name));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int session = 1; ; session++) {
        ChunkedUploader.notify(
            settings.listener(),
            new UploadProgress(Platform.YOUTUBE, name, UploadState.STARTING, 0, total, null, null));
        URI sessionUri = startSession(json, total, mime, o.notifySubscribers());
        YouTubeUploadProtocol protocol =
            new YouTubeUploadProtocol(runtime, sessionUri, settings.chunkSize());
        ChunkedUploader.LastChunkWatch watch = new ChunkedUploader.LastChunkWatch(protocol);
        try {
          ChunkedUploader.upload(
              Platform.YOUTUBE,
              name,
              channel,
              total,
              contentType,
              watch,
              settings.listener(),
              runtime.retryPolicy(),
              runtime.sleeper());
          Video video = protocol.video();
          if (video == null) {
            protocol.queryOffset(total);
            video = protocol.video();
          }
          if (video == null) {
            throw new PublishOutcomeUnknownException(
                Platform.YOUTUBE,
                "publish",
                "every byte was acknowledged but YouTube never returned the video",
                null,
                null,
                List.of(),
                sessionUri.toString());
          }
          return video;
        } catch (YouTubeUploadProtocol.SessionExpiredException e) {
          // a 404/410 status answer is definite: a completed upload's session answers with the
          // video, so starting a new session cannot publish twice
          if (session >= MAX_SESSIONS) {
            throw new MediaProcessingException(
                Platform.YOUTUBE,
                "publish",
                null,
                "session-expired",
                "the upload session expired " + session + " times",
                true);
          }
          LOG.debug(
              "youtube upload session expired; starting over ({} of {})", session, MAX_SESSIONS);
          ChunkedUploader.notify(
              settings.listener(),
              new UploadProgress(
                  Platform.YOUTUBE, name, UploadState.RESUMING, 0, total, null, null));
        } catch (PublishOutcomeUnknownException e) {
          throw e;
        } catch (SmoException e) {
          if (watch.mayBeComplete(e)) {
            // the last chunk's answer and the status queries were lost: the video may exist
            throw new PublishOutcomeUnknownException(
                Platform.YOUTUBE,
                "publish",
                "the last chunk was"
                    + " sent but neither its answer nor the upload status could be read; the video may"
                    + " exist (resume or query the upload session in knownId())",
                e,
                null,
                List.of(),
                sessionUri.toString());
          }
          throw e;
        }
      }
    }
  }

  private URI startSession(byte[] json, long total, String mime, boolean notify) {
    HttpUrl u =
        uploadVideos
            .newBuilder()
            .addQueryParameter("uploadType", "resumable")
            .addQueryParameter("part", "snippet,status")
            .addQueryParameter("notifySubscribers", Boolean.toString(notify))
            .build();
    ApiResponse<String> r =
        quota.execute(
            runtime,
            "videos.insert",
            Operation.write("videos.insert", YouTubeRateBucket.VIDEOS_INSERT),
            () ->
                new Request.Builder()
                    .url(u)
                    .header("X-Upload-Content-Length", Long.toString(total))
                    .header("X-Upload-Content-Type", mime)
                    .post(RequestBody.create(json, JSON_UTF8))
                    .build());
    String location = r.header("Location").orElse(null);
    if (location == null || location.isBlank()) {
      throw new PlatformException(
          ErrorDetails.builder(Platform.YOUTUBE, "publish")
              .httpStatus(r.status())
              .message("resumable session start answered without a Location header")
              .build(),
          true);
    }
    return HttpUrl.get(runtime.baseUrl().toString()).resolve(location).uri();
  }

  private void waitForProcessing(String id, long total) {
    ProcessingPoller.poll(
        Platform.YOUTUBE,
        "publish",
        id,
        () -> YouTubeMapper.processing(video(id, "status,processingDetails", "publish")),
        settings.processingTimeout(),
        settings.pollInterval(),
        runtime.clock(),
        runtime.sleeper(),
        settings.listener(),
        total);
  }

  private Video video(String id, String parts, String operation) {
    return YouTubeMapper.onlyVideo(
        quota.call(
            runtime, "videos.list", Operation.read(operation), () -> api.listVideos(parts, id)),
        id,
        operation);
  }

  /** Sets a checked thumbnail ({@code thumbnails.set}, media upload). */
  public void uploadThumbnail(String videoId, Path image) {
    byte[] bytes;
    MediaFormat format;
    try {
      bytes = Files.readAllBytes(image);
      format = MediaInspector.detect(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read thumbnail " + image, e);
    }
    HttpUrl u =
        setThumbnail
            .newBuilder()
            .addQueryParameter("videoId", videoId)
            .addQueryParameter("uploadType", "media")
            .build();
    quota.execute(
        runtime,
        "thumbnails.set",
        Operation.write("thumbnails.set"),
        () ->
            new Request.Builder()
                .url(u)
                .post(RequestBody.create(bytes, MediaType.get(format.mimeType())))
                .build());
  }

  /**
   * Adds a video to a playlist ({@code playlistItems.insert part=snippet}); returns the item id.
   */
  public String insertPlaylistItem(String videoId, String playlistId) {
    YouTubeDtos.PlaylistItem body =
        new YouTubeDtos.PlaylistItem(
            null,
            new YouTubeDtos.PlaylistItemSnippet(
                playlistId, new YouTubeDtos.ResourceId("youtube#video", videoId)));
    YouTubeDtos.PlaylistItem item =
        quota.call(
            runtime,
            "playlistItems.insert",
            Operation.create("addToPlaylist"),
            () -> api.insertPlaylistItem("snippet", body));
    return item == null ? null : item.id();
  }

  /**
   * Updates a video's metadata: reads {@code snippet,status} in one {@code videos.list}, then sends
   * {@code videos.update part=snippet,status} with the update over the current values.
   */
  public void updateVideo(PostRef video, YouTubeVideoUpdate update) {
    Video current = video(video.id(), "snippet,status", "updateVideo");
    Video body = YouTubeMapper.updatedVideo(video.id(), current, update);
    quota.call(
        runtime,
        "videos.update",
        Operation.write("updateVideo"),
        () -> api.updateVideo("snippet,status", body));
  }

  /** Deletes a video ({@code videos.delete}). */
  public void delete(PostRef ref) {
    quota.call(
        runtime, "videos.delete", Operation.write("delete"), () -> api.deleteVideo(ref.id()));
  }
}
