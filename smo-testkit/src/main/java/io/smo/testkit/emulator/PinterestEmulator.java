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
import io.smo.testkit.spi.OpenApiRequestValidator;
import io.smo.testkit.spi.PlatformEmulator;
import io.smo.testkit.spi.RateWindow;
import io.smo.testkit.spi.SandboxRequest;
import io.smo.testkit.spi.SandboxResponse;
import io.smo.testkit.spi.SeededMetrics;
import io.smo.testkit.spi.TokenRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Emulates Pinterest API v5 with state, on the paths the SDK uses (below {@code /pinterest/}):
 *
 * <ul>
 *   <li>{@code POST /v5/oauth/token} (HTTP Basic client auth; {@code authorization_code} and {@code
 *       refresh_token} grants, rotating continuous refresh tokens);
 *   <li>{@code POST /v5/pins}, {@code GET|DELETE /v5/pins/{id}} with the Pin fields, limits and
 *       {@code media_source} variants of OpenAPI 5.23;
 *   <li>{@code GET /v5/pins/{id}/analytics} (90-day window rules, figures growing per read through
 *       {@link SeededMetrics});
 *   <li>{@code POST /v5/media}, the S3-style multipart form upload at the {@code upload_url} it
 *       hands out ({@code /pinterest/sandbox-s3/}, every {@code upload_parameters} field plus
 *       {@code file}, no Authorization header), and {@code GET /v5/media/{id}} going {@code
 *       registered} to {@code processing} (two polls) to {@code succeeded}, or {@code failed} under
 *       {@code MEDIA_PROCESSING_FAILURE};
 *   <li>{@code GET /v5/boards} (bookmark paging, {@code page_size} 1..250, default 25) and {@code
 *       POST /v5/boards}.
 * </ul>
 *
 * <p>Errors use Pinterest's Generic Error body {@code {"code", "message"}}. Every API answer
 * carries {@code x-ratelimit-limit}, {@code x-ratelimit-remaining} and {@code x-ratelimit-reset}
 * (seconds) per {@code x-ratelimit-category}, counting down; an exhausted window answers 429 with
 * the documented code-8 body. Called one request at a time by the sandbox.
 */
@SmoProtectedApi
public final class PinterestEmulator implements PlatformEmulator {
  /** The path prefix of the emulated S3 upload host. */
  public static final String UPLOAD_PATH = "sandbox-s3/";

  /** Calls per minute per category before the emulator answers 429. */
  public static final int RATE_LIMIT = 1000;

  /** Status polls a video spends in {@code processing} after its upload. */
  public static final int PROCESSING_POLLS = 2;

  static final String RATE_LIMIT_MESSAGE =
      "This request exceeded a rate limit. This can happen if "
          + "the client exceeds one\nof the published rate limits or if multiple write operations are "
          + "applied to\nan object within a short time window.";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> METRICS =
      Set.of(
          "IMPRESSION",
          "OUTBOUND_CLICK",
          "PIN_CLICK",
          "SAVE",
          "SAVE_RATE",
          "TOTAL_COMMENTS",
          "TOTAL_REACTIONS",
          "USER_FOLLOW",
          "PROFILE_VISIT",
          "VIDEO_MRC_VIEW",
          "VIDEO_10S_VIEW",
          "QUARTILE_95_PERCENT_VIEW",
          "VIDEO_V50_WATCH_TIME",
          "VIDEO_START",
          "VIDEO_AVG_WATCH_TIME");

  private static final class MediaState {
    final String id;
    final String key;
    String status = "registered";
    int pollsLeft = PROCESSING_POLLS;
    boolean fail;
    long bytes;

    MediaState(String id, String key) {
      this.id = id;
      this.key = key;
    }
  }

  private TokenRegistry tokens;
  private SandboxCredentials credentials;
  private long seed = Long.MIN_VALUE;
  private final Map<String, ObjectNode> boards = new LinkedHashMap<>();
  private final Map<String, ObjectNode> pins = new LinkedHashMap<>();
  private final Map<String, MediaState> media = new HashMap<>();
  private final Map<String, Integer> metricReads = new HashMap<>();
  private final Map<String, RateWindow> windows = new HashMap<>();
  private SeededMetrics metrics;

  /** Creates the emulator; state is seeded on first use from the sandbox seed. */
  public PinterestEmulator() {
    init(42);
  }

  private void init(long s) {
    if (seed == s) {
      return;
    }
    seed = s;
    tokens = new TokenRegistry("sbx-pinterest", s, Duration.ofDays(30), true);
    metrics = new SeededMetrics(s);
    boards.clear();
    String[] names = {"Summer recipes", "Travel", "Home ideas"};
    long base = 549_755_885_175L + Math.floorMod(s, 1000L) * 10;
    for (int i = 0; i < names.length; i++) {
      String id = Long.toString(base + i);
      ObjectNode b =
          F.objectNode()
              .put("id", id)
              .put("name", names[i])
              .put("description", "Seeded board " + (i + 1))
              .put("privacy", "PUBLIC")
              .put("created_at", "2024-01-0" + (i + 1) + "T10:00:00")
              .put("pin_count", 0)
              .put("follower_count", 10 + i)
              .put("collaborator_count", 0)
              .put("is_ads_only", false);
      b.putObject("owner").put("username", "sbx_pinterest_user");
      boards.put(id, b);
    }
    credentials =
        new SandboxCredentials(
            tokens.initialAccessToken(),
            tokens.initialRefreshToken(),
            "sbx-pinterest-app-" + s,
            "sbx-pinterest-secret-" + s,
            "sbx_pinterest_user",
            Map.of("boardId", Long.toString(base)));
  }

  @Override
  public Platform platform() {
    return Platform.PINTEREST;
  }

  @Override
  public SandboxCredentials credentials() {
    return credentials;
  }

  /** Returns the default seeded board id. */
  public String defaultBoardId() {
    return credentials.extra("boardId");
  }

  /** Makes {@code accessToken} expired, for tests of the refresh path. */
  public void expire(String accessToken) {
    tokens.expire(accessToken);
  }

  /** Returns how many tokens were issued by grants so far. */
  public int tokensIssued() {
    return tokens.issuedCount();
  }

  // ------------------------------------------------------------------ routing

  @Override
  public SandboxResponse handle(SandboxRequest req, EmulatorContext ctx) throws Exception {
    init(ctx.seed());
    if (req.path().startsWith("/" + UPLOAD_PATH)) {
      return upload(req, ctx);
    }
    if (req.is("POST", "v5/oauth/token")) {
      return token(req, ctx);
    }
    String category = category(req);
    if (category == null) {
      return error(404, 404, "Not found.");
    }
    String problem = tokens.problem(req.bearerToken().orElse(null), ctx.now());
    if (problem != null) {
      return error(401, 2, "Authentication failed.");
    }
    RateWindow w =
        windows.computeIfAbsent(category, c -> new RateWindow(RATE_LIMIT, Duration.ofMinutes(1)));
    if (!w.take(ctx.now())) {
      return rateLimited(w, ctx.now());
    }
    SandboxResponse r = route(req, ctx);
    return withRateHeaders(r, w, ctx.now());
  }

  private static String category(SandboxRequest req) {
    if (req.is("POST", "v5/pins")
        || req.is("DELETE", "v5/pins/*")
        || req.is("POST", "v5/media")
        || req.is("POST", "v5/boards")) {
      return "org_write";
    }
    if (req.is("GET", "v5/pins/*/analytics")) {
      return "org_analytics";
    }
    if (req.is("GET", "v5/pins/*")
        || req.is("GET", "v5/media/*")
        || req.is("GET", "v5/boards")
        || req.is("GET", "v5/user_account")) {
      return "org_read";
    }
    return null;
  }

  private SandboxResponse route(SandboxRequest req, EmulatorContext ctx) throws IOException {
    List<String> s = req.segments();
    if (req.is("POST", "v5/pins")) {
      return createPin(req, ctx);
    }
    if (req.is("GET", "v5/pins/*/analytics")) {
      return analytics(s.get(2), req, ctx);
    }
    if (req.is("GET", "v5/pins/*")) {
      ObjectNode pin = pins.get(s.get(2));
      return pin == null ? error(404, 404, "Pin not found.") : SandboxResponse.json(200, pin);
    }
    if (req.is("DELETE", "v5/pins/*")) {
      ObjectNode pin = pins.remove(s.get(2));
      if (pin == null) {
        return error(404, 404, "Pin not found.");
      }
      ctx.recordDeleted(s.get(2));
      return SandboxResponse.empty(204);
    }
    if (req.is("POST", "v5/media")) {
      return registerMedia(req, ctx);
    }
    if (req.is("GET", "v5/media/*")) {
      return mediaStatus(s.get(2));
    }
    if (req.is("GET", "v5/boards")) {
      return listBoards(req);
    }
    if (req.is("GET", "v5/user_account")) {
      return userAccount(ctx);
    }
    return createBoard(req, ctx);
  }

  /** {@code GET /v5/user_account}: the Account schema of Pinterest's OpenAPI (v5). */
  private synchronized SandboxResponse userAccount(EmulatorContext ctx) {
    ObjectNode a = ctx.json().createObjectNode();
    a.put("account_type", "BUSINESS")
        .put("id", "2783136121146311751")
        .put("username", "sbx_pinterest_user")
        .put("business_name", "Sandbox Brand")
        .put("about", "")
        .put("website_url", "https://example.com")
        .put("profile_image", "https://i.pinimg.com/sbx/avatar.jpg")
        .put("board_count", boards.size())
        .put("pin_count", pins.size())
        .put("follower_count", 870 + Math.floorMod(ctx.seed(), 200))
        .put("following_count", 64)
        .put("monthly_views", 15_400);
    return SandboxResponse.json(200, a);
  }

  // ------------------------------------------------------------------ OAuth

  private SandboxResponse token(SandboxRequest req, EmulatorContext ctx) {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (credentials.clientId() + ":" + credentials.clientSecret())
                        .getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(req.header("authorization").orElse(""))) {
      return error(401, 2, "Authentication failed.");
    }
    String grant = req.param("grant_type").orElse("");
    TokenRegistry.Grant g;
    if (grant.equals("refresh_token")) {
      g = tokens.refresh(req.param("refresh_token").orElse(null), ctx.now());
      if (g == null) {
        return error(400, 1, "Invalid refresh token.");
      }
    } else if (grant.equals("authorization_code")) {
      if (!req.param("code").isPresent() || !req.param("redirect_uri").isPresent()) {
        return error(400, 1, "Missing code or redirect_uri.");
      }
      g = tokens.issue(ctx.now());
    } else {
      return error(400, 1, "Unsupported grant_type.");
    }
    ObjectNode body =
        F.objectNode()
            .put("access_token", g.accessToken)
            .put("token_type", "bearer")
            .put("expires_in", g.expiresIn)
            .put("scope", "boards:read,boards:write,pins:read,pins:write,user_accounts:read")
            .put("response_type", grant)
            .put("refresh_token", g.refreshToken)
            .put("refresh_token_expires_in", Duration.ofDays(60).toSeconds())
            .put("refresh_token_expires_at", ctx.now().plus(Duration.ofDays(60)).getEpochSecond());
    return SandboxResponse.json(200, body);
  }

  // ------------------------------------------------------------------ Pins

  private SandboxResponse createPin(SandboxRequest req, EmulatorContext ctx) throws IOException {
    JsonNode in = req.json();
    if (!in.isObject()) {
      return error(400, 1, "Invalid request body.");
    }
    String board = in.path("board_id").asText("");
    if (board.isEmpty()) {
      return error(400, 1, "board_id is required.");
    }
    if (!boards.containsKey(board)) {
      return error(404, 404, "Board not found.");
    }
    String limit = limits(in);
    if (limit != null) {
      return error(400, 1, limit);
    }
    JsonNode src = in.path("media_source");
    ObjectNode mediaOut = F.objectNode();
    String type = src.path("source_type").asText("");
    switch (type) {
      case "image_url" -> {
        if (!src.hasNonNull("url")) {
          return error(400, 1, "media_source.url is required.");
        }
        image(mediaOut, src.get("url").asText());
      }
      case "image_base64" -> {
        String problem = base64(src);
        if (problem != null) {
          return error(400, 1, problem);
        }
        image(mediaOut, "https://i.pinimg.com/originals/sbx/" + ctx.nextId() + ".jpg");
      }
      case "multiple_image_urls", "multiple_image_base64" -> {
        JsonNode items = src.path("items");
        if (!items.isArray() || items.size() < 2 || items.size() > 5) {
          return error(400, 1, "media_source.items must hold 2 to 5 images.");
        }
        mediaOut.put("media_type", "multiple_images");
        ArrayNode list = mediaOut.putArray("items");
        for (JsonNode it : items) {
          if (type.equals("multiple_image_base64")) {
            String problem = base64(it);
            if (problem != null) {
              return error(400, 1, problem);
            }
          } else if (!it.hasNonNull("url")) {
            return error(400, 1, "every item needs a url.");
          }
          ObjectNode one = list.addObject().put("item_type", "image");
          image(
              one,
              it.path("url").asText("https://i.pinimg.com/originals/sbx/" + ctx.nextId() + ".jpg"));
        }
      }
      case "video_id" -> {
        MediaState m = media.get(src.path("media_id").asText(""));
        if (m == null) {
          return error(404, 404, "Media not found.");
        }
        if (!m.status.equals("succeeded")) {
          return error(400, 1, "Media upload is not ready: " + m.status + ".");
        }
        if (!src.has("cover_image_url")
            && !src.has("cover_image_key_frame_time")
            && !src.has("cover_image_data")) {
          return error(400, 1, "A cover image is required for a video Pin.");
        }
        mediaOut
            .put("media_type", "video")
            .put("duration", 12000)
            .put("width", 1080)
            .put("height", 1920)
            .put(
                "cover_image_url",
                src.path("cover_image_url")
                    .asText("https://i.pinimg.com/videos/thumbnails/sbx/" + m.id + ".jpg"));
      }
      default -> {
        return error(400, 1, "Invalid media_source.source_type.");
      }
    }
    if (ctx.activeFault().orElse(null) == Fault.Kind.DUPLICATE_CONTENT) {
      return duplicate();
    }
    String id = ctx.nextId();
    ObjectNode pin =
        F.objectNode()
            .put("id", id)
            .put(
                "created_at",
                LocalDateTime.ofInstant(ctx.now(), ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    for (String f :
        List.of("link", "title", "description", "alt_text", "board_section_id", "parent_pin_id")) {
      pin.set(f, in.hasNonNull(f) ? in.get(f) : F.nullNode());
    }
    pin.put("dominant_color", in.path("dominant_color").asText("#6E7874"));
    pin.put("board_id", board)
        .put(
            "creative_type",
            type.equals("video_id")
                ? "VIDEO"
                : type.startsWith("multiple") ? "CAROUSEL" : "REGULAR");
    pin.putObject("board_owner").put("username", "sbx_pinterest_user");
    pin.put("is_owner", true).put("is_standard", true).put("has_been_promoted", false);
    pin.set("media", mediaOut);
    pin.putNull("pin_metrics");
    pins.put(id, pin);
    ObjectNode b = boards.get(board);
    b.put("pin_count", b.path("pin_count").asLong() + 1);
    ctx.recordCreated("post", id, pin);
    return SandboxResponse.json(201, pin);
  }

  private static String limits(JsonNode in) {
    int[] max = {100, 800, 2048, 500};
    String[] names = {"title", "description", "link", "alt_text"};
    for (int i = 0; i < names.length; i++) {
      String v = in.path(names[i]).asText("");
      if (v.length() > max[i]) {
        return names[i] + " must be at most " + max[i] + " characters.";
      }
    }
    for (String f : List.of("board_id", "board_section_id")) {
      if (in.hasNonNull(f) && !in.get(f).asText().matches("\\d+")) {
        return f + " must be digits.";
      }
    }
    return null;
  }

  private static String base64(JsonNode src) {
    String ct = src.path("content_type").asText("");
    if (!ct.equals("image/jpeg") && !ct.equals("image/png")) {
      return "content_type must be image/jpeg or image/png.";
    }
    String data = src.path("data").asText("");
    try {
      byte[] bytes = Base64.getDecoder().decode(data);
      if (bytes.length == 0) {
        return "data is empty.";
      }
    } catch (IllegalArgumentException e) {
      return "data is not valid base64.";
    }
    return null;
  }

  private static void image(ObjectNode media, String url) {
    if (!media.has("media_type")) {
      media.put("media_type", "image");
    }
    ObjectNode images = media.putObject("images");
    images.putObject("150x150").put("width", 150).put("height", 150).put("url", url);
    images.putObject("600x").put("width", 600).put("height", 900).put("url", url);
    images.putObject("originals").put("width", 1000).put("height", 1500).put("url", url);
  }

  // ------------------------------------------------------------------ analytics

  private SandboxResponse analytics(String pinId, SandboxRequest req, EmulatorContext ctx) {
    if (!pins.containsKey(pinId)) {
      return error(404, 404, "Pin not found.");
    }
    Optional<String> start = req.param("start_date");
    Optional<String> end = req.param("end_date");
    Optional<String> types = req.param("metric_types");
    if (start.isEmpty() || end.isEmpty() || types.isEmpty()) {
      return error(400, 400, "Invalid pins analytics parameters.");
    }
    LocalDate s;
    LocalDate e;
    try {
      s = LocalDate.parse(start.get());
      e = LocalDate.parse(end.get());
    } catch (DateTimeParseException ex) {
      return error(400, 400, "Invalid pins analytics parameters.");
    }
    LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
    if (s.isBefore(today.minusDays(90)) || e.isBefore(s) || ChronoUnit.DAYS.between(s, e) > 90) {
      return error(400, 400, "Invalid pins analytics parameters.");
    }
    List<String> wanted = new ArrayList<>();
    for (String t : types.get().split(",", -1)) {
      if (!METRICS.contains(t.trim())) {
        return error(400, 400, "Invalid pins analytics parameters.");
      }
      wanted.add(t.trim());
    }
    int reads = metricReads.merge(pinId, 1, Integer::sum) - 1;
    ObjectNode all = F.objectNode();
    ObjectNode summary = all.putObject("summary_metrics");
    ObjectNode lifetime = F.objectNode();
    for (String m : wanted) {
      long scale = m.equals("IMPRESSION") ? 1000 : m.startsWith("VIDEO") ? 200 : 50;
      if (m.equals("SAVE_RATE")) {
        summary.put(m, metrics.value(pinId, m, reads, 100) / 1000.0);
      } else if (m.startsWith("TOTAL_")) {
        lifetime.put(m, metrics.value(pinId, m, reads, 10));
      } else {
        summary.put(m, metrics.value(pinId, m, reads, scale));
      }
    }
    ArrayNode daily = all.putArray("daily_metrics");
    ObjectNode day = daily.addObject().put("data_status", "READY").put("date", e.toString());
    day.set("metrics", summary.deepCopy());
    if (!lifetime.isEmpty()) {
      all.set("lifetime_metrics", lifetime);
    }
    return SandboxResponse.json(200, F.objectNode().set("all", all));
  }

  // ------------------------------------------------------------------ media

  private SandboxResponse registerMedia(SandboxRequest req, EmulatorContext ctx)
      throws IOException {
    JsonNode in = req.json();
    if (!"video".equals(in.path("media_type").asText())) {
      return error(400, 1, "media_type must be video.");
    }
    String id = ctx.nextId();
    String key = "uploads/sbx/" + id + ":video:" + seed;
    MediaState m = new MediaState(id, key);
    m.fail = ctx.activeFault().orElse(null) == Fault.Kind.MEDIA_PROCESSING_FAILURE;
    media.put(id, m);
    ObjectNode out =
        F.objectNode()
            .put("media_id", id)
            .put("media_type", "video")
            .put("upload_url", ctx.baseUrl() + UPLOAD_PATH);
    ObjectNode p = out.putObject("upload_parameters");
    String date =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .format(LocalDateTime.ofInstant(ctx.now(), ZoneOffset.UTC));
    p.put("Content-Type", "multipart/form-data")
        .put("key", key)
        .put(
            "policy",
            Base64.getEncoder()
                .encodeToString(("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8)))
        .put("x-amz-algorithm", "AWS4-HMAC-SHA256")
        .put(
            "x-amz-credential",
            "SBXPINTEREST/" + date.substring(0, 8) + "/us-east-1/s3/aws4_request")
        .put("x-amz-date", date)
        .put("x-amz-security-token", "sbx-s3-token-" + id)
        .put("x-amz-signature", Long.toHexString(key.hashCode() & 0xffffffffL) + "sbx");
    ctx.recordCreated("media", id, out);
    return SandboxResponse.json(201, out);
  }

  private SandboxResponse upload(SandboxRequest req, EmulatorContext ctx) {
    if (!req.method().equals("POST")) {
      return s3Error(405, "MethodNotAllowed", "The specified method is not allowed.");
    }
    if (req.header("authorization").isPresent()) {
      return s3Error(400, "InvalidArgument", "Only one auth mechanism allowed.");
    }
    if (req.parts().isEmpty()) {
      return s3Error(
          412,
          "PreconditionFailed",
          "Bucket POST must be of the enclosure-type " + "multipart/form-data");
    }
    String key = req.param("key").orElse(null);
    MediaState m = media.values().stream().filter(x -> x.key.equals(key)).findFirst().orElse(null);
    if (m == null) {
      return s3Error(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed.");
    }
    for (String f :
        List.of(
            "policy",
            "x-amz-algorithm",
            "x-amz-credential",
            "x-amz-date",
            "x-amz-security-token",
            "x-amz-signature",
            "Content-Type")) {
      if (req.param(f).isEmpty()) {
        return s3Error(403, "AccessDenied", "Invalid according to Policy: missing " + f + ".");
      }
    }
    Optional<SandboxRequest.Part> file = req.part("file");
    if (file.isEmpty() || file.get().body().length == 0) {
      return s3Error(400, "InvalidArgument", "POST requires exactly one file upload per request.");
    }
    m.bytes = file.get().body().length;
    m.status = "processing";
    m.pollsLeft = PROCESSING_POLLS;
    return SandboxResponse.empty(204)
        .header("ETag", "\"" + Integer.toHexString(m.id.hashCode()) + "\"")
        .header("Location", ctx.baseUrl() + UPLOAD_PATH + key);
  }

  private SandboxResponse mediaStatus(String id) {
    MediaState m = media.get(id);
    if (m == null) {
      return error(404, 404, "Media not found.");
    }
    if (m.status.equals("processing")) {
      if (m.pollsLeft > 0) {
        m.pollsLeft--;
      } else {
        m.status = m.fail ? "failed" : "succeeded";
      }
    }
    return SandboxResponse.json(
        200, F.objectNode().put("media_id", id).put("media_type", "video").put("status", m.status));
  }

  // ------------------------------------------------------------------ boards

  private SandboxResponse listBoards(SandboxRequest req) {
    int size;
    try {
      size = Integer.parseInt(req.param("page_size").orElse("25"));
    } catch (NumberFormatException e) {
      return error(400, 1, "page_size must be an integer.");
    }
    if (size < 1 || size > 250) {
      return error(400, 1, "page_size must be between 1 and 250.");
    }
    int offset = 0;
    Optional<String> bookmark = req.param("bookmark");
    if (bookmark.isPresent()) {
      try {
        offset =
            Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(bookmark.get()), StandardCharsets.UTF_8)
                    .replace("sbx-boards:", ""));
      } catch (IllegalArgumentException e) {
        return error(400, 1, "Invalid bookmark.");
      }
    }
    List<ObjectNode> all = new ArrayList<>(boards.values());
    ObjectNode out = F.objectNode();
    ArrayNode items = out.putArray("items");
    int end = Math.min(all.size(), offset + size);
    for (int i = offset; i < end; i++) {
      items.add(all.get(i));
    }
    if (end < all.size()) {
      out.put(
          "bookmark",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(("sbx-boards:" + end).getBytes(StandardCharsets.UTF_8)));
    } else {
      out.putNull("bookmark");
    }
    return SandboxResponse.json(200, out);
  }

  private SandboxResponse createBoard(SandboxRequest req, EmulatorContext ctx) throws IOException {
    JsonNode in = req.json();
    String name = in.path("name").asText("");
    if (name.isBlank()) {
      return error(400, 1, "name is required.");
    }
    String privacy = in.path("privacy").asText("PUBLIC");
    if (!Set.of("PUBLIC", "PROTECTED", "SECRET").contains(privacy)) {
      return error(400, 1, "Invalid privacy.");
    }
    boolean adsOnly = in.path("is_ads_only").asBoolean(false);
    String id = ctx.nextId();
    ObjectNode b = F.objectNode().put("id", id).put("name", adsOnly ? "Ad-only Pins" : name);
    b.set("description", in.hasNonNull("description") ? in.get("description") : F.nullNode());
    b.put("privacy", adsOnly ? "PROTECTED" : privacy)
        .put(
            "created_at",
            LocalDateTime.ofInstant(ctx.now(), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString())
        .put("pin_count", 0)
        .put("follower_count", 0)
        .put("collaborator_count", 0)
        .put("is_ads_only", adsOnly);
    b.putObject("owner").put("username", "sbx_pinterest_user");
    boards.put(id, b);
    ctx.recordCreated("board", id, b);
    return SandboxResponse.json(201, b);
  }

  // ------------------------------------------------------------------ strict mode

  /**
   * The official description strict mode checks requests against, carried by the test kit ({@code
   * BundledSpecs}).
   */
  public static final String SPEC = "specs/pinterest-api-v5-openapi.json";

  /**
   * Checks API requests against Pinterest's official OpenAPI 5.23 description ({@value #SPEC}); the
   * emulated S3 upload host is not part of it and is skipped.
   *
   * <p>Two parts of the description defeat the generic validator, even for requests that follow it
   * to the letter, so they are checked here by hand from the same description instead: the {@code
   * metric_types} query array of the analytics endpoints (items are a {@code oneOf} of two string
   * enums, which the library tries to parse as JSON), and the form body of {@code POST
   * /v5/oauth/token} (a {@code grant_type} discriminator over {@code allOf} schemas, which the
   * library rejects for every grant).
   */
  @Override
  public List<String> validateStrict(SandboxRequest request, EmulatorContext context) {
    if (request.path().startsWith("/" + UPLOAD_PATH)) {
      return List.of();
    }
    Optional<OpenApiRequestValidator> validator =
        Optional.of(OpenApiRequestValidator.bundled(SPEC));
    List<String> out = new ArrayList<>();
    boolean analytics = request.is("GET", "v5/pins/*/analytics");
    boolean token = request.is("POST", "v5/oauth/token");
    for (String problem : validator.get().validate(request)) {
      if (analytics && problem.contains("validation.request.parameter.schema.invalidJson")) {
        continue;
      }
      if (token && problem.contains("validation.request.body.schema.discriminator")) {
        continue;
      }
      out.add(problem);
    }
    String where = request.method() + " " + request.path() + ": ";
    if (analytics) {
      for (String t : request.param("metric_types").orElse("").split(",", -1)) {
        if (!METRICS.contains(t)) {
          out.add(where + "metric_types: '" + t + "' is not a Pin analytics metric type");
        }
      }
    }
    if (token) {
      if (!request
          .header("content-type")
          .orElse("")
          .startsWith("application/x-www-form-urlencoded")) {
        out.add(where + "the body must be application/x-www-form-urlencoded");
      }
      if (!request.header("authorization").orElse("").startsWith("Basic ")) {
        out.add(where + "the basic security scheme (client id and secret) is required");
      }
      String grant = request.param("grant_type").orElse("");
      if (grant.equals("refresh_token") && request.param("refresh_token").isEmpty()) {
        out.add(where + "refresh_token is required for grant_type=refresh_token");
      } else if (grant.equals("authorization_code")
          && (request.param("code").isEmpty() || request.param("redirect_uri").isEmpty())) {
        out.add(where + "code and redirect_uri are required for grant_type=authorization_code");
      } else if (!Set.of("refresh_token", "authorization_code", "client_credentials")
          .contains(grant)) {
        out.add(
            where + "grant_type must be authorization_code, refresh_token or client_credentials");
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ faults and errors

  @Override
  public SandboxResponse faultResponse(Fault.Kind kind, SandboxRequest req, EmulatorContext ctx) {
    init(ctx.seed());
    switch (kind) {
      case HTTP_429 -> {
        // the per-minute window of this category is used up and rolls over in one second
        RateWindow w = new RateWindow(RATE_LIMIT, Duration.ofSeconds(1));
        while (w.take(ctx.now())) {
          // exhaust a throwaway window to report remaining 0
        }
        return rateLimited(w, ctx.now()).header("x-ratelimit-limit", Integer.toString(RATE_LIMIT));
      }
      case HTTP_5XX -> {
        return error(503, 503, "Service unavailable. Please try again later.");
      }
      case EXPIRED_TOKEN -> {
        req.bearerToken().ifPresent(tokens::expire);
        return error(401, 2, "Authentication failed.");
      }
      case DUPLICATE_CONTENT -> {
        return null;
        // handled in createPin after validation
      }
      default -> {
        return null;
      }
    }
  }

  private static SandboxResponse duplicate() {
    return error(409, 409, "A Pin with the same media and link was just created on this board.");
  }

  private static SandboxResponse rateLimited(RateWindow w, Instant now) {
    return withRateHeaders(error(429, 8, RATE_LIMIT_MESSAGE), w, now);
  }

  private static SandboxResponse withRateHeaders(SandboxResponse r, RateWindow w, Instant now) {
    long reset = Math.max(1, (Duration.between(now, w.resetAt(now)).toMillis() + 999) / 1000);
    return r.header("x-ratelimit-limit", Integer.toString(w.limit()))
        .header("x-ratelimit-remaining", Integer.toString(w.remaining(now)))
        .header("x-ratelimit-reset", Long.toString(reset));
  }

  private static SandboxResponse error(int status, int code, String message) {
    return SandboxResponse.json(status, F.objectNode().put("code", code).put("message", message));
  }

  private static SandboxResponse s3Error(int status, String code, String message) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message><RequestId>SBX"
            + Integer.toHexString(message.hashCode())
            + "</RequestId></Error>";
    return SandboxResponse.text(status, xml).header("Content-Type", "application/xml");
  }
}
