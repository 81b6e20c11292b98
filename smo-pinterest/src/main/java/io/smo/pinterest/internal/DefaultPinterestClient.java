package io.smo.pinterest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.media.MediaFormat;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.FileChunk;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.pinterest.Board;
import io.smo.pinterest.BoardPrivacy;
import io.smo.pinterest.PinterestCapabilities;
import io.smo.pinterest.PinterestClient;
import io.smo.pinterest.PinterestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/** The {@link PinterestClient} implementation over {@link ApiRuntime}. Immutable and thread-safe. */
@SmoInternalApi
public final class DefaultPinterestClient extends BaseSocialClient implements PinterestClient {
  /** The metric types {@link #metrics} asks for. */
  public static final String METRIC_TYPES = "IMPRESSION,OUTBOUND_CLICK,PIN_CLICK,SAVE,SAVE_RATE,"
      + "TOTAL_COMMENTS,TOTAL_REACTIONS,VIDEO_MRC_VIEW";

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
  private static final String READ = "org_read";
  private static final String WRITE = "org_write";
  private static final String ANALYTICS = "org_analytics";

  private final PinterestApi api;
  private final String defaultBoardId;
  private final Duration processingTimeout;
  private final Duration pollInterval;
  private final UploadListener listener;

  /**
   * Creates the client.
   *
   * @param runtime the runtime (owned)
   * @param accountKey the account key
   * @param defaultBoardId the default board, or {@code null}
   * @param processingTimeout the longest wait for video processing
   * @param pollInterval the first wait between status polls
   * @param listener upload progress listener
   */
  public DefaultPinterestClient(ApiRuntime runtime, String accountKey, String defaultBoardId,
      Duration processingTimeout, Duration pollInterval, UploadListener listener) {
    super(runtime, PinterestCapabilities.get(), accountKey);
    this.api = runtime.service(PinterestApi.class);
    this.defaultBoardId = defaultBoardId;
    this.processingTimeout = processingTimeout;
    this.pollInterval = pollInterval;
    this.listener = listener;
  }

  @Override
  public Optional<String> defaultBoardId() {
    return Optional.ofNullable(defaultBoardId);
  }

  // ---------------------------------------------------------------- validation

  @Override
  protected List<Violation> platformViolations(Post post) {
    Platform p = Platform.PINTEREST;
    List<Violation> out = new ArrayList<>();
    PinterestOptions o = post.options(PinterestOptions.class).orElse(PinterestOptions.builder().build());
    String board = o.boardId().orElse(defaultBoardId);
    if (board == null) {
      out.add(Violation.of(p, "options.pinterest.boardId", "required", null, null,
          "a Pin needs a board: set PinterestOptions.boardId or the client's defaultBoardId"));
    } else if (!DIGITS.matcher(board).matches()) {
      out.add(Violation.of(p, "options.pinterest.boardId", "pattern", board, "digits",
          "board id must be digits"));
    }
    o.boardSectionId().filter(s -> !DIGITS.matcher(s).matches()).ifPresent(s -> out.add(
        Violation.of(p, "options.pinterest.boardSectionId", "pattern", s, "digits",
            "board section id must be digits")));
    o.title().ifPresent(t -> length(out, "options.pinterest.title", t, PinterestCapabilities.TITLE_MAX));
    altText(post).ifPresent(a -> length(out, "options.pinterest.altText", a,
        PinterestCapabilities.ALT_TEXT_MAX));
    link(post).ifPresent(l -> length(out, "link", l, PinterestCapabilities.LINK_MAX));
    o.link().filter(l -> !absoluteHttp(l)).ifPresent(l -> out.add(Violation.of(p,
        "options.pinterest.link", "link-scheme", l, null, "link must be an absolute http(s) URL with a host")));
    o.coverImageUrl().filter(l -> !absoluteHttp(l)).ifPresent(l -> out.add(Violation.of(p,
        "options.pinterest.coverImageUrl", "link-scheme", l, null,
        "cover image URL must be an absolute http(s) URL with a host")));
    o.dominantColor().filter(c -> !COLOR.matcher(c).matches()).ifPresent(c -> out.add(
        Violation.of(p, "options.pinterest.dominantColor", "pattern", c, "#RRGGBB",
            "dominant colour must be a hex colour like #6E7874")));
    List<Media> media = post.media();
    boolean video = media.stream().anyMatch(m -> m.kind() == MediaKind.VIDEO);
    if ((o.coverImageUrl().isPresent() || o.coverImageKeyFrameSeconds().isPresent()) && !video) {
      out.add(Violation.of(p, "options.pinterest.coverImage", "video-only", null, null,
          "a cover image applies to video Pins only"));
    }
    long urls = media.stream().filter(m -> m.sourceType() == Media.SourceType.URL).count();
    for (int i = 0; i < media.size(); i++) {
      Media m = media.get(i);
      if (m.kind() == MediaKind.VIDEO) {
        if (m.sourceType() == Media.SourceType.URL) {
          out.add(Violation.of(p, "media[" + i + "]", "video-url-unsupported", m.describe(), null,
              "Pinterest cannot pull a video from a URL; give a local file"));
        }
      } else if (m.sourceType() != Media.SourceType.URL && m.kind() != null) {
        MediaFormat f;
        try {
          f = m.info().format();
        } catch (UncheckedIOException e) {
          continue; // reported by the core validator
        }
        if (f != MediaFormat.JPEG && f != MediaFormat.PNG) {
          out.add(Violation.of(p, "media[" + i + "]", "media-format", f, "JPEG, PNG",
              "uploaded images (image_base64) must be JPEG or PNG; give other formats by URL"));
        }
      }
    }
    if (media.size() > 1 && urls > 0 && urls < media.size()) {
      out.add(Violation.of(p, "media", "carousel-sources", urls + " URLs of " + media.size(), null,
          "a carousel's images must all be URLs or all be files/bytes"));
    }
    return out;
  }

  /** Whether {@code uri} is an absolute http(s) URL with a host (what Pinterest accepts as a link). */
  private static boolean absoluteHttp(URI uri) {
    if (uri.isOpaque() || uri.getScheme() == null || uri.getHost() == null || uri.getHost().isEmpty()) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    return scheme.equals("https") || scheme.equals("http");
  }

  private static void length(List<Violation> out, String field, String value, int max) {
    int n = value.length();
    if (n > max) {
      out.add(Violation.of(Platform.PINTEREST, field, "max-length", n, max,
          field + " is too long (UTF-16 units)"));
    }
  }

  private static Optional<String> altText(Post post) {
    Optional<String> a = post.options(PinterestOptions.class).flatMap(PinterestOptions::altText);
    if (a.isPresent()) {
      return a;
    }
    return post.media().isEmpty() ? Optional.empty() : post.media().get(0).altText();
  }

  private static Optional<String> link(Post post) {
    return post.options(PinterestOptions.class).flatMap(PinterestOptions::link)
        .or(post::link).map(Object::toString);
  }

  // ---------------------------------------------------------------- publish

  @Override
  protected PublishedPost doPublish(Post post) {
    PinterestOptions o = post.options(PinterestOptions.class).orElse(PinterestOptions.builder().build());
    ObjectNode root = runtime.json().createObjectNode();
    root.put("board_id", o.boardId().orElse(defaultBoardId));
    o.boardSectionId().ifPresent(s -> root.put("board_section_id", s));
    o.title().ifPresent(t -> root.put("title", t));
    if (!post.text().isEmpty()) {
      root.put("description", post.text());
    }
    link(post).ifPresent(l -> root.put("link", l));
    altText(post).ifPresent(a -> root.put("alt_text", a));
    o.dominantColor().ifPresent(c -> root.put("dominant_color", c));
    JsonWithBase64Body.Builder body = JsonWithBase64Body.builder();
    ObjectNode source = root.putObject("media_source");
    List<Media> media = post.media();
    Media first = media.get(0);
    if (first.kind() == MediaKind.VIDEO) {
      String mediaId = uploadVideo(first);
      source.put("source_type", "video_id").put("media_id", mediaId);
      if (o.coverImageUrl().isPresent()) {
        source.put("cover_image_url", o.coverImageUrl().get().toString());
      } else {
        source.put("cover_image_key_frame_time", o.coverImageKeyFrameSeconds().orElse(0));
      }
    } else if (media.size() == 1) {
      if (first.sourceType() == Media.SourceType.URL) {
        source.put("source_type", "image_url").put("url", first.url().orElseThrow().toString());
      } else {
        source.put("source_type", "image_base64").put("content_type", first.mimeType())
            .put("data", body.placeholder(sourceOf(first)));
      }
    } else if (first.sourceType() == Media.SourceType.URL) {
      source.put("source_type", "multiple_image_urls");
      ArrayNode items = source.putArray("items");
      media.forEach(m -> items.addObject().put("url", m.url().orElseThrow().toString()));
    } else {
      source.put("source_type", "multiple_image_base64");
      ArrayNode items = source.putArray("items");
      for (Media m : media) {
        items.addObject().put("content_type", m.mimeType()).put("data", body.placeholder(sourceOf(m)));
      }
    }
    RequestBody request;
    try {
      request = body.build(runtime.json(), root);
    } catch (IOException e) {
      throw new TransportException(platform(), "publish", "cannot read media: " + e.getMessage(), e,
          false);
    }
    JsonNode pin = runtime.call(Operation.create("publish", WRITE), () -> api.createPin(request));
    if (pin == null || !pin.hasNonNull("id")) {
      throw new PublishOutcomeUnknownException(platform(), "publish",
          "Pinterest answered without a Pin id; the Pin may exist", null, null, List.of(), null);
    }
    return PinterestMappers.published(pin, runtime.clock().instant());
  }

  private static JsonWithBase64Body.Source sourceOf(Media m) {
    if (m.sourceType() == Media.SourceType.FILE) {
      return JsonWithBase64Body.Source.of(m.file().orElseThrow());
    }
    return JsonWithBase64Body.Source.of(m.bytes().orElseThrow());
  }

  /** Registers, uploads and waits for one video; returns its media id. */
  private String uploadVideo(Media video) {
    String name = video.file().map(f -> f.getFileName().toString()).orElse("video.mp4");
    long size = video.sizeBytes();
    notify(new UploadProgress(platform(), name, UploadState.STARTING, 0, size, null, null));
    ObjectNode reg = runtime.json().createObjectNode().put("media_type", "video");
    // a lost answer only leaves an unused registration behind, so it may be retried
    JsonNode upload = runtime.call(Operation.write("register video", WRITE), () -> api.registerMedia(reg));
    String mediaId = upload == null ? null : upload.path("media_id").asText(null);
    String url = upload == null ? null : upload.path("upload_url").asText(null);
    if (mediaId == null || url == null) {
      throw new TransportException(platform(), "register video",
          "Pinterest answered without media_id or upload_url", null, true);
    }
    notify(new UploadProgress(platform(), mediaId, UploadState.UPLOADING, 0, size, null, null));
    MediaType type = MediaType.parse(video.mimeType());
    try (FileChannel channel = video.file().isPresent()
        ? FileChannel.open(video.file().get(), StandardOpenOption.READ) : null) {
      RequestBody file = channel != null ? new FileChunk(channel, 0, size, type)
          : RequestBody.create(video.bytes().orElseThrow(), type);
      MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
      Iterator<Map.Entry<String, JsonNode>> params = upload.path("upload_parameters").fields();
      while (params.hasNext()) {
        Map.Entry<String, JsonNode> e = params.next();
        form.addFormDataPart(e.getKey(), e.getValue().asText());
      }
      form.addFormDataPart("file", name, file);
      MultipartBody multipart = form.build();
      // the same object key is overwritten on a re-send, so the S3 POST is idempotent
      runtime.execute(Operation.write("upload video"),
          () -> new Request.Builder().url(url).post(multipart).build(), false);
    } catch (IOException e) {
      throw new TransportException(platform(), "upload video", "cannot read " + name + ": "
          + e.getMessage(), e, false);
    }
    notify(new UploadProgress(platform(), mediaId, UploadState.PROCESSING, size, size, null, null));
    return ProcessingPoller.poll(platform(), "publish", mediaId, () -> {
      JsonNode m = runtime.call(Operation.read("video status", READ), () -> api.getMedia(mediaId));
      String status = m == null ? "" : m.path("status").asText("");
      switch (status) {
        case "succeeded":
          return ProcessingStatus.succeeded(status, mediaId);
        case "failed":
          return ProcessingStatus.failed(status, "Pinterest could not process the video");
        default:
          return ProcessingStatus.pending(status, null, null);
      }
    }, processingTimeout, pollInterval, runtime.clock(), runtime.sleeper(), listener, size);
  }

  private void notify(UploadProgress p) {
    ChunkedUploader.notify(listener, p);
  }

  // ---------------------------------------------------------------- delete, metrics

  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    runtime.call(Operation.write("delete", WRITE), () -> api.deletePin(ref.id()));
  }

  /**
   * Reads the account's figures: {@code GET /v5/user_account} ({@code follower_count}, {@code
   * following_count}, {@code pin_count}; {@code monthly_views} and {@code board_count} in raw).
   */
  @Override
  public io.smo.core.AccountInfo accountInfo() {
    JsonNode a = runtime.call(Operation.read("account info", READ), () -> api.userAccount());
    io.smo.core.AccountInfo.Builder b = io.smo.core.AccountInfo.builder(io.smo.core.Platform.PINTEREST,
            a.path("id").asText(a.path("username").asText("")))
        .handle(a.path("username").asText(null)).name(a.path("business_name").asText(null))
        .followers(count(a, "follower_count")).following(count(a, "following_count"))
        .postCount(count(a, "pin_count")).retrievedAt(runtime.clock().instant());
    for (String f : new String[] {"follower_count", "following_count", "pin_count", "board_count", "monthly_views"}) {
      b.raw(f, count(a, f));
    }
    return b.build();
  }

  private static Long count(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.canConvertToLong() ? null : v.asLong();
  }

  @Override
  public EngagementMetrics metrics(PostRef ref) {
    LocalDate today = LocalDate.ofInstant(runtime.clock().instant(), ZoneOffset.UTC);
    return metrics(ref, today.minusDays(PinterestCapabilities.ANALYTICS_MAX_DAYS_BACK - 1), today);
  }

  @Override
  public EngagementMetrics metrics(PostRef ref, LocalDate startDate, LocalDate endDate) {
    checkRef(ref);
    java.util.Objects.requireNonNull(startDate, "startDate == null");
    java.util.Objects.requireNonNull(endDate, "endDate == null");
    LocalDate today = LocalDate.ofInstant(runtime.clock().instant(), ZoneOffset.UTC);
    List<Violation> v = new ArrayList<>();
    int max = PinterestCapabilities.ANALYTICS_MAX_DAYS_BACK;
    if (startDate.isBefore(today.minusDays(max))) {
      v.add(Violation.of(platform(), "startDate", "analytics-window", startDate, today.minusDays(max),
          "start date must be at most " + max + " days back"));
    }
    if (endDate.isBefore(startDate)) {
      v.add(Violation.of(platform(), "endDate", "analytics-window", endDate, startDate,
          "end date must not be before the start date"));
    } else if (ChronoUnit.DAYS.between(startDate, endDate) > max) {
      v.add(Violation.of(platform(), "endDate", "analytics-window", endDate, startDate.plusDays(max),
          "end date must be at most " + max + " days after the start date"));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(platform(), v);
    }
    JsonNode r = runtime.call(Operation.read("metrics", ANALYTICS), () -> api.pinAnalytics(ref.id(),
        startDate.toString(), endDate.toString(), METRIC_TYPES, "ALL"));
    if (r == null || !r.isObject()) {
      throw new TransportException(platform(), "metrics", "analytics answer is not an object", null,
          true);
    }
    return PinterestMappers.metrics(ref, r, runtime.clock().instant());
  }

  // ---------------------------------------------------------------- boards

  @Override
  public Paginator<Board> boards() {
    return Paginator.of(bookmark -> {
      JsonNode r = runtime.call(Operation.read("list boards", READ), () -> api.listBoards(bookmark, 25));
      List<Board> items = new ArrayList<>();
      if (r != null) {
        r.path("items").forEach(b -> items.add(PinterestMappers.board(b)));
      }
      return Page.of(items, r == null ? null : r.path("bookmark").asText(null));
    });
  }

  @Override
  public Board createBoard(String name, String description, BoardPrivacy privacy) {
    if (name == null || name.isBlank()) {
      throw ValidationException.of(platform(), "name", "not-empty", name, null, "board name is empty");
    }
    if (privacy == BoardPrivacy.UNKNOWN) {
      throw ValidationException.of(platform(), "privacy", "enum", privacy, "PUBLIC, PROTECTED, SECRET",
          "choose PUBLIC, PROTECTED or SECRET");
    }
    ObjectNode body = runtime.json().createObjectNode().put("name", name);
    if (description != null) {
      body.put("description", description);
    }
    if (privacy != null) {
      body.put("privacy", privacy.name());
    }
    JsonNode b = runtime.call(Operation.create("create board", WRITE), () -> api.createBoard(body));
    if (b == null || !b.hasNonNull("id")) {
      throw new PublishOutcomeUnknownException(platform(), "create board",
          "Pinterest answered without a board id; the board may exist", null, null, List.of(), null);
    }
    return PinterestMappers.board(b);
  }

  /**
   * Returns why this client offers no inbox: the v5 description has no comment, message or engagement-webhook endpoint
   * ({@code engagement-and-measurement.md} \u00a72.5).
   */
  @Override
  public String inboxUnsupportedReason() {
    return "Pinterest API v5 has no comment, message or mention endpoints (no organic engagement API)";
  }

  @Override
  public String toString() {
    return "PinterestClient{" + accountKey() + (defaultBoardId != null ? ", board=" + defaultBoardId : "")
        + "}";
  }


}
