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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Emulates the Instagram Graph API (both flavours: the same paths serve {@code graph.instagram.com}
 * and {@code graph.facebook.com} clients) with state:
 *
 * <ul>
 *   <li>containers ({@code POST /{ig}/media}) for images, Reels, Stories, carousel children and
 *       carousels, that report {@code IN_PROGRESS} for zero to three status reads (deterministic
 *       per id, so carousel children finish at different times) and then {@code FINISHED}; {@code
 *       ERROR} when created under a {@code MEDIA_PROCESSING_FAILURE} fault; {@code EXPIRED} after
 *       24 hours or through {@link #expireContainers()};
 *   <li>{@code media_publish} ("not ready" 9007 / 2207027 until FINISHED; the publishing limit 9 /
 *       2207042), published media readable with {@code permalink}, {@code timestamp}...;
 *   <li>{@code content_publishing_limit} counting the posts published in the last 24 hours (quota
 *       100, settable with {@link #quotaUsage(int)} / {@link #quotaTotal(int)});
 *   <li>the resumable upload ({@code upload_type=resumable} answers an {@code uri} pointing back at
 *       {@code /rupload/ig-api-upload/{ver}/{container}} here);
 *   <li>seeded comments per media, replies, hide / unhide, delete; insights with the current metric
 *       names growing through {@link SeededMetrics} (deprecated {@code impressions} and {@code
 *       plays} refused like the real API);
 *   <li>the inbox ({@code engagement-and-measurement.md} §2.1.7 to §2.1.9, shared with the Facebook
 *       emulator through {@code MetaMessaging}): seeded conversations ({@code GET
 *       /{ig-user-id}/conversations?platform=instagram}, or through the Page with Facebook Login),
 *       the 20 readable messages of each, the Send API ({@code POST /{ig-user-id}/messages}) with
 *       the 24-hour window, {@code HUMAN_AGENT} (7 days), retired tags (100), text up to 1,000
 *       bytes, private replies ({@code recipient.comment_id}, one per comment within 7 days) and
 *       Meta's error bodies (10 / 2018278 outside the window); {@code GET /{ig-user-id}/tags}
 *       (media that tag the account, seeded, more with {@link #tagAccount}); mentions in captions
 *       and comments ({@link #mentionInCaption}, {@link #mentionInComment}) read with {@code
 *       mentioned_media} / {@code mentioned_comment} (Graph's 100 / 33 for an unknown id) and
 *       answered with {@code POST /{ig-user-id}/mentions}; {@code GET /me} (Instagram Login);
 *   <li>media fields with the insights edge expanded ({@code fields=...,insights.metric(...)}) in
 *       one answer, failing whole as Graph does when a metric is refused;
 *   <li>{@code X-Business-Use-Case-Usage} ({@code type:"instagram"}) counting up, 80002 when
 *       exhausted; tokens (Business Login: code, short-lived, long-lived, refresh).
 * </ul>
 *
 * <p>Called one request at a time by the sandbox; not thread-safe on its own.
 *
 * @see <a href="https://developers.facebook.com/docs/instagram-platform/content-publishing">Content
 *     publishing</a>
 */
@SmoProtectedApi
public final class InstagramEmulator implements PlatformEmulator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
  private static final Set<String> FEED_METRICS =
      Set.of(
          "comments",
          "likes",
          "reach",
          "saved",
          "shares",
          "total_interactions",
          "views",
          "follows",
          "profile_visits",
          "profile_activity",
          "reposts",
          "facebook_views");
  private static final Set<String> REELS_METRICS =
      Set.of(
          "comments",
          "likes",
          "reach",
          "saved",
          "shares",
          "total_interactions",
          "views",
          "ig_reels_avg_watch_time",
          "ig_reels_video_view_total_time",
          "reels_skip_rate",
          "crossposted_views",
          "facebook_views",
          "reposts");
  private static final Set<String> STORY_METRICS =
      Set.of(
          "reach",
          "views",
          "replies",
          "navigation",
          "link_clicks",
          "shares",
          "follows",
          "profile_visits",
          "total_interactions");
  private static final Set<String> DEPRECATED =
      Set.of(
          "impressions",
          "plays",
          "clips_replays_count",
          "ig_reels_aggregated_all_plays_count",
          "video_views");
  private static final Set<String> COMMON_PARAMS =
      Set.of("access_token", "appsecret_proof", "fields", "limit", "after", "before", "pretty");
  private static final Map<String, Set<String>> SPEC_PARAMS =
      Map.of(
          "media",
              Set.of(
                  "alt_text",
                  "audio_name",
                  "caption",
                  "children",
                  "collaborators",
                  "cover_url",
                  "image_url",
                  "is_carousel_item",
                  "location_id",
                  "media_type",
                  "product_tags",
                  "share_to_feed",
                  "thumb_offset",
                  "trial_params",
                  "upload_type",
                  "user_tags",
                  "video_url",
                  "is_ai_generated",
                  "since",
                  "until"),
          "media_publish", Set.of("creation_id"),
          "content_publishing_limit", Set.of("since"),
          "insights",
              Set.of("breakdown", "metric", "period", "metric_type", "since", "until", "timeframe"),
          "comments", Set.of("message", "ad_id"),
          "replies", Set.of("message"),
          "conversations", Set.of("platform", "user_id", "folder"),
          "messages",
              Set.of(
                  "folder",
                  "message",
                  "messaging_type",
                  "payload",
                  "recipient",
                  "reply_to",
                  "sender_action",
                  "tag",
                  "thread_control"),
          "mentions", Set.of("comment_id", "media_id", "message"));

  private final long seed;
  private final String igUserId;
  private final String pageId;
  private final String username;
  private final TokenRegistry tokens;
  private final SeededMetrics metrics;
  private final GraphSupport.Usage usage;
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final Map<String, IgMedia> media = new LinkedHashMap<>();
  private final Map<String, IgComment> comments = new LinkedHashMap<>();
  private final Map<String, String> codes = new HashMap<>();
  private final Map<String, String> shortLived = new HashMap<>();
  private final Map<String, byte[]> hosted = new java.util.concurrent.ConcurrentHashMap<>();
  private final MetaMessaging messaging;
  private final List<ObjectNode> tagged = new ArrayList<>();
  private final Map<String, ObjectNode> mentionedMedia = new LinkedHashMap<>();
  private final Map<String, ObjectNode> mentionedComments = new LinkedHashMap<>();
  private int quotaTotal = 100;
  private int extraQuotaUsage;
  private boolean expireAll;

  /** Creates the emulator with the sandbox's default seed. */
  public InstagramEmulator() {
    this(42);
  }

  /** Creates the emulator for {@code seed}. */
  public InstagramEmulator(long seed) {
    this.seed = seed;
    this.igUserId = "178414" + String.format("%011d", Math.floorMod(seed, 100_000_000_000L));
    this.pageId = "10" + String.format("%013d", Math.floorMod(seed * 7919, 10_000_000_000_000L));
    this.username = "sbx_brand_" + Math.floorMod(seed, 1000);
    this.tokens = new TokenRegistry("sbx-ig", seed, Duration.ofDays(60), false);
    this.metrics = new SeededMetrics(seed);
    this.usage = new GraphSupport.Usage(4800, Duration.ofHours(24), igUserId, "instagram", 80002);
    // IG Login: the account itself owns the conversations; IGSIDs get their own prefix; text <=
    // 1,000 bytes
    this.messaging = new MetaMessaging(igUserId, username, "5300000000000", 1000);
  }

  @Override
  public Platform platform() {
    return Platform.INSTAGRAM;
  }

  @Override
  public SandboxCredentials credentials() {
    return new SandboxCredentials(
        tokens.initialAccessToken(),
        tokens.initialRefreshToken(),
        "sbx-ig-app-" + seed,
        "sbx-ig-secret-" + seed,
        igUserId,
        Map.of("pageId", pageId, "username", username));
  }

  // ------------------------------------------------------------------ test hooks

  /** Sets how many posts count as already published in the current 24-hour window (test hook). */
  public void quotaUsage(int used) {
    this.extraQuotaUsage = used;
  }

  /** Sets {@code config.quota_total} (default 100; Meta's docs also say 50). */
  public void quotaTotal(int total) {
    this.quotaTotal = total;
  }

  /** Makes every unpublished container report {@code EXPIRED} from now on (test hook). */
  public void expireContainers() {
    this.expireAll = true;
  }

  /**
   * The sandbox's media host: stores {@code bytes} and returns a public-looking URL for them
   * ({@code <platform base>media-host/<n>/<name>}); containers whose URL points there are
   * "downloaded" from this store, and an unknown one fails like a real unreachable URL (9004 /
   * 2207052). Back an {@code io.smo.instagram.MediaHost} with it in tests. Thread-safe.
   *
   * @param platformBaseUrl {@code sandbox.baseUrl(Platform.INSTAGRAM)}
   * @param name a file name (ASCII)
   * @param bytes the content
   * @return the URL
   */
  public java.net.URI hostMedia(java.net.URI platformBaseUrl, String name, byte[] bytes) {
    String key = (hosted.size() + 1) + "/" + name.replaceAll("[^A-Za-z0-9._-]", "_");
    hosted.put(key, bytes.clone());
    String base =
        platformBaseUrl.toString().endsWith("/")
            ? platformBaseUrl.toString()
            : platformBaseUrl + "/";
    return java.net.URI.create(base + "media-host/" + key);
  }

  /** Returns the bytes stored by {@link #hostMedia} under a URL, if any (test hook). */
  public Optional<byte[]> hostedMedia(java.net.URI url) {
    String u = url.toString();
    int i = u.indexOf("/media-host/");
    return i < 0
        ? Optional.empty()
        : Optional.ofNullable(hosted.get(u.substring(i + "/media-host/".length())))
            .map(byte[]::clone);
  }

  /** Returns how many containers were created. */
  public int containerCount() {
    return containers.size();
  }

  /** Returns how many status reads a container answered, or -1 if unknown (test hook). */
  public int statusReads(String containerId) {
    Container c = containers.get(containerId);
    return c == null ? -1 : c.reads;
  }

  /** Returns the children of a published carousel, empty for other media (test hook). */
  public List<String> children(String mediaId) {
    IgMedia m = media.get(mediaId);
    return m == null ? List.of() : List.copyOf(m.children);
  }

  /** Returns the options the container of a published media was created with (test hook). */
  public Map<String, String> containerParams(String id) {
    Container c = containers.get(id);
    if (c == null) {
      IgMedia m = media.get(id);
      c = m == null ? null : containers.get(m.containerId);
    }
    return c == null ? Map.of() : Map.copyOf(c.params);
  }

  /**
   * Adds an inbound Instagram message from {@code igsid} (test hook: a person writes to the
   * account), opening or refreshing the 24-hour window.
   *
   * @return the new message id
   */
  public String receiveMessage(String igsid, String name, String text, Instant at) {
    return messaging.receive(igsid, name, text, at).id;
  }

  /**
   * Adds media by someone else that tags the account (test hook), listed by {@code GET
   * /{ig-user-id}/tags} newest first.
   *
   * @return the media id
   */
  public String tagAccount(String authorUsername, String caption, Instant at) {
    ObjectNode p = JSON.createObjectNode();
    String id =
        "1790" + String.format("%013d", tagged.size() + 1 + Math.floorMod(seed, 1000) * 100);
    p.put("id", id)
        .put("caption", caption)
        .put("media_type", "IMAGE")
        .put("media_product_type", "FEED")
        .put("timestamp", TS.format(at))
        .put("permalink", "https://www.instagram.com/p/TAG" + (tagged.size() + 1) + "/")
        .put("username", authorUsername)
        .put("like_count", 3)
        .put("comments_count", 0);
    tagged.add(p);
    tagged.sort((a, b) -> b.path("timestamp").asText().compareTo(a.path("timestamp").asText()));
    return id;
  }

  /**
   * Adds a media by someone else whose caption @mentions the account (test hook), readable with
   * {@code GET /{ig-user-id}?fields=mentioned_media.media_id(<id>){...}} (the fields {@code
   * mentioned_media} lists: {@code caption}, {@code comments_count}, {@code id}, {@code
   * like_count}, {@code media_type}, {@code media_url}, {@code owner}, {@code timestamp}, {@code
   * username}) and answerable with {@code POST /{ig-user-id}/mentions?media_id=…}. As on Instagram,
   * the caption is served without the {@code @} of the mention (the account did not create the
   * media). Deliver its webhook with {@code SandboxWebhooks.instagramMention(id, null)}.
   *
   * @return the media id
   */
  public String mentionInCaption(String authorUsername, String caption, Instant at) {
    String id =
        "1791"
            + String.format("%013d", mentionedMedia.size() + 1 + Math.floorMod(seed, 1000) * 100);
    ObjectNode p = JSON.createObjectNode();
    p.put("id", id)
        .put("caption", caption)
        .put("media_type", "IMAGE")
        .put("media_url", "https://scontent.cdninstagram.com/sbx/" + id + ".jpg")
        .put("timestamp", TS.format(at))
        .put("username", authorUsername)
        .put("like_count", 12)
        .put("comments_count", 0);
    mentionedMedia.put(id, p);
    return id;
  }

  /**
   * Adds a comment by someone else that @mentions the account on the media {@code mediaId} (test
   * hook; any media, usually not the account's), readable with {@code GET
   * /{ig-user-id}?fields=mentioned_comment.comment_id(<id>){...}} ({@code id}, {@code text}, {@code
   * timestamp}, {@code like_count}, {@code media}, and the IG Comment fields {@code username} /
   * {@code from}) and answerable with {@code POST /{ig-user-id}/mentions?media_id=…&comment_id=…}.
   * Deliver its webhook with {@code SandboxWebhooks.instagramMention(mediaId, id)}.
   *
   * @return the comment id
   */
  public String mentionInComment(String mediaId, String authorUsername, String text, Instant at) {
    String id =
        "1792"
            + String.format(
                "%013d", mentionedComments.size() + 1 + Math.floorMod(seed, 1000) * 100);
    ObjectNode c = JSON.createObjectNode();
    c.put("id", id)
        .put("text", text)
        .put("timestamp", TS.format(at))
        .put("like_count", 0)
        .put("username", authorUsername);
    c.putObject("from").put("id", "53" + id.substring(4)).put("username", authorUsername);
    c.putObject("media").put("id", mediaId);
    mentionedComments.put(id, c);
    return id;
  }

  /** Returns how many token refreshes or exchanges succeeded. */
  public int tokensIssued() {
    return tokens.issuedCount();
  }

  // ------------------------------------------------------------------ state

  private static final class Container {
    String id;
    String type; // IMAGE, VIDEO, REELS, STORIES, CAROUSEL
    boolean carouselItem;
    List<String> children = new ArrayList<>();
    Map<String, String> params = new LinkedHashMap<>();
    Instant createdAt;
    boolean failing;
    boolean awaitingUpload;
    long uploaded;
    int readsNeeded;
    int reads;
    String publishedAs;
  }

  private static final class IgMedia {
    String id;
    String containerId;
    String mediaType;
    String productType;
    String caption;
    String shortcode;
    Instant timestamp;
    List<String> children = new ArrayList<>();
    long reads;
    boolean deleted;
  }

  private static final class IgComment {
    String id;
    String mediaId;
    String parentId;
    String text;
    String username;
    String fromId;
    Instant timestamp;
    long likes;
    boolean hidden;
    List<String> replies = new ArrayList<>();
  }

  // ------------------------------------------------------------------ dispatch

  @Override
  public SandboxResponse handle(SandboxRequest req, EmulatorContext ctx) throws Exception {
    List<String> s = req.segments();
    // OAuth endpoints (no Graph token)
    if (req.is("GET", "oauth/authorize")) {
      return authorize(req, ctx);
    }
    if (req.is("POST", "oauth/access_token")) {
      return exchangeCode(req, ctx);
    }
    if (req.is("GET", "access_token")) {
      return longLived(req, ctx);
    }
    if (req.is("GET", "refresh_access_token")) {
      return refresh(req, ctx);
    }
    if ((req.method().equals("HEAD") || req.method().equals("GET"))
        && !s.isEmpty()
        && s.get(0).equals("media-host")) {
      // the media host answers whether it holds a file (the bytes stay in memory for assertions)
      boolean held = s.size() >= 3 && hosted.containsKey(String.join("/", s.subList(1, s.size())));
      return SandboxResponse.json(held ? 200 : 404, JSON.createObjectNode().put("hosted", held));
    }
    String token = GraphSupport.token(req).orElse(null);
    String problem = tokens.problem(token, ctx.now());
    if (problem != null) {
      return GraphSupport.tokenError(ctx, problem);
    }
    if (!usage.take(ctx.now())) {
      return usage.throttled(ctx);
    }
    SandboxResponse r = route(req, s, ctx);
    return r.headers(usage.headers(ctx.now()));
  }

  private SandboxResponse route(SandboxRequest req, List<String> s, EmulatorContext ctx) {
    if (s.size() >= 4 && s.get(0).equals("rupload") && s.get(1).equals("ig-api-upload")) {
      return "POST".equals(req.method()) ? rupload(req, s.get(3), ctx) : ruploadStatus(s.get(3));
    }
    if (s.isEmpty() || !s.get(0).matches("v\\d+\\.\\d+")) {
      return GraphSupport.error(
          ctx,
          400,
          2500,
          null,
          "IGApiException",
          "Unknown path components: /" + String.join("/", s),
          false);
    }
    String id = s.size() > 1 ? s.get(1) : "";
    String edge = s.size() > 2 ? s.get(2) : null;
    if (s.size() > 3) {
      return GraphSupport.error(
          ctx,
          400,
          2500,
          null,
          "IGApiException",
          "Unknown path components: /" + String.join("/", s.subList(2, s.size())),
          false);
    }
    String m = req.method();
    if (id.equals("me") && edge == null && m.equals("GET")) {
      // Instagram Login: user_id is the professional account id used in paths
      ObjectNode me =
          JSON.createObjectNode()
              .put("id", igUserId)
              .put("user_id", igUserId)
              .put("username", username);
      return SandboxResponse.json(200, filter(me, req.param("fields")));
    }
    SandboxResponse inbox = inbox(req, ctx, s.get(0), id, edge);
    if (inbox != null) {
      return inbox;
    }
    if (id.equals(igUserId)) {
      if (edge == null && m.equals("GET")) {
        return user(req, ctx);
      }
      if ("media".equals(edge) && m.equals("POST")) {
        return createContainer(req, ctx);
      }
      if ("media_publish".equals(edge) && m.equals("POST")) {
        return publish(req, ctx);
      }
      if ("content_publishing_limit".equals(edge) && m.equals("GET")) {
        return publishingLimit(ctx);
      }
      if ("media".equals(edge) && m.equals("GET")) {
        List<IgMedia> list = new ArrayList<>();
        media.values().stream()
            .filter(x -> !x.deleted && !"STORY".equals(x.productType))
            .forEach(list::add);
        java.util.Collections.reverse(list);
        return SandboxResponse.json(
            200,
            GraphSupport.page(
                ctx,
                req.path(),
                list,
                req.param("after").orElse(null),
                limit(req),
                x -> renderMedia(x, req.param("fields"))));
      }
    }
    if (id.equals(pageId) && edge == null && m.equals("GET")) {
      ObjectNode p = JSON.createObjectNode().put("id", pageId);
      p.putObject("instagram_business_account").put("id", igUserId);
      return SandboxResponse.json(200, p);
    }
    Container c = containers.get(id);
    if (c != null && edge == null && m.equals("GET")) {
      return SandboxResponse.json(200, containerStatus(c, ctx));
    }
    IgMedia md = media.get(id);
    if (md != null && !md.deleted) {
      if (edge == null && m.equals("GET")) {
        return mediaWithInsights(req, md, ctx);
      }
      if (edge == null && m.equals("DELETE")) {
        md.deleted = true;
        ctx.recordDeleted(md.id);
        return SandboxResponse.json(200, JSON.createObjectNode().put("success", true));
      }
      if ("insights".equals(edge) && m.equals("GET")) {
        return insights(req, md, ctx);
      }
      if ("comments".equals(edge) && m.equals("GET")) {
        List<IgComment> list = new ArrayList<>();
        comments.values().stream()
            .filter(x -> x.mediaId.equals(md.id) && x.parentId == null)
            .forEach(list::add);
        return SandboxResponse.json(
            200,
            GraphSupport.page(
                ctx,
                req.path(),
                list,
                req.param("after").orElse(null),
                limit(req),
                this::renderComment));
      }
      if ("comments".equals(edge) && m.equals("POST")) {
        String text = req.param("message").orElse("");
        if (text.isBlank()) {
          return GraphSupport.invalidParam(ctx, "The parameter message is required");
        }
        IgComment nc = newComment(ctx, md.id, null, text, username, igUserId);
        ctx.recordCreated("comment", nc.id, renderComment(nc));
        return SandboxResponse.json(200, JSON.createObjectNode().put("id", nc.id));
      }
      if ("children".equals(edge) && m.equals("GET")) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        md.children.forEach(ch -> data.addObject().put("id", ch));
        return SandboxResponse.json(200, root);
      }
    }
    IgComment cm = comments.get(id);
    if (cm != null) {
      if (edge == null && m.equals("GET")) {
        return SandboxResponse.json(200, renderComment(cm));
      }
      if (edge == null && m.equals("POST")) {
        Optional<String> hide = req.param("hide");
        if (hide.isEmpty()) {
          return GraphSupport.invalidParam(ctx, "The parameter hide is required");
        }
        cm.hidden = Boolean.parseBoolean(hide.get());
        return SandboxResponse.json(200, JSON.createObjectNode().put("success", true));
      }
      if (edge == null && m.equals("DELETE")) {
        comments.remove(cm.id);
        if (cm.parentId != null && comments.containsKey(cm.parentId)) {
          comments.get(cm.parentId).replies.remove(cm.id);
        }
        ctx.recordDeleted(cm.id);
        return SandboxResponse.json(200, JSON.createObjectNode().put("success", true));
      }
      if ("replies".equals(edge) && m.equals("GET")) {
        List<IgComment> list = new ArrayList<>();
        cm.replies.forEach(r -> list.add(comments.get(r)));
        return SandboxResponse.json(
            200,
            GraphSupport.page(
                ctx,
                req.path(),
                list,
                req.param("after").orElse(null),
                limit(req),
                this::renderComment));
      }
      if ("replies".equals(edge) && m.equals("POST")) {
        String text = req.param("message").orElse("");
        if (text.isBlank()) {
          return GraphSupport.invalidParam(ctx, "The parameter message is required");
        }
        if (cm.parentId != null) {
          return GraphSupport.invalidParam(ctx, "Replies can only be made to top-level comments");
        }
        if (cm.hidden) {
          return GraphSupport.error(
              ctx,
              400,
              10,
              null,
              "OAuthException",
              "(#10) Cannot reply to a hidden comment",
              false);
        }
        IgComment r = newComment(ctx, cm.mediaId, cm.id, text, username, igUserId);
        ctx.recordCreated("reply", r.id, renderComment(r));
        return SandboxResponse.json(200, JSON.createObjectNode().put("id", r.id));
      }
    }
    if (c == null && md == null && cm == null && !id.equals(igUserId) && !id.equals(pageId)) {
      return GraphSupport.notFound(ctx, id);
    }
    return GraphSupport.error(
        ctx,
        400,
        100,
        null,
        "GraphMethodException",
        "Unsupported " + m.toLowerCase(java.util.Locale.ROOT) + " request.",
        false);
  }

  /**
   * The inbox: conversations and the Send API on the account (Instagram Login) or its Page
   * (Facebook Login, {@code platform=instagram}), private replies to the account's comments,
   * conversation nodes, and {@code /tags} (media that tag the account). {@code null} when the
   * request is not an inbox one.
   */
  private SandboxResponse inbox(
      SandboxRequest req, EmulatorContext ctx, String ver, String id, String edge) {
    if (tagged.isEmpty()) {
      tagAccount(
          "dana.fox",
          "Loving the new range from @" + username,
          ctx.now().minus(Duration.ofDays(2)));
      tagAccount(
          "eli.park",
          "Shout-out to @" + username + " for the fast delivery",
          ctx.now().minus(Duration.ofHours(5)));
    }
    String m = req.method();
    boolean owner = id.equals(igUserId) || id.equals(pageId);
    try {
      if (owner && "conversations".equals(edge) && m.equals("GET")) {
        return messaging.list(req, ctx, ver + "/" + id + "/conversations", "instagram");
      }
      if (owner && "messages".equals(edge) && m.equals("POST")) {
        return messaging.send(
            req,
            ctx,
            cid -> {
              IgComment c = comments.get(cid);
              return c == null
                  ? null
                  : new MetaMessaging.CommentInfo(c.timestamp, c.fromId, c.username);
            });
      }
    } catch (Exception e) {
      return GraphSupport.invalidParam(ctx, "Param recipient or message is not valid JSON");
    }
    if (id.equals(igUserId) && "tags".equals(edge) && m.equals("GET")) {
      return SandboxResponse.json(
          200,
          GraphSupport.page(
              ctx,
              ver + "/" + igUserId + "/tags",
              tagged,
              req.param("after").orElse(null),
              limit(req),
              x -> filter(x.deepCopy(), req.param("fields"))));
    }
    if (id.equals(igUserId) && "mentions".equals(edge) && m.equals("POST")) {
      // answer a mention: a comment on the mentioning media (or a reply to the mentioning comment)
      String mediaId = req.param("media_id").orElse("");
      String text = req.param("message").orElse("");
      if (mediaId.isEmpty() || text.isBlank()) {
        return GraphSupport.invalidParam(ctx, "The parameters media_id and message are required");
      }
      boolean known =
          tagged.stream().anyMatch(t -> t.path("id").asText().equals(mediaId))
              || mentionedMedia.containsKey(mediaId)
              || mentionedComments.values().stream()
                  .anyMatch(c -> c.path("media").path("id").asText().equals(mediaId));
      if (!known) {
        return GraphSupport.notFound(ctx, mediaId);
      }
      Optional<String> onComment = req.param("comment_id").filter(x -> !x.isEmpty());
      if (onComment.isPresent()) {
        ObjectNode mc = mentionedComments.get(onComment.get());
        if (mc == null || !mc.path("media").path("id").asText().equals(mediaId)) {
          return GraphSupport.notFound(ctx, onComment.get());
        }
      }
      String cid = ctx.nextId();
      ObjectNode c =
          JSON.createObjectNode()
              .put("id", cid)
              .put("text", text)
              .put("timestamp", TS.format(ctx.now()))
              .put("username", username);
      c.putObject("media").put("id", mediaId);
      req.param("comment_id").ifPresent(p -> c.put("parent_id", p));
      ctx.recordCreated("comment", cid, c);
      return SandboxResponse.json(200, JSON.createObjectNode().put("id", cid));
    }
    if (edge == null && m.equals("GET") && messaging.isConversation(id)) {
      return messaging.node(req, ctx, id);
    }
    return null;
  }

  private static int limit(SandboxRequest req) {
    try {
      return Math.max(1, Math.min(100, Integer.parseInt(req.param("limit").orElse("25"))));
    } catch (NumberFormatException e) {
      return 25;
    }
  }

  // ------------------------------------------------------------------ containers

  private SandboxResponse createContainer(SandboxRequest req, EmulatorContext ctx) {
    Map<String, String> p = params(req);
    String type = p.getOrDefault("media_type", "IMAGE").toUpperCase(java.util.Locale.ROOT);
    boolean item = "true".equals(p.get("is_carousel_item"));
    boolean resumable = "resumable".equals(p.get("upload_type"));
    if (!Set.of("IMAGE", "VIDEO", "REELS", "STORIES", "CAROUSEL").contains(type)) {
      return GraphSupport.invalidParam(
          ctx,
          "Param media_type must be one of {CAROUSEL, REELS,"
              + " STORIES, VIDEO} - got \""
              + type
              + "\"");
    }
    if (type.equals("VIDEO") && !item) {
      return GraphSupport.error(
          ctx,
          400,
          100,
          2207067,
          "OAuthException",
          "The VIDEO media type is" + " no longer supported for feed videos; use REELS.",
          false);
    }
    if (p.containsKey("caption") && p.get("caption").length() > 2200) {
      return GraphSupport.error(
          ctx,
          400,
          100,
          2207010,
          "OAuthException",
          "The caption exceeds the maximum length (2200 characters).",
          false);
    }
    if (item
        && (p.containsKey("caption")
            || p.containsKey("collaborators")
            || p.containsKey("is_ai_generated"))) {
      return GraphSupport.invalidParam(
          ctx,
          "Carousel items cannot carry caption, collaborators or"
              + " is_ai_generated; set them on the carousel container");
    }
    List<String> children = new ArrayList<>();
    if (type.equals("CAROUSEL")) {
      String ch = p.getOrDefault("children", "");
      children.addAll(Arrays.asList(ch.split(",")));
      children.removeIf(String::isBlank);
      if (children.size() < 2 || children.size() > 10) {
        return GraphSupport.error(
            ctx,
            400,
            100,
            2207028,
            "OAuthException",
            "Carousels need between 2 and 10 children, got " + children.size(),
            false);
      }
      for (String cid : children) {
        Container child = containers.get(cid);
        if (child == null || !child.carouselItem) {
          return GraphSupport.invalidParam(
              ctx, "Child " + cid + " is not a carousel item container");
        }
      }
    } else if (!resumable) {
      String url =
          p.getOrDefault(
              type.equals("IMAGE") ? "image_url" : "video_url",
              p.getOrDefault("image_url", p.get("video_url")));
      if (url == null || url.isBlank()) {
        return GraphSupport.invalidParam(
            ctx,
            "The parameter " + (type.equals("IMAGE") ? "image_url" : "video_url") + " is required");
      }
      int mh = url.indexOf("/media-host/");
      boolean missingHosted =
          mh >= 0 && !hosted.containsKey(url.substring(mh + "/media-host/".length()));
      if ((!url.startsWith("http://") && !url.startsWith("https://"))
          || url.contains("unreachable")
          || missingHosted) {
        return GraphSupport.error(
            ctx,
            400,
            9004,
            2207052,
            "OAuthException",
            "Media download has failed. The media URI doesn't meet our requirements.",
            false);
      }
    }
    Container c = new Container();
    c.id = ctx.nextId();
    c.type = type;
    c.carouselItem = item;
    c.children = children;
    c.params.putAll(p);
    c.params.remove("access_token");
    c.createdAt = ctx.now();
    c.failing = ctx.activeFault().filter(f -> f == Fault.Kind.MEDIA_PROCESSING_FAILURE).isPresent();
    c.awaitingUpload = resumable;
    long n = Long.parseLong(c.id);
    c.readsNeeded =
        type.equals("CAROUSEL") ? 1 : type.equals("IMAGE") ? (int) (n % 3) : 1 + (int) (n % 3);
    containers.put(c.id, c);
    ObjectNode out = JSON.createObjectNode().put("id", c.id);
    if (resumable) {
      String ver = req.segments().get(0);
      out.put("uri", ctx.baseUrl() + "rupload/ig-api-upload/" + ver + "/" + c.id);
    }
    ctx.recordCreated("media", c.id, JSON.valueToTree(c.params));
    return SandboxResponse.json(200, out);
  }

  private ObjectNode containerStatus(Container c, EmulatorContext ctx) {
    c.reads++;
    String code;
    String status;
    if (c.publishedAs != null) {
      code = "PUBLISHED";
      status = "Published: Media has been published.";
    } else if (expireAll
        || Duration.between(c.createdAt, ctx.now()).compareTo(Duration.ofHours(24)) > 0) {
      code = "EXPIRED";
      status = "Expired: Media container was not published within 24 hours.";
    } else if (c.failing) {
      code = "ERROR";
      status = "Error: Media upload has failed with error code 2207026.";
    } else if (c.awaitingUpload || c.reads <= c.readsNeeded) {
      code = "IN_PROGRESS";
      status = "In Progress: Media is still being processed.";
    } else {
      code = "FINISHED";
      status = "Finished: Media has been uploaded and it is ready to be published.";
    }
    return JSON.createObjectNode().put("id", c.id).put("status", status).put("status_code", code);
  }

  private boolean finished(Container c, EmulatorContext ctx) {
    return c.publishedAs == null
        && !expireAll
        && !c.failing
        && !c.awaitingUpload
        && c.reads > c.readsNeeded
        && Duration.between(c.createdAt, ctx.now()).compareTo(Duration.ofHours(24)) <= 0;
  }

  private SandboxResponse rupload(SandboxRequest req, String containerId, EmulatorContext ctx) {
    Container c = containers.get(containerId);
    if (c == null || !"resumable".equals(c.params.get("upload_type"))) {
      return SandboxResponse.json(
          400,
          debugInfo("InvalidContainer", "Container " + containerId + " does not accept uploads"));
    }
    long offset;
    long size;
    try {
      offset = Long.parseLong(req.header("offset").orElse("0"));
      size = Long.parseLong(req.header("file_size").orElse("-1"));
    } catch (NumberFormatException e) {
      return SandboxResponse.json(
          400, debugInfo("BadHeader", "offset and file_size must be numbers"));
    }
    if (size < 0 && req.header("file_url").isEmpty()) {
      return SandboxResponse.json(400, debugInfo("BadHeader", "file_size header is required"));
    }
    if (offset != c.uploaded && offset != 0) {
      return SandboxResponse.json(
          400,
          debugInfo(
              "OffsetMismatch",
              "offset " + offset + " does not match the " + c.uploaded + " bytes received"));
    }
    c.uploaded = offset + req.body().length;
    if (ctx.activeFault().filter(f -> f == Fault.Kind.MEDIA_PROCESSING_FAILURE).isPresent()) {
      c.failing = true;
    }
    if (req.header("file_url").isPresent() || c.uploaded >= size) {
      c.awaitingUpload = false;
      return SandboxResponse.json(
          200, JSON.createObjectNode().put("success", true).put("message", "Upload successful."));
    }
    return SandboxResponse.json(
        200, JSON.createObjectNode().put("success", false).put("offset", c.uploaded));
  }

  private SandboxResponse ruploadStatus(String containerId) {
    Container c = containers.get(containerId);
    if (c == null) {
      return SandboxResponse.json(404, debugInfo("NotFound", "unknown container"));
    }
    return SandboxResponse.json(
        200, JSON.createObjectNode().put("id", c.id).put("offset", c.uploaded));
  }

  private static ObjectNode debugInfo(String type, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("debug_info").put("retriable", false).put("type", type).put("message", message);
    return root;
  }

  private int usedQuota(EmulatorContext ctx) {
    Instant since = ctx.now().minus(Duration.ofHours(24));
    int n = extraQuotaUsage;
    for (IgMedia m : media.values()) {
      if (m.timestamp.isAfter(since) && m.containerId != null) {
        n++;
      }
    }
    return n;
  }

  private SandboxResponse publishingLimit(EmulatorContext ctx) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putArray("data").addObject();
    e.put("quota_usage", usedQuota(ctx));
    e.putObject("config").put("quota_total", quotaTotal).put("quota_duration", 86400);
    return SandboxResponse.json(200, root);
  }

  private SandboxResponse publish(SandboxRequest req, EmulatorContext ctx) {
    String creation = req.param("creation_id").orElse("");
    if (creation.isBlank()) {
      return GraphSupport.invalidParam(ctx, "The parameter creation_id is required");
    }
    Container c = containers.get(creation);
    if (c == null || c.carouselItem) {
      return GraphSupport.error(
          ctx,
          400,
          100,
          2207032,
          "OAuthException",
          "Media ID " + creation + " is not a publishable container",
          false);
    }
    if (c.publishedAs != null) {
      return GraphSupport.error(
          ctx,
          400,
          100,
          2207008,
          "OAuthException",
          "The container was already published as " + c.publishedAs,
          false);
    }
    if (usedQuota(ctx) >= quotaTotal) {
      return GraphSupport.error(
          ctx,
          400,
          9,
          2207042,
          "OAuthException",
          "Application request limit reached: the account reached its limit of published posts in"
              + " 24 hours",
          false);
    }
    if (expireAll || Duration.between(c.createdAt, ctx.now()).compareTo(Duration.ofHours(24)) > 0) {
      return GraphSupport.error(
          ctx,
          400,
          9004,
          2207020,
          "OAuthException",
          "The media container has expired; create a new one",
          false);
    }
    if (c.failing) {
      return GraphSupport.error(
          ctx, 400, 9004, 2207026, "OAuthException", "Media upload has failed", false);
    }
    boolean childrenReady = true;
    for (String ch : c.children) {
      childrenReady &= finished(containers.get(ch), ctx);
    }
    if (!finished(c, ctx) || !childrenReady) {
      return GraphSupport.error(
          ctx,
          400,
          9007,
          2207027,
          "OAuthException",
          "Media ID is not available: the media is not ready for publishing, please wait for a"
              + " moment",
          false);
    }
    IgMedia m = new IgMedia();
    m.id = ctx.nextId();
    m.containerId = c.id;
    m.caption = c.params.get("caption");
    m.timestamp = ctx.now();
    m.shortcode = shortcode(m.id);
    switch (c.type) {
      case "CAROUSEL" -> {
        m.mediaType = "CAROUSEL_ALBUM";
        m.productType = "FEED";
        for (String ch : c.children) {
          Container child = containers.get(ch);
          IgMedia cm = new IgMedia();
          cm.id = ctx.nextId();
          cm.mediaType = child.type.equals("VIDEO") ? "VIDEO" : "IMAGE";
          cm.productType = "FEED";
          cm.timestamp = ctx.now();
          cm.shortcode = shortcode(cm.id);
          media.put(cm.id, cm);
          child.publishedAs = cm.id;
          m.children.add(cm.id);
        }
      }
      case "REELS" -> {
        m.mediaType = "VIDEO";
        m.productType = "REELS";
      }
      case "STORIES" -> {
        m.mediaType =
            c.params.containsKey("video_url") || c.params.containsKey("upload_type")
                ? "VIDEO"
                : "IMAGE";
        m.productType = "STORY";
      }
      default -> {
        m.mediaType = "IMAGE";
        m.productType = "FEED";
      }
    }
    c.publishedAs = m.id;
    media.put(m.id, m);
    seedComments(m, ctx);
    ctx.recordCreated("post", m.id, renderMedia(m, Optional.empty()));
    return SandboxResponse.json(200, JSON.createObjectNode().put("id", m.id));
  }

  private static String shortcode(String id) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    long n = Long.parseLong(id);
    StringBuilder s = new StringBuilder();
    while (n > 0 && s.length() < 11) {
      s.append(alphabet.charAt((int) (n % 64)));
      n /= 64;
    }
    return s.toString();
  }

  // ------------------------------------------------------------------ media, comments, insights

  /**
   * {@code GET /{ig-user-id}?fields=...}: the account's fields, and the mention lookups {@code
   * mentioned_comment.comment_id(<id>){...}} / {@code mentioned_media.media_id(<id>){...}} with
   * Graph's "does not exist" error (100 / 33) for an id that mentions no one here.
   */
  private SandboxResponse user(SandboxRequest req, EmulatorContext ctx) {
    ObjectNode out = JSON.createObjectNode();
    List<String> plain = new ArrayList<>();
    for (String f : topLevel(req.param("fields").orElse(""))) {
      java.util.regex.Matcher mm =
          java.util.regex.Pattern.compile(
                  "mentioned_(comment|media)\\.(comment_id|media_id)\\(([^)]*)\\)(\\{(.*)\\})?")
              .matcher(f);
      if (!mm.matches()) {
        plain.add(f);
        continue;
      }
      boolean comment = mm.group(1).equals("comment");
      if (!mm.group(2).equals(comment ? "comment_id" : "media_id")) {
        return GraphSupport.invalidParam(ctx, "Tried accessing nonexisting field (" + f + ")");
      }
      String oid = mm.group(3).trim();
      ObjectNode found = comment ? mentionedComments.get(oid) : mentionedMedia.get(oid);
      if (found == null) {
        return GraphSupport.notFound(ctx, oid);
      }
      ObjectNode shown = found.deepCopy();
      if (!comment && shown.hasNonNull("caption")) {
        // "Captions that @mention an IG User will not include the @ symbol unless the app user
        // created the IG Media object upon which the caption was made."
        shown.put("caption", shown.get("caption").asText().replace("@" + username, username));
      }
      Set<String> documented =
          comment
              ? Set.of("id", "text", "timestamp", "like_count", "media", "username", "from")
              : Set.of(
                  "caption",
                  "comments_count",
                  "id",
                  "like_count",
                  "media_type",
                  "media_url",
                  "owner",
                  "timestamp",
                  "username");
      List<String> sub =
          mm.group(5) == null
              ? List.of("id", comment ? "text" : "caption", "timestamp")
              : topLevel(mm.group(5));
      ObjectNode node = JSON.createObjectNode();
      for (String sf : sub) {
        String name = sf.indexOf('{') < 0 ? sf : sf.substring(0, sf.indexOf('{'));
        if (documented.contains(name) && shown.has(name)) {
          node.set(name, shown.get(name));
        }
      }
      out.set(comment ? "mentioned_comment" : "mentioned_media", node);
    }
    if (!plain.isEmpty() || out.isEmpty()) {
      out.setAll(userNode(String.join(",", plain)));
    }
    out.put("id", igUserId);
    return SandboxResponse.json(200, out);
  }

  /**
   * Splits a Graph {@code fields} list at its top-level commas (not inside {@code (...)} or {@code
   * {...}}): {@code a,insights.metric(x,y),b{c,d}} gives three.
   */
  static List<String> topLevel(String fields) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char ch : fields.toCharArray()) {
      if (ch == '(' || ch == '{') {
        depth++;
      } else if (ch == ')' || ch == '}') {
        depth--;
      }
      if (ch == ',' && depth == 0) {
        if (!cur.toString().isBlank()) {
          out.add(cur.toString().trim());
        }
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().trim());
    }
    return out;
  }

  /**
   * {@code GET /{ig-media-id}?fields=...}, with the insights edge expanded when asked ({@code
   * insights.metric(a,b)}): the whole request fails as the insights edge alone would (deprecated or
   * unsupported metric for the product type), like Graph.
   */
  private SandboxResponse mediaWithInsights(SandboxRequest req, IgMedia md, EmulatorContext ctx) {
    String fields = req.param("fields").orElse("");
    String metricList = null;
    List<String> rest = new ArrayList<>();
    for (String f : topLevel(fields)) {
      java.util.regex.Matcher im =
          java.util.regex.Pattern.compile("insights\\.metric\\(([^)]*)\\)(\\..*)?").matcher(f);
      if (im.matches()) {
        metricList = im.group(1);
      } else {
        rest.add(f);
      }
    }
    ObjectNode n =
        renderMedia(md, fields.isBlank() ? Optional.empty() : Optional.of(String.join(",", rest)));
    if (metricList == null) {
      return SandboxResponse.json(200, n);
    }
    Object ins = insightsData(metricList, md, ctx);
    if (ins instanceof SandboxResponse refused) {
      return refused;
    }
    n.set("insights", (ObjectNode) ins);
    return SandboxResponse.json(200, n);
  }

  private ObjectNode userNode(String fields) {
    ObjectNode u =
        JSON.createObjectNode()
            .put("id", igUserId)
            .put("username", username)
            .put("name", "Sandbox Brand")
            .put("followers_count", 1200 + Math.floorMod(seed, 500))
            .put("follows_count", 180 + Math.floorMod(seed, 40))
            .put("media_count", media.values().stream().filter(x -> !x.deleted).count());
    return filter(u, fields.isBlank() ? Optional.empty() : Optional.of(fields));
  }

  private ObjectNode renderMedia(IgMedia m, Optional<String> fields) {
    ObjectNode n =
        JSON.createObjectNode()
            .put("id", m.id)
            .put("media_type", m.mediaType)
            .put("media_product_type", m.productType);
    if (m.caption != null) {
      n.put("caption", m.caption);
    }
    n.put(
        "permalink",
        "https://www.instagram.com/"
            + ("REELS".equals(m.productType)
                ? "reel/"
                : "STORY".equals(m.productType) ? "stories/" + username + "/" : "p/")
            + m.shortcode
            + "/");
    n.put("shortcode", m.shortcode);
    n.put("timestamp", TS.format(m.timestamp));
    n.put("username", username);
    n.putObject("owner").put("id", igUserId);
    n.put("is_comment_enabled", true);
    n.put("like_count", metrics.value(m.id, "likes", m.reads, 50));
    n.put("comments_count", comments.values().stream().filter(c -> c.mediaId.equals(m.id)).count());
    if (!m.children.isEmpty()) {
      ArrayNode data = n.putObject("children").putArray("data");
      m.children.forEach(c -> data.addObject().put("id", c));
    }
    return filter(n, fields);
  }

  private static ObjectNode filter(ObjectNode n, Optional<String> fields) {
    if (fields.isEmpty() || fields.get().isBlank()) {
      return n;
    }
    Set<String> want = new LinkedHashSet<>();
    for (String f : topLevel(fields.get())) {
      int brace = f.indexOf('{');
      want.add((brace < 0 ? f : f.substring(0, brace)).trim());
    }
    want.add("id");
    ObjectNode out = JSON.createObjectNode();
    n.fields()
        .forEachRemaining(
            e -> {
              if (want.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  private ObjectNode renderComment(IgComment c) {
    ObjectNode n =
        JSON.createObjectNode()
            .put("id", c.id)
            .put("text", c.text)
            .put("timestamp", TS.format(c.timestamp))
            .put("username", c.username)
            .put("like_count", c.likes)
            .put("hidden", c.hidden);
    n.putObject("from").put("id", c.fromId).put("username", c.username);
    n.putObject("media").put("id", c.mediaId);
    if (c.parentId != null) {
      n.put("parent_id", c.parentId);
    }
    if (!c.replies.isEmpty()) {
      ArrayNode data = n.putObject("replies").putArray("data");
      c.replies.forEach(r -> data.addObject().put("id", r));
    }
    return n;
  }

  private IgComment newComment(
      EmulatorContext ctx,
      String mediaId,
      String parentId,
      String text,
      String user,
      String fromId) {
    IgComment c = new IgComment();
    c.id = ctx.nextId();
    c.mediaId = mediaId;
    c.parentId = parentId;
    c.text = text;
    c.username = user;
    c.fromId = fromId;
    c.timestamp = ctx.now();
    comments.put(c.id, c);
    if (parentId != null) {
      comments.get(parentId).replies.add(c.id);
    }
    return c;
  }

  private void seedComments(IgMedia m, EmulatorContext ctx) {
    if ("STORY".equals(m.productType)) {
      return; // stories take replies as DMs, not comments
    }
    String[] texts = {
      "Love this! 😍",
      "Where was this taken?",
      "So good 🔥",
      "Need this in my life",
      "@friend look at this",
      "Congrats on the launch!"
    };
    int n = 3 + (int) Math.floorMod(seed + Long.parseLong(m.id), 3L);
    for (int i = 0; i < n; i++) {
      IgComment c =
          newComment(
              ctx,
              m.id,
              null,
              texts[(i + (int) Math.floorMod(seed, 6L)) % texts.length],
              "fan_" + (100 + i),
              "1784150000000" + i);
      c.timestamp = ctx.now().plusSeconds(60L * (i + 1));
      c.likes = i;
    }
  }

  private SandboxResponse insights(SandboxRequest req, IgMedia m, EmulatorContext ctx) {
    String list = req.param("metric").orElse("");
    if (list.isBlank()) {
      return GraphSupport.invalidParam(ctx, "The parameter metric is required");
    }
    Object data = insightsData(list, m, ctx);
    return data instanceof SandboxResponse refused
        ? refused
        : SandboxResponse.json(200, (ObjectNode) data);
  }

  /**
   * The insights answer {@code {"data":[...]}} for {@code list}, or the error response Graph gives
   * for a deprecated or unsupported metric.
   */
  private Object insightsData(String list, IgMedia m, EmulatorContext ctx) {
    Set<String> allowed =
        "STORY".equals(m.productType)
            ? STORY_METRICS
            : "REELS".equals(m.productType) ? REELS_METRICS : FEED_METRICS;
    ObjectNode root = JSON.createObjectNode();
    ArrayNode data = root.putArray("data");
    for (String name : list.split(",", -1)) {
      name = name.trim();
      if (DEPRECATED.contains(name)) {
        return GraphSupport.error(
            ctx,
            400,
            100,
            2108006,
            "OAuthException",
            "(#100) Starting from version v22.0 and above, the "
                + name
                + " metric is no longer"
                + " supported",
            false);
      }
      if (!allowed.contains(name)) {
        return GraphSupport.invalidParam(
            ctx,
            "metric[0] must be one of the following values: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
      long v = value(m, name);
      ObjectNode e = data.addObject().put("name", name).put("period", "lifetime");
      e.putArray("values").addObject().put("value", v);
      e.put(
          "title",
          name.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
              + name.substring(1).replace('_', ' '));
      e.put("description", "Sandbox figure for " + name);
      e.put("id", m.id + "/insights/" + name + "/lifetime");
    }
    m.reads++;
    return root;
  }

  private long value(IgMedia m, String name) {
    return switch (name) {
      case "views" -> metrics.value(m.id, name, m.reads, 1000);
      case "reach" -> metrics.value(m.id, name, m.reads, 500);
      case "likes" -> metrics.value(m.id, name, m.reads, 50);
      case "total_interactions" ->
          value(m, "likes") + value(m, "comments") + value(m, "saved") + value(m, "shares");
      case "comments" -> comments.values().stream().filter(c -> c.mediaId.equals(m.id)).count();
      default -> metrics.value(m.id, name, m.reads, 10);
    };
  }

  // ------------------------------------------------------------------ OAuth (Business Login)

  private SandboxResponse authorize(SandboxRequest req, EmulatorContext ctx) {
    String clientId = req.param("client_id").orElse("");
    String redirect = req.param("redirect_uri").orElse("");
    if (!clientId.equals(credentials().clientId()) || redirect.isBlank()) {
      return SandboxResponse.json(400, igOauthError("Invalid platform app"));
    }
    String code = "sbx-ig-code-" + ctx.nextId();
    codes.put(code, redirect);
    String location =
        redirect
            + (redirect.contains("?") ? "&" : "?")
            + "code="
            + code
            + req.param("state")
                .map(st -> "&state=" + URLEncoder.encode(st, StandardCharsets.UTF_8))
                .orElse("")
            + "#_";
    return SandboxResponse.empty(302).header("Location", location);
  }

  /** Issues a code as if the user had approved the app (test hook for the code exchange). */
  public String approveAuthorization(String redirectUri) {
    String code = "sbx-ig-code-approved-" + (codes.size() + 1);
    codes.put(code, redirectUri);
    return code;
  }

  private SandboxResponse exchangeCode(SandboxRequest req, EmulatorContext ctx) {
    SandboxCredentials cr = credentials();
    if (!cr.clientId().equals(req.param("client_id").orElse(""))
        || !cr.clientSecret().equals(req.param("client_secret").orElse(""))) {
      return SandboxResponse.json(400, igOauthError("Invalid Client ID or secret"));
    }
    if (!"authorization_code".equals(req.param("grant_type").orElse(""))) {
      return SandboxResponse.json(400, igOauthError("Unsupported grant type"));
    }
    String code = req.param("code").orElse("");
    String redirect = codes.remove(code);
    if (redirect == null) {
      return SandboxResponse.json(
          400, igOauthError("Matching code was not found or was already used"));
    }
    if (!redirect.equals(req.param("redirect_uri").orElse(""))) {
      return SandboxResponse.json(
          400,
          igOauthError(
              "Error validating verification code. Please"
                  + " make sure your redirect_uri is identical to the one you used in the OAuth dialog"
                  + " request"));
    }
    TokenRegistry.Grant g = tokens.issue(ctx.now());
    shortLived.put(g.accessToken, igUserId);
    ObjectNode root = JSON.createObjectNode();
    root.putArray("data")
        .addObject()
        .put("access_token", g.accessToken)
        .put("user_id", igUserId)
        .put(
            "permissions",
            "instagram_business_basic,instagram_business_content_publish,"
                + "instagram_business_manage_comments,instagram_business_manage_insights");
    return SandboxResponse.json(200, root);
  }

  private static ObjectNode igOauthError(String message) {
    return JSON.createObjectNode()
        .put("error_type", "OAuthException")
        .put("code", 400)
        .put("error_message", message);
  }

  private SandboxResponse longLived(SandboxRequest req, EmulatorContext ctx) {
    if (!"ig_exchange_token".equals(req.param("grant_type").orElse(""))) {
      return GraphSupport.invalidParam(ctx, "grant_type must be ig_exchange_token");
    }
    if (!credentials().clientSecret().equals(req.param("client_secret").orElse(""))) {
      return GraphSupport.error(
          ctx, 400, 101, null, "OAuthException", "Error validating client secret.", false);
    }
    String t = req.param("access_token").orElse("");
    if (tokens.problem(t, ctx.now()) != null || !shortLived.containsKey(t)) {
      return GraphSupport.tokenError(
          ctx, tokens.problem(t, ctx.now()) == null ? "invalid" : tokens.problem(t, ctx.now()));
    }
    shortLived.remove(t);
    TokenRegistry.Grant g = tokens.issue(ctx.now());
    return SandboxResponse.json(
        200,
        JSON.createObjectNode()
            .put("access_token", g.accessToken)
            .put("token_type", "bearer")
            .put("expires_in", 5_183_944L));
  }

  private SandboxResponse refresh(SandboxRequest req, EmulatorContext ctx) {
    if (!"ig_refresh_token".equals(req.param("grant_type").orElse(""))) {
      return GraphSupport.invalidParam(ctx, "grant_type must be ig_refresh_token");
    }
    String t = req.param("access_token").orElse("");
    String problem = tokens.problem(t, ctx.now());
    if (problem != null) {
      return GraphSupport.tokenError(ctx, problem);
    }
    if (shortLived.containsKey(t)) {
      return GraphSupport.error(
          ctx,
          400,
          190,
          null,
          "OAuthException",
          "Short-lived tokens cannot be refreshed; exchange for a long-lived token first",
          false);
    }
    TokenRegistry.Grant g = tokens.issue(ctx.now());
    return SandboxResponse.json(
        200,
        JSON.createObjectNode()
            .put("access_token", g.accessToken)
            .put("token_type", "bearer")
            .put("expires_in", 5_183_944L));
  }

  // ------------------------------------------------------------------ faults and strict mode

  @Override
  public SandboxResponse faultResponse(Fault.Kind kind, SandboxRequest req, EmulatorContext ctx) {
    return switch (kind) {
      case HTTP_429 ->
          // Meta throttles with HTTP 400 and code 80002 (Instagram BUC), headers included
          GraphSupport.error(
                  ctx,
                  400,
                  80002,
                  null,
                  "OAuthException",
                  "(#80002) There have been too many calls to this Instagram account. Wait a bit and try"
                      + " again.",
                  true)
              .headers(usage.headers(ctx.now()));
      case HTTP_5XX ->
          GraphSupport.error(
              ctx,
              503,
              2,
              null,
              "OAuthException",
              "An unexpected error has occurred. Please retry your request later.",
              true);
      case EXPIRED_TOKEN -> GraphSupport.tokenError(ctx, "expired");
      case DUPLICATE_CONTENT ->
          GraphSupport.error(
              ctx, 400, 506, null, "OAuthException", "(#506) Duplicate status message", false);
      default -> null;
    };
  }

  @Override
  public List<String> validateStrict(SandboxRequest req, EmulatorContext ctx) {
    List<String> s = req.segments();
    if (s.size() != 3 || !s.get(0).matches("v\\d+\\.\\d+")) {
      return List.of();
    }
    Set<String> allowed = SPEC_PARAMS.get(s.get(2));
    if (allowed == null) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (String name : params(req).keySet()) {
      if (!allowed.contains(name) && !COMMON_PARAMS.contains(name)) {
        problems.add("parameter '" + name + "' is not in the Graph spec of " + s.get(2));
      }
    }
    Map<String, String> p = params(req);
    if (s.get(2).equals("media_publish") && !p.containsKey("creation_id")) {
      problems.add("required parameter 'creation_id' is missing");
    }
    if (s.get(2).equals("insights") && !p.containsKey("metric")) {
      problems.add("required parameter 'metric' is missing");
    }
    return problems;
  }

  private static Map<String, String> params(SandboxRequest req) {
    Map<String, String> out = new LinkedHashMap<>();
    req.query()
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                out.put(k, v.get(0));
              }
            });
    req.form()
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                out.putIfAbsent(k, v.get(0));
              }
            });
    return out;
  }

  /** Returns the parsed JSON of a stored request field, for tests (e.g. {@code collaborators}). */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      return JSON.nullNode();
    }
  }
}
