package io.smo.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.testkit.Fault;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.spi.EmulatorContext;
import io.smo.testkit.spi.PlatformEmulator;
import io.smo.testkit.spi.SandboxRequest;
import io.smo.testkit.spi.SandboxResponse;
import io.smo.testkit.spi.SeededMetrics;
import io.smo.testkit.spi.TokenRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emulates the YouTube Data API v3, the Analytics API v2 and Google's OAuth token endpoint with
 * state, under {@code /youtube/}:
 *
 * <ul>
 *   <li>resumable uploads: {@code POST /upload/youtube/v3/videos?uploadType=resumable} answers 200
 *       with a {@code Location} session URI inside the sandbox; {@code PUT} chunks with {@code
 *       Content-Range} get {@code 308} + {@code Range} until the last, which creates the video (200
 *       with the resource); a status query ({@code bytes *}{@code /total}) answers 308 or, once
 *       complete, 200 with the video; expired sessions (a day old, or {@link
 *       #expireUploadSessions()}) answer 404. Bytes received twice are counted ({@link
 *       #duplicateBytesReceived()});
 *   <li>videos list / update / delete; {@code processingDetails} go {@code processing} for two
 *       reads, then {@code succeeded} ({@code failed} under the MEDIA_PROCESSING_FAILURE fault);
 *       statistics grow with each read ({@link SeededMetrics});
 *   <li>thumbnails.set, playlistItems.insert;
 *   <li>105 seeded comment threads per video (page tokens), commentThreads.insert, comments.insert
 *       (replies), comments.list by parent, setModerationStatus, comments.delete (own comments
 *       only, as YouTube: others' comments get 403 forbidden);
 *   <li>Analytics {@code GET /v2/reports} (totals, {@code ageGroup,gender}, {@code country});
 *   <li>{@code POST /token}: refresh and code grants (Google does not rotate refresh tokens;
 *       unknown refresh tokens get {@code invalid_grant});
 *   <li>the project quota: 10,000 units a day by default, reset at midnight Pacific time, per
 *       method cost (videos.insert 1,600), answered when exhausted with Google's real 403 {@code
 *       quotaExceeded} body.
 * </ul>
 *
 * Errors use Google's envelope {@code {"error":{"code","message","errors":[{"message","domain",
 * "reason"}],"status"}}}. In strict mode requests are checked against the discovery documents by
 * {@link YouTubeDiscoveryValidator}. YouTube sends no rate-limit headers, so none are emulated.
 */
@SmoProtectedApi
public final class YouTubeEmulator implements PlatformEmulator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private static final String CHANNEL_ID = "UCsbxYouTubeChannel0000a";
  private static final String CHANNEL_TITLE = "SMO Sandbox Channel";
  private static final int SEEDED_THREADS = 105;
  private static final String SCOPES =
      "https://www.googleapis.com/auth/youtube.force-ssl "
          + "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly "
          + "https://www.googleapis.com/auth/yt-analytics.readonly";
  private static final String QUOTA_MESSAGE =
      "The request cannot be completed because you have exceeded your"
          + " <a href=\"/youtube/v3/getting-started#quota\">quota</a>.";
  private static final Map<String, Integer> COSTS =
      Map.ofEntries(
          Map.entry("videos.insert", 1600),
          Map.entry("videos.update", 50),
          Map.entry("videos.delete", 50),
          Map.entry("thumbnails.set", 50),
          Map.entry("playlistItems.insert", 50),
          Map.entry("commentThreads.insert", 50),
          Map.entry("comments.insert", 50),
          Map.entry("comments.setModerationStatus", 50),
          Map.entry("comments.delete", 50));

  private static final class Session {
    JsonNode resource;
    String parts;
    long total;
    long received;
    Instant created;
    boolean expired;
    boolean failProcessing;
    String videoId;
  }

  private static final class Video {
    ObjectNode resource;
    Instant created;
    boolean failed;
    int processingReads;
    int statReads;
  }

  private static final class CommentRec {
    String videoId;
    ObjectNode comment;
    ObjectNode thread; // the thread for a top-level comment, the parent's thread for a reply
    boolean own;
  }

  private final TokenRegistry tokens =
      new TokenRegistry("sbx-yt", 42, Duration.ofSeconds(3599), false);
  private final SandboxCredentials credentials =
      new SandboxCredentials(
          tokens.initialAccessToken(),
          tokens.initialRefreshToken(),
          "sbx-yt-client.apps.googleusercontent.com",
          "sbx-yt-secret",
          CHANNEL_ID,
          Map.of(
              "channelId",
              CHANNEL_ID,
              "playlistId",
              "PLsbxSandboxPlaylist0001",
              "authorizationCode",
              "sbx-yt-code"));
  private final Map<String, Session> sessions = new HashMap<>();
  private final Map<String, Video> videos = new LinkedHashMap<>();
  private final Map<String, List<ObjectNode>> threads = new HashMap<>();
  private final Map<String, CommentRec> comments = new HashMap<>();
  private final Set<String> playlists = new java.util.HashSet<>(Set.of("PLsbxSandboxPlaylist0001"));
  private YouTubeDiscoveryValidator validator;
  private SeededMetrics metrics;
  private long quotaLimit = 10_000;
  private long quotaUsed;
  private Instant quotaReset;
  private long duplicateBytes;
  private int counter;

  /** Creates the emulator. */
  public YouTubeEmulator() {}

  @Override
  public Platform platform() {
    return Platform.YOUTUBE;
  }

  @Override
  public SandboxCredentials credentials() {
    return credentials;
  }

  // ------------------------------------------------------------------ test hooks

  /** Sets the project's daily quota in units (default 10,000) and forgets what was used. */
  public synchronized void quotaLimit(long units) {
    this.quotaLimit = units;
    this.quotaUsed = 0;
  }

  /** Returns the quota units used today. */
  public synchronized long quotaUsed() {
    return quotaUsed;
  }

  /** Makes every open upload session expire: further requests to it get 404. */
  public synchronized void expireUploadSessions() {
    sessions.values().forEach(s -> s.expired = true);
  }

  /** Returns how many uploaded bytes arrived more than once (0 when no byte was sent twice). */
  public synchronized long duplicateBytesReceived() {
    return duplicateBytes;
  }

  /** Returns a copy of the stored video resource, or {@code null}. */
  public synchronized JsonNode video(String id) {
    Video v = videos.get(id);
    return v == null ? null : v.resource.deepCopy();
  }

  // ------------------------------------------------------------------ SPI

  @Override
  public List<String> validateStrict(SandboxRequest request, EmulatorContext context) {
    synchronized (this) {
      if (validator == null) {
        validator = new YouTubeDiscoveryValidator();
      }
    }
    return validator.validate(request);
  }

  @Override
  public SandboxResponse faultResponse(
      Fault.Kind kind, SandboxRequest request, EmulatorContext context) {
    return switch (kind) {
      case HTTP_429 ->
          error(
                  429,
                  "RESOURCE_EXHAUSTED",
                  "global",
                  "rateLimitExceeded",
                  "Resource has been exhausted (e.g. check quota).")
              .header("Retry-After", "1");
      case HTTP_5XX ->
          error(
              503,
              "UNAVAILABLE",
              "global",
              "backendError",
              "The service is currently unavailable.");
      case EXPIRED_TOKEN ->
          // the presented token is refused once; it is not retired, so the sandbox's shared
          // credentials keep working for later tests
          unauthorized("authError", "Invalid Credentials");
      case DUPLICATE_CONTENT ->
          // YouTube does not refuse duplicate videos; this is Google's generic 409 ALREADY_EXISTS.
          error(409, "ALREADY_EXISTS", "global", "duplicate", "The resource already exists.");
      default -> null;
    };
  }

  @Override
  public synchronized SandboxResponse handle(SandboxRequest r, EmulatorContext ctx)
      throws Exception {
    if (metrics == null) {
      metrics = new SeededMetrics(ctx.seed());
    }
    if (r.is("POST", "token")) {
      return token(r, ctx);
    }
    String problem = tokens.problem(r.bearerToken().orElse(null), ctx.now());
    if (problem != null) {
      return problem.equals("missing")
          ? unauthorized("required", "Login Required.")
          : unauthorized("authError", "Invalid Credentials");
    }
    boolean sessionPut = r.method().equals("PUT") && r.query().containsKey("upload_id");
    String method = sessionPut ? null : methodName(r);
    if (method == null && !sessionPut) {
      return error(404, "NOT_FOUND", "global", "notFound", "Not Found");
    }
    if (method != null && !method.startsWith("analytics.")) {
      SandboxResponse q = chargeQuota(method, ctx.now());
      if (q != null) {
        return q;
      }
    }
    if (sessionPut) {
      return uploadChunk(r, ctx);
    }
    switch (method) {
      case "videos.insert" -> {
        return startUpload(r, ctx);
      }
      case "videos.list" -> {
        return listVideos(r, ctx);
      }
      case "channels.list" -> {
        return listChannels(r, ctx);
      }
      case "videos.update" -> {
        return updateVideo(r);
      }
      case "videos.delete" -> {
        return deleteVideo(r, ctx);
      }
      case "thumbnails.set" -> {
        return setThumbnail(r, ctx);
      }
      case "playlistItems.insert" -> {
        return insertPlaylistItem(r, ctx);
      }
      case "commentThreads.list" -> {
        if (r.param("allThreadsRelatedToChannelId").isPresent()) {
          return listChannelThreads(r, ctx);
        }
        return listThreads(r);
      }
      case "commentThreads.insert" -> {
        return insertThread(r, ctx);
      }
      case "comments.list" -> {
        return listReplies(r);
      }
      case "comments.insert" -> {
        return insertReply(r, ctx);
      }
      case "comments.setModerationStatus" -> {
        return setModerationStatus(r);
      }
      case "comments.delete" -> {
        return deleteComment(r, ctx);
      }
      case "analytics.reports" -> {
        return report(r);
      }
      default -> {
        return error(404, "NOT_FOUND", "global", "notFound", "Not Found");
      }
    }
  }

  private static String methodName(SandboxRequest r) {
    String m = r.method();
    String p = r.path();
    if (m.equals("POST")
        && (p.equals("/upload/youtube/v3/videos")
            || p.equals("/resumable/upload/youtube/v3/videos"))) {
      return "videos.insert";
    }
    if (m.equals("POST") && p.equals("/upload/youtube/v3/thumbnails/set")) {
      return "thumbnails.set";
    }
    if (m.equals("GET") && p.equals("/v2/reports")) {
      return "analytics.reports";
    }
    Map<String, String> table =
        Map.ofEntries(
            Map.entry("GET /youtube/v3/videos", "videos.list"),
            Map.entry("GET /youtube/v3/channels", "channels.list"),
            Map.entry("PUT /youtube/v3/videos", "videos.update"),
            Map.entry("DELETE /youtube/v3/videos", "videos.delete"),
            Map.entry("POST /youtube/v3/playlistItems", "playlistItems.insert"),
            Map.entry("GET /youtube/v3/commentThreads", "commentThreads.list"),
            Map.entry("POST /youtube/v3/commentThreads", "commentThreads.insert"),
            Map.entry("GET /youtube/v3/comments", "comments.list"),
            Map.entry("POST /youtube/v3/comments", "comments.insert"),
            Map.entry(
                "POST /youtube/v3/comments/setModerationStatus", "comments.setModerationStatus"),
            Map.entry("DELETE /youtube/v3/comments", "comments.delete"));
    return table.get(m + " " + p);
  }

  /**
   * {@code channels.list} with {@code mine=true}: the calling account's channel (the sandbox
   * channel, or an added account's id) with the requested parts ({@code snippet}, {@code
   * statistics}; counts are strings, as in the discovery document's ChannelStatistics).
   */
  private SandboxResponse listChannels(SandboxRequest r, EmulatorContext ctx) {
    String part = r.param("part").orElse("");
    if (part.isBlank()) {
      return error(400, "INVALID_ARGUMENT", "youtube.parameter", "required", "No filter selected.");
    }
    ObjectNode root = NODES.objectNode().put("kind", "youtube#channelListResponse");
    ArrayNode items = root.putArray("items");
    // mine=true answers the calling account's channel (Sandbox.addAccount gives each its own id)
    String own = ctx.account().orElse(CHANNEL_ID);
    if (r.param("mine").orElse("").equals("true") || own.equals(r.param("id").orElse(""))) {
      ObjectNode ch = items.addObject().put("kind", "youtube#channel").put("id", own);
      for (String p : part.split(",", -1)) {
        if (p.trim().equals("snippet")) {
          ch.putObject("snippet")
              .put("title", "SMO Sandbox Channel")
              .put("customUrl", "@smosandbox")
              .put("description", "");
        } else if (p.trim().equals("statistics")) {
          long uploads = videos.size();
          ch.putObject("statistics")
              .put("viewCount", String.valueOf(91_000 + Math.floorMod(ctx.seed(), 9000)))
              .put("subscriberCount", String.valueOf(3100 + Math.floorMod(ctx.seed(), 400)))
              .put("hiddenSubscriberCount", false)
              .put("videoCount", String.valueOf(40 + uploads));
        }
      }
    }
    root.putObject("pageInfo").put("totalResults", items.size()).put("resultsPerPage", 5);
    return SandboxResponse.json(200, root);
  }

  private SandboxResponse chargeQuota(String method, Instant now) {
    if (quotaReset == null || !now.isBefore(quotaReset)) {
      quotaReset = now.atZone(PACIFIC).toLocalDate().plusDays(1).atStartOfDay(PACIFIC).toInstant();
      quotaUsed = 0;
    }
    int cost = COSTS.getOrDefault(method, 1);
    if (quotaUsed + cost > quotaLimit) {
      quotaUsed = Math.max(quotaUsed, quotaLimit);
      return quotaExceeded();
    }
    quotaUsed += cost;
    return null;
  }

  // ------------------------------------------------------------------ OAuth

  private SandboxResponse token(SandboxRequest r, EmulatorContext ctx) {
    String grant = r.param("grant_type").orElse("");
    if (!credentials.clientId().equals(r.param("client_id").orElse(null))
        || !credentials.clientSecret().equals(r.param("client_secret").orElse(null))) {
      return SandboxResponse.json(
          401,
          Map.of(
              "error", "invalid_client", "error_description", "The OAuth client was not found."));
    }
    ObjectNode out = NODES.objectNode();
    if (grant.equals("refresh_token")) {
      TokenRegistry.Grant g = tokens.refresh(r.param("refresh_token").orElse(null), ctx.now());
      if (g == null) {
        return SandboxResponse.json(
            400,
            Map.of(
                "error",
                "invalid_grant",
                "error_description",
                "Token has been expired or revoked."));
      }
      out.put("access_token", g.accessToken);
      out.put("expires_in", g.expiresIn);
    } else if (grant.equals("authorization_code")) {
      if (!"sbx-yt-code".equals(r.param("code").orElse(null))) {
        return SandboxResponse.json(
            400, Map.of("error", "invalid_grant", "error_description", "Malformed auth code."));
      }
      TokenRegistry.Grant g = tokens.issue(ctx.now());
      out.put("access_token", g.accessToken);
      out.put("expires_in", g.expiresIn);
      out.put("refresh_token", g.refreshToken);
    } else {
      return SandboxResponse.json(
          400,
          Map.of(
              "error",
              "unsupported_grant_type",
              "error_description",
              "Invalid grant_type: " + grant));
    }
    out.put("scope", SCOPES);
    out.put("token_type", "Bearer");
    return SandboxResponse.json(200, out);
  }

  // ------------------------------------------------------------------ uploads

  private SandboxResponse startUpload(SandboxRequest r, EmulatorContext ctx) throws Exception {
    if (!"resumable".equals(r.param("uploadType").orElse(null))) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "global",
          "badRequest",
          "The sandbox emulates resumable uploads only (uploadType=resumable).");
    }
    String part = r.param("part").orElse(null);
    if (part == null) {
      return error(400, "INVALID_ARGUMENT", "global", "required", "Required parameter: part");
    }
    JsonNode body = r.json();
    if (!body.isObject()) {
      body = NODES.objectNode();
    }
    JsonNode snippet = body.path("snippet");
    String title = snippet.path("title").asText("");
    if (title.codePointCount(0, title.length()) > 100
        || title.contains("<")
        || title.contains(">")) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.video",
          "invalidTitle",
          "The request metadata specifies an invalid video title.");
    }
    String description = snippet.path("description").asText("");
    if (description.getBytes(StandardCharsets.UTF_8).length > 5000
        || description.contains("<")
        || description.contains(">")) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.video",
          "invalidDescription",
          "The request metadata specifies an invalid video description.");
    }
    JsonNode status = body.path("status");
    if (status.hasNonNull("publishAt")
        && !"private".equals(status.path("privacyStatus").asText())) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.video",
          "invalidPublishAt",
          "The request metadata specifies an invalid scheduled publishing time.");
    }
    long total;
    try {
      total = Long.parseLong(r.header("x-upload-content-length").orElse("-1"));
    } catch (NumberFormatException e) {
      total = -1;
    }
    if (total < 0) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "global",
          "badRequest",
          "X-Upload-Content-Length is required for a resumable upload.");
    }
    Session s = new Session();
    s.resource = body;
    s.parts = part;
    s.total = total;
    s.created = ctx.now();
    s.failProcessing = ctx.activeFault().orElse(null) == Fault.Kind.MEDIA_PROCESSING_FAILURE;
    String uploadId = "sbx-upload-" + ++counter + "-" + Long.toHexString(ctx.seed());
    sessions.put(uploadId, s);
    String location =
        ctx.baseUrl()
            + "upload/youtube/v3/videos?uploadType=resumable&part="
            + part.replace(",", "%2C")
            + "&upload_id="
            + uploadId;
    return SandboxResponse.empty(200)
        .header("Location", location)
        .header("X-GUploader-UploadID", uploadId);
  }

  private SandboxResponse uploadChunk(SandboxRequest r, EmulatorContext ctx) {
    String uploadId = r.query().get("upload_id").get(0);
    Session s = sessions.get(uploadId);
    if (s == null || s.expired || ctx.now().isAfter(s.created.plus(Duration.ofDays(1)))) {
      return error(404, "NOT_FOUND", "global", "notFound", "Upload session not found or expired.")
          .header("X-GUploader-UploadID", uploadId);
    }
    if (ctx.activeFault().orElse(null) == Fault.Kind.MEDIA_PROCESSING_FAILURE) {
      s.failProcessing = true;
    }
    if (s.videoId != null) {
      return SandboxResponse.json(200, videoView(videos.get(s.videoId), s.parts, false))
          .header("X-GUploader-UploadID", uploadId);
    }
    String range = r.header("content-range").orElse("");
    byte[] body = r.body();
    if (range.startsWith("bytes */")) {
      return progress(s, uploadId);
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)").matcher(range);
    long first;
    long last;
    if (m.matches()) {
      first = Long.parseLong(m.group(1));
      last = Long.parseLong(m.group(2));
    } else if (range.isEmpty() && s.received == 0) {
      first = 0;
      last = body.length - 1L;
    } else {
      return error(
          400, "INVALID_ARGUMENT", "global", "badRequest", "Invalid Content-Range: " + range);
    }
    if (last - first + 1 != body.length || last >= s.total) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "global",
          "badRequest",
          "Content-Range does not match the body or the declared length.");
    }
    if (first > s.received) {
      return progress(s, uploadId); // a gap: the client must resume from Range
    }
    if (first < s.received) {
      duplicateBytes += Math.min(last + 1, s.received) - first;
    }
    s.received = Math.max(s.received, last + 1);
    if (s.received < s.total) {
      return progress(s, uploadId);
    }
    Video v = createVideo(s, ctx);
    return SandboxResponse.json(200, videoView(v, s.parts, false))
        .header("X-GUploader-UploadID", uploadId);
  }

  private static SandboxResponse progress(Session s, String uploadId) {
    SandboxResponse resp = SandboxResponse.empty(308).header("X-GUploader-UploadID", uploadId);
    return s.received > 0 ? resp.header("Range", "bytes=0-" + (s.received - 1)) : resp;
  }

  private Video createVideo(Session s, EmulatorContext ctx) {
    String id = videoId(ctx.nextId());
    Video v = new Video();
    v.created = ctx.now();
    v.failed = s.failProcessing;
    ObjectNode res = NODES.objectNode();
    res.put("kind", "youtube#video");
    res.put("etag", "sbx-etag-" + id);
    res.put("id", id);
    ObjectNode snippet = res.putObject("snippet");
    JsonNode in = s.resource.path("snippet");
    snippet.put("publishedAt", ctx.now().toString());
    snippet.put("channelId", CHANNEL_ID);
    snippet.put(
        "title", in.path("title").asText("").isEmpty() ? "unknown" : in.path("title").asText());
    snippet.put("description", in.path("description").asText(""));
    ObjectNode thumbs = snippet.putObject("thumbnails");
    thumbs.set("default", thumb(id, "default", 120, 90));
    thumbs.set("medium", thumb(id, "mqdefault", 320, 180));
    thumbs.set("high", thumb(id, "hqdefault", 480, 360));
    snippet.put("channelTitle", CHANNEL_TITLE);
    if (in.path("tags").isArray()) {
      snippet.set("tags", in.get("tags"));
    }
    snippet.put("categoryId", in.path("categoryId").asText("22"));
    snippet.put("liveBroadcastContent", "none");
    if (in.path("defaultLanguage").isTextual()) {
      snippet.put("defaultLanguage", in.path("defaultLanguage").asText());
    }
    ObjectNode localized = snippet.putObject("localized");
    localized.put("title", snippet.path("title").asText());
    localized.put("description", snippet.path("description").asText());
    ObjectNode status = res.putObject("status");
    JsonNode st = s.resource.path("status");
    status.put("uploadStatus", "uploaded");
    status.put("privacyStatus", st.path("privacyStatus").asText("public"));
    if (st.hasNonNull("publishAt")) {
      status.put("publishAt", st.path("publishAt").asText());
    }
    status.put("license", st.path("license").asText("youtube"));
    status.put("embeddable", st.path("embeddable").asBoolean(true));
    status.put("publicStatsViewable", st.path("publicStatsViewable").asBoolean(true));
    if (st.path("selfDeclaredMadeForKids").isBoolean()) {
      status.put("selfDeclaredMadeForKids", st.path("selfDeclaredMadeForKids").asBoolean());
    }
    status.put("madeForKids", st.path("selfDeclaredMadeForKids").asBoolean(false));
    v.resource = res;
    videos.put(id, v);
    s.videoId = id;
    ctx.recordCreated("post", id, res.deepCopy());
    return v;
  }

  private static ObjectNode thumb(String id, String name, int w, int h) {
    ObjectNode t = NODES.objectNode();
    t.put("url", "https://i.ytimg.com/vi/" + id + "/" + name + ".jpg");
    t.put("width", w);
    t.put("height", h);
    return t;
  }

  private static String videoId(String numeric) {
    long n = Long.parseLong(numeric);
    byte[] b = ByteBuffer.allocate(8).putLong(Long.reverse(n) ^ 0x5DEECE66DL).array();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(b); // 11 characters, like real ids
  }

  /** Renders the requested parts of a video; {@code read} advances processing and statistics. */
  private ObjectNode videoView(Video v, String parts, boolean read) {
    ObjectNode out = NODES.objectNode();
    out.put("kind", "youtube#video");
    out.put("etag", v.resource.path("etag").asText());
    out.put("id", v.resource.path("id").asText());
    Set<String> want = Set.of(parts.split(","));
    boolean processingRead =
        read && (want.contains("processingDetails") || want.contains("status"));
    if (processingRead) {
      v.processingReads++;
    }
    String pstate =
        v.failed
            ? "failed"
            : v.processingReads > 2 || (!read && v.processingReads > 2)
                ? "succeeded"
                : "processing";
    ObjectNode status = (ObjectNode) v.resource.get("status");
    if (pstate.equals("succeeded")) {
      status.put("uploadStatus", "processed");
    } else if (pstate.equals("failed")) {
      status.put("uploadStatus", "failed");
      status.put("failureReason", "conversion");
    }
    for (String part : want) {
      switch (part.trim()) {
        case "snippet" -> out.set("snippet", v.resource.get("snippet").deepCopy());
        case "status" -> out.set("status", status.deepCopy());
        case "processingDetails" -> {
          ObjectNode pd = out.putObject("processingDetails");
          pd.put("processingStatus", pstate);
          if (pstate.equals("processing")) {
            ObjectNode prog = pd.putObject("processingProgress");
            prog.put("partsTotal", "10");
            prog.put("partsProcessed", String.valueOf(Math.min(9, v.processingReads * 4)));
            prog.put(
                "timeLeftMs", String.valueOf(Math.max(1000, 9000 - v.processingReads * 4000L)));
          }
          if (pstate.equals("failed")) {
            pd.put("processingFailureReason", "transcodeFailed");
          }
          pd.put("fileDetailsAvailability", "available");
          pd.put("thumbnailsAvailability", pstate.equals("succeeded") ? "available" : "inProgress");
        }
        case "statistics" -> {
          String id = v.resource.path("id").asText();
          long reads = read ? v.statReads++ : v.statReads;
          ObjectNode s = out.putObject("statistics");
          s.put("viewCount", String.valueOf(metrics.value(id, "viewCount", reads, 1000)));
          s.put("likeCount", String.valueOf(metrics.value(id, "likeCount", reads, 50)));
          s.put("favoriteCount", "0");
          s.put("commentCount", String.valueOf(threadsOf(id).size()));
        }
        case "id" -> {}
        default -> {
          if (v.resource.has(part)) {
            out.set(part, v.resource.get(part).deepCopy());
          }
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ videos

  private SandboxResponse listVideos(SandboxRequest r, EmulatorContext ctx) {
    String part = r.param("part").orElse(null);
    if (part == null) {
      return error(400, "INVALID_ARGUMENT", "global", "required", "Required parameter: part");
    }
    String ids = r.param("id").orElse(null);
    if (ids == null) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.parameter",
          "missingRequiredParameter",
          "No filter selected. Expected one of: id, chart, myRating (the sandbox emulates id).");
    }
    ArrayNode items = NODES.arrayNode();
    for (String id : ids.split(",", -1)) {
      Video v = videos.get(id.trim());
      if (v != null) {
        items.add(videoView(v, part, true));
      }
    }
    ObjectNode out = NODES.objectNode();
    out.put("kind", "youtube#videoListResponse");
    out.put("etag", "sbx-list-" + ctx.now().toEpochMilli());
    out.set("items", items);
    ObjectNode pi = out.putObject("pageInfo");
    pi.put("totalResults", items.size());
    pi.put("resultsPerPage", items.size());
    return SandboxResponse.json(200, out);
  }

  private SandboxResponse updateVideo(SandboxRequest r) throws Exception {
    String part = r.param("part").orElse(null);
    if (part == null) {
      return error(400, "INVALID_ARGUMENT", "global", "required", "Required parameter: part");
    }
    JsonNode body = r.json();
    Video v = videos.get(body.path("id").asText(""));
    if (v == null) {
      return videoNotFound();
    }
    Set<String> parts = Set.of(part.split(","));
    if (parts.contains("snippet")) {
      JsonNode sn = body.path("snippet");
      String title = sn.path("title").asText("");
      if (title.isEmpty()
          || title.codePointCount(0, title.length()) > 100
          || title.contains("<")
          || title.contains(">")) {
        return error(
            400,
            "INVALID_ARGUMENT",
            "youtube.video",
            "invalidTitle",
            "The request metadata specifies an invalid or empty video title.");
      }
      if (!sn.path("categoryId").isTextual()) {
        return error(
            400,
            "INVALID_ARGUMENT",
            "youtube.video",
            "invalidCategoryId",
            "The snippet.categoryId property specifies an invalid category ID.");
      }
      ObjectNode snippet = (ObjectNode) v.resource.get("snippet");
      snippet.put("title", title);
      snippet.put("categoryId", sn.path("categoryId").asText());
      snippet.put("description", sn.path("description").asText(""));
      if (sn.path("tags").isArray()) {
        snippet.set("tags", sn.get("tags"));
      } else {
        snippet.remove("tags");
      }
      ObjectNode localized = (ObjectNode) snippet.get("localized");
      localized.put("title", title);
      localized.put("description", snippet.path("description").asText());
    }
    if (parts.contains("status")) {
      JsonNode st = body.path("status");
      String privacy = st.path("privacyStatus").asText("");
      if (!Set.of("public", "unlisted", "private").contains(privacy)) {
        return error(
            400,
            "INVALID_ARGUMENT",
            "youtube.video",
            "invalidVideoMetadata",
            "The request metadata is invalid (status.privacyStatus).");
      }
      if (st.hasNonNull("publishAt") && !privacy.equals("private")) {
        return error(
            400,
            "INVALID_ARGUMENT",
            "youtube.video",
            "invalidPublishAt",
            "The request metadata specifies an invalid scheduled publishing time.");
      }
      ObjectNode status = (ObjectNode) v.resource.get("status");
      status.put("privacyStatus", privacy);
      if (st.hasNonNull("publishAt")) {
        status.put("publishAt", st.path("publishAt").asText());
      } else {
        status.remove("publishAt");
      }
      for (String b :
          new String[] {"embeddable", "publicStatsViewable", "selfDeclaredMadeForKids"}) {
        if (st.path(b).isBoolean()) {
          status.put(b, st.path(b).asBoolean());
        }
      }
      if (st.path("license").isTextual()) {
        status.put("license", st.path("license").asText());
      }
    }
    return SandboxResponse.json(200, videoView(v, part, false));
  }

  private SandboxResponse deleteVideo(SandboxRequest r, EmulatorContext ctx) {
    String id = r.param("id").orElse("");
    if (videos.remove(id) == null) {
      return videoNotFound();
    }
    threads.remove(id);
    comments.values().removeIf(c -> c.videoId.equals(id));
    ctx.recordDeleted(id);
    return SandboxResponse.empty(204);
  }

  private SandboxResponse setThumbnail(SandboxRequest r, EmulatorContext ctx) {
    String id = r.param("videoId").orElse(null);
    if (id == null) {
      return error(400, "INVALID_ARGUMENT", "global", "required", "Required parameter: videoId");
    }
    Video v = videos.get(id);
    if (v == null) {
      return videoNotFound();
    }
    if (r.body().length == 0) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.thumbnail",
          "mediaBodyRequired",
          "The request does not include the image content.");
    }
    String ct = r.header("content-type").orElse("");
    if (!(ct.startsWith("image/jpeg")
        || ct.startsWith("image/png")
        || ct.startsWith("application/octet-stream"))) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.thumbnail",
          "invalidImage",
          "The provided image content is invalid.");
    }
    String base = "https://i.ytimg.com/vi/" + id + "/custom-" + ++counter;
    ObjectNode item = NODES.objectNode();
    item.set("default", thumbUrl(base + "-default.jpg", 120, 90));
    item.set("medium", thumbUrl(base + "-mq.jpg", 320, 180));
    item.set("high", thumbUrl(base + "-hq.jpg", 480, 360));
    ((ObjectNode) v.resource.path("snippet")).set("thumbnails", item.deepCopy());
    ObjectNode out = NODES.objectNode();
    out.put("kind", "youtube#thumbnailSetResponse");
    out.put("etag", "sbx-thumb-" + counter);
    out.putArray("items").add(item);
    ctx.recordCreated("media", id + "/thumbnail", out.deepCopy());
    return SandboxResponse.json(200, out);
  }

  private static ObjectNode thumbUrl(String url, int w, int h) {
    ObjectNode t = NODES.objectNode();
    t.put("url", url);
    t.put("width", w);
    t.put("height", h);
    return t;
  }

  private SandboxResponse insertPlaylistItem(SandboxRequest r, EmulatorContext ctx)
      throws Exception {
    JsonNode sn = r.json().path("snippet");
    String playlistId = sn.path("playlistId").asText("");
    String videoId = sn.path("resourceId").path("videoId").asText("");
    if (playlistId.isEmpty()) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.playlistItem",
          "playlistIdRequired",
          "The request does not specify a value for the required playlistId property.");
    }
    if (!playlists.contains(playlistId)) {
      return error(
          404,
          "NOT_FOUND",
          "youtube.playlistItem",
          "playlistNotFound",
          "The playlist identified with the request's playlistId parameter cannot be found.");
    }
    Video v = videos.get(videoId);
    if (v == null) {
      return error(
          404,
          "NOT_FOUND",
          "youtube.playlistItem",
          "videoNotFound",
          "The video that you are trying to add to the playlist cannot be found.");
    }
    String id =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((playlistId + "." + videoId).getBytes(StandardCharsets.UTF_8));
    ObjectNode out = NODES.objectNode();
    out.put("kind", "youtube#playlistItem");
    out.put("etag", "sbx-pli-" + ++counter);
    out.put("id", id);
    ObjectNode snippet = out.putObject("snippet");
    snippet.put("publishedAt", ctx.now().toString());
    snippet.put("channelId", CHANNEL_ID);
    snippet.put("title", v.resource.path("snippet").path("title").asText());
    snippet.put("channelTitle", CHANNEL_TITLE);
    snippet.put("playlistId", playlistId);
    snippet.put("position", 0);
    ObjectNode res = snippet.putObject("resourceId");
    res.put("kind", "youtube#video");
    res.put("videoId", videoId);
    ctx.recordCreated("playlistItem", id, out.deepCopy());
    return SandboxResponse.json(200, out);
  }

  // ------------------------------------------------------------------ comments

  private List<ObjectNode> threadsOf(String videoId) {
    return threads.computeIfAbsent(
        videoId,
        id -> {
          List<ObjectNode> list = new ArrayList<>();
          Video v = videos.get(id);
          Instant base = v == null ? Instant.EPOCH : v.created;
          for (int i = 0; i < SEEDED_THREADS; i++) {
            String cid =
                "Ugsbx" + Long.toHexString(Math.abs((long) (id + i).hashCode())) + "AaABAg" + i;
            ObjectNode top =
                commentNode(
                    cid,
                    id,
                    "Seeded viewer " + (i % 17),
                    "UCviewer" + (i % 17),
                    "Comment " + i + " on " + id,
                    base.plusSeconds(60L * (i + 1)),
                    null);
            if (i == 3) {
              ((ObjectNode) top.get("snippet")).put("moderationStatus", "heldForReview");
            }
            ObjectNode thread = threadNode(cid, id, top);
            if (i % 7 == 0) {
              for (int k = 0; k < 2; k++) {
                ObjectNode reply =
                    commentNode(
                        cid + ".sbxReply" + k,
                        id,
                        "Seeded replier " + k,
                        "UCreplier" + k,
                        "Reply " + k + " to comment " + i,
                        base.plusSeconds(60L * (i + 1) + 30 + k),
                        cid);
                addReply(thread, reply);
                register(reply, thread, id, false);
              }
            }
            register(top, thread, id, false);
            list.add(thread);
          }
          return list;
        });
  }

  private void register(ObjectNode comment, ObjectNode thread, String videoId, boolean own) {
    CommentRec rec = new CommentRec();
    rec.videoId = videoId;
    rec.comment = comment;
    rec.thread = thread;
    rec.own = own;
    comments.put(comment.path("id").asText(), rec);
  }

  private static ObjectNode commentNode(
      String id,
      String videoId,
      String author,
      String authorId,
      String text,
      Instant at,
      String parentId) {
    ObjectNode c = NODES.objectNode();
    c.put("kind", "youtube#comment");
    c.put("etag", "sbx-c-" + id.hashCode());
    c.put("id", id);
    ObjectNode s = c.putObject("snippet");
    s.put("channelId", CHANNEL_ID);
    s.put("videoId", videoId);
    s.put("textDisplay", text);
    s.put("textOriginal", text);
    if (parentId != null) {
      s.put("parentId", parentId);
    }
    s.put("authorDisplayName", author);
    s.put("authorChannelUrl", "http://www.youtube.com/channel/" + authorId);
    s.putObject("authorChannelId").put("value", authorId);
    s.put("canRate", true);
    s.put("viewerRating", "none");
    s.put("likeCount", Math.abs((long) id.hashCode()) % 40);
    s.put("moderationStatus", "published");
    s.put("publishedAt", at.toString());
    s.put("updatedAt", at.toString());
    return c;
  }

  private static ObjectNode threadNode(String id, String videoId, ObjectNode top) {
    ObjectNode t = NODES.objectNode();
    t.put("kind", "youtube#commentThread");
    t.put("etag", "sbx-t-" + id.hashCode());
    t.put("id", id);
    ObjectNode s = t.putObject("snippet");
    s.put("channelId", CHANNEL_ID);
    s.put("videoId", videoId);
    s.set("topLevelComment", top);
    s.put("canReply", true);
    s.put("totalReplyCount", 0);
    s.put("isPublic", true);
    return t;
  }

  private static void addReply(ObjectNode thread, ObjectNode reply) {
    ObjectNode replies =
        thread.has("replies") ? (ObjectNode) thread.get("replies") : thread.putObject("replies");
    ArrayNode list =
        replies.has("comments")
            ? (ArrayNode) replies.get("comments")
            : replies.putArray("comments");
    list.add(reply);
    ObjectNode s = (ObjectNode) thread.get("snippet");
    s.put("totalReplyCount", s.path("totalReplyCount").asInt() + 1);
  }

  // ------------------------------------------------------------------ channel-wide inbox

  /** The video the seeded inbox comments are on (not one of the sandbox's uploads). */
  public static final String INBOX_VIDEO_ID = "sbxInboxVid";

  private final List<ObjectNode> inboxThreads = new ArrayList<>();
  private boolean inboxSeeded;

  private void seedInbox(Instant now) {
    if (inboxSeeded) {
      return;
    }
    inboxSeeded = true;
    receiveComment(
        "Maya", "UCviewerMaya", "Which microphone do you use?", now.minus(Duration.ofHours(1)));
    ObjectNode held =
        receiveComment(
            "FreeFollowers",
            "UCspammer",
            "Get 10k subs free at ...",
            now.minus(Duration.ofHours(3)));
    ((ObjectNode) held.path("snippet").path("topLevelComment").path("snippet"))
        .put("moderationStatus", "heldForReview");
    ObjectNode answered =
        receiveComment(
            "Noor", "UCviewerNoor", "Great tutorial, thanks!", now.minus(Duration.ofDays(1)));
    String id = answered.path("id").asText();
    ObjectNode reply =
        commentNode(
            id + ".own0",
            INBOX_VIDEO_ID,
            CHANNEL_TITLE,
            CHANNEL_ID,
            "Glad it helped!",
            now.minus(Duration.ofHours(20)),
            id);
    addReply(answered, reply);
    register(reply, answered, INBOX_VIDEO_ID, true);
  }

  /**
   * Adds a top-level comment by a viewer on the inbox video (test hook: someone comments).
   *
   * @return the new thread
   */
  public ObjectNode receiveComment(String author, String authorChannelId, String text, Instant at) {
    String cid = "UgsbxInbox" + Integer.toHexString(inboxThreads.size() + 1) + "AaABAg";
    ObjectNode top = commentNode(cid, INBOX_VIDEO_ID, author, authorChannelId, text, at, null);
    ObjectNode thread = threadNode(cid, INBOX_VIDEO_ID, top);
    register(top, thread, INBOX_VIDEO_ID, false);
    inboxThreads.add(thread);
    return thread;
  }

  /**
   * {@code commentThreads.list?allThreadsRelatedToChannelId=…}: every video's threads, newest
   * first.
   */
  private SandboxResponse listChannelThreads(SandboxRequest r, EmulatorContext ctx) {
    seedInbox(ctx.now());
    if (!CHANNEL_ID.equals(r.param("allThreadsRelatedToChannelId").get())) {
      return error(
          403,
          "PERMISSION_DENIED",
          "youtube.commentThread",
          "forbidden",
          "The comment thread could not be retrieved due to insufficient permissions.");
    }
    int max = Integer.parseInt(r.param("maxResults").orElse("20"));
    if (max < 1 || max > 100) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.parameter",
          "invalidParameter",
          "maxResults must be between 1 and 100.");
    }
    String wanted = r.param("moderationStatus").orElse("published");
    List<ObjectNode> all = new ArrayList<>();
    List<ObjectNode> candidates = new ArrayList<>(inboxThreads);
    for (String v : videos.keySet()) {
      candidates.addAll(threadsOf(v));
    }
    for (ObjectNode t : candidates) {
      String m =
          t.path("snippet")
              .path("topLevelComment")
              .path("snippet")
              .path("moderationStatus")
              .asText();
      if (m.equals(wanted) && comments.containsKey(t.path("id").asText())) {
        all.add(t);
      }
    }
    all.sort(
        (a, b) ->
            b.path("snippet")
                .path("topLevelComment")
                .path("snippet")
                .path("publishedAt")
                .asText()
                .compareTo(
                    a.path("snippet")
                        .path("topLevelComment")
                        .path("snippet")
                        .path("publishedAt")
                        .asText()));
    int offset = 0;
    String token = r.param("pageToken").orElse(null);
    if (token != null) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        offset = Integer.parseInt(decoded.substring("channel:".length()));
      } catch (RuntimeException e) {
        return error(
            400,
            "INVALID_ARGUMENT",
            "youtube.parameter",
            "invalidPageToken",
            "The request specifies an invalid page token.");
      }
    }
    Set<String> parts = Set.of(r.param("part").orElse("snippet").split(","));
    ArrayNode items = NODES.arrayNode();
    for (int i = offset; i < Math.min(all.size(), offset + max); i++) {
      ObjectNode t = all.get(i).deepCopy();
      if (!parts.contains("replies")) {
        t.remove("replies");
      }
      items.add(t);
    }
    ObjectNode out = NODES.objectNode();
    out.put("kind", "youtube#commentThreadListResponse");
    out.put("etag", "sbx-cctl-" + offset);
    if (offset + max < all.size()) {
      out.put(
          "nextPageToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(("channel:" + (offset + max)).getBytes(StandardCharsets.UTF_8)));
    }
    out.putObject("pageInfo").put("totalResults", items.size()).put("resultsPerPage", max);
    out.set("items", items);
    return SandboxResponse.json(200, out);
  }

  private SandboxResponse listThreads(SandboxRequest r) {
    String part = r.param("part").orElse(null);
    if (part == null) {
      return error(400, "INVALID_ARGUMENT", "global", "required", "Required parameter: part");
    }
    String videoId = r.param("videoId").orElse(null);
    if (videoId == null) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.parameter",
          "missingRequiredParameter",
          "No filter selected. Expected one of: videoId, allThreadsRelatedToChannelId, id (the sandbox emulates videoId).");
    }
    if (!videos.containsKey(videoId)) {
      return error(
          404,
          "NOT_FOUND",
          "youtube.commentThread",
          "videoNotFound",
          "The video identified by the videoId parameter could not be found.");
    }
    int max = Integer.parseInt(r.param("maxResults").orElse("20"));
    if (max < 1 || max > 100) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.parameter",
          "invalidParameter",
          "maxResults must be between 1 and 100.");
    }
    String wanted = r.param("moderationStatus").orElse("published");
    List<ObjectNode> all = new ArrayList<>();
    for (ObjectNode t : threadsOf(videoId)) {
      String m =
          t.path("snippet")
              .path("topLevelComment")
              .path("snippet")
              .path("moderationStatus")
              .asText();
      if (m.equals(wanted)) {
        all.add(t);
      }
    }
    int offset = 0;
    String token = r.param("pageToken").orElse(null);
    if (token != null) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        if (!decoded.startsWith(videoId + ":")) {
          throw new IllegalArgumentException(decoded);
        }
        offset = Integer.parseInt(decoded.substring(videoId.length() + 1));
      } catch (IllegalArgumentException e) {
        return error(
            400,
            "INVALID_ARGUMENT",
            "youtube.parameter",
            "invalidPageToken",
            "The request specifies an invalid page token.");
      }
    }
    Set<String> parts = Set.of(part.split(","));
    ArrayNode items = NODES.arrayNode();
    for (int i = offset; i < Math.min(all.size(), offset + max); i++) {
      ObjectNode t = all.get(i).deepCopy();
      if (!parts.contains("replies")) {
        t.remove("replies");
      }
      if (!parts.contains("snippet")) {
        t.remove("snippet");
      }
      items.add(t);
    }
    ObjectNode out = NODES.objectNode();
    out.put("kind", "youtube#commentThreadListResponse");
    out.put("etag", "sbx-ctl-" + offset);
    if (offset + max < all.size()) {
      out.put(
          "nextPageToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString((videoId + ":" + (offset + max)).getBytes(StandardCharsets.UTF_8)));
    }
    ObjectNode pi = out.putObject("pageInfo");
    pi.put("totalResults", items.size());
    pi.put("resultsPerPage", max);
    out.set("items", items);
    return SandboxResponse.json(200, out);
  }

  private SandboxResponse insertThread(SandboxRequest r, EmulatorContext ctx) throws Exception {
    JsonNode sn = r.json().path("snippet");
    String videoId = sn.path("videoId").asText("");
    String text = sn.path("topLevelComment").path("snippet").path("textOriginal").asText("");
    if (!videos.containsKey(videoId)) {
      return error(
          404,
          "NOT_FOUND",
          "youtube.commentThread",
          "videoNotFound",
          "The video identified by the videoId parameter could not be found.");
    }
    if (text.isBlank()) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.commentThread",
          "commentTextRequired",
          "The comment resource that is being inserted must specify a value for the snippet.topLevelComment.snippet.textOriginal property.");
    }
    String id = "Ugsbxown" + ++counter + "AaABAg";
    ObjectNode top = commentNode(id, videoId, CHANNEL_TITLE, CHANNEL_ID, text, ctx.now(), null);
    ObjectNode thread = threadNode(id, videoId, top);
    threadsOf(videoId).add(0, thread);
    register(top, thread, videoId, true);
    ctx.recordCreated("comment", id, thread.deepCopy());
    return SandboxResponse.json(200, thread);
  }

  private SandboxResponse insertReply(SandboxRequest r, EmulatorContext ctx) throws Exception {
    JsonNode sn = r.json().path("snippet");
    String parentId = sn.path("parentId").asText("");
    String text = sn.path("textOriginal").asText("");
    if (parentId.isEmpty()) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.comment",
          "parentIdMissing",
          "The comment that is being created must be linked to a parent comment.");
    }
    if (text.isBlank()) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.comment",
          "commentTextRequired",
          "The comment resource that is being inserted must specify a value for the snippet.textOriginal property.");
    }
    CommentRec parent = findComment(parentId);
    if (parent == null || parent.comment.path("snippet").has("parentId")) {
      return commentNotFound();
    }
    String id = parentId + ".sbxown" + ++counter;
    ObjectNode reply =
        commentNode(id, parent.videoId, CHANNEL_TITLE, CHANNEL_ID, text, ctx.now(), parentId);
    addReply(parent.thread, reply);
    register(reply, parent.thread, parent.videoId, true);
    ctx.recordCreated("reply", id, reply.deepCopy());
    return SandboxResponse.json(200, reply);
  }

  private CommentRec findComment(String id) {
    CommentRec rec = comments.get(id);
    if (rec == null) {
      // seed lazily: comments of every known video
      for (String v : videos.keySet()) {
        threadsOf(v);
      }
      rec = comments.get(id);
    }
    return rec;
  }

  private SandboxResponse listReplies(SandboxRequest r) {
    String parentId = r.param("parentId").orElse(null);
    if (parentId == null) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.parameter",
          "missingRequiredParameter",
          "No filter selected. Expected one of: id, parentId.");
    }
    CommentRec parent = findComment(parentId);
    if (parent == null) {
      return commentNotFound();
    }
    ArrayNode items = NODES.arrayNode();
    for (JsonNode c : parent.thread.path("replies").path("comments")) {
      items.add(c.deepCopy());
    }
    ObjectNode out = NODES.objectNode();
    out.put("kind", "youtube#commentListResponse");
    out.put("etag", "sbx-cl-" + parentId.hashCode());
    out.putObject("pageInfo").put("resultsPerPage", items.size());
    out.set("items", items);
    return SandboxResponse.json(200, out);
  }

  private SandboxResponse setModerationStatus(SandboxRequest r) {
    String ids = r.param("id").orElse(null);
    String status = r.param("moderationStatus").orElse(null);
    if (ids == null || status == null) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "global",
          "required",
          "Required parameters: id, moderationStatus");
    }
    if (!Set.of("heldForReview", "published", "rejected").contains(status)) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.comment",
          "invalidModerationStatus",
          "The moderationStatus parameter specifies an invalid value.");
    }
    if ("true".equals(r.param("banAuthor").orElse(null)) && !status.equals("rejected")) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "youtube.comment",
          "banWithoutReject",
          "The banAuthor parameter can only be used if the moderationStatus parameter value is rejected.");
    }
    List<CommentRec> recs = new ArrayList<>();
    for (String id : ids.split(",", -1)) {
      CommentRec rec = findComment(id.trim());
      if (rec == null) {
        return commentNotFound();
      }
      recs.add(rec);
    }
    for (CommentRec rec : recs) {
      ObjectNode s = (ObjectNode) rec.comment.get("snippet");
      if (s.path("moderationStatus").asText().equals("rejected") && !status.equals("rejected")) {
        return error(
            400,
            "INVALID_ARGUMENT",
            "youtube.comment",
            "operationNotSupported",
            "A rejected comment cannot be moved back to another moderation status.");
      }
    }
    for (CommentRec rec : recs) {
      ((ObjectNode) rec.comment.get("snippet")).put("moderationStatus", status);
    }
    return SandboxResponse.empty(204);
  }

  private SandboxResponse deleteComment(SandboxRequest r, EmulatorContext ctx) {
    String id = r.param("id").orElse("");
    CommentRec rec = findComment(id);
    if (rec == null) {
      return commentNotFound();
    }
    if (!rec.own) {
      return error(
          403,
          "PERMISSION_DENIED",
          "youtube.comment",
          "forbidden",
          "The comment could not be deleted: only its author can delete it (use setModerationStatus rejected).");
    }
    comments.remove(id);
    if (rec.comment.path("snippet").has("parentId")) {
      ArrayNode list = (ArrayNode) rec.thread.path("replies").path("comments");
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).path("id").asText().equals(id)) {
          list.remove(i);
          break;
        }
      }
      ObjectNode s = (ObjectNode) rec.thread.get("snippet");
      s.put("totalReplyCount", Math.max(0, s.path("totalReplyCount").asInt() - 1));
    } else {
      threadsOf(rec.videoId).remove(rec.thread);
    }
    ctx.recordDeleted(id);
    return SandboxResponse.empty(204);
  }

  // ------------------------------------------------------------------ analytics

  private SandboxResponse report(SandboxRequest r) {
    String metricsParam = r.param("metrics").orElse(null);
    if (r.param("ids").isEmpty()
        || metricsParam == null
        || r.param("startDate").isEmpty()
        || r.param("endDate").isEmpty()) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "global",
          "required",
          "Required parameters: ids, startDate, endDate, metrics");
    }
    String filters = r.param("filters").orElse("");
    String videoId =
        filters.startsWith("video==") ? filters.substring(7).split(";", -1)[0] : "channel";
    if (!videoId.equals("channel") && !videos.containsKey(videoId)) {
      return error(
          400, "INVALID_ARGUMENT", "global", "badRequest", "Unknown video in filters: " + videoId);
    }
    List<String> ms = List.of(metricsParam.split(",", -1));
    String dims = r.param("dimensions").orElse("");
    ObjectNode out = NODES.objectNode();
    out.put("kind", "youtubeAnalytics#resultTable");
    ArrayNode headers = out.putArray("columnHeaders");
    ArrayNode rows = out.putArray("rows");
    List<String> dimList = dims.isEmpty() ? List.of() : List.of(dims.split(","));
    for (String d : dimList) {
      headers.addObject().put("name", d).put("columnType", "DIMENSION").put("dataType", "STRING");
    }
    for (String m : ms) {
      headers
          .addObject()
          .put("name", m)
          .put("columnType", "METRIC")
          .put("dataType", m.equals("viewerPercentage") ? "FLOAT" : "INTEGER");
    }
    if (dimList.isEmpty()) {
      ArrayNode row = rows.addArray();
      for (String m : ms) {
        row.add(metrics.value(videoId, "analytics." + m, 0, m.equals("views") ? 1000 : 100));
      }
    } else if (dimList.equals(List.of("ageGroup", "gender"))) {
      String[] ages = {
        "age13-17", "age18-24", "age25-34", "age35-44", "age45-54", "age55-64", "age65-"
      };
      String[] genders = {"female", "male", "user_specified"};
      double[] shares = {4.1, 22.3, 31.8, 18.5, 11.2, 7.6, 2.7};
      double[] split = {0.46, 0.52, 0.02};
      for (int a = 0; a < ages.length; a++) {
        for (int g = 0; g < genders.length; g++) {
          ArrayNode row = rows.addArray();
          row.add(ages[a]).add(genders[g]);
          for (int k = 0; k < ms.size(); k++) {
            row.add(Math.round(shares[a] * split[g] * 10.0) / 10.0);
          }
        }
      }
    } else if (dimList.equals(List.of("country"))) {
      String[] countries = {"US", "IN", "GB", "DE", "BR"};
      for (int i = 0; i < countries.length; i++) {
        ArrayNode row = rows.addArray();
        row.add(countries[i]);
        for (String m : ms) {
          row.add(metrics.value(videoId, "analytics." + m + "." + countries[i], 0, 500 >> i));
        }
      }
    } else {
      return error(
          400,
          "INVALID_ARGUMENT",
          "global",
          "badRequest",
          "The query is not supported by the sandbox: dimensions=" + dims);
    }
    return SandboxResponse.json(200, out);
  }

  // ------------------------------------------------------------------ errors

  private static SandboxResponse error(
      int code, String status, String domain, String reason, String message) {
    ObjectNode root = NODES.objectNode();
    ObjectNode err = root.putObject("error");
    err.put("code", code);
    err.put("message", message);
    ObjectNode e = err.putArray("errors").addObject();
    e.put("message", message);
    e.put("domain", domain);
    e.put("reason", reason);
    if (status != null) {
      err.put("status", status);
    }
    return SandboxResponse.json(code, root);
  }

  private static SandboxResponse unauthorized(String reason, String shortMessage) {
    ObjectNode root = NODES.objectNode();
    ObjectNode err = root.putObject("error");
    err.put("code", 401);
    err.put(
        "message",
        "Request had invalid authentication credentials. Expected OAuth 2 access token,"
            + " login cookie or other valid authentication credential. See"
            + " https://developers.google.com/identity/sign-in/web/devconsole-project.");
    ObjectNode e = err.putArray("errors").addObject();
    e.put("message", shortMessage);
    e.put("domain", "global");
    e.put("reason", reason);
    e.put("location", "Authorization");
    e.put("locationType", "header");
    err.put("status", "UNAUTHENTICATED");
    return SandboxResponse.json(401, root)
        .header(
            "WWW-Authenticate",
            "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
  }

  private static SandboxResponse quotaExceeded() {
    // the real body has no "status" (observed, bperel/youtube-caption-indicator#1)
    ObjectNode root = NODES.objectNode();
    ObjectNode err = root.putObject("error");
    err.put("code", 403);
    err.put("message", QUOTA_MESSAGE);
    ObjectNode e = err.putArray("errors").addObject();
    e.put("message", QUOTA_MESSAGE);
    e.put("domain", "youtube.quota");
    e.put("reason", "quotaExceeded");
    return SandboxResponse.json(403, root);
  }

  private static SandboxResponse videoNotFound() {
    return error(
        404,
        "NOT_FOUND",
        "youtube.video",
        "videoNotFound",
        "The video that you are trying to access cannot be found.");
  }

  private static SandboxResponse commentNotFound() {
    return error(
        404,
        "NOT_FOUND",
        "youtube.comment",
        "commentNotFound",
        "One or more of the comments identified by the id parameter could not be found.");
  }
}
