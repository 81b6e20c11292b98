package io.smo.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

/**
 * Emulates a Facebook Page over the Graph API ({@code /facebook/vNN.N/...}): feed posts (text,
 * link, {@code attached_media}), photos (published or not), Page videos with the chunked upload
 * session (server-decided offsets; a transfer at the wrong offset, or a scripted failure, answers
 * error 6001/1363037 with {@code error_data.start_offset}), Reels (start, upload to an
 * rupload-style URL, finish), scheduled posts, video status ({@code processing} then {@code
 * ready}), seeded comments with paging, replies, hide / unhide / delete, edge summaries and post
 * insights growing with {@link SeededMetrics}, the long-lived token exchange and {@code
 * /me/accounts} Page tokens, and {@code X-Business-Use-Case-Usage} headers counting up to the 80001
 * throttling error.
 *
 * <p>Test hooks: {@link #chunkSize(int)}, {@link #failTransferNumber(int)}, {@link
 * #bytesReceived(String)}.
 */
@SmoProtectedApi
public final class FacebookEmulator implements PlatformEmulator {
  /** The emulated Page id. */
  public static final String PAGE_ID = "104000000000001";

  /** The emulated app id. */
  public static final String APP_ID = "900000000000009";

  private static final String APP_SECRET = "sbx-fb-app-secret";
  private static final String USER_TOKEN = "sbx-fb-user-longlived";
  private static final String SHORT_USER_TOKEN = "sbx-fb-user-short";
  private static final Set<String> DEPRECATED =
      Set.of(
          "post_impressions",
          "post_impressions_unique",
          "post_impressions_fan_unique",
          "post_impressions_organic_unique",
          "post_impressions_nonviral_unique",
          "post_video_views_unique",
          "post_engaged_users");
  private static final Map<String, String> REGION_COUNTRY =
      Map.of("3847", "US", "3843", "US", "534", "CA", "2951", "DE");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code insights.metric(a,b,...)} in a {@code fields} list (Graph field expansion). */
  private static final java.util.regex.Pattern INSIGHTS_EXPANSION =
      java.util.regex.Pattern.compile("(?:^|,)insights\\.metric\\(([^)]*)\\)");

  private final TokenRegistry tokens = new TokenRegistry("sbx-fb", 0, Duration.ofHours(2), false);
  private final Set<String> userTokens = new java.util.HashSet<>(Set.of(USER_TOKEN));
  private final GraphSupport.Usage usage =
      new GraphSupport.Usage(600, Duration.ofHours(1), PAGE_ID, "pages", 80001);
  private final Map<String, ObjectNode> posts = new LinkedHashMap<>();
  private final Map<String, ObjectNode> photos = new HashMap<>();
  private final Map<String, Video> videos = new HashMap<>();
  private final Map<String, Video> sessions = new HashMap<>();
  private final Map<String, List<ObjectNode>> comments = new HashMap<>();
  private final Map<String, String> commentPost = new HashMap<>();
  private final Map<String, Integer> metricReads = new HashMap<>();
  private final Map<String, Long> bytesReceived = new HashMap<>();
  private final MetaMessaging messaging =
      new MetaMessaging(PAGE_ID, "SMO Sandbox Page", "71000000000000");
  private final List<ObjectNode> tagged = new ArrayList<>();
  private int chunkSize = 1024 * 1024;
  private int failTransfer = -1;
  private int transfers;

  private static final class Video {
    String id;
    String sessionId;
    long size;
    long received;
    boolean reel;
    boolean failProcessing;
    boolean finished;
    int polls;
    String postId;
  }

  /** Creates the emulator. */
  public FacebookEmulator() {}

  @Override
  public Platform platform() {
    return Platform.FACEBOOK;
  }

  @Override
  public SandboxCredentials credentials() {
    return new SandboxCredentials(
        tokens.initialAccessToken(),
        USER_TOKEN,
        APP_ID,
        APP_SECRET,
        PAGE_ID,
        Map.of("userToken", USER_TOKEN, "shortUserToken", SHORT_USER_TOKEN));
  }

  /** Sets the chunk size the start phase hands out (test hook). Default 1 MiB. */
  public void chunkSize(int bytes) {
    this.chunkSize = bytes;
  }

  /**
   * Makes the {@code n}-th transfer request from now (1-based) fail with error 1363037 (test hook).
   */
  public void failTransferNumber(int n) {
    this.failTransfer = transfers + n;
  }

  /** Returns the chunk bytes stored for a video (counts every accepted byte once). */
  public long bytesReceived(String videoId) {
    return bytesReceived.getOrDefault(videoId, 0L);
  }

  /** Returns the ids of the posts created (published and scheduled), in order. */
  public List<String> postIds() {
    return new ArrayList<>(posts.keySet());
  }

  @Override
  public SandboxResponse faultResponse(Fault.Kind kind, SandboxRequest req, EmulatorContext ctx) {
    return switch (kind) {
      case HTTP_429 ->
          GraphSupport.error(
                  ctx,
                  400,
                  80001,
                  2494055,
                  "OAuthException",
                  "(#80001) There have been too many calls to this Page account. Wait a bit and try again.",
                  true)
              .header(
                  "X-Business-Use-Case-Usage",
                  "{\""
                      + PAGE_ID
                      + "\":[{\"type\":\"pages\","
                      + "\"call_count\":100,\"total_cputime\":20,\"total_time\":25,"
                      + "\"estimated_time_to_regain_access\":0}]}");
      case HTTP_5XX ->
          GraphSupport.error(
              ctx,
              500,
              2,
              null,
              "OAuthException",
              "An unexpected error has occurred. Please retry your request later.",
              true);
      case EXPIRED_TOKEN -> GraphSupport.tokenError(ctx, "expired");
      case DUPLICATE_CONTENT ->
          GraphSupport.error(
              ctx, 400, 506, 1455006, "OAuthException", "Duplicate status message", false);
      default -> null;
    };
  }

  @Override
  public SandboxResponse handle(SandboxRequest req, EmulatorContext ctx) throws Exception {
    List<String> seg = req.segments();
    if (seg.size() >= 4 && seg.get(0).equals("rupload")) {
      return withUsage(rupload(req, ctx, seg.get(seg.size() - 1)), ctx);
    }
    if (seg.isEmpty() || !seg.get(0).matches("v\\d+\\.\\d+")) {
      return GraphSupport.error(
          ctx, 400, 2500, null, "OAuthException", "Unknown path components: " + req.path(), false);
    }
    List<String> s = seg.subList(1, seg.size());
    String ver = seg.get(0);
    if (req.is("GET", ver + "/oauth/access_token")) {
      return exchange(req, ctx);
    }
    if (req.is("GET", ver + "/me/accounts")) {
      String t = GraphSupport.token(req).orElse("");
      if (!userTokens.contains(t)) {
        return GraphSupport.tokenError(ctx, t.isEmpty() ? "missing" : "invalid");
      }
      ObjectNode page = JSON.createObjectNode();
      page.put("id", PAGE_ID).put("name", "SMO Sandbox Page").put("category", "Software");
      page.put("access_token", tokens.issue(ctx.now()).accessToken);
      page.putArray("tasks")
          .add("ANALYZE")
          .add("ADVERTISE")
          .add("MODERATE")
          .add("CREATE_CONTENT")
          .add("MANAGE");
      ObjectNode root =
          GraphSupport.page(ctx, ver + "/me/accounts", List.of(page), null, 25, p -> p);
      return withUsage(SandboxResponse.json(200, root), ctx);
    }
    String problem = tokens.problem(GraphSupport.token(req).orElse(null), ctx.now());
    if (problem != null) {
      return GraphSupport.tokenError(ctx, problem);
    }
    if (!usage.take(ctx.now())) {
      return usage.throttled(ctx);
    }
    return withUsage(route(req, ctx, ver, s), ctx);
  }

  private SandboxResponse withUsage(SandboxResponse r, EmulatorContext ctx) {
    return r.headers(usage.headers(ctx.now())).header("x-fb-trace-id", GraphSupport.traceId(ctx));
  }

  private SandboxResponse route(SandboxRequest req, EmulatorContext ctx, String ver, List<String> s)
      throws Exception {
    String m = req.method();
    SandboxResponse inbox = inbox(req, ctx, ver, s);
    if (inbox != null) {
      return inbox;
    }
    if (s.size() == 2 && s.get(0).equals(PAGE_ID) && m.equals("POST")) {
      switch (s.get(1)) {
        case "feed" -> {
          return feed(req, ctx);
        }
        case "photos" -> {
          return photo(req, ctx);
        }
        case "videos" -> {
          return video(req, ctx);
        }
        case "video_reels" -> {
          return reel(req, ctx);
        }
        default -> {}
      }
    }
    if (s.size() == 2
        && s.get(0).equals(PAGE_ID)
        && m.equals("GET")
        && s.get(1).equals("published_posts")) {
      return publishedPosts(req, ctx, ver);
    }
    if (s.size() == 2 && !s.get(0).equals(PAGE_ID)) {
      String id = s.get(0);
      if (s.get(1).equals("comments") && m.equals("GET")) {
        return listComments(req, ctx, ver, id);
      }
      if (s.get(1).equals("comments") && m.equals("POST")) {
        return addComment(req, ctx, id);
      }
      if (s.get(1).equals("insights") && m.equals("GET")) {
        return insights(req, ctx, id);
      }
    }
    if (s.size() == 1 && s.get(0).equals("me") && m.equals("GET")) {
      // a Page access token's own node is the Page (GET /me?fields=id answers the Page id)
      return node(req, ctx, PAGE_ID);
    }
    if (s.size() == 1) {
      String id = s.get(0);
      if (m.equals("GET")) {
        return node(req, ctx, id);
      }
      if (m.equals("DELETE")) {
        return delete(ctx, id);
      }
      if (m.equals("POST") && commentPost.containsKey(id)) {
        ObjectNode c = findComment(id);
        String hidden = req.param("is_hidden").orElse(null);
        if (hidden == null) {
          return GraphSupport.invalidParam(ctx, "No fields to update");
        }
        c.put("is_hidden", Boolean.parseBoolean(hidden));
        return SandboxResponse.json(200, Map.of("success", true));
      }
    }
    return GraphSupport.error(
        ctx,
        400,
        100,
        33,
        "GraphMethodException",
        "Unsupported "
            + m.toLowerCase(Locale.ROOT)
            + " request. Object with ID '"
            + String.join("/", s)
            + "' does not exist, cannot be loaded due to missing permissions, or does not support this"
            + " operation.",
        false);
  }

  // ---- inbox: Messenger conversations, Send API, private replies, tagged posts ----

  /**
   * Adds an inbound Messenger message from {@code psid} (test hook: a person writes to the Page).
   *
   * @return the new message id
   */
  public String receiveMessage(String psid, String name, String text, Instant at) {
    return messaging.receive(psid, name, text, at).id;
  }

  /**
   * Adds a post by someone else that tags the Page (test hook).
   *
   * @return the post id
   */
  public String tagPage(String authorId, String authorName, String text, Instant at) {
    ObjectNode p = JSON.createObjectNode();
    String id = authorId + "_" + (tagged.size() + 1);
    p.put("id", id)
        .put("message", text)
        .put("created_time", TIME.format(at))
        .put(
            "permalink_url",
            "https://www.facebook.com/" + authorId + "/posts/" + (tagged.size() + 1));
    p.putObject("from").put("name", authorName).put("id", authorId);
    tagged.add(0, p);
    return id;
  }

  private SandboxResponse inbox(SandboxRequest req, EmulatorContext ctx, String ver, List<String> s)
      throws Exception {
    if (tagged.isEmpty()) {
      tagPage(
          "610000000000001",
          "Dana Fox",
          "Loving the new range from @SMO Sandbox Page",
          ctx.now().minus(Duration.ofDays(2)));
      tagPage(
          "610000000000002",
          "Eli Park",
          "Shout-out to @SMO Sandbox Page for the fast delivery",
          ctx.now().minus(Duration.ofHours(5)));
    }
    String m = req.method();
    if (s.size() == 2 && s.get(0).equals(PAGE_ID)) {
      if (m.equals("GET") && s.get(1).equals("conversations")) {
        return messaging.list(req, ctx, ver + "/" + PAGE_ID + "/conversations", "messenger");
      }
      if (m.equals("GET") && s.get(1).equals("tagged")) {
        return SandboxResponse.json(
            200,
            GraphSupport.page(
                ctx,
                ver + "/" + PAGE_ID + "/tagged",
                tagged,
                req.param("after").orElse(null),
                Integer.parseInt(req.param("limit").orElse("25")),
                p -> p));
      }
      if (m.equals("POST") && s.get(1).equals("messages")) {
        return messaging.send(
            req,
            ctx,
            cid -> {
              if (!commentPost.containsKey(cid)) {
                return null;
              }
              ObjectNode c = findComment(cid);
              return new MetaMessaging.CommentInfo(
                  GraphSupport.parseTime(c.path("created_time").asText()),
                  c.path("from").path("id").asText(),
                  c.path("from").path("name").asText());
            });
      }
    }
    if (s.size() == 1 && m.equals("GET") && messaging.isConversation(s.get(0))) {
      return messaging.node(req, ctx, s.get(0));
    }
    return null;
  }

  private SandboxResponse exchange(SandboxRequest req, EmulatorContext ctx) {
    if (!"fb_exchange_token".equals(req.param("grant_type").orElse(""))
        || !APP_ID.equals(req.param("client_id").orElse(""))
        || !APP_SECRET.equals(req.param("client_secret").orElse(""))) {
      return GraphSupport.error(
          ctx,
          400,
          101,
          null,
          "OAuthException",
          "Error validating application. Invalid application ID or secret.",
          false);
    }
    String t = req.param("fb_exchange_token").orElse("");
    if (!t.equals(SHORT_USER_TOKEN) && !userTokens.contains(t)) {
      return GraphSupport.tokenError(ctx, "invalid");
    }
    String longLived = "sbx-fb-user-ll-" + ctx.nextId();
    userTokens.add(longLived);
    return SandboxResponse.json(
        200, Map.of("access_token", longLived, "token_type", "bearer", "expires_in", 5183944));
  }

  // ---- publishing ----

  private SandboxResponse scheduling(SandboxRequest req, EmulatorContext ctx, ObjectNode into) {
    String published = req.param("published").orElse("true");
    String at = req.param("scheduled_publish_time").orElse(null);
    if (at != null) {
      if (!published.equals("false")) {
        return GraphSupport.invalidParam(
            ctx, "Scheduled publish time can only be set when published is false");
      }
      long t;
      try {
        t = Long.parseLong(at);
      } catch (NumberFormatException e) {
        return GraphSupport.invalidParam(ctx, "Invalid parameter scheduled_publish_time");
      }
      long lead = t - ctx.now().getEpochSecond();
      if (lead < 600 || lead > Duration.ofDays(30).toSeconds()) {
        return GraphSupport.error(
            ctx,
            400,
            100,
            1363168,
            "OAuthException",
            "(#100) The specified scheduled publish time is invalid.",
            false);
      }
      into.put("scheduled_publish_time", t).put("is_published", false);
    } else {
      into.put("is_published", !published.equals("false"));
    }
    return null;
  }

  private SandboxResponse targeting(SandboxRequest req, EmulatorContext ctx, ObjectNode into)
      throws Exception {
    String t = req.param("targeting").orElse(null);
    if (t != null) {
      JsonNode n = JSON.readTree(t);
      if (n.has("age_min") && !Set.of(13, 15, 18, 21, 25).contains(n.get("age_min").asInt())) {
        return GraphSupport.invalidParam(
            ctx, "Invalid parameter: age_min must be 13, 15, 18, 21 or 25");
      }
      JsonNode geo = n.path("geo_locations");
      Set<String> countries = new java.util.HashSet<>();
      geo.path("countries").forEach(c -> countries.add(c.asText()));
      for (JsonNode r : geo.path("regions")) {
        if (countries.contains(REGION_COUNTRY.get(r.path("key").asText()))) {
          return GraphSupport.error(
              ctx,
              400,
              100,
              1487756,
              "OAuthException",
              "(#100) Some of your locations overlap. Try removing a location.",
              false);
        }
      }
      into.set("targeting", n);
    }
    String f = req.param("feed_targeting").orElse(null);
    if (f != null) {
      JsonNode n = JSON.readTree(f);
      if ((n.has("age_min") && n.get("age_min").asInt() < 13)
          || (n.has("age_max") && n.get("age_max").asInt() > 65)) {
        return GraphSupport.invalidParam(ctx, "Invalid parameter: feed_targeting age range");
      }
      into.set("feed_targeting", n);
    }
    return null;
  }

  /**
   * {@code GET /{page-id}/published_posts}: the Page's published posts, newest first, cursor-paged
   * ({@code limit} up to 100), fields {@code id,message,created_time,permalink_url,from}.
   */
  private SandboxResponse publishedPosts(SandboxRequest req, EmulatorContext ctx, String ver) {
    List<ObjectNode> list = new ArrayList<>();
    posts.values().stream().filter(p -> p.path("is_published").asBoolean(true)).forEach(list::add);
    java.util.Collections.reverse(list);
    int limit = Math.max(1, Math.min(100, req.param("limit").map(Integer::parseInt).orElse(25)));
    return SandboxResponse.json(
        200,
        GraphSupport.page(
            ctx,
            ver + "/" + PAGE_ID + "/published_posts",
            list,
            req.param("after").orElse(null),
            limit,
            p -> {
              ObjectNode n = JSON.createObjectNode().put("id", p.path("id").asText());
              if (p.hasNonNull("message")) {
                n.put("message", p.get("message").asText());
              }
              n.put("created_time", p.path("created_time").asText());
              n.put("permalink_url", "https://www.facebook.com/" + p.path("id").asText());
              return n;
            }));
  }

  private ObjectNode newPost(EmulatorContext ctx, String id) {
    ObjectNode p = JSON.createObjectNode();
    p.put("id", id).put("created_time", TIME.format(ctx.now()));
    p.putObject("from").put("id", PAGE_ID).put("name", "SMO Sandbox Page");
    return p;
  }

  private SandboxResponse storePost(EmulatorContext ctx, ObjectNode p) {
    String id = p.get("id").asText();
    posts.put(id, p);
    seedComments(ctx, id);
    ctx.recordCreated("post", id, p);
    return null;
  }

  private SandboxResponse feed(SandboxRequest req, EmulatorContext ctx) throws Exception {
    String message = req.param("message").orElse(null);
    String link = req.param("link").orElse(null);
    List<String> attached = new ArrayList<>();
    for (int i = 0; req.param("attached_media[" + i + "]").isPresent(); i++) {
      attached.add(
          JSON.readTree(req.param("attached_media[" + i + "]").get()).path("media_fbid").asText());
    }
    if (message == null && link == null && attached.isEmpty()) {
      return GraphSupport.invalidParam(ctx, "Missing message or attachment");
    }
    for (String a : attached) {
      ObjectNode ph = photos.get(a);
      if (ph == null || ph.path("published").asBoolean(true)) {
        return GraphSupport.invalidParam(
            ctx,
            "Invalid parameter: attached_media " + a + " is not an unpublished photo of this Page");
      }
    }
    String id = PAGE_ID + "_" + ctx.nextId();
    ObjectNode p = newPost(ctx, id);
    SandboxResponse err = scheduling(req, ctx, p);
    if (err == null) {
      err = targeting(req, ctx, p);
    }
    if (err != null) {
      return err;
    }
    if (message != null) {
      p.put("message", message);
    }
    if (link != null) {
      p.put("link", link);
    }
    if (!attached.isEmpty()) {
      ArrayNode a = p.putArray("attached_media");
      attached.forEach(a::add);
    }
    storePost(ctx, p);
    return SandboxResponse.json(200, Map.of("id", id));
  }

  private SandboxResponse photo(SandboxRequest req, EmulatorContext ctx) throws Exception {
    boolean hasSource = req.part("source").isPresent();
    String url = req.param("url").orElse(null);
    if (!hasSource && url == null) {
      return GraphSupport.error(
          ctx, 400, 324, null, "OAuthException", "(#324) Requires upload file", false);
    }
    String photoId = ctx.nextId();
    ObjectNode ph = JSON.createObjectNode();
    ph.put("id", photoId);
    boolean published = !"false".equals(req.param("published").orElse("true"));
    String at = req.param("scheduled_publish_time").orElse(null);
    ph.put("published", published || at != null);
    photos.put(photoId, ph);
    if (!published && at == null) {
      ctx.recordCreated("media", photoId, ph);
      return SandboxResponse.json(200, Map.of("id", photoId));
    }
    String postId = PAGE_ID + "_" + photoId;
    ObjectNode p = newPost(ctx, postId);
    SandboxResponse err = scheduling(req, ctx, p);
    if (err == null) {
      err = targeting(req, ctx, p);
    }
    if (err != null) {
      photos.remove(photoId);
      return err;
    }
    req.param("caption").ifPresent(c -> p.put("message", c));
    p.put("photo_id", photoId);
    storePost(ctx, p);
    return SandboxResponse.json(200, Map.of("id", photoId, "post_id", postId));
  }

  private SandboxResponse video(SandboxRequest req, EmulatorContext ctx) throws Exception {
    String phase = req.param("upload_phase").orElse(null);
    if (phase == null) {
      String fileUrl = req.param("file_url").orElse(null);
      if (fileUrl == null && req.part("source").isEmpty()) {
        return GraphSupport.invalidParam(ctx, "Missing file_url, source or upload_phase");
      }
      Video v = new Video();
      v.id = ctx.nextId();
      v.finished = true;
      v.failProcessing = ctx.activeFault().orElse(null) == Fault.Kind.MEDIA_PROCESSING_FAILURE;
      return publishVideo(req, ctx, v);
    }
    switch (phase) {
      case "start" -> {
        long size = Long.parseLong(req.param("file_size").orElse("0"));
        if (size <= 0) {
          return GraphSupport.invalidParam(ctx, "The parameter file_size is required");
        }
        Video v = new Video();
        v.id = ctx.nextId();
        v.sessionId = ctx.nextId();
        v.size = size;
        v.failProcessing = ctx.activeFault().orElse(null) == Fault.Kind.MEDIA_PROCESSING_FAILURE;
        videos.put(v.id, v);
        sessions.put(v.sessionId, v);
        return SandboxResponse.json(
            200,
            Map.of(
                "upload_session_id",
                v.sessionId,
                "video_id",
                v.id,
                "start_offset",
                "0",
                "end_offset",
                Long.toString(Math.min(size, chunkSize))));
      }
      case "transfer" -> {
        Video v = sessions.get(req.param("upload_session_id").orElse(""));
        if (v == null) {
          return GraphSupport.invalidParam(ctx, "Invalid upload_session_id");
        }
        transfers++;
        long start = Long.parseLong(req.param("start_offset").orElse("-1"));
        long end = Math.min(v.size, v.received + chunkSize);
        var chunk = req.part("video_file_chunk");
        if (transfers == failTransfer
            || start != v.received
            || chunk.isEmpty()
            || chunk.get().body().length != end - start) {
          ObjectNode root = JSON.createObjectNode();
          ObjectNode e = root.putObject("error");
          e.put("message", "There was a problem uploading your video file. Please try again.");
          e.put("type", "OAuthException").put("code", 6001).put("error_subcode", 1363037);
          e.put("is_transient", true).put("error_user_title", "Video Upload Time Out");
          e.put("error_user_msg", "Your video upload timed out before it could be completed.");
          e.putObject("error_data")
              .put("start_offset", Long.toString(v.received))
              .put("end_offset", Long.toString(end));
          e.put("fbtrace_id", GraphSupport.traceId(ctx));
          return SandboxResponse.json(400, root);
        }
        v.received = end;
        bytesReceived.merge(v.id, (long) chunk.get().body().length, Long::sum);
        long next = Math.min(v.size, v.received + chunkSize);
        return SandboxResponse.json(
            200,
            Map.of("start_offset", Long.toString(v.received), "end_offset", Long.toString(next)));
      }
      case "finish" -> {
        Video v = sessions.get(req.param("upload_session_id").orElse(""));
        if (v == null) {
          return GraphSupport.invalidParam(ctx, "Invalid upload_session_id");
        }
        if (v.received < v.size) {
          return GraphSupport.error(
              ctx,
              400,
              6001,
              1363019,
              "OAuthException",
              "The video file you tried to upload is incomplete",
              false);
        }
        v.finished = true;
        SandboxResponse r = publishVideo(req, ctx, v);
        return r.status() == 200 ? SandboxResponse.json(200, Map.of("success", true)) : r;
      }
      default -> {
        return GraphSupport.invalidParam(ctx, "Invalid upload_phase " + phase);
      }
    }
  }

  private SandboxResponse publishVideo(SandboxRequest req, EmulatorContext ctx, Video v)
      throws Exception {
    String postId = PAGE_ID + "_" + v.id;
    ObjectNode p = newPost(ctx, postId);
    SandboxResponse err = scheduling(req, ctx, p);
    if (err == null) {
      err = targeting(req, ctx, p);
    }
    if (err != null) {
      return err;
    }
    req.param("description").ifPresent(d -> p.put("message", d));
    req.param("title").ifPresent(t -> p.put("title", t));
    p.put("video_id", v.id);
    v.postId = postId;
    videos.put(v.id, v);
    storePost(ctx, p);
    return SandboxResponse.json(200, Map.of("id", v.id));
  }

  private SandboxResponse reel(SandboxRequest req, EmulatorContext ctx) throws Exception {
    String phase = req.param("upload_phase").orElse("");
    if (phase.equals("start")) {
      Video v = new Video();
      v.id = ctx.nextId();
      v.reel = true;
      v.size = -1;
      v.failProcessing = ctx.activeFault().orElse(null) == Fault.Kind.MEDIA_PROCESSING_FAILURE;
      videos.put(v.id, v);
      return SandboxResponse.json(
          200,
          Map.of(
              "video_id",
              v.id,
              "upload_url",
              ctx.baseUrl() + "rupload/video-upload/v26.0/" + v.id));
    }
    if (phase.equals("finish")) {
      Video v = videos.get(req.param("video_id").orElse(""));
      if (v == null || !v.reel) {
        return GraphSupport.invalidParam(ctx, "Invalid video_id");
      }
      if (v.size <= 0 || v.received < v.size) {
        return GraphSupport.error(
            ctx, 400, 6000, 1363130, "OAuthException", "Video upload is not complete", false);
      }
      String state = req.param("video_state").orElse("");
      if (!state.equals("PUBLISHED") && !state.equals("SCHEDULED") && !state.equals("DRAFT")) {
        return GraphSupport.invalidParam(ctx, "video_state must be PUBLISHED, SCHEDULED or DRAFT");
      }
      v.finished = true;
      String postId = PAGE_ID + "_" + v.id;
      ObjectNode p = newPost(ctx, postId);
      if (state.equals("SCHEDULED")) {
        String at = req.param("scheduled_publish_time").orElse(null);
        if (at == null) {
          return GraphSupport.invalidParam(ctx, "scheduled_publish_time is required for SCHEDULED");
        }
        long lead = Long.parseLong(at) - ctx.now().getEpochSecond();
        if (lead < 600 || lead > Duration.ofDays(30).toSeconds()) {
          return GraphSupport.error(
              ctx,
              400,
              100,
              1363168,
              "OAuthException",
              "(#100) The specified scheduled publish time is invalid.",
              false);
        }
        p.put("scheduled_publish_time", Long.parseLong(at)).put("is_published", false);
      } else {
        p.put("is_published", true);
      }
      req.param("description").ifPresent(d -> p.put("message", d));
      p.put("video_id", v.id).put("is_reel", true);
      v.postId = postId;
      storePost(ctx, p);
      return SandboxResponse.json(200, Map.of("success", true));
    }
    return GraphSupport.invalidParam(ctx, "upload_phase must be start or finish");
  }

  private SandboxResponse rupload(SandboxRequest req, EmulatorContext ctx, String videoId) {
    String auth = req.header("authorization").orElse("");
    String token = auth.regionMatches(true, 0, "OAuth ", 0, 6) ? auth.substring(6).trim() : null;
    String problem = tokens.problem(token, ctx.now());
    if (problem != null) {
      return GraphSupport.tokenError(ctx, problem);
    }
    Video v = videos.get(videoId);
    if (v == null || !v.reel) {
      return GraphSupport.notFound(ctx, videoId);
    }
    long offset = Long.parseLong(req.header("offset").orElse("0"));
    long size = Long.parseLong(req.header("file_size").orElse("-1"));
    if (size <= 0 || offset != Math.max(0, v.received)) {
      return SandboxResponse.json(
          400,
          Map.of(
              "debug_info",
              Map.of(
                  "retriable",
                  false,
                  "type",
                  "ProcessingFailedError",
                  "message",
                  "offset " + offset + " does not match " + v.received)));
    }
    v.size = size;
    v.received = offset + req.body().length;
    bytesReceived.merge(v.id, (long) req.body().length, Long::sum);
    return SandboxResponse.json(200, Map.of("success", true));
  }

  // ---- reading ----

  private SandboxResponse node(SandboxRequest req, EmulatorContext ctx, String id) {
    if (id.equals(PAGE_ID)) {
      // Page node fields as in the Graph API Page spec (followers_count, fan_count, username)
      ObjectNode page =
          JSON.createObjectNode()
              .put("id", PAGE_ID)
              .put("name", "SMO Sandbox Page")
              .put("username", "smosandboxpage")
              .put("followers_count", 4200 + Math.floorMod(ctx.seed(), 700))
              .put("fan_count", 3900 + Math.floorMod(ctx.seed(), 600));
      java.util.Set<String> want =
          new java.util.HashSet<>(
              java.util.Arrays.asList(req.param("fields").orElse("id,name").split(",")));
      want.add("id");
      page.retain(want);
      return SandboxResponse.json(200, page);
    }
    Video v = videos.get(id);
    if (v != null) {
      ObjectNode r = JSON.createObjectNode();
      r.put("id", v.id);
      ObjectNode st = r.putObject("status");
      String state;
      if (!v.finished) {
        state = "processing";
        st.putObject("uploading_phase")
            .put("status", "in_progress")
            .put("bytes_transferred", Math.max(0, v.received));
      } else if (v.failProcessing) {
        state = "error";
        st.putObject("processing_phase")
            .put("status", "error")
            .putObject("error")
            .put("message", "The video could not be processed: unsupported codec");
      } else {
        state = v.polls++ == 0 ? "processing" : "ready";
        st.putObject("uploading_phase").put("status", "complete").put("bytes_transferred", v.size);
        st.put("processing_progress", state.equals("ready") ? 100 : 50);
      }
      st.put("video_status", state);
      if (v.postId != null) {
        r.put("post_id", v.postId);
      }
      return SandboxResponse.json(200, r);
    }
    ObjectNode p = posts.get(id);
    if (p == null) {
      return GraphSupport.notFound(ctx, id);
    }
    int reads = metricReads.merge(id, 1, Integer::sum) - 1;
    SeededMetrics sm = new SeededMetrics(ctx.seed());
    ObjectNode r = p.deepCopy();
    r.putObject("shares").put("count", sm.value(id, "shares", reads, 10));
    r.putObject("reactions").putArray("data");
    ((ObjectNode) r.get("reactions"))
        .putObject("summary")
        .put("total_count", sm.value(id, "reactions", reads, 100))
        .put("viewer_reaction", "NONE");
    r.putObject("comments").putArray("data");
    ((ObjectNode) r.get("comments"))
        .putObject("summary")
        .put("total_count", comments.getOrDefault(id, List.of()).size())
        .put("can_comment", true);
    java.util.regex.Matcher expanded = INSIGHTS_EXPANSION.matcher(req.param("fields").orElse(""));
    if (expanded.find()) {
      // field expansion: fields=...,insights.metric(a,b).period(lifetime) answers the insights
      // edge inside the node ({"insights":{"data":[...],"paging":{...}}}); an invalid metric fails
      // the whole request, as Graph does
      ObjectNode into = JSON.createObjectNode();
      SandboxResponse ins = insights(ctx, id, expanded.group(1), into);
      if (ins.status() != 200) {
        return ins;
      }
      r.set("insights", into);
    }
    return SandboxResponse.json(200, r);
  }

  private SandboxResponse insights(SandboxRequest req, EmulatorContext ctx, String id) {
    if (!posts.containsKey(id)) {
      return GraphSupport.notFound(ctx, id);
    }
    return insights(ctx, id, req.param("metric").orElse(""), JSON.createObjectNode());
  }

  /**
   * Answers the insights of post {@code id} for {@code metric} (comma-separated) into {@code root}.
   */
  private SandboxResponse insights(EmulatorContext ctx, String id, String metric, ObjectNode root) {
    if (metric.isEmpty()) {
      return GraphSupport.error(
          ctx,
          400,
          3001,
          1504028,
          "OAuthException",
          "(#3001) The parameter 'metric' is required",
          false);
    }
    SeededMetrics sm = new SeededMetrics(ctx.seed());
    int reads = metricReads.getOrDefault(id, 0);
    ArrayNode data = root.putArray("data");
    for (String name : metric.split(",", -1)) {
      if (DEPRECATED.contains(name)) {
        return GraphSupport.error(
            ctx,
            400,
            100,
            null,
            "OAuthException",
            "(#100) The value must be a valid insights metric",
            false);
      }
      ObjectNode m = data.addObject();
      m.put("name", name).put("period", "lifetime");
      ObjectNode val = m.putArray("values").addObject();
      if (name.equals("post_reactions_by_type_total")) {
        val.putObject("value")
            .put("like", sm.value(id, "like", reads, 60))
            .put("love", sm.value(id, "love", reads, 20))
            .put("wow", sm.value(id, "wow", reads, 4));
      } else {
        long scale = name.contains("media_view") ? 1000 : 50;
        val.put("value", sm.value(id, name, reads, scale));
      }
      m.put("title", "Lifetime " + name).put("description", "Lifetime: " + name);
      m.put("id", id + "/insights/" + name + "/lifetime");
    }
    root.putObject("paging")
        .put(
            "previous",
            ctx.baseUrl() + "v26.0/" + id + "/insights?metric=" + metric + "&since=1&until=2");
    return SandboxResponse.json(200, root);
  }

  // ---- comments ----

  private void seedComments(EmulatorContext ctx, String postId) {
    List<ObjectNode> list = new ArrayList<>();
    int n = 3 + (int) Math.floorMod(ctx.seed() + postId.hashCode(), 5);
    Instant base = ctx.now();
    for (int i = 0; i < n; i++) {
      String cid = postId.substring(postId.indexOf('_') + 1) + "_" + ctx.nextId();
      ObjectNode c = JSON.createObjectNode();
      c.put("id", cid)
          .put("message", "Sandbox comment " + (i + 1) + " on " + postId)
          .put("created_time", TIME.format(base.plusSeconds(60L * (i + 1))))
          .put("like_count", i)
          .put("comment_count", 0)
          .put("is_hidden", false)
          .put("can_hide", true);
      c.putObject("from").put("id", "200000000000" + (100 + i)).put("name", "Fan " + (i + 1));
      list.add(c);
      commentPost.put(cid, postId);
    }
    comments.put(postId, list);
  }

  private ObjectNode findComment(String id) {
    String post = commentPost.get(id);
    for (ObjectNode c : comments.getOrDefault(post, List.of())) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    return null;
  }

  /** Returns whether {@code id} is a post by someone else that tags the Page. */
  private boolean isTagged(String id) {
    return tagged.stream().anyMatch(p -> p.path("id").asText().equals(id));
  }

  private SandboxResponse listComments(
      SandboxRequest req, EmulatorContext ctx, String ver, String id) {
    List<ObjectNode> all;
    if (posts.containsKey(id) || isTagged(id)) {
      all = comments.getOrDefault(id, List.of());
    } else if (commentPost.containsKey(id)) {
      all = new ArrayList<>();
      for (ObjectNode c : comments.getOrDefault(commentPost.get(id), List.of())) {
        if (c.path("parent").path("id").asText("").equals(id)) {
          all.add(c);
        }
      }
    } else {
      return GraphSupport.notFound(ctx, id);
    }
    boolean stream = req.param("filter").orElse("toplevel").equals("stream");
    List<ObjectNode> visible = new ArrayList<>();
    for (ObjectNode c : all) {
      if (stream || !c.has("parent")) {
        visible.add(c);
      }
    }
    int limit = Integer.parseInt(req.param("limit").orElse("25"));
    return SandboxResponse.json(
        200,
        GraphSupport.page(
            ctx,
            ver + "/" + id + "/comments",
            visible,
            req.param("after").orElse(null),
            Math.min(limit, 100),
            c -> c));
  }

  private SandboxResponse addComment(SandboxRequest req, EmulatorContext ctx, String target) {
    String message = req.param("message").orElse("");
    if (message.isBlank() && req.param("attachment_url").isEmpty()) {
      return GraphSupport.invalidParam(ctx, "Missing message or attachment");
    }
    String postId = posts.containsKey(target) ? target : commentPost.get(target);
    if (postId == null && isTagged(target)) {
      postId =
          target; // a post that tags the Page: the Page may comment on it (answering a mention)
    }
    if (postId == null) {
      return GraphSupport.notFound(ctx, target);
    }
    String cid = postId.substring(postId.indexOf('_') + 1) + "_" + ctx.nextId();
    ObjectNode c = JSON.createObjectNode();
    c.put("id", cid)
        .put("message", message)
        .put("created_time", TIME.format(ctx.now()))
        .put("like_count", 0)
        .put("comment_count", 0)
        .put("is_hidden", false);
    c.putObject("from").put("id", PAGE_ID).put("name", "SMO Sandbox Page");
    boolean reply = !target.equals(postId);
    if (reply) {
      c.putObject("parent").put("id", target);
      ObjectNode parent = findComment(target);
      if (parent != null) {
        parent.put("comment_count", parent.path("comment_count").asInt() + 1);
      }
    }
    comments.computeIfAbsent(postId, k -> new ArrayList<>()).add(c);
    commentPost.put(cid, postId);
    ctx.recordCreated(reply ? "reply" : "comment", cid, c);
    return SandboxResponse.json(200, Map.of("id", cid));
  }

  private SandboxResponse delete(EmulatorContext ctx, String id) {
    if (posts.remove(id) != null) {
      for (ObjectNode c : comments.getOrDefault(id, List.of())) {
        commentPost.remove(c.get("id").asText());
      }
      comments.remove(id);
      ctx.recordDeleted(id);
      return SandboxResponse.json(200, Map.of("success", true));
    }
    if (commentPost.containsKey(id)) {
      comments.get(commentPost.get(id)).removeIf(c -> c.get("id").asText().equals(id));
      commentPost.remove(id);
      ctx.recordDeleted(id);
      return SandboxResponse.json(200, Map.of("success", true));
    }
    return GraphSupport.notFound(ctx, id);
  }
}
