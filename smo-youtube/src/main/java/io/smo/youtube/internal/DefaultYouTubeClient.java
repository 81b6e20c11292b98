package io.smo.youtube.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.Visibility;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.media.MediaFormat;
import io.smo.core.media.MediaInspector;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.text.TextCounting;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.youtube.YouTubeCapabilities;
import io.smo.youtube.YouTubeClient;
import io.smo.youtube.YouTubeModerationStatus;
import io.smo.youtube.YouTubeOAuth;
import io.smo.youtube.YouTubeOptions;
import io.smo.youtube.YouTubePartialPublishException;
import io.smo.youtube.YouTubeQuota;
import io.smo.youtube.YouTubeVideoUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link YouTubeClient} implementation. Immutable and thread-safe (the quota tracker is synchronized). */
@SmoInternalApi
public final class DefaultYouTubeClient extends BaseSocialClient implements YouTubeClient {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultYouTubeClient.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> LICENSES = Set.of("youtube", "creativeCommon");
  private static final int MAX_SESSIONS = 3;

  /** The client's YouTube-specific settings. */
  public static final class Settings {
    final URI analyticsBaseUrl;
    final YouTubeQuota quota;
    final long chunkSize;
    final Duration processingTimeout;
    final Duration processingPollInterval;
    final UploadListener listener;
    final Boolean analytics;
    final String channelId;

    /**
     * Creates the settings.
     *
     * @param analyticsBaseUrl the Analytics API base URL
     * @param quota the quota account
     * @param chunkSize the upload chunk in bytes (multiple of 256 KiB)
     * @param processingTimeout the longest wait for processing
     * @param processingPollInterval the first wait between polls
     * @param listener the progress listener
     * @param analytics whether to query Analytics ({@code null}: when the token's scopes allow)
     * @param channelId the channel ({@code mine} for the token's own)
     */
    public Settings(URI analyticsBaseUrl, YouTubeQuota quota, long chunkSize, Duration processingTimeout,
        Duration processingPollInterval, UploadListener listener, Boolean analytics, String channelId) {
      this.analyticsBaseUrl = analyticsBaseUrl;
      this.quota = quota;
      this.chunkSize = chunkSize;
      this.processingTimeout = processingTimeout;
      this.processingPollInterval = processingPollInterval;
      this.listener = listener;
      this.analytics = analytics;
      this.channelId = channelId;
    }
  }

  private final Settings settings;
  private final YouTubeApi api;
  private final YouTubeApi analyticsApi;
  private final QuotaTracker quota;

  /** Creates the client over {@code runtime} (owned: closed with the client). */
  public DefaultYouTubeClient(ApiRuntime runtime, Settings settings) {
    super(runtime, YouTubeCapabilities.get(), "youtube:" + settings.channelId);
    this.settings = settings;
    this.api = runtime.service(YouTubeApi.class);
    this.analyticsApi = runtime.service(YouTubeApi.class, settings.analyticsBaseUrl);
    this.quota = new QuotaTracker(settings.quota, runtime.clock());
  }

  // ---------------------------------------------------------------- validation

  @Override
  protected List<Violation> platformViolations(Post post) {
    List<Violation> out = new ArrayList<>();
    Platform p = Platform.YOUTUBE;
    YouTubeOptions o = options(post);
    o.title().ifPresent(t -> checkTitle(t, "options.youtube.title", out));
    if (hasAngle(post.text())) {
      out.add(Violation.of(p, "text", "no-angle-brackets", null, null,
          "YouTube descriptions cannot contain < or >"));
    }
    int tagChars = 0;
    for (String tag : o.tags()) {
      tagChars += tag.codePointCount(0, tag.length()) + (tag.contains(" ") ? 2 : 0);
      if (hasAngle(tag)) {
        out.add(Violation.of(p, "options.youtube.tags", "no-angle-brackets", tag, null,
            "YouTube tags cannot contain < or >"));
      }
      if (tag.isBlank()) {
        out.add(Violation.of(p, "options.youtube.tags", "not-empty", tag, null, "a tag is empty"));
      } else if (tag.contains(",")) {
        out.add(Violation.of(p, "options.youtube.tags", "no-comma", tag, null,
            "a tag cannot contain a comma (YouTube separates tags with commas); give two tags"));
      }
    }
    tagChars += Math.max(0, o.tags().size() - 1);
    if (tagChars > YouTubeCapabilities.MAX_TAGS_CHARS) {
      out.add(Violation.of(p, "options.youtube.tags", "max-length", tagChars,
          YouTubeCapabilities.MAX_TAGS_CHARS, "tags are too long in all (commas and quotes count)"));
    }
    o.categoryId().filter(c -> !c.matches("\\d+")).ifPresent(c -> out.add(Violation.of(p,
        "options.youtube.categoryId", "numeric", c, null, "category ids are numeric (videoCategories.list)")));
    o.license().filter(l -> !LICENSES.contains(l)).ifPresent(l -> out.add(Violation.of(p,
        "options.youtube.license", "enum", l, LICENSES, "license must be youtube or creativeCommon")));
    o.thumbnail().ifPresent(t -> checkThumbnail(t, "options.youtube.thumbnail", out));
    if (post.scheduledAt().isPresent() && post.audience().visibility() != Visibility.PUBLIC) {
      out.add(Violation.of(p, "scheduledAt", "scheduled-visibility", post.audience().visibility(),
          Visibility.PUBLIC, "a scheduled video becomes public at publishAt; its visibility must be PUBLIC"));
    }
    for (int i = 0; i < post.media().size(); i++) {
      if (post.media().get(i).sourceType() == Media.SourceType.URL) {
        out.add(Violation.of(p, "media[" + i + "]", "media-source", "URL", "FILE",
            "YouTube uploads files; it cannot pull a video from a URL"));
      }
    }
    if (!post.link().isEmpty()) {
      out.add(Violation.of(p, "link", "link-unsupported", post.link().get(), null,
          "YouTube videos take no link field; put the link in the description"));
    }
    return out;
  }

  private static boolean hasAngle(String s) {
    return s != null && (s.indexOf('<') >= 0 || s.indexOf('>') >= 0);
  }

  private static void checkTitle(String t, String field, List<Violation> out) {
    int n = TextCounting.CODE_POINTS.count(t);
    if (t.isBlank()) {
      out.add(Violation.of(Platform.YOUTUBE, field, "not-empty", t, null, "title is blank"));
    }
    if (n > YouTubeCapabilities.MAX_TITLE_CHARS) {
      out.add(Violation.of(Platform.YOUTUBE, field, "max-length", n, YouTubeCapabilities.MAX_TITLE_CHARS,
          "title is too long (characters)"));
    }
    if (hasAngle(t)) {
      out.add(Violation.of(Platform.YOUTUBE, field, "no-angle-brackets", t, null,
          "YouTube titles cannot contain < or >"));
    }
  }

  private static void checkThumbnail(Path t, String field, List<Violation> out) {
    Platform p = Platform.YOUTUBE;
    if (!Files.isRegularFile(t) || !Files.isReadable(t)) {
      out.add(Violation.of(p, field, "media-missing", t, null, "thumbnail file does not exist or is unreadable"));
      return;
    }
    try {
      MediaFormat f = MediaInspector.inspect(t).format();
      if (f != MediaFormat.JPEG && f != MediaFormat.PNG) {
        out.add(Violation.of(p, field, "media-format", f, "JPEG, PNG", "thumbnails must be JPEG or PNG"));
      }
      long size = Files.size(t);
      if (size > YouTubeCapabilities.MAX_THUMBNAIL_BYTES) {
        out.add(Violation.of(p, field, "max-bytes", size, YouTubeCapabilities.MAX_THUMBNAIL_BYTES,
            "thumbnail is larger than 2 MB"));
      }
    } catch (IOException e) {
      out.add(Violation.of(p, field, "media-unreadable", t, null, "cannot read thumbnail: " + e.getMessage()));
    }
  }

  private static YouTubeOptions options(Post post) {
    return post.options(YouTubeOptions.class).orElseGet(() -> YouTubeOptions.builder().build());
  }

  // ---------------------------------------------------------------- calls

  private <T> T call(String method, Operation op, Supplier<retrofit2.Call<T>> c) {
    quota.charge(method, op.name());
    try {
      return runtime.call(op, c);
    } catch (QuotaExceededException e) {
      noteQuota(e);
      throw e;
    }
  }

  private ApiResponse<String> execute(String method, Operation op, Supplier<Request> r, int... accepted) {
    quota.charge(method, op.name());
    try {
      return runtime.execute(op, r, true, accepted);
    } catch (QuotaExceededException e) {
      noteQuota(e);
      throw e;
    }
  }

  private void noteQuota(QuotaExceededException e) {
    String code = e.errorCode().orElse("");
    if (e.statusCode() != 0 && (code.equals("quotaExceeded") || code.startsWith("dailyLimitExceeded"))) {
      quota.exhausted();
    }
  }

  private HttpUrl url(String path) {
    return HttpUrl.get(runtime.baseUrl().toString()).resolve(path);
  }

  // ---------------------------------------------------------------- publish

  @Override
  protected PublishedPost doPublish(Post post) {
    YouTubeOptions o = options(post);
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
      JsonNode video = upload(post, o, media, file);
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

  /** Builds the {@code video} resource sent with the session start. */
  static ObjectNode videoResource(Post post, YouTubeOptions o, String fileName) {
    ObjectNode v = NODES.objectNode();
    ObjectNode snippet = v.putObject("snippet");
    snippet.put("title", title(post, o, fileName));
    if (!post.text().isEmpty()) {
      snippet.put("description", post.text());
    }
    if (!o.tags().isEmpty()) {
      ArrayNode tags = snippet.putArray("tags");
      o.tags().forEach(tags::add);
    }
    o.categoryId().ifPresent(c -> snippet.put("categoryId", c));
    o.defaultLanguage().ifPresent(l -> snippet.put("defaultLanguage", l));
    ObjectNode status = v.putObject("status");
    if (post.scheduledAt().isPresent()) {
      status.put("privacyStatus", "private");
      status.put("publishAt", post.scheduledAt().get().toString());
    } else {
      status.put("privacyStatus", privacy(post.audience().visibility()));
    }
    o.selfDeclaredMadeForKids().ifPresent(b -> status.put("selfDeclaredMadeForKids", b));
    o.embeddable().ifPresent(b -> status.put("embeddable", b));
    o.license().ifPresent(l -> status.put("license", l));
    o.publicStatsViewable().ifPresent(b -> status.put("publicStatsViewable", b));
    o.containsSyntheticMedia().ifPresent(b -> status.put("containsSyntheticMedia", b));
    return v;
  }

  /** Maps a visibility to {@code privacyStatus}. */
  static String privacy(Visibility v) {
    switch (v) {
      case UNLISTED:
        return "unlisted";
      case PRIVATE:
        return "private";
      default:
        return "public";
    }
  }

  private static String title(Post post, YouTubeOptions o, String fileName) {
    if (o.title().isPresent()) {
      return o.title().get();
    }
    String first = post.text().strip().split("\\R", 2)[0].strip();
    String base = first.isEmpty() ? fileName.replaceFirst("\\.[^.]*$", "") : first;
    base = base.replace("<", "").replace(">", "");
    if (base.isBlank()) {
      base = "Untitled";
    }
    int n = base.codePointCount(0, base.length());
    return n <= YouTubeCapabilities.MAX_TITLE_CHARS ? base
        : base.substring(0, base.offsetByCodePoints(0, YouTubeCapabilities.MAX_TITLE_CHARS - 1)) + "…";
  }

  private JsonNode upload(Post post, YouTubeOptions o, Media media, Path file) throws IOException {
    long total = Files.size(file);
    String mime = media.mimeType();
    MediaType contentType = MediaType.parse(mime);
    String name = file.getFileName().toString();
    ObjectNode resource = videoResource(post, o, name);
    byte[] json = resource.toString().getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int session = 1; ; session++) {
        ChunkedUploader.notify(settings.listener, new UploadProgress(Platform.YOUTUBE, name,
            UploadState.STARTING, 0, total, null, null));
        URI sessionUri = startSession(json, total, mime, o.notifySubscribers());
        ResumableUploadProtocol protocol = new ResumableUploadProtocol(runtime, sessionUri, settings.chunkSize);
        ChunkedUploader.LastChunkWatch watch = new ChunkedUploader.LastChunkWatch(protocol);
        try {
          ChunkedUploader.upload(Platform.YOUTUBE, name, channel, total, contentType, watch,
              settings.listener, runtime.retryPolicy(), runtime.sleeper());
          JsonNode video = protocol.video();
          if (video == null) {
            protocol.queryOffset(total);
            video = protocol.video();
          }
          if (video == null) {
            throw new PublishOutcomeUnknownException(Platform.YOUTUBE, "publish",
                "every byte was acknowledged but YouTube never returned the video", null, null,
                List.of(), sessionUri.toString());
          }
          return video;
        } catch (ResumableUploadProtocol.SessionExpiredException e) {
          // a 404/410 status answer is definite: a completed upload's session answers with the
          // video, so starting a new session cannot publish twice
          if (session >= MAX_SESSIONS) {
            throw new MediaProcessingException(Platform.YOUTUBE, "publish", null, "session-expired",
                "the upload session expired " + session + " times", true);
          }
          LOG.debug("youtube upload session expired; starting over ({} of {})", session, MAX_SESSIONS);
          ChunkedUploader.notify(settings.listener, new UploadProgress(Platform.YOUTUBE, name,
              UploadState.RESUMING, 0, total, null, null));
        } catch (PublishOutcomeUnknownException e) {
          throw e;
        } catch (SmoException e) {
          if (watch.mayBeComplete(e)) {
            // the last chunk's answer and the status queries were lost: the video may exist
            throw new PublishOutcomeUnknownException(Platform.YOUTUBE, "publish", "the last chunk was"
                + " sent but neither its answer nor the upload status could be read; the video may"
                + " exist (resume or query the upload session in knownId())", e, null, List.of(),
                sessionUri.toString());
          }
          throw e;
        }
      }
    }
  }

  private URI startSession(byte[] json, long total, String mime, boolean notify) {
    HttpUrl u = url("upload/youtube/v3/videos").newBuilder()
        .addQueryParameter("uploadType", "resumable")
        .addQueryParameter("part", "snippet,status")
        .addQueryParameter("notifySubscribers", Boolean.toString(notify))
        .build();
    ApiResponse<String> r = execute("videos.insert", Operation.write("videos.insert"),
        () -> new Request.Builder().url(u)
            .header("X-Upload-Content-Length", Long.toString(total))
            .header("X-Upload-Content-Type", mime)
            .post(RequestBody.create(json, MediaType.get("application/json; charset=UTF-8"))).build());
    String location = r.header("Location").orElse(null);
    if (location == null || location.isBlank()) {
      throw new PlatformException(ErrorDetails.builder(Platform.YOUTUBE, "publish").httpStatus(r.status())
          .message("resumable session start answered without a Location header").build(), true);
    }
    return HttpUrl.get(runtime.baseUrl().toString()).resolve(location).uri();
  }

  private void waitForProcessing(String id, long total) {
    ProcessingPoller.poll(Platform.YOUTUBE, "publish", id, () -> {
      JsonNode v = fetchVideo(id, "status,processingDetails", "publish");
      return YouTubeMapper.processing(v);
    }, settings.processingTimeout, settings.processingPollInterval, runtime.clock(), runtime.sleeper(),
        settings.listener, total);
  }

  private JsonNode fetchVideo(String id, String parts, String operation) {
    JsonNode list = call("videos.list", Operation.read(operation), () -> api.listVideos(parts, id));
    JsonNode item = list == null ? null : list.path("items").path(0);
    if (item == null || !item.isObject()) {
      throw new NotFoundException(ErrorDetails.builder(Platform.YOUTUBE, operation).httpStatus(200)
          .errorCode("videoNotFound").message("video " + id + " not found (empty videos.list)").build());
    }
    return item;
  }

  private void uploadThumbnail(String videoId, Path image) {
    byte[] bytes;
    MediaFormat format;
    try {
      bytes = Files.readAllBytes(image);
      format = MediaInspector.detect(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read thumbnail " + image, e);
    }
    HttpUrl u = url("upload/youtube/v3/thumbnails/set").newBuilder()
        .addQueryParameter("videoId", videoId).addQueryParameter("uploadType", "media").build();
    execute("thumbnails.set", Operation.write("thumbnails.set"),
        () -> new Request.Builder().url(u)
            .post(RequestBody.create(bytes, MediaType.get(format.mimeType()))).build());
  }

  private String insertPlaylistItem(String videoId, String playlistId) {
    ObjectNode body = NODES.objectNode();
    ObjectNode snippet = body.putObject("snippet");
    snippet.put("playlistId", playlistId);
    ObjectNode res = snippet.putObject("resourceId");
    res.put("kind", "youtube#video");
    res.put("videoId", videoId);
    JsonNode item = call("playlistItems.insert", Operation.create("addToPlaylist"),
        () -> api.insertPlaylistItem("snippet", body));
    return item == null ? null : item.path("id").asText(null);
  }

  // ---------------------------------------------------------------- extras

  @Override
  public void updateVideo(PostRef video, YouTubeVideoUpdate update) {
    checkRef(video);
    List<Violation> v = new ArrayList<>();
    update.title().ifPresent(t -> checkTitle(t, "title", v));
    update.description().ifPresent(d -> {
      int n = TextCounting.UTF8_BYTES.count(d);
      if (n > YouTubeCapabilities.MAX_DESCRIPTION_BYTES) {
        v.add(Violation.of(Platform.YOUTUBE, "description", "max-length", n,
            YouTubeCapabilities.MAX_DESCRIPTION_BYTES, "description is too long (UTF-8 bytes)"));
      }
      if (hasAngle(d)) {
        v.add(Violation.of(Platform.YOUTUBE, "description", "no-angle-brackets", null, null,
            "YouTube descriptions cannot contain < or >"));
      }
    });
    update.visibility().filter(x -> x == Visibility.FOLLOWERS || x == Visibility.MUTUAL_FOLLOWERS)
        .ifPresent(x -> v.add(Violation.of(Platform.YOUTUBE, "visibility", "visibility-unsupported", x,
            "PUBLIC, UNLISTED, PRIVATE", "YouTube cannot make a video " + x)));
    if (update.publishAt().isPresent() && update.visibility().filter(x -> x != Visibility.PUBLIC).isPresent()) {
      v.add(Violation.of(Platform.YOUTUBE, "publishAt", "scheduled-visibility", update.visibility().get(),
          Visibility.PUBLIC, "a scheduled video becomes public at publishAt"));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(Platform.YOUTUBE, v);
    }
    JsonNode current = fetchVideo(video.id(), "snippet,status", "updateVideo");
    JsonNode cs = current.path("snippet");
    JsonNode st = current.path("status");
    ObjectNode body = NODES.objectNode();
    body.put("id", video.id());
    ObjectNode snippet = body.putObject("snippet");
    snippet.put("title", update.title().orElse(cs.path("title").asText("")));
    String description = update.description().orElse(cs.path("description").asText(null));
    if (description != null) {
      snippet.put("description", description);
    }
    if (update.tags().isPresent()) {
      ArrayNode tags = snippet.putArray("tags");
      update.tags().get().forEach(tags::add);
    } else if (cs.path("tags").isArray()) {
      snippet.set("tags", cs.get("tags"));
    }
    snippet.put("categoryId", update.categoryId().orElse(cs.path("categoryId").asText("22")));
    for (String keep : new String[] {"defaultLanguage", "defaultAudioLanguage"}) {
      if (cs.path(keep).isTextual()) {
        snippet.put(keep, cs.path(keep).asText());
      }
    }
    ObjectNode status = body.putObject("status");
    String privacy = update.visibility().map(DefaultYouTubeClient::privacy)
        .orElse(st.path("privacyStatus").asText("private"));
    Instant publishAt = update.publishAt().orElse(
        update.visibility().isPresent() ? null : YouTubeMapper.instant(st.get("publishAt")));
    if (publishAt != null) {
      privacy = "private";
      status.put("publishAt", publishAt.toString());
    }
    status.put("privacyStatus", privacy);
    for (String keep : new String[] {"embeddable", "publicStatsViewable", "containsSyntheticMedia"}) {
      if (st.path(keep).isBoolean()) {
        status.put(keep, st.path(keep).asBoolean());
      }
    }
    if (st.path("license").isTextual()) {
      status.put("license", st.path("license").asText());
    }
    Boolean kids = update.selfDeclaredMadeForKids().orElse(
        st.path("selfDeclaredMadeForKids").isBoolean() ? st.path("selfDeclaredMadeForKids").asBoolean() : null);
    if (kids != null) {
      status.put("selfDeclaredMadeForKids", kids);
    }
    call("videos.update", Operation.write("updateVideo"), () -> api.updateVideo("snippet,status", body));
  }

  @Override
  public void setThumbnail(PostRef video, Path image) {
    checkRef(video);
    List<Violation> v = new ArrayList<>();
    checkThumbnail(image, "image", v);
    if (!v.isEmpty()) {
      throw new ValidationException(Platform.YOUTUBE, v);
    }
    uploadThumbnail(video.id(), image);
  }

  @Override
  public String addToPlaylist(PostRef video, String playlistId) {
    checkRef(video);
    if (playlistId == null || playlistId.isBlank()) {
      throw ValidationException.of(Platform.YOUTUBE, "playlistId", "not-empty", playlistId, null,
          "playlist id is empty");
    }
    return insertPlaylistItem(video.id(), playlistId);
  }

  @Override
  public void setModerationStatus(CommentRef comment, YouTubeModerationStatus status, boolean banAuthor) {
    checkRef(comment);
    if (banAuthor && status != YouTubeModerationStatus.REJECTED) {
      throw ValidationException.of(Platform.YOUTUBE, "banAuthor", "ban-without-reject", status,
          YouTubeModerationStatus.REJECTED, "banAuthor is only allowed with REJECTED");
    }
    call("comments.setModerationStatus", Operation.write("moderate"),
        () -> api.setModerationStatus(comment.id(), status.wireValue(), banAuthor ? Boolean.TRUE : null));
  }

  @Override
  public long quotaUsed() {
    return quota.used();
  }

  @Override
  public long quotaRemaining() {
    return quota.remaining();
  }

  // ---------------------------------------------------------------- SocialClient

  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    call("videos.delete", Operation.write("delete"), () -> api.deleteVideo(ref.id()));
  }

  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    JsonNode video = fetchVideo(ref.id(), "snippet,statistics", "metrics");
    EngagementMetrics.Builder b = YouTubeMapper.statistics(ref, video, runtime.clock().instant());
    if (analyticsEnabled()) {
      try {
        addAnalytics(b, ref.id(), YouTubeMapper.instant(video.path("snippet").get("publishedAt")));
      } catch (PermissionException | NotFoundException e) {
        LOG.debug("youtube analytics unavailable for {}: {}", ref.id(), e.getMessage());
      }
    }
    return b.build();
  }

  private boolean analyticsEnabled() {
    if (settings.analytics != null) {
      return settings.analytics;
    }
    try {
      return runtime.tokens().map(t -> t.token().scopes().contains(YouTubeOAuth.SCOPE_ANALYTICS))
          .orElse(false);
    } catch (SmoException e) {
      return false;
    }
  }

  private void addAnalytics(EngagementMetrics.Builder b, String videoId, Instant publishedAt) {
    Instant now = runtime.clock().instant();
    LocalDate end = now.atZone(YouTubeQuota.RESET_ZONE).toLocalDate();
    LocalDate start = publishedAt == null ? end.minusDays(365)
        : publishedAt.atZone(YouTubeQuota.RESET_ZONE).toLocalDate();
    if (start.isAfter(end)) {
      start = end;
    }
    String ids = settings.channelId.equals("mine") ? "channel==MINE" : "channel==" + settings.channelId;
    String filter = "video==" + videoId;
    String s = start.toString();
    String e = end.toString();
    Operation op = Operation.read("metrics");
    JsonNode totals = runtime.call(op, () -> analyticsApi.report(ids, s, e,
        "views,estimatedMinutesWatched,averageViewDuration,likes,comments,shares", null, filter, null));
    List<Map<String, Object>> rows = YouTubeMapper.reportRows(totals);
    if (!rows.isEmpty()) {
      Map<String, Object> row = rows.get(0);
      row.forEach((k, v) -> b.raw("analytics." + k, v));
      Object shares = row.get("shares");
      if (shares instanceof Number) {
        b.put(EngagementMetrics.Metric.SHARES, ((Number) shares).longValue());
      }
    }
    JsonNode demo = runtime.call(op, () -> analyticsApi.report(ids, s, e, "viewerPercentage",
        "ageGroup,gender", filter, null));
    b.raw("analytics.demographics", YouTubeMapper.reportRows(demo));
    JsonNode countries = runtime.call(op, () -> analyticsApi.report(ids, s, e, "views", "country",
        filter, "-views"));
    Map<String, Object> byCountry = new LinkedHashMap<>();
    for (Map<String, Object> row : YouTubeMapper.reportRows(countries)) {
      byCountry.put(String.valueOf(row.get("country")), row.get("views"));
    }
    b.raw("analytics.country", byCountry);
  }

  @Override
  public Paginator<Comment> comments(PostRef ref) {
    checkRef(ref);
    return Paginator.of(cursor -> {
      JsonNode page = call("commentThreads.list", Operation.read("comments"),
          () -> api.listCommentThreads("snippet,replies", ref.id(), 100, cursor, "plainText"));
      return Page.of(YouTubeMapper.threads(page), YouTubeMapper.nextPageToken(page));
    });
  }

  /**
   * Reads the channel's figures: {@code channels.list part=snippet,statistics mine=true}
   * ({@code statistics.subscriberCount}, absent when {@code hiddenSubscriberCount}; {@code
   * videoCount}; {@code viewCount} in raw). YouTube reports no following count.
   */
  @Override
  public io.smo.core.AccountInfo accountInfo() {
    JsonNode list = call("channels.list", Operation.read("account info"),
        () -> api.listMyChannels("snippet,statistics", true));
    JsonNode ch = list.path("items").path(0);
    if (ch.isMissingNode()) {
      throw new io.smo.core.exception.NotFoundException(io.smo.core.exception.ErrorDetails
          .builder(Platform.YOUTUBE, "account info").httpStatus(200)
          .message("the token's account has no YouTube channel").build());
    }
    JsonNode st = ch.path("statistics");
    boolean hidden = st.path("hiddenSubscriberCount").asBoolean(false);
    io.smo.core.AccountInfo.Builder b = io.smo.core.AccountInfo.builder(Platform.YOUTUBE, ch.path("id").asText(""))
        .handle(ch.path("snippet").path("customUrl").asText(null))
        .name(ch.path("snippet").path("title").asText(null))
        .followers(hidden ? null : count(st, "subscriberCount")).postCount(count(st, "videoCount"))
        .retrievedAt(runtime.clock().instant());
    for (String f : new String[] {"subscriberCount", "videoCount", "viewCount"}) {
      b.raw(f, f.equals("subscriberCount") && hidden ? null : count(st, f));
    }
    b.raw("hiddenSubscriberCount", st.has("hiddenSubscriberCount") ? hidden : null);
    return b.build();
  }

  /** Reads a uint64-as-string count (YouTube statistics), or null when absent. */
  private static Long count(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return Long.parseLong(v.asText());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public Comment comment(PostRef post, String text) {
    checkRef(post);
    checkText(text);
    ObjectNode body = NODES.objectNode();
    ObjectNode snippet = body.putObject("snippet");
    snippet.put("videoId", post.id());
    snippet.putObject("topLevelComment").putObject("snippet").put("textOriginal", text);
    JsonNode thread = call("commentThreads.insert", Operation.create("comment"),
        () -> api.insertCommentThread("snippet", body));
    List<Comment> c = YouTubeMapper.thread(thread);
    if (c.isEmpty()) {
      throw new PublishOutcomeUnknownException(Platform.YOUTUBE, "comment",
          "the answer carried no comment", null, null, List.of(), thread.path("id").asText(null));
    }
    return c.get(0);
  }

  @Override
  public Comment reply(CommentRef comment, String text) {
    checkRef(comment);
    checkText(text);
    ObjectNode body = NODES.objectNode();
    ObjectNode snippet = body.putObject("snippet");
    snippet.put("parentId", comment.id());
    snippet.put("textOriginal", text);
    JsonNode created = call("comments.insert", Operation.create("reply"),
        () -> api.insertComment("snippet", body));
    return YouTubeMapper.comment(created);
  }

  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    checkRef(comment);
    switch (action) {
      case HIDE:
        setModerationStatus(comment, YouTubeModerationStatus.HELD_FOR_REVIEW, false);
        break;
      case UNHIDE:
        setModerationStatus(comment, YouTubeModerationStatus.PUBLISHED, false);
        break;
      default:
        call("comments.delete", Operation.write("moderate delete"),
            () -> api.deleteComment(comment.id()));
    }
  }

  // ---- inbox: the channel-wide comment stream ----

  private final java.util.concurrent.atomic.AtomicReference<String> ownChannel =
      new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * Returns the channel id: the configured one, or for {@code mine} the token's channel read once
   * with {@code channels.list?part=id&mine=true} (1 unit).
   */
  String channelId() {
    if (!settings.channelId.equals("mine")) {
      return settings.channelId;
    }
    String id = ownChannel.get();
    if (id == null) {
      JsonNode r = call("channels.list", Operation.read("channel"), () -> api.listMyChannels("id", true));
      id = r == null ? "" : r.path("items").path(0).path("id").asText("");
      if (id.isEmpty()) {
        throw new io.smo.core.exception.NotFoundException(io.smo.core.exception.ErrorDetails
            .builder(Platform.YOUTUBE, "channel").message("the token has no YouTube channel").build());
      }
      ownChannel.compareAndSet(null, id);
    }
    return ownChannel.get();
  }

  /**
   * Lists the comments on every video of the channel, newest first: {@code commentThreads.list}
   * with {@code allThreadsRelatedToChannelId}, {@code order=time}, once with {@code
   * moderationStatus=published} and once with {@code heldForReview} (owner only), merged by time.
   * Top-level comments and the replies the threads carry are items; a comment is answered when
   * the channel replied in its thread after it. Each page costs 1 quota unit. Answer with {@link
   * #answer}, moderate with {@link #moderate} on {@link io.smo.core.inbox.InboxComment#commentRef()}
   * (UNHIDE publishes a held comment).
   */
  @Override
  public Paginator<io.smo.core.inbox.InboxComment> commentStream() {
    return io.smo.core.inbox.InboxStreams.paginator(channelComments(), 100);
  }

  /**
   * Answers an inbox comment with a public reply; YouTube threads are one level deep, so a reply
   * item is answered in its thread (a reply to its top-level comment).
   */
  @Override
  public io.smo.core.inbox.InboxItem answer(io.smo.core.inbox.InboxItem item, String text) {
    checkOwnItem(item);
    if (item instanceof io.smo.core.inbox.InboxComment) {
      io.smo.core.inbox.InboxComment c = (io.smo.core.inbox.InboxComment) item;
      CommentRef target = c.comment().parentId().map(p -> CommentRef.of(Platform.YOUTUBE, p))
          .orElse(c.commentRef());
      Comment reply = reply(target, text);
      return io.smo.core.inbox.InboxComment.builder(accountKey(), c.post(), reply)
          .direction(io.smo.core.inbox.Direction.OUTBOUND)
          .createdAt(reply.createdAt().orElse(clock().instant())).build();
    }
    return super.answer(item, text);
  }

  private Iterable<io.smo.core.inbox.InboxComment> channelComments() {
    java.util.Comparator<io.smo.core.inbox.InboxComment> newest = java.util.Comparator
        .comparing(io.smo.core.inbox.InboxComment::createdAt, java.util.Comparator.reverseOrder());
    return io.smo.core.inbox.InboxStreams.merge(List.of(channelStream("published"),
        channelStream("heldForReview")), newest);
  }

  private Iterable<io.smo.core.inbox.InboxComment> channelStream(String status) {
    Paginator<JsonNode> threads = Paginator.of(cursor -> {
      String channel = channelId();
      JsonNode page = call("commentThreads.list", Operation.read("comments"),
          () -> api.listChannelCommentThreads("snippet,replies", channel, status, "time", 100, cursor,
              "plainText"));
      List<JsonNode> items = new java.util.ArrayList<>();
      page.path("items").forEach(items::add);
      return Page.of(items, YouTubeMapper.nextPageToken(page));
    });
    java.util.Comparator<io.smo.core.inbox.InboxComment> newest = java.util.Comparator
        .comparing(io.smo.core.inbox.InboxComment::createdAt, java.util.Comparator.reverseOrder());
    return () -> new java.util.Iterator<io.smo.core.inbox.InboxComment>() {
      private final java.util.Iterator<JsonNode> it = threads.iterator();
      private final java.util.ArrayDeque<io.smo.core.inbox.InboxComment> buffer = new java.util.ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (buffer.isEmpty() && it.hasNext()) {
          List<io.smo.core.inbox.InboxComment> batch = YouTubeMapper.inboxThread(it.next(), accountKey(),
              channelId(), status.equals("published") ? null : status, clock().instant());
          batch.sort(newest);
          buffer.addAll(batch);
        }
        return !buffer.isEmpty();
      }

      @Override
      public io.smo.core.inbox.InboxComment next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return buffer.poll();
      }
    };
  }

  @Override
  public String toString() {
    return "YouTubeClient{" + accountKey() + ", " + runtime.baseUrl() + "}";
  }

  /** Returns a lower-case name, for logs. */
  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
