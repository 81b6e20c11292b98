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
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Emulates Snapchat: the Marketing API ({@code /v1/...} of adsapi.snapchat.com), the Public Profile
 * API ({@code /v1/public_profiles/...} of businessapi.snapchat.com) and OAuth ({@code
 * /login/oauth2/access_token} of accounts.snapchat.com), all under the sandbox's {@code /snapchat/}
 * prefix.
 *
 * <p>Marketing API (shapes from the Snap docs' examples and captured responses): media ({@code
 * PENDING_UPLOAD} → {@code READY} after a simple upload of at most 32 MB or a {@code
 * multipart-upload-v2} INIT / ADD / FINALIZE), creatives (headline ≤ 34, brand name ≤ 32 unless a
 * profile is set), campaigns, ad squads (targeting with {@code geos} required), ads, ad delete, ad
 * lists paged by {@code paging.next_link}, and TOTAL stats growing with {@link SeededMetrics}
 * (spend in micro-currency).
 *
 * <p>Public Profile API: Create Media takes the base64 AES-256 key and IV; the multipart upload
 * must carry ciphertext (refused when it starts with JPEG / PNG / MP4 magic bytes, when its length
 * is not a multiple of 16, or when it does not decrypt with the key and IV); media expire 24 hours
 * after creation; Stories, Saved Stories and Spotlights (video only, description ≤ 160, locale
 * required) are stored; insights grow like ad stats. The profile multipart, posting and insights
 * paths and answers are UNCONFIRMED (modelled on the Marketing API, like the client).
 *
 * <p>Errors use {@code {request_status:"ERROR", request_id, debug_message, display_message}}
 * (UNCONFIRMED body; the status codes are documented). No rate-limit headers exist; Snap's caps are
 * averages (20 requests per second per app), emulated as 1,200 per minute per app (the averaging
 * window is UNCONFIRMED), beyond which requests get 429. Processing failures set {@code
 * media_status: "FAILED"} (UNCONFIRMED state name).
 */
public final class SnapchatEmulator implements PlatformEmulator {
  private static final long PART_LIMIT = 32L * 1024 * 1024;
  private static final Duration MEDIA_TTL = Duration.ofHours(24);
  private static final String CLIENT_ID = "sbx-snapchat-client";
  private static final String CLIENT_SECRET = "sbx-snapchat-secret";

  private final ObjectMapper json = new ObjectMapper();
  private TokenRegistry tokens;
  private SeededMetrics metrics;
  private long seed = Long.MIN_VALUE;
  private final RateWindow appWindow = new RateWindow(20 * 60, Duration.ofMinutes(1));
  private String profileId;
  private String adAccountId;
  private long counter;

  private final Map<String, ObjectNode> adMedia = new LinkedHashMap<>();
  private final Map<String, byte[]> adMediaBytes = new HashMap<>();
  private final Map<String, ObjectNode> creatives = new LinkedHashMap<>();
  private final Map<String, ObjectNode> campaigns = new LinkedHashMap<>();
  private final Map<String, ObjectNode> adSquads = new LinkedHashMap<>();
  private final Map<String, ObjectNode> ads = new LinkedHashMap<>();
  private final Map<String, Upload> uploads = new HashMap<>();
  private final Map<String, ProfileMedia> profileMedia = new LinkedHashMap<>();
  private final Map<String, ObjectNode> profilePosts = new LinkedHashMap<>();
  private final Map<String, Long> reads = new HashMap<>();

  private static final class Upload {
    final String mediaId;
    final boolean profile;
    final String fileName;
    final long fileSize;
    final int parts;
    final TreeMap<Integer, byte[]> received = new TreeMap<>();

    Upload(String mediaId, boolean profile, String fileName, long fileSize, int parts) {
      this.mediaId = mediaId;
      this.profile = profile;
      this.fileName = fileName;
      this.fileSize = fileSize;
      this.parts = parts;
    }
  }

  private static final class ProfileMedia {
    final String id;
    final String type;
    final String name;
    final byte[] key;
    final byte[] iv;
    final Instant createdAt;
    String status = "PENDING_UPLOAD";
    byte[] ciphertext;
    byte[] plaintext;

    ProfileMedia(String id, String type, String name, byte[] key, byte[] iv, Instant createdAt) {
      this.id = id;
      this.type = type;
      this.name = name;
      this.key = key;
      this.iv = iv;
      this.createdAt = createdAt;
    }
  }

  /** Creates the emulator (state is empty until the first request). */
  public SnapchatEmulator() {
    init(42);
  }

  private void init(long s) {
    if (s == seed) {
      return;
    }
    seed = s;
    tokens = new TokenRegistry("sbx-snapchat", s, Duration.ofHours(1), false);
    metrics = new SeededMetrics(s);
    profileId = uuid("profile", 0);
    adAccountId = uuid("adaccount", 0);
  }

  private String next(String kind) {
    return uuid(kind, ++counter);
  }

  private String uuid(String kind, long n) {
    return UUID.nameUUIDFromBytes(
            (kind + ":" + seed + ":" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }

  @Override
  public Platform platform() {
    return Platform.SNAPCHAT;
  }

  @Override
  public SandboxCredentials credentials() {
    return new SandboxCredentials(
        tokens.initialAccessToken(),
        tokens.initialRefreshToken(),
        CLIENT_ID,
        CLIENT_SECRET,
        profileId,
        Map.of("profileId", profileId, "adAccountId", adAccountId));
  }

  /**
   * Returns the decrypted bytes of an uploaded Public Profile media (what Snap would store), for
   * tests of the encryption round trip.
   */
  public Optional<byte[]> profileMediaPlaintext(String mediaId) {
    ProfileMedia m = profileMedia.get(mediaId);
    return m == null || m.plaintext == null ? Optional.empty() : Optional.of(m.plaintext.clone());
  }

  /** Returns the ciphertext received for a Public Profile media, as uploaded. */
  public Optional<byte[]> profileMediaCiphertext(String mediaId) {
    ProfileMedia m = profileMedia.get(mediaId);
    return m == null || m.ciphertext == null ? Optional.empty() : Optional.of(m.ciphertext.clone());
  }

  /** Returns the bytes uploaded for a Marketing API media. */
  public Optional<byte[]> adMediaBytes(String mediaId) {
    return Optional.ofNullable(adMediaBytes.get(mediaId)).map(byte[]::clone);
  }

  /** Returns a stored ad squad (with its targeting), for tests. */
  public Optional<JsonNode> adSquad(String id) {
    return Optional.ofNullable(adSquads.get(id)).map(JsonNode::deepCopy);
  }

  // ------------------------------------------------------------------ dispatch

  @Override
  public SandboxResponse handle(SandboxRequest req, EmulatorContext ctx) throws Exception {
    init(ctx.seed());
    if (req.is("POST", "login/oauth2/access_token")) {
      return token(req, ctx);
    }
    String problem = tokens.problem(req.bearerToken().orElse(null), ctx.now());
    if (problem != null) {
      return error(401, "Unauthorized: access token " + problem, "Please log in again.");
    }
    if (!appWindow.take(ctx.now())) {
      return error(
          429, "Too many requests: the app averaged more than 20 per second", "Please slow down.");
    }
    List<String> s = req.segments();
    if (s.size() >= 3 && s.get(0).equals("v1") && s.get(1).equals("public_profiles")) {
      return profile(req, ctx, s);
    }
    if (req.is("GET", "v1/me")) {
      ObjectNode me = json.createObjectNode();
      me.putObject("me").put("id", uuid("user", 0)).put("display_name", "Sandbox User");
      me.put("request_id", requestId());
      return SandboxResponse.json(200, me);
    }
    if (req.is("POST", "v1/adaccounts/*/media")) {
      return createAdMedia(req, ctx, s.get(2));
    }
    if (req.is("POST", "v1/media/*/upload")) {
      return simpleUpload(req, ctx, s.get(2));
    }
    if (req.is("POST", "v1/media/*/multipart-upload-v2")
        || req.is("POST", "us/v1/media/*/multipart-upload-v2")) {
      String id = s.get(s.size() - 2);
      return multipart(req, ctx, id, false, "/us/v1/media/" + id + "/multipart-upload-v2");
    }
    if (req.is("GET", "v1/media/*")) {
      ObjectNode m = adMedia.get(s.get(2));
      return m == null
          ? notFound("media")
          : SandboxResponse.json(200, envelope("media", "media", m));
    }
    if (req.is("POST", "v1/adaccounts/*/creatives")) {
      return createCreative(req, ctx, s.get(2));
    }
    if (req.is("POST", "v1/adaccounts/*/campaigns")) {
      return createCampaign(req, ctx, s.get(2));
    }
    if (req.is("POST", "v1/campaigns/*/adsquads")) {
      return createAdSquad(req, ctx, s.get(2));
    }
    if (req.is("POST", "v1/adsquads/*/ads")) {
      return createAd(req, ctx, s.get(2));
    }
    if (req.is("DELETE", "v1/ads/*")) {
      if (ads.remove(s.get(2)) == null) {
        return notFound("ad");
      }
      ctx.recordDeleted(s.get(2));
      ObjectNode r = base();
      r.putArray("ads");
      return SandboxResponse.json(200, r);
    }
    if (req.is("GET", "v1/ads/*")) {
      ObjectNode a = ads.get(s.get(2));
      return a == null ? notFound("ad") : SandboxResponse.json(200, envelope("ads", "ad", a));
    }
    if (req.is("GET", "v1/adaccounts/*/ads")) {
      return listAds(req, ctx, s.get(2));
    }
    if (req.is("GET", "v1/ads/*/stats")) {
      String id = s.get(2);
      if (!ads.containsKey(id)) {
        return notFound("ad");
      }
      return stats(id, "AD", adStats(id));
    }
    return error(404, "No route for " + req.method() + " " + req.path(), "Not found.");
  }

  // ------------------------------------------------------------------ OAuth

  private SandboxResponse token(SandboxRequest req, EmulatorContext ctx) {
    Map<String, List<String>> f = req.form();
    String clientId = first(f, "client_id");
    String secret = first(f, "client_secret");
    if (!CLIENT_ID.equals(clientId) || !CLIENT_SECRET.equals(secret)) {
      return SandboxResponse.json(
          401,
          Map.of("error", "invalid_client", "error_description", "Client authentication failed"));
    }
    String grant = first(f, "grant_type");
    TokenRegistry.Grant g;
    if ("refresh_token".equals(grant)) {
      g = tokens.refresh(first(f, "refresh_token"), ctx.now());
    } else if ("authorization_code".equals(grant) && first(f, "code") != null) {
      g = tokens.issue(ctx.now());
    } else {
      return SandboxResponse.json(
          400,
          Map.of(
              "error",
              "unsupported_grant_type",
              "error_description",
              "grant_type must be authorization_code or refresh_token"));
    }
    if (g == null) {
      return SandboxResponse.json(
          400, Map.of("error", "invalid_grant", "error_description", "Invalid refresh token"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", g.accessToken);
    body.put("token_type", "Bearer");
    body.put("expires_in", g.expiresIn);
    body.put("refresh_token", g.refreshToken);
    body.put("scope", "snapchat-marketing-api snapchat-profile-api");
    return SandboxResponse.json(200, body);
  }

  // ------------------------------------------------------------------ Marketing API

  private SandboxResponse createAdMedia(SandboxRequest req, EmulatorContext ctx, String account)
      throws Exception {
    if (!account.equals(adAccountId)) {
      return error(403, "No access to ad account " + account, "Forbidden.");
    }
    JsonNode m = req.json().path("media").path(0);
    String type = m.path("type").asText("");
    if (m.path("name").asText("").isEmpty()
        || !List.of("VIDEO", "IMAGE", "LENS_PACKAGE", "PLAYABLE").contains(type)) {
      return error(
          400,
          "media[0].name and media[0].type (VIDEO, IMAGE, LENS_PACKAGE, PLAYABLE) are required",
          "Invalid media.");
    }
    String id = next("media");
    ObjectNode media = entity(id, ctx);
    media
        .put("name", m.get("name").asText())
        .put("ad_account_id", account)
        .put("type", type)
        .put("media_status", "PENDING_UPLOAD")
        .put("is_demo_media", false)
        .put("visibility", "VISIBLE");
    adMedia.put(id, media);
    ctx.recordCreated("media", id, media);
    return SandboxResponse.json(200, envelope("media", "media", media));
  }

  private SandboxResponse simpleUpload(SandboxRequest req, EmulatorContext ctx, String id) {
    ObjectNode media = adMedia.get(id);
    if (media == null) {
      return notFound("media");
    }
    Optional<SandboxRequest.Part> file = req.part("file");
    if (file.isEmpty()) {
      return error(400, "multipart field 'file' is required", "No file.");
    }
    byte[] bytes = file.get().body();
    if (bytes.length > PART_LIMIT) {
      return error(400, "file exceeds 32 MB: use multipart-upload-v2", "File too large.");
    }
    finishAdMedia(media, id, bytes, file.get().fileName().orElse("upload"), ctx);
    ObjectNode r = base();
    r.set("result", media);
    return SandboxResponse.json(200, r);
  }

  private void finishAdMedia(
      ObjectNode media, String id, byte[] bytes, String fileName, EmulatorContext ctx) {
    adMediaBytes.put(id, bytes);
    boolean fail = ctx.activeFault().orElse(null) == Fault.Kind.MEDIA_PROCESSING_FAILURE;
    media
        .put("media_status", fail ? "FAILED" : "READY")
        .put("file_name", fileName)
        .put("file_size_in_bytes", bytes.length)
        .put("updated_at", ctx.now().toString())
        .put("download_link", ctx.baseUrl() + "media-files/" + id);
  }

  private SandboxResponse multipart(
      SandboxRequest req, EmulatorContext ctx, String mediaId, boolean profile, String path) {
    String action = req.param("action").orElse("");
    switch (action) {
      case "INIT" -> {
        String fileName = partText(req, "file_name");
        String size = partText(req, "file_size");
        String n = partText(req, "number_of_parts");
        if (fileName == null || size == null || n == null) {
          return error(
              400, "file_name, file_size and number_of_parts are required", "Invalid upload.");
        }
        String uploadId = next("upload");
        uploads.put(
            uploadId,
            new Upload(
                mediaId,
                profile,
                fileName,
                Long.parseLong(size.trim()),
                Integer.parseInt(n.trim())));
        ObjectNode r = base();
        r.put("upload_id", uploadId)
            .put("add_path", path + "?action=ADD")
            .put("finalize_path", path + "?action=FINALIZE");
        return SandboxResponse.json(200, r);
      }
      case "ADD" -> {
        Upload u = uploads.get(partText(req, "upload_id"));
        String n = partText(req, "part_number");
        Optional<SandboxRequest.Part> file = req.part("file");
        if (u == null || !u.mediaId.equals(mediaId) || n == null || file.isEmpty()) {
          return error(400, "upload_id, part_number and file are required", "Invalid part.");
        }
        if (file.get().body().length > PART_LIMIT) {
          return error(400, "parts are at most 32 MB", "Part too large.");
        }
        int number = Integer.parseInt(n.trim());
        if (number < 1 || number > u.parts) {
          return error(400, "part_number out of range 1.." + u.parts, "Invalid part.");
        }
        u.received.put(number, file.get().body());
        return SandboxResponse.json(200, base());
      }
      case "FINALIZE" -> {
        String uploadId = partText(req, "upload_id");
        Upload u = uploads.get(uploadId);
        if (u == null || !u.mediaId.equals(mediaId)) {
          return error(400, "unknown upload_id", "Invalid upload.");
        }
        if (u.received.size() != u.parts) {
          return error(
              400,
              "received " + u.received.size() + " of " + u.parts + " parts",
              "Upload incomplete.");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        u.received.values().forEach(all::writeBytes);
        byte[] bytes = all.toByteArray();
        if (bytes.length != u.fileSize) {
          return error(
              400,
              "file_size " + u.fileSize + " but received " + bytes.length,
              "Upload incomplete.");
        }
        uploads.remove(uploadId);
        ObjectNode r = base();
        if (u.profile) {
          ProfileMedia pm = profileMedia.get(mediaId);
          String refusal = acceptCiphertext(pm, bytes, ctx);
          if (refusal != null) {
            return error(400, refusal, "Invalid media.");
          }
          ObjectNode m =
              json.createObjectNode()
                  .put("id", pm.id)
                  .put("name", pm.name)
                  .put("type", pm.type)
                  .put("media_status", pm.status);
          r.set("result", m);
        } else {
          ObjectNode media = adMedia.get(mediaId);
          finishAdMedia(media, mediaId, bytes, u.fileName, ctx);
          r.set("result", media);
        }
        return SandboxResponse.json(200, r);
      }
      default -> {
        return error(400, "action must be INIT, ADD or FINALIZE", "Invalid upload.");
      }
    }
  }

  private SandboxResponse createCreative(SandboxRequest req, EmulatorContext ctx, String account)
      throws Exception {
    if (!account.equals(adAccountId)) {
      return error(403, "No access to ad account " + account, "Forbidden.");
    }
    JsonNode c = req.json().path("creatives").path(0);
    String headline = c.path("headline").asText("");
    String brand = c.path("brand_name").asText("");
    boolean hasProfile = !c.path("profile_properties").path("profile_id").asText("").isEmpty();
    List<String> problems = new ArrayList<>();
    if (c.path("name").asText("").isEmpty() || c.path("name").asText().length() > 375) {
      problems.add("name is required (at most 375 characters)");
    }
    if (headline.isEmpty() || headline.codePointCount(0, headline.length()) > 34) {
      problems.add("headline is required (at most 34 characters)");
    }
    if (brand.codePointCount(0, brand.length()) > 32 || (brand.isEmpty() && !hasProfile)) {
      problems.add(
          "brand_name is required unless profile_properties.profile_id is set (at most 32)");
    }
    ObjectNode media = adMedia.get(c.path("top_snap_media_id").asText(""));
    if (media == null || !"READY".equals(media.path("media_status").asText())) {
      problems.add("top_snap_media_id must name READY media");
    }
    if (!problems.isEmpty()) {
      return error(400, String.join("; ", problems), "Invalid creative.");
    }
    String id = next("creative");
    ObjectNode cr = entity(id, ctx);
    cr.setAll((ObjectNode) c);
    cr.put("id", id)
        .put("ad_account_id", account)
        .put("packaging_status", "SUCCESS")
        .put("review_status", "PENDING_REVIEW")
        .put("ad_product", "SNAP_AD");
    creatives.put(id, cr);
    ctx.recordCreated("creative", id, cr);
    return SandboxResponse.json(200, envelope("creatives", "creative", cr));
  }

  private SandboxResponse createCampaign(SandboxRequest req, EmulatorContext ctx, String account)
      throws Exception {
    if (!account.equals(adAccountId)) {
      return error(403, "No access to ad account " + account, "Forbidden.");
    }
    JsonNode c = req.json().path("campaigns").path(0);
    if (c.path("name").asText("").isEmpty()
        || c.path("start_time").asText("").isEmpty()
        || !List.of("ACTIVE", "PAUSED").contains(c.path("status").asText(""))) {
      return error(
          400,
          "campaigns[0] needs name, status (ACTIVE or PAUSED) and start_time",
          "Invalid campaign.");
    }
    String id = next("campaign");
    ObjectNode cp = entity(id, ctx);
    cp.setAll((ObjectNode) c);
    cp.put("id", id).put("ad_account_id", account).put("creation_state", "PUBLISHED");
    campaigns.put(id, cp);
    ctx.recordCreated("campaign", id, cp);
    return SandboxResponse.json(200, envelope("campaigns", "campaign", cp));
  }

  private SandboxResponse createAdSquad(SandboxRequest req, EmulatorContext ctx, String campaignId)
      throws Exception {
    if (!campaigns.containsKey(campaignId)) {
      return notFound("campaign");
    }
    JsonNode a = req.json().path("adsquads").path(0);
    List<String> problems = new ArrayList<>();
    JsonNode geos = a.path("targeting").path("geos");
    if (!geos.isArray() || geos.isEmpty()) {
      problems.add("targeting.geos is required");
    }
    for (JsonNode g : geos) {
      if (!g.path("country_code").asText("").matches("[a-z]{2}")) {
        problems.add("geos[].country_code must be a lower-case ISO country code");
      }
    }
    if (a.path("daily_budget_micro").asLong(0) <= 0
        && a.path("lifetime_budget_micro").asLong(0) <= 0) {
      problems.add("daily_budget_micro or lifetime_budget_micro is required");
    }
    for (String f : new String[] {"name", "type", "billing_event", "optimization_goal", "status"}) {
      if (a.path(f).asText("").isEmpty()) {
        problems.add(f + " is required");
      }
    }
    if (!problems.isEmpty()) {
      return error(400, String.join("; ", problems), "Invalid ad squad.");
    }
    String id = next("adsquad");
    ObjectNode sq = entity(id, ctx);
    sq.setAll((ObjectNode) a);
    sq.put("id", id)
        .put("campaign_id", campaignId)
        .put("targeting_reach_status", "VALID")
        .put("creation_state", "PUBLISHED");
    adSquads.put(id, sq);
    ctx.recordCreated("adsquad", id, sq);
    return SandboxResponse.json(200, envelope("adsquads", "adsquad", sq));
  }

  private SandboxResponse createAd(SandboxRequest req, EmulatorContext ctx, String squadId)
      throws Exception {
    if (!adSquads.containsKey(squadId)) {
      return notFound("ad squad");
    }
    JsonNode a = req.json().path("ads").path(0);
    if (!creatives.containsKey(a.path("creative_id").asText(""))
        || a.path("name").asText("").isEmpty()
        || a.path("type").asText("").isEmpty()) {
      return error(400, "ads[0] needs name, type and an existing creative_id", "Invalid ad.");
    }
    String id = next("ad");
    ObjectNode ad = entity(id, ctx);
    ad.setAll((ObjectNode) a);
    ad.put("id", id)
        .put("ad_squad_id", squadId)
        .put("review_status", "PENDING")
        .put("render_type", "STATIC");
    ads.put(id, ad);
    ctx.recordCreated("post", id, ad);
    return SandboxResponse.json(200, envelope("ads", "ad", ad));
  }

  private SandboxResponse listAds(SandboxRequest req, EmulatorContext ctx, String account) {
    if (!account.equals(adAccountId)) {
      return error(403, "No access to ad account " + account, "Forbidden.");
    }
    int limit = Math.max(1, Math.min(1000, Integer.parseInt(req.param("limit").orElse("50"))));
    int start = Integer.parseInt(req.param("cursor").orElse("0"));
    List<ObjectNode> all = new ArrayList<>(ads.values());
    ObjectNode r = base();
    ArrayNode arr = r.putArray("ads");
    for (int i = start; i < Math.min(all.size(), start + limit); i++) {
      arr.addObject().put("sub_request_status", "SUCCESS").set("ad", all.get(i));
    }
    ObjectNode paging = r.putObject("paging");
    if (start + limit < all.size()) {
      paging.put(
          "next_link",
          ctx.baseUrl()
              + "v1/adaccounts/"
              + account
              + "/ads?limit="
              + limit
              + "&cursor="
              + (start + limit));
    }
    return SandboxResponse.json(200, r);
  }

  private Map<String, Long> adStats(String id) {
    long n = reads.merge(id, 1L, Long::sum) - 1;
    Map<String, Long> st = new LinkedHashMap<>();
    st.put("impressions", metrics.value(id, "impressions", n, 1000));
    st.put("swipes", metrics.value(id, "swipes", n, 50));
    st.put("spend", metrics.value(id, "spend", n, 5_000_000));
    st.put("video_views", metrics.value(id, "video_views", n, 400));
    st.put("screen_time_millis", metrics.value(id, "screen_time_millis", n, 100_000));
    st.put("quartile_1", metrics.value(id, "quartile_1", n, 300));
    st.put("quartile_2", metrics.value(id, "quartile_2", n, 200));
    st.put("quartile_3", metrics.value(id, "quartile_3", n, 100));
    st.put("view_completion", metrics.value(id, "view_completion", n, 80));
    return st;
  }

  private SandboxResponse stats(String id, String type, Map<String, Long> values) {
    ObjectNode r = base();
    r.putObject("paging");
    ObjectNode ts =
        r.putArray("total_stats")
            .addObject()
            .put("sub_request_status", "SUCCESS")
            .putObject("total_stat");
    ts.put("id", id).put("type", type).put("granularity", "TOTAL");
    ObjectNode st = ts.putObject("stats");
    values.forEach(st::put);
    return SandboxResponse.json(200, r);
  }

  // ------------------------------------------------------------------ Public Profile API

  private SandboxResponse profile(SandboxRequest req, EmulatorContext ctx, List<String> s)
      throws Exception {
    String pid = s.get(2);
    if (!pid.equals(profileId)) {
      return error(403, "No access to public profile " + pid, "Forbidden.");
    }
    if (req.is("POST", "v1/public_profiles/*/media")) {
      JsonNode b = req.json();
      String type = b.path("type").asText("");
      byte[] key;
      byte[] iv;
      try {
        key = Base64.getDecoder().decode(b.path("key").asText(""));
        iv = Base64.getDecoder().decode(b.path("iv").asText(""));
      } catch (IllegalArgumentException e) {
        return error(400, "key and iv must be base64", "Invalid media.");
      }
      if (!List.of("VIDEO", "IMAGE").contains(type)
          || b.path("name").asText("").isEmpty()
          || key.length != 32
          || iv.length != 16) {
        return error(
            400,
            "type (VIDEO or IMAGE), name, key (32 bytes, base64) and iv (16 bytes, "
                + "base64) are required",
            "Invalid media.");
      }
      String id = next("profile-media");
      ProfileMedia m = new ProfileMedia(id, type, b.get("name").asText(), key, iv, ctx.now());
      profileMedia.put(id, m);
      ctx.recordCreated("media", id, json.createObjectNode().put("id", id).put("type", type));
      ObjectNode r = base();
      r.put("media_id", id);
      return SandboxResponse.json(200, r);
    }
    if (req.is("POST", "v1/public_profiles/*/media/*/multipart-upload")) {
      String mid = s.get(4);
      if (!profileMedia.containsKey(mid)) {
        return notFound("media");
      }
      return multipart(
          req,
          ctx,
          mid,
          true,
          "/v1/public_profiles/" + pid + "/media/" + mid + "/multipart-upload");
    }
    if (s.size() == 4 && req.method().equals("POST")) {
      return createProfilePost(req, ctx, s.get(3));
    }
    if (s.size() == 6 && req.method().equals("GET") && s.get(5).equals("stats")) {
      String id = s.get(4);
      ObjectNode post = profilePosts.get(id);
      if (post == null || !collectionOf(post).equals(s.get(3))) {
        return notFound("post");
      }
      long n = reads.merge(id, 1L, Long::sum) - 1;
      Map<String, Long> st = new LinkedHashMap<>();
      st.put("views", metrics.value(id, "views", n, 2000));
      st.put("viewers", metrics.value(id, "viewers", n, 1500));
      st.put("shares", metrics.value(id, "shares", n, 40));
      st.put("screenshots", metrics.value(id, "screenshots", n, 20));
      return stats(id, post.path("type").asText().toUpperCase(java.util.Locale.ROOT), st);
    }
    return error(404, "No route for " + req.method() + " " + req.path(), "Not found.");
  }

  private static String collectionOf(ObjectNode post) {
    return post.path("collection").asText();
  }

  private SandboxResponse createProfilePost(
      SandboxRequest req, EmulatorContext ctx, String collection) throws Exception {
    String singular;
    switch (collection) {
      case "stories" -> singular = "story";
      case "saved_stories" -> singular = "saved_story";
      case "spotlights" -> singular = "spotlight";
      default -> {
        return error(404, "No route for POST " + req.path(), "Not found.");
      }
    }
    JsonNode b = req.json();
    ProfileMedia m = profileMedia.get(b.path("media_id").asText(""));
    if (m == null) {
      return error(400, "media_id must name a media of this profile", "Invalid media.");
    }
    if (!"READY".equals(m.status)) {
      return error(400, "media " + m.id + " is " + m.status + ", not READY", "Media not ready.");
    }
    if (ctx.now().isAfter(m.createdAt.plus(MEDIA_TTL))) {
      return error(
          400, "media " + m.id + " expired (media stays active 24 hours)", "Media expired.");
    }
    if (singular.equals("spotlight")) {
      String d = b.path("description").asText("");
      if (!"VIDEO".equals(m.type)) {
        return error(400, "Spotlight takes video only", "Invalid media.");
      }
      if (d.codePointCount(0, d.length()) > 160) {
        return error(400, "description is at most 160 characters", "Description too long.");
      }
      if (b.path("locale").asText("").isEmpty()) {
        return error(400, "locale is required for Spotlight", "Locale missing.");
      }
    }
    if (singular.equals("saved_story") && b.path("title").asText("").length() > 45) {
      return error(400, "title is at most 45 characters", "Title too long.");
    }
    String id = next(singular);
    ObjectNode post = entity(id, ctx);
    post.setAll((ObjectNode) b);
    post.put("id", id)
        .put("profile_id", profileId)
        .put("type", singular)
        .put("collection", collection);
    if (singular.equals("story")) {
      post.put("expires_at", ctx.now().plus(Duration.ofHours(24)).toString());
    }
    profilePosts.put(id, post);
    ctx.recordCreated("post", id, post);
    return SandboxResponse.json(200, envelope(collection, singular, post));
  }

  private String acceptCiphertext(ProfileMedia pm, byte[] bytes, EmulatorContext ctx) {
    if (looksPlain(bytes)) {
      return "media payload is not encrypted (plain JPEG/PNG/MP4 signature found); encrypt with "
          + "AES-256-CBC";
    }
    if (bytes.length == 0 || bytes.length % 16 != 0) {
      return "encrypted payload length must be a positive multiple of 16 bytes";
    }
    try {
      Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(pm.key, "AES"), new IvParameterSpec(pm.iv));
      pm.plaintext = c.doFinal(bytes);
    } catch (Exception e) {
      return "media could not be decrypted with the key and iv given at creation";
    }
    pm.ciphertext = bytes;
    boolean fail = ctx.activeFault().orElse(null) == Fault.Kind.MEDIA_PROCESSING_FAILURE;
    pm.status = fail ? "FAILED" : "READY";
    return null;
  }

  private static boolean looksPlain(byte[] b) {
    boolean jpeg =
        b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    boolean png =
        b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    boolean mp4 = b.length >= 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
    return jpeg || png || mp4;
  }

  // ------------------------------------------------------------------ faults

  @Override
  public SandboxResponse faultResponse(Fault.Kind kind, SandboxRequest req, EmulatorContext ctx) {
    init(ctx.seed());
    return switch (kind) {
      case HTTP_429 -> error(429, "Too many requests", "Please slow down.");
      case HTTP_5XX ->
          error(503, "Service Unavailable", "Something went wrong. Please try again later.");
      case EXPIRED_TOKEN -> {
        req.bearerToken().ifPresent(tokens::expire);
        yield error(401, "Unauthorized: access token expired", "Please log in again.");
      }
      case DUPLICATE_CONTENT ->
          error(
              400, "Duplicate request: an identical entity was just created", "Duplicate request.");
      default -> null;
    };
  }

  // ------------------------------------------------------------------ helpers

  private ObjectNode base() {
    ObjectNode r = json.createObjectNode();
    r.put("request_status", "SUCCESS").put("request_id", requestId());
    return r;
  }

  private String requestId() {
    return UUID.randomUUID().toString();
  }

  private ObjectNode envelope(String plural, String singular, ObjectNode entity) {
    ObjectNode r = base();
    r.putArray(plural).addObject().put("sub_request_status", "SUCCESS").set(singular, entity);
    return r;
  }

  private ObjectNode entity(String id, EmulatorContext ctx) {
    String now = ctx.now().toString();
    return json.createObjectNode().put("id", id).put("updated_at", now).put("created_at", now);
  }

  private SandboxResponse error(int status, String debug, String display) {
    ObjectNode r = json.createObjectNode();
    r.put("request_status", "ERROR")
        .put("request_id", requestId())
        .put("debug_message", debug)
        .put("display_message", display);
    return SandboxResponse.json(status, r);
  }

  private SandboxResponse notFound(String what) {
    return error(404, what + " not found", "Not found.");
  }

  private static String partText(SandboxRequest req, String name) {
    return req.part(name).map(SandboxRequest.Part::text).map(String::trim).orElse(null);
  }

  private static String first(Map<String, List<String>> f, String name) {
    List<String> v = f.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
