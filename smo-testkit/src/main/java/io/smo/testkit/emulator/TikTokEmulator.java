package io.smo.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Platform;
import io.smo.testkit.Fault;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.spi.EmulatorContext;
import io.smo.testkit.spi.PlatformEmulator;
import io.smo.testkit.spi.RateWindow;
import io.smo.testkit.spi.SandboxRequest;
import io.smo.testkit.spi.SandboxResponse;
import io.smo.testkit.spi.SeededMetrics;
import io.smo.testkit.spi.TokenRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emulates TikTok's Content Posting API, Display API video query and Login Kit token endpoint (API
 * v2), with state, under {@code /tiktok/}:
 *
 * <ul>
 *   <li>{@code POST v2/oauth/token/}: code exchange and refresh with rotation (the previous refresh
 *       token stops working), flat token answers, OAuth error shape;
 *   <li>{@code POST v2/post/publish/creator_info/query/}: the creator's options (settable);
 *   <li>{@code POST v2/post/publish/video/init/}, {@code inbox/video/init/}: FILE_UPLOAD (checks
 *       {@code chunk_size} and {@code total_chunk_count} against the chunk rules, returns an {@code
 *       upload_url} into the sandbox) or PULL_FROM_URL (domains containing "unverified" give {@code
 *       url_ownership_unverified}); privacy level checked against creator_info;
 *   <li>{@code PUT upload/video/?upload_id=..&upload_token=..}: chunks in order with {@code
 *       Content-Range}, each of the announced size (the last with the trailing bytes); 206 until
 *       complete, then 201; wrong size, order or total give {@code invalid_file_upload};
 *   <li>{@code POST v2/post/publish/content/init/}: photo posts, PULL_FROM_URL only, 1 to 35
 *       images;
 *   <li>{@code POST v2/post/publish/status/fetch/}: PROCESSING_UPLOAD (with {@code uploaded_bytes})
 *       or PROCESSING_DOWNLOAD, then PUBLISH_COMPLETE with {@code publicaly_available_post_id}
 *       (inbox: SEND_TO_USER_INBOX), or FAILED with {@code fail_reason} after a
 *       MEDIA_PROCESSING_FAILURE fault;
 *   <li>{@code POST v2/video/query/?fields=..}: published videos with counts growing per read.
 * </ul>
 *
 * <p>Under {@code /tiktok/open_api/v1.3/}: the TikTok API for Business comment endpoints of an
 * owned Business account ({@link #BUSINESS_ID}, token in the {@code Access-Token} header from its
 * own registry): {@code business/video/list/}, {@code business/comment/list/} ({@code status},
 * {@code include_replies} with at most 3 replies, offset cursor, at most 30 per page), {@code
 * reply/list/}, {@code comment/create/} and {@code reply/create/} (text 1 to 150 characters),
 * {@code hide/} and {@code delete/} (own comments only), with seeded comments; every answer is HTTP
 * 200 with {@code {"code","message","request_id","data"}}, refusals with a non-zero code.
 *
 * <p>Every v2 answer uses the {@code {"data":{},"error":{"code","message","log_id"}}} envelope.
 * Rate limits per access token and endpoint per minute as documented (creator_info 20, each init 6,
 * status 30, video query 600): over the limit, HTTP 429 {@code rate_limit_exceeded}. TikTok
 * documents no rate-limit headers, so none are sent.
 *
 * <p>Faults: HTTP_429 (429 rate_limit_exceeded), HTTP_5XX (500 internal_error), EXPIRED_TOKEN (the
 * presented token is expired, 401 access_token_invalid), DUPLICATE_CONTENT (TikTok documents no
 * duplicate error; 403 {@code spam_risk_text}, its closest content refusal),
 * MEDIA_PROCESSING_FAILURE (the matching upload or init fails processing).
 */
public final class TikTokEmulator implements PlatformEmulator {
  /** The client key the token endpoint accepts. */
  public static final String CLIENT_KEY = "sbx-tiktok-client-key";

  /** The client secret the token endpoint accepts. */
  public static final String CLIENT_SECRET = "sbx-tiktok-client-secret";

  /** The creator's open_id. */
  public static final String OPEN_ID = "sbx-tiktok-open-id-0001";

  /** The Business account's {@code business_id} (the open_id of its Business API token). */
  public static final String BUSINESS_ID = "sbx-tiktok-business-id-0001";

  /** The TikTok API for Business app id the Business token endpoint accepts. */
  public static final String BUSINESS_APP_ID = "sbx-tiktok-business-app-id";

  /** The TikTok API for Business app secret the Business token endpoint accepts. */
  public static final String BUSINESS_APP_SECRET = "sbx-tiktok-business-app-secret";

  /** Path prefix of the TikTok API for Business below the platform prefix. */
  public static final String BUSINESS_PREFIX = "open_api/v1.3/";

  /** TikTok's chunk bounds (stricter reading of "MB"): min, max, max last, max count. */
  public static final long[] TIKTOK_CHUNK_RULES = {
    5L * 1024 * 1024, 64_000_000L, 128_000_000L, 1000
  };

  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
  private static final Set<String> PRIVACY =
      Set.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY");

  private final TokenRegistry tokens =
      new TokenRegistry("sbx-tiktok", 0, Duration.ofHours(24), true);
  private final Map<String, RateWindow> windows = new HashMap<>();
  private final Map<String, Publish> publishes = new LinkedHashMap<>();
  private final Map<String, Publish> byUpload = new HashMap<>();
  private final Map<String, Publish> videos = new LinkedHashMap<>();
  private final Map<String, Integer> reads = new HashMap<>();
  private final TokenRegistry businessTokens =
      new TokenRegistry("sbx-tiktok-business", 7, Duration.ofHours(24), true);
  private final Map<String, BizVideo> bizVideos = new LinkedHashMap<>();
  private final Map<String, BizComment> bizComments = new LinkedHashMap<>();
  private boolean bizSeeded;
  private long bizCommentCounter; // never reused, even after a delete
  private final Set<String> usedAuthCodes = new java.util.HashSet<>();
  private long[] chunkRules = TIKTOK_CHUNK_RULES.clone();
  private List<String> privacyOptions =
      List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
  private boolean commentDisabled;
  private boolean duetDisabled;
  private boolean stitchDisabled = true;
  private int maxDurationSec = 600;
  private int logCounter;
  private int refreshes;

  /** One initialised post. */
  private static final class Publish {
    String publishId;
    String source;
    String kind; // VIDEO or PHOTO
    boolean direct;
    long videoSize;
    long chunkSize;
    long chunkCount;
    long received;
    String uploadId;
    String uploadToken;
    boolean failing;
    int polls;
    String postId;
    String title;
    Instant created;
  }

  /** An owned video as the Business API sees it. */
  private static final class BizVideo {
    final String id;
    final String caption;
    final Instant created;

    BizVideo(String id, String caption, Instant created) {
      this.id = id;
      this.caption = caption;
      this.created = created;
    }
  }

  /** A comment or reply on an owned video. */
  private static final class BizComment {
    String id;
    String videoId;
    String parentId;
    String text;
    String username;
    String userId;
    boolean owner;
    boolean hidden;
    Instant created;
    long likes;
  }

  /** Creates the emulator (the sandbox does). */
  public TikTokEmulator() {}

  @Override
  public Platform platform() {
    return Platform.TIKTOK;
  }

  @Override
  public SandboxCredentials credentials() {
    return new SandboxCredentials(
        tokens.initialAccessToken(),
        tokens.initialRefreshToken(),
        CLIENT_KEY,
        CLIENT_SECRET,
        OPEN_ID,
        Map.of(
            "businessAccessToken", businessTokens.initialAccessToken(), "businessId", BUSINESS_ID));
  }

  // ---------------------------------------------------------------- test hooks

  /**
   * Issues a fresh access token with its own refresh token and rate-limit windows (test hook).
   *
   * @return {@code [accessToken, refreshToken]}
   */
  public synchronized String[] issueTokens() {
    TokenRegistry.Grant g = tokens.issue(Instant.now());
    return new String[] {g.accessToken, g.refreshToken};
  }

  /** Returns how many refresh grants succeeded (test hook). */
  public synchronized int refreshCount() {
    return refreshes;
  }

  /**
   * Sets the chunk bounds the upload endpoint enforces (test hook; TikTok's are {@link
   * #TIKTOK_CHUNK_RULES}). Lets tests exercise chunking with small files.
   */
  public synchronized void chunkRules(
      long minChunk, long maxChunk, long maxLastChunk, int maxChunks) {
    chunkRules = new long[] {minChunk, maxChunk, maxLastChunk, maxChunks};
  }

  /** Restores TikTok's chunk bounds (test hook). */
  public synchronized void resetChunkRules() {
    chunkRules = TIKTOK_CHUNK_RULES.clone();
  }

  /**
   * Sets what creator_info reports (test hook).
   *
   * @param privacyLevelOptions the privacy levels offered
   * @param comment whether comments are disabled
   * @param duet whether duets are disabled
   * @param stitch whether stitches are disabled
   * @param maxDurationSec the longest video in seconds
   */
  public synchronized void creator(
      List<String> privacyLevelOptions,
      boolean comment,
      boolean duet,
      boolean stitch,
      int maxDurationSec) {
    this.privacyOptions = List.copyOf(privacyLevelOptions);
    this.commentDisabled = comment;
    this.duetDisabled = duet;
    this.stitchDisabled = stitch;
    this.maxDurationSec = maxDurationSec;
  }

  /**
   * Restores the default creator (docs example: public, mutual friends, self only; stitch off; 600
   * s).
   */
  public synchronized void resetCreator() {
    creator(
        List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"),
        false,
        false,
        true,
        600);
  }

  // ---------------------------------------------------------------- dispatch

  @Override
  public synchronized SandboxResponse handle(SandboxRequest req, EmulatorContext ctx)
      throws Exception {
    if (req.is("POST", "v2/oauth/token")) {
      return token(req, ctx);
    }
    if (req.is("PUT", "upload/video")) {
      return upload(req, ctx);
    }
    if (isBusiness(req)) {
      return business(req, ctx);
    }
    String token = req.bearerToken().orElse(null);
    String problem = tokens.problem(token, ctx.now());
    if (problem != null) {
      return error(
          ctx,
          401,
          "access_token_invalid",
          "The access token is invalid or not found in the request.");
    }
    String endpoint;
    int limit;
    if (req.is("POST", "v2/post/publish/creator_info/query")) {
      endpoint = "creator_info";
      limit = 20;
    } else if (req.is("POST", "v2/post/publish/video/init")) {
      endpoint = "video_init";
      limit = 6;
    } else if (req.is("POST", "v2/post/publish/inbox/video/init")) {
      endpoint = "inbox_init";
      limit = 6;
    } else if (req.is("POST", "v2/post/publish/content/init")) {
      endpoint = "content_init";
      limit = 6;
    } else if (req.is("POST", "v2/post/publish/status/fetch")) {
      endpoint = "status";
      limit = 30;
    } else if (req.is("POST", "v2/video/query")) {
      endpoint = "video_query";
      limit = 600;
    } else if (req.is("GET", "v2/user/info")) {
      endpoint = "user_info";
      limit = 600;
    } else {
      return error(
          ctx, 404, "invalid_params", "Unknown endpoint " + req.method() + " " + req.path());
    }
    RateWindow w =
        windows.computeIfAbsent(
            token + "|" + endpoint, k -> new RateWindow(limit, Duration.ofMinutes(1)));
    if (!w.take(ctx.now())) {
      return rateLimited(ctx);
    }
    JsonNode body = req.json();
    return switch (endpoint) {
      case "creator_info" -> creatorInfo(ctx);
      case "video_init" -> videoInit(body, ctx, true);
      case "inbox_init" -> videoInit(body, ctx, false);
      case "content_init" -> contentInit(body, ctx);
      case "status" -> status(body, ctx);
      case "user_info" -> userInfo(req, ctx);
      default -> videoQuery(req, body, ctx);
    };
  }

  @Override
  public synchronized SandboxResponse faultResponse(
      Fault.Kind kind, SandboxRequest req, EmulatorContext ctx) {
    if (isBusiness(req)) {
      return switch (kind) {
        case HTTP_429 -> bizError(ctx, 40100, "Too many requests. Please retry in some time.");
        case HTTP_5XX -> bizError(ctx, 50000, "Internal error. Please try again later.");
        case EXPIRED_TOKEN -> {
          req.header("Access-Token").ifPresent(businessTokens::expire);
          yield bizError(ctx, 40105, "Access token is incorrect or has been revoked.");
        }
        default -> null;
      };
    }
    return switch (kind) {
      case HTTP_429 -> rateLimited(ctx);
      case HTTP_5XX ->
          error(ctx, 500, "internal_error", "Something went wrong. Please try again later.");
      case EXPIRED_TOKEN -> {
        req.bearerToken().ifPresent(tokens::expire);
        yield error(
            ctx,
            401,
            "access_token_invalid",
            "The access token is invalid or not found in the request.");
      }
      case DUPLICATE_CONTENT ->
          error(
              ctx, 403, "spam_risk_text", "The post was flagged as spam risk (repeated content).");
      default -> null;
    };
  }

  // ---------------------------------------------------------------- oauth

  private SandboxResponse token(SandboxRequest req, EmulatorContext ctx) {
    String key = req.param("client_key").orElse(null);
    String secret = req.param("client_secret").orElse(null);
    if (!CLIENT_KEY.equals(key) || !CLIENT_SECRET.equals(secret)) {
      return oauthError(ctx, "invalid_client", "Client key or secret is incorrect.");
    }
    String grant = req.param("grant_type").orElse("");
    TokenRegistry.Grant g;
    if (grant.equals("refresh_token")) {
      g = tokens.refresh(req.param("refresh_token").orElse(null), ctx.now());
      if (g == null) {
        return oauthError(ctx, "invalid_grant", "Refresh token is invalid or expired.");
      }
      refreshes++;
    } else if (grant.equals("authorization_code")) {
      if (req.param("code").filter(c -> !c.isBlank()).isEmpty()) {
        return oauthError(ctx, "invalid_request", "Missing code.");
      }
      g = tokens.issue(ctx.now());
    } else {
      return oauthError(ctx, "unsupported_grant_type", "Unsupported grant_type.");
    }
    ObjectNode o = json(ctx);
    o.put("access_token", g.accessToken);
    o.put("expires_in", g.expiresIn);
    o.put("open_id", OPEN_ID);
    o.put("refresh_expires_in", 31_536_000);
    o.put("refresh_token", g.refreshToken);
    o.put("scope", "user.info.basic,video.publish,video.upload,video.list");
    o.put("token_type", "Bearer");
    return SandboxResponse.json(200, o);
  }

  private SandboxResponse oauthError(EmulatorContext ctx, String error, String description) {
    ObjectNode o = json(ctx);
    o.put("error", error);
    o.put("error_description", description);
    o.put("log_id", logId(ctx));
    return SandboxResponse.json(400, o);
  }

  // ---------------------------------------------------------------- posting

  /**
   * {@code GET /v2/user/info/?fields=...}: only the fields asked for, shaped as TikTok's Display
   * API documents them ({@code data.user}); stats need scope {@code user.info.stats}, which the
   * sandbox grants.
   */
  private SandboxResponse userInfo(SandboxRequest req, EmulatorContext ctx) {
    String fields = req.param("fields").orElse("");
    if (fields.isBlank()) {
      return error(ctx, 400, "invalid_params", "fields is required.");
    }
    ObjectNode all = json(ctx);
    all.put("open_id", OPEN_ID);
    all.put("union_id", "sbx-tiktok-union-id-0001");
    all.put("avatar_url", "https://p16-sign.tiktokcdn-us.com/sbx/avatar.jpeg");
    all.put("display_name", "Sandbox Creator");
    all.put("username", "sbx_creator");
    all.put("follower_count", 5300 + Math.floorMod(ctx.seed(), 800));
    all.put("following_count", 95);
    all.put("likes_count", 48_000);
    all.put("video_count", 12 + videos.size());
    ObjectNode user = json(ctx);
    for (String f : fields.split(",", -1)) {
      JsonNode v = all.get(f.trim());
      if (v != null) {
        user.set(f.trim(), v);
      }
    }
    ObjectNode d = json(ctx);
    d.set("user", user);
    return ok(ctx, d);
  }

  private SandboxResponse creatorInfo(EmulatorContext ctx) {
    ObjectNode d = json(ctx);
    d.put("creator_avatar_url", "https://p16-sign.tiktokcdn-us.com/sbx/avatar.jpeg");
    d.put("creator_username", "sbx_creator");
    d.put("creator_nickname", "Sandbox Creator");
    ArrayNode opts = d.putArray("privacy_level_options");
    privacyOptions.forEach(opts::add);
    d.put("comment_disabled", commentDisabled);
    d.put("duet_disabled", duetDisabled);
    d.put("stitch_disabled", stitchDisabled);
    d.put("max_video_post_duration_sec", maxDurationSec);
    return ok(ctx, d);
  }

  private SandboxResponse videoInit(JsonNode body, EmulatorContext ctx, boolean direct) {
    if (!body.isObject()) {
      return error(ctx, 400, "invalid_params", "Request body must be JSON.");
    }
    JsonNode post = body.path("post_info");
    if (direct) {
      String privacy = post.path("privacy_level").asText("");
      if (privacy.isEmpty() || !PRIVACY.contains(privacy)) {
        return error(ctx, 400, "invalid_params", "post_info.privacy_level is required.");
      }
      if (!privacyOptions.contains(privacy)) {
        return error(
            ctx,
            400,
            "privacy_level_option_mismatch",
            "privacy_level is not one of the creator's privacy_level_options.");
      }
      if (post.path("title").asText("").length() > 2200) {
        return error(ctx, 400, "invalid_params", "title is too long.");
      }
    } else if (body.has("post_info")) {
      return error(ctx, 400, "invalid_params", "post_info is not accepted by inbox upload.");
    }
    JsonNode src = body.path("source_info");
    String source = src.path("source").asText("");
    Publish p = new Publish();
    p.kind = "VIDEO";
    p.direct = direct;
    p.source = source;
    p.title = post.path("title").asText("");
    p.created = ctx.now();
    String id = ctx.nextId();
    if (source.equals("FILE_UPLOAD")) {
      long size = src.path("video_size").asLong(-1);
      long chunk = src.path("chunk_size").asLong(-1);
      long count = src.path("total_chunk_count").asLong(-1);
      String bad = checkPlan(size, chunk, count);
      if (bad != null) {
        return error(ctx, 400, "invalid_params", bad);
      }
      p.videoSize = size;
      p.chunkSize = chunk;
      p.chunkCount = count;
      p.publishId = "v_pub_file~v2-1." + id;
      p.uploadId = id;
      p.uploadToken = "sbx-upload-" + Long.toHexString(ctx.seed() ^ Long.parseLong(id));
      byUpload.put(p.uploadId, p);
    } else if (source.equals("PULL_FROM_URL")) {
      String url = src.path("video_url").asText("");
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        return error(ctx, 400, "invalid_params", "source_info.video_url is required.");
      }
      if (url.contains("unverified")) {
        return error(
            ctx,
            403,
            "url_ownership_unverified",
            "The domain or URL prefix of video_url is not verified.");
      }
      p.publishId = "v_pub_url~v2-1." + id;
    } else {
      return error(
          ctx, 400, "invalid_params", "source_info.source must be FILE_UPLOAD or PULL_FROM_URL.");
    }
    p.failing = ctx.activeFault().filter(k -> k == Fault.Kind.MEDIA_PROCESSING_FAILURE).isPresent();
    publishes.put(p.publishId, p);
    ObjectNode d = json(ctx);
    d.put("publish_id", p.publishId);
    if (p.uploadId != null) {
      d.put(
          "upload_url",
          ctx.baseUrl()
              + "upload/video/?upload_id="
              + p.uploadId
              + "&upload_token="
              + p.uploadToken);
    }
    ctx.recordCreated("post", p.publishId, body);
    return ok(ctx, d);
  }

  private String checkPlan(long size, long chunk, long count) {
    long min = chunkRules[0];
    long max = chunkRules[1];
    long maxLast = chunkRules[2];
    long maxCount = chunkRules[3];
    if (size < 1 || chunk < 1 || count < 1) {
      return "video_size, chunk_size and total_chunk_count are required for FILE_UPLOAD.";
    }
    if (size < min) {
      return chunk == size && count == 1
          ? null
          : "a video under the minimum chunk size must be uploaded whole (chunk_size = video_size).";
    }
    if (count != size / chunk) {
      return "total_chunk_count must be floor(video_size / chunk_size).";
    }
    if (count > maxCount) {
      return "total_chunk_count must be at most " + maxCount + ".";
    }
    if (count == 1) {
      return size <= max ? null : "a video over the maximum chunk size must be uploaded in chunks.";
    }
    long last = size - (count - 1) * chunk;
    if (chunk < min || chunk > max || last > maxLast) {
      return "chunk_size must be between "
          + min
          + " and "
          + max
          + " bytes (last chunk up to "
          + maxLast
          + ").";
    }
    return null;
  }

  private SandboxResponse upload(SandboxRequest req, EmulatorContext ctx) {
    Publish p = byUpload.get(req.param("upload_id").orElse(""));
    if (p == null || !p.uploadToken.equals(req.param("upload_token").orElse(""))) {
      return error(ctx, 403, "invalid_params", "upload_id or upload_token is invalid.");
    }
    if (!req.header("content-type").orElse("").startsWith("video/")) {
      return error(
          ctx,
          400,
          "invalid_file_upload",
          "Content-Type must be video/mp4, video/quicktime or video/webm.");
    }
    Matcher m = RANGE.matcher(req.header("content-range").orElse(""));
    if (!m.matches()) {
      return error(ctx, 400, "invalid_file_upload", "Content-Range is missing or malformed.");
    }
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    long total = Long.parseLong(m.group(3));
    long length = last - first + 1;
    if (total != p.videoSize) {
      return error(ctx, 400, "invalid_file_upload", "Content-Range total differs from video_size.");
    }
    if (first != p.received) {
      return error(
          ctx,
          400,
          "invalid_file_upload",
          "Chunks must be uploaded in order: expected first byte " + p.received + ".");
    }
    long index = first / p.chunkSize;
    long expected =
        index == p.chunkCount - 1 ? p.videoSize - (p.chunkCount - 1) * p.chunkSize : p.chunkSize;
    if (first % p.chunkSize != 0 || index >= p.chunkCount || length != expected) {
      return error(
          ctx, 400, "invalid_file_upload", "Chunk " + index + " must be " + expected + " bytes.");
    }
    if (req.body().length != length) {
      return error(ctx, 400, "invalid_file_upload", "Content-Length differs from Content-Range.");
    }
    if (ctx.activeFault().filter(k -> k == Fault.Kind.MEDIA_PROCESSING_FAILURE).isPresent()) {
      p.failing = true;
    }
    p.received = last + 1;
    return SandboxResponse.empty(p.received >= p.videoSize ? 201 : 206);
  }

  private SandboxResponse contentInit(JsonNode body, EmulatorContext ctx) {
    if (!"PHOTO".equals(body.path("media_type").asText())) {
      return error(ctx, 400, "invalid_params", "media_type must be PHOTO.");
    }
    String mode = body.path("post_mode").asText("");
    if (!mode.equals("DIRECT_POST") && !mode.equals("MEDIA_UPLOAD")) {
      return error(ctx, 400, "invalid_params", "post_mode must be DIRECT_POST or MEDIA_UPLOAD.");
    }
    JsonNode post = body.path("post_info");
    boolean direct = mode.equals("DIRECT_POST");
    if (direct) {
      String privacy = post.path("privacy_level").asText("");
      if (!PRIVACY.contains(privacy)) {
        return error(ctx, 400, "invalid_params", "post_info.privacy_level is required.");
      }
      if (!privacyOptions.contains(privacy)) {
        return error(
            ctx,
            400,
            "privacy_level_option_mismatch",
            "privacy_level is not one of the creator's privacy_level_options.");
      }
    }
    if (post.path("title").asText("").length() > 90
        || post.path("description").asText("").length() > 4000) {
      return error(ctx, 400, "invalid_params", "title or description is too long.");
    }
    JsonNode src = body.path("source_info");
    if (!"PULL_FROM_URL".equals(src.path("source").asText())) {
      return error(ctx, 400, "invalid_params", "photo posts support source PULL_FROM_URL only.");
    }
    JsonNode images = src.path("photo_images");
    if (!images.isArray() || images.size() < 1 || images.size() > 35) {
      return error(ctx, 400, "invalid_params", "photo_images must hold 1 to 35 URLs.");
    }
    int cover = src.path("photo_cover_index").asInt(0);
    if (cover < 0 || cover >= images.size()) {
      return error(ctx, 400, "invalid_params", "photo_cover_index is out of range.");
    }
    for (JsonNode u : images) {
      if (u.asText("").contains("unverified")) {
        return error(
            ctx,
            403,
            "url_ownership_unverified",
            "The domain or URL prefix of photo_images is not verified.");
      }
    }
    Publish p = new Publish();
    p.kind = "PHOTO";
    p.direct = direct;
    p.source = "PULL_FROM_URL";
    p.title = post.path("description").asText(post.path("title").asText(""));
    p.created = ctx.now();
    p.publishId = "p_pub_url~v2." + ctx.nextId();
    p.failing = ctx.activeFault().filter(k -> k == Fault.Kind.MEDIA_PROCESSING_FAILURE).isPresent();
    publishes.put(p.publishId, p);
    ObjectNode d = json(ctx);
    d.put("publish_id", p.publishId);
    ctx.recordCreated("post", p.publishId, body);
    return ok(ctx, d);
  }

  private SandboxResponse status(JsonNode body, EmulatorContext ctx) {
    Publish p = publishes.get(body.path("publish_id").asText(""));
    if (p == null) {
      return error(ctx, 400, "invalid_params", "publish_id is invalid.");
    }
    ObjectNode d = json(ctx);
    ArrayNode ids = json(ctx).arrayNode();
    boolean file = p.source.equals("FILE_UPLOAD");
    if (file && p.received < p.videoSize) {
      d.put("status", "PROCESSING_UPLOAD");
    } else if (p.polls++ == 0) {
      d.put("status", file ? "PROCESSING_UPLOAD" : "PROCESSING_DOWNLOAD");
    } else if (p.failing) {
      d.put("status", "FAILED");
      d.put(
          "fail_reason",
          p.kind.equals("PHOTO") ? "picture_size_check_failed" : "file_format_check_failed");
    } else if (!p.direct) {
      d.put("status", "SEND_TO_USER_INBOX");
    } else {
      if (p.postId == null) {
        p.postId = ctx.nextId();
        videos.put(p.postId, p);
      }
      d.put("status", "PUBLISH_COMPLETE");
      ids.add(new java.math.BigInteger(p.postId));
    }
    if (!d.has("fail_reason")) {
      d.put("fail_reason", "");
    }
    d.set("publicaly_available_post_id", ids);
    d.put("uploaded_bytes", file ? p.received : 0);
    if (!file && p.polls > 0) {
      d.put("downloaded_bytes", 1_048_576);
    }
    return ok(ctx, d);
  }

  private SandboxResponse videoQuery(SandboxRequest req, JsonNode body, EmulatorContext ctx) {
    String fields = req.query().containsKey("fields") ? req.query().get("fields").get(0) : "";
    if (fields.isBlank()) {
      return error(ctx, 400, "invalid_params", "fields is required.");
    }
    JsonNode idsNode = body.path("filters").path("video_ids");
    if (!idsNode.isArray() || idsNode.size() < 1 || idsNode.size() > 20) {
      return error(ctx, 400, "invalid_params", "filters.video_ids must hold 1 to 20 ids.");
    }
    Set<String> want = Set.of(fields.split(","));
    SeededMetrics sm = new SeededMetrics(ctx.seed());
    ObjectNode d = json(ctx);
    ArrayNode out = d.putArray("videos");
    for (JsonNode idNode : idsNode) {
      String id = idNode.asText();
      Publish p = videos.get(id);
      if (p == null) {
        continue;
      }
      int n = reads.merge(id, 1, Integer::sum) - 1;
      ObjectNode v = out.addObject();
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("id", id);
      all.put("title", p.title);
      all.put("create_time", p.created.getEpochSecond());
      all.put("share_url", "https://www.tiktok.com/@sbx_creator/video/" + id);
      all.put("view_count", sm.value(id, "view_count", n, 1000));
      all.put("like_count", sm.value(id, "like_count", n, 100));
      all.put("comment_count", sm.value(id, "comment_count", n, 10));
      all.put("share_count", sm.value(id, "share_count", n, 10));
      all.forEach(
          (k, val) -> {
            if (want.contains(k)) {
              v.putPOJO(k, val);
            }
          });
    }
    d.put("cursor", 0);
    d.put("has_more", false);
    return ok(ctx, d);
  }

  // ---------------------------------------------------------------- TikTok API for Business

  /**
   * Adds a comment by a TikTok user to an owned video, as if it had just been written (test hook).
   *
   * @param videoId the video (one of {@link #businessVideoIds()})
   * @param text the text
   * @param username the author's username
   * @return the comment id
   */
  public synchronized String addBusinessComment(String videoId, String text, String username) {
    seedBusiness(Instant.now());
    if (!bizVideos.containsKey(videoId)) {
      throw new IllegalArgumentException("not an owned video: " + videoId);
    }
    BizComment c = comment(videoId, null, text, username, false, Instant.now());
    return c.id;
  }

  /** Returns the owned videos' ids, newest first (test hook). */
  public synchronized List<String> businessVideoIds() {
    seedBusiness(Instant.now());
    List<String> ids = new ArrayList<>(bizVideos.keySet());
    java.util.Collections.reverse(ids);
    return ids;
  }

  /** Returns whether a comment is hidden, or {@code null} when it does not exist (test hook). */
  public synchronized Boolean businessCommentHidden(String commentId) {
    BizComment c = bizComments.get(commentId);
    return c == null ? null : c.hidden;
  }

  /** Returns the texts of the owner's replies to a comment, oldest first (test hook). */
  public synchronized List<String> businessOwnerReplies(String commentId) {
    List<String> out = new ArrayList<>();
    for (BizComment c : bizComments.values()) {
      if (c.owner && commentId.equals(c.parentId)) {
        out.add(c.text);
      }
    }
    return out;
  }

  private BizComment comment(
      String videoId, String parentId, String text, String username, boolean owner, Instant at) {
    BizComment c = new BizComment();
    c.id = "7" + String.format(Locale.ROOT, "%018d", 110150495453840130L + ++bizCommentCounter);
    c.videoId = videoId;
    c.parentId = parentId;
    c.text = text;
    c.username = owner ? "sbx_business" : username;
    c.userId = Integer.toHexString(("u:" + c.username).hashCode()) + "e8dcebcf493e035b820f5be48344";
    c.owner = owner;
    c.created = at;
    bizComments.put(c.id, c);
    return c;
  }

  /**
   * Seeds two owned videos with comments written in the hour before the first Business API call:
   * the shapes of the answer examples in sns-sdks/python-tiktok's business_account docs (comment
   * ids of 19 digits, hex user ids, string create_time in lists). One comment has 4 replies (more
   * than the 3 {@code include_replies} returns, so reply/list is needed), one is hidden, one is
   * answered by the owner.
   */
  private void seedBusiness(Instant now) {
    if (bizSeeded) {
      return;
    }
    bizSeeded = true;
    String[][] videos = {
      {"7109065174526479622", "Summer drop teaser", "7200"},
      {"7108684822863760646", "Behind the scenes", "3900"}
    };
    for (String[] v : videos) {
      bizVideos.put(
          v[0], new BizVideo(v[0], v[1], now.minusSeconds(Long.parseLong(v[2]) + 86_400)));
    }
    String a = videos[1][0];
    String b = videos[0][0];
    BizComment q =
        comment(
            a, null, "Where can I buy this?", "phoenix202312121", false, now.minusSeconds(3300));
    comment(a, q.id, "Link in bio!", null, true, now.minusSeconds(3000));
    comment(a, null, "nice", "klein_kunkun", false, now.minusSeconds(2900)).hidden = false;
    BizComment busy =
        comment(b, null, "Is it waterproof?", "rainy_day_runner", false, now.minusSeconds(2400));
    for (int i = 1; i <= 4; i++) {
      comment(
          b, busy.id, "same question " + i, "fan_" + i, false, now.minusSeconds(2400 - 60L * i));
    }
    comment(b, null, "buy followers at spam.example", "spam_bot_99", false, now.minusSeconds(1800))
            .hidden =
        true;
  }

  private SandboxResponse business(SandboxRequest req, EmulatorContext ctx) throws Exception {
    String full = String.join("/", req.segments()).substring(BUSINESS_PREFIX.length());
    if (req.method().equals("POST") && full.startsWith("tt_user/oauth2/")) {
      return businessToken(req.json(), full.endsWith("refresh_token"), ctx);
    }
    String token = req.header("Access-Token").orElse(null);
    if (tokenProblem(token, ctx)) {
      return bizError(ctx, 40105, "Access token is incorrect or has been revoked.");
    }
    seedBusiness(ctx.now());
    String path = String.join("/", req.segments()).substring(BUSINESS_PREFIX.length());
    boolean write = req.method().equals("POST");
    RateWindow w =
        windows.computeIfAbsent(
            token + "|business-" + (write ? "write" : "read"),
            k -> new RateWindow(write ? 120 : 600, Duration.ofMinutes(1)));
    if (!w.take(ctx.now())) {
      return bizError(ctx, 40100, "Too many requests. Please retry in some time.");
    }
    JsonNode body = write ? req.json() : null;
    String businessId =
        write ? body.path("business_id").asText("") : req.param("business_id").orElse("");
    if (!BUSINESS_ID.equals(businessId)) {
      return bizError(ctx, 40001, "business_id is invalid or not authorized by this token.");
    }
    return switch (req.method() + " " + path) {
      case "GET business/video/list" -> bizVideos(req, ctx);
      case "GET business/comment/list" -> bizComments(req, ctx, false);
      case "GET business/comment/reply/list" -> bizComments(req, ctx, true);
      case "POST business/comment/create" -> bizCreate(body, ctx, false);
      case "POST business/comment/reply/create" -> bizCreate(body, ctx, true);
      case "POST business/comment/hide" -> bizHide(body, ctx);
      case "POST business/comment/delete" -> bizDelete(body, ctx);
      default -> bizError(ctx, 40002, "Unknown endpoint " + req.method() + " " + req.path());
    };
  }

  private static boolean isBusiness(SandboxRequest req) {
    return (String.join("/", req.segments()) + "/").startsWith(BUSINESS_PREFIX);
  }

  /**
   * {@code tt_user/oauth2/token/} (authorization code, single use) and {@code
   * tt_user/oauth2/refresh_token/} (rotating): JSON bodies, the answer shape of sns-sdks/python-
   * tiktok's {@code token_resp.json}; refusals with the Business envelope (40110 for a bad code, as
   * read in third-party code; 40101 for a wrong app id or secret).
   */
  private SandboxResponse businessToken(JsonNode body, boolean refresh, EmulatorContext ctx) {
    if (!BUSINESS_APP_ID.equals(body.path("client_id").asText())
        || !BUSINESS_APP_SECRET.equals(body.path("client_secret").asText())) {
      return bizError(ctx, 40101, "The combination of app_id and secret is invalid.");
    }
    TokenRegistry.Grant g;
    if (refresh) {
      if (!"refresh_token".equals(body.path("grant_type").asText())) {
        return bizError(ctx, 40002, "grant_type must be refresh_token.");
      }
      g = businessTokens.refresh(body.path("refresh_token").asText(null), ctx.now());
      if (g == null) {
        return bizError(ctx, 40104, "The refresh token is invalid or expired.");
      }
    } else {
      String code = body.path("auth_code").asText("");
      if (!"authorization_code".equals(body.path("grant_type").asText())
          || body.path("redirect_uri").asText("").isBlank()) {
        return bizError(ctx, 40002, "grant_type and redirect_uri are required.");
      }
      if (code.isBlank() || !usedAuthCodes.add(code)) {
        return bizError(ctx, 40110, "The auth_code is invalid or has been used.");
      }
      g = businessTokens.issue(ctx.now());
    }
    ObjectNode d = json(ctx);
    d.put("access_token", g.accessToken);
    d.put("expires_in", g.expiresIn);
    d.put("open_id", BUSINESS_ID);
    d.put("refresh_token", g.refreshToken);
    d.put("refresh_token_expires_in", 31_536_000);
    d.put(
        "scope",
        "video.publish,comment.list.manage,video.insights,video.list,user.insights,"
            + "user.info.basic,user.info.username,comment.list,user.account.type,user.info.stats");
    d.put("token_type", "Bearer");
    return bizOk(ctx, d);
  }

  private boolean tokenProblem(String token, EmulatorContext ctx) {
    return token == null || businessTokens.problem(token, ctx.now()) != null;
  }

  private SandboxResponse bizVideos(SandboxRequest req, EmulatorContext ctx) {
    int max = intParam(req, "max_count", 10);
    if (max < 1 || max > 20) {
      return bizError(ctx, 40002, "max_count must be between 1 and 20.");
    }
    long cursor = req.param("cursor").map(Long::parseLong).orElse(Long.MAX_VALUE);
    String fields = req.param("fields").orElse("[\"item_id\"]");
    for (Publish p : videos.values()) { // posts published through the Content Posting API
      if (p.postId != null) {
        ownedVideo(p.postId);
      }
    }
    List<BizVideo> all = new ArrayList<>(bizVideos.values());
    all.sort((x, y) -> y.created.compareTo(x.created));
    ObjectNode d = json(ctx);
    ArrayNode out = d.putArray("videos");
    long next = 0;
    int n = 0;
    boolean more = false;
    for (BizVideo v : all) {
      if (v.created.toEpochMilli() >= cursor) {
        continue;
      }
      if (n == max) {
        more = true;
        break;
      }
      ObjectNode o = out.addObject();
      o.put("item_id", v.id);
      if (fields.contains("create_time")) {
        o.put("create_time", v.created.getEpochSecond());
      }
      if (fields.contains("caption")) {
        o.put("caption", v.caption);
      }
      if (fields.contains("\"comments\"")) { // the video's comments, replies included
        o.put(
            "comments", bizComments.values().stream().filter(c -> c.videoId.equals(v.id)).count());
      }
      next = v.created.toEpochMilli();
      n++;
    }
    d.put("has_more", more);
    d.put("cursor", next);
    return bizOk(ctx, d);
  }

  private SandboxResponse bizComments(SandboxRequest req, EmulatorContext ctx, boolean replies) {
    String videoId = req.param("video_id").orElse("");
    if (!ownedVideo(videoId)) {
      return bizError(ctx, 40002, "video_id is not an owned video of this account.");
    }
    String parent = replies ? req.param("comment_id").orElse("") : null;
    if (replies && !bizComments.containsKey(parent)) {
      return bizError(ctx, 40002, "comment_id does not exist.");
    }
    int max = intParam(req, "max_count", 20);
    if (max < 1 || max > 30) {
      return bizError(ctx, 40002, "max_count must be between 1 and 30.");
    }
    String status = req.param("status").orElse("ALL");
    if (!status.equals("ALL") && !status.equals("PUBLIC")) {
      return bizError(ctx, 40002, "status must be PUBLIC or ALL.");
    }
    boolean withReplies = !replies && req.param("include_replies").orElse("false").equals("true");
    int offset = (int) req.param("cursor").map(Long::parseLong).orElse(0L).longValue();
    List<BizComment> list = new ArrayList<>();
    for (BizComment c : bizComments.values()) {
      boolean level = replies ? parent.equals(c.parentId) : c.parentId == null;
      if (level && c.videoId.equals(videoId) && (status.equals("ALL") || !c.hidden)) {
        list.add(c);
      }
    }
    ObjectNode d = json(ctx);
    ArrayNode out = d.putArray("comments");
    int end = Math.min(list.size(), offset + max);
    for (int i = offset; i < end; i++) {
      BizComment c = list.get(i);
      ObjectNode o = commentJson(ctx, c, true);
      if (withReplies) {
        List<BizComment> rs = new ArrayList<>();
        for (BizComment r : bizComments.values()) {
          if (c.id.equals(r.parentId) && (status.equals("ALL") || !r.hidden)) {
            rs.add(r);
          }
        }
        if (!rs.isEmpty()) {
          ArrayNode ra = o.putArray("reply_list");
          rs.stream().limit(3).forEach(r -> ra.add(commentJson(ctx, r, true)));
        }
      }
      out.add(o);
    }
    d.put("has_more", end < list.size());
    d.put("cursor", end);
    return bizOk(ctx, d);
  }

  private ObjectNode commentJson(EmulatorContext ctx, BizComment c, boolean listed) {
    ObjectNode o = json(ctx);
    o.put("comment_id", c.id);
    o.put("video_id", c.videoId);
    o.put("user_id", c.userId);
    o.put("unique_identifier", "+" + c.userId.substring(0, 12) + "/" + c.username);
    if (listed) {
      o.put("create_time", String.valueOf(c.created.getEpochSecond())); // a string in lists
    } else {
      o.put("create_time", c.created.getEpochSecond());
    }
    o.put("text", c.text);
    o.put("likes", c.likes);
    if (c.parentId == null) {
      long n = bizComments.values().stream().filter(r -> c.id.equals(r.parentId)).count();
      o.put("replies", n);
    } else {
      o.put("parent_comment_id", c.parentId);
    }
    o.put("owner", c.owner);
    o.put("liked", false);
    o.put("pinned", false);
    o.put("status", c.hidden ? "HIDDEN" : "PUBLIC");
    o.put("username", c.username);
    o.put("display_name", c.username);
    o.put(
        "profile_image",
        "https://p16-sign-sg.tiktokcdn.com/tiktok-obj/sbx~c5_168x168.jpeg?x-expires=1656831600");
    return o;
  }

  private SandboxResponse bizCreate(JsonNode body, EmulatorContext ctx, boolean reply) {
    String videoId = body.path("video_id").asText("");
    if (!ownedVideo(videoId)) {
      return bizError(ctx, 40002, "video_id is not an owned video of this account.");
    }
    String text = body.path("text").asText("");
    if (text.isBlank()) {
      return bizError(ctx, 40002, "text is required.");
    }
    if (text.length() > 150) {
      return bizError(ctx, 40002, "text exceeds 150 characters.");
    }
    String parent = null;
    if (reply) {
      parent = body.path("comment_id").asText("");
      BizComment p = bizComments.get(parent);
      if (p == null || !p.videoId.equals(videoId)) {
        return bizError(ctx, 40002, "comment_id does not exist on this video.");
      }
      if (p.parentId != null) {
        parent = p.parentId; // a reply to a reply joins its thread
      }
    }
    BizComment c = comment(videoId, parent, text, null, true, ctx.now());
    ObjectNode d = json(ctx);
    d.put("comment_id", c.id);
    d.put("video_id", c.videoId);
    d.put("create_time", c.created.getEpochSecond());
    d.put("text", c.text);
    return bizOk(ctx, d);
  }

  private SandboxResponse bizHide(JsonNode body, EmulatorContext ctx) {
    BizComment c = bizComments.get(body.path("comment_id").asText(""));
    if (c == null || !c.videoId.equals(body.path("video_id").asText(""))) {
      return bizError(ctx, 40002, "comment_id does not exist on this video.");
    }
    String action = body.path("action").asText("");
    if (!action.equals("HIDE") && !action.equals("UNHIDE")) {
      return bizError(ctx, 40002, "action must be HIDE or UNHIDE.");
    }
    c.hidden = action.equals("HIDE");
    return bizOk(ctx, json(ctx));
  }

  private SandboxResponse bizDelete(JsonNode body, EmulatorContext ctx) {
    BizComment c = bizComments.get(body.path("comment_id").asText(""));
    if (c == null) {
      return bizError(ctx, 40002, "comment_id does not exist.");
    }
    if (!c.owner) {
      return bizError(ctx, 40002, "Only comments created by the account can be deleted.");
    }
    bizComments.remove(c.id);
    bizComments.values().removeIf(r -> c.id.equals(r.parentId));
    return bizOk(ctx, json(ctx));
  }

  private boolean ownedVideo(String id) {
    if (bizVideos.containsKey(id)) {
      return true;
    }
    if (videos.containsKey(id)) { // published through the Content Posting API
      Publish p = videos.get(id);
      bizVideos.put(id, new BizVideo(id, p.title, p.created));
      return true;
    }
    return false;
  }

  private static int intParam(SandboxRequest req, String name, int dflt) {
    try {
      return req.param(name).map(Integer::parseInt).orElse(dflt);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private SandboxResponse bizOk(EmulatorContext ctx, ObjectNode data) {
    ObjectNode root = json(ctx);
    root.put("code", 0);
    root.put("message", "OK");
    root.put("request_id", logId(ctx));
    root.set("data", data);
    return SandboxResponse.json(200, root);
  }

  /**
   * A Business API refusal: HTTP 200 with a non-zero {@code code}. 40100 (rate limit) and 40105
   * (token) are TikTok's codes as read in third-party code; 40001, 40002 and 50000 are the
   * sandbox's stand-ins for parameter and server errors, whose exact codes are not in our sources.
   */
  private SandboxResponse bizError(EmulatorContext ctx, long code, String message) {
    ObjectNode root = json(ctx);
    root.put("code", code);
    root.put("message", message);
    root.put("request_id", logId(ctx));
    root.putObject("data");
    return SandboxResponse.json(200, root);
  }

  // ---------------------------------------------------------------- envelopes

  private SandboxResponse rateLimited(EmulatorContext ctx) {
    return error(
        ctx, 429, "rate_limit_exceeded", "API rate limit was exceeded, please try again later.");
  }

  private ObjectNode json(EmulatorContext ctx) {
    ObjectMapper m = ctx.json();
    return m.createObjectNode();
  }

  private String logId(EmulatorContext ctx) {
    return LOG_TIME.format(ctx.now()) + String.format(Locale.ROOT, "%020X", ++logCounter);
  }

  private SandboxResponse ok(EmulatorContext ctx, ObjectNode data) {
    ObjectNode root = json(ctx);
    root.set("data", data);
    ObjectNode e = root.putObject("error");
    e.put("code", "ok");
    e.put("message", "");
    e.put("log_id", logId(ctx));
    return SandboxResponse.json(200, root);
  }

  private SandboxResponse error(EmulatorContext ctx, int status, String code, String message) {
    ObjectNode root = json(ctx);
    root.putObject("data");
    ObjectNode e = root.putObject("error");
    e.put("code", code);
    e.put("message", message);
    e.put("log_id", logId(ctx));
    return SandboxResponse.json(status, root);
  }

  /** Returns the publish ids initialised so far, oldest first (test hook). */
  public synchronized List<String> publishIds() {
    return new ArrayList<>(publishes.keySet());
  }
}
