package io.smo.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.text.TextCounting;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emulates the X API v2 endpoints the SDK uses, with state:
 *
 * <ul>
 *   <li>{@code POST /2/tweets} (text, media, reply, quote, reply_settings; weighted 280 check,
 *       duplicate-content 403, the self-serve reply restriction 403 for replies to posts of others
 *       that do not mention the account), {@code GET /2/tweets/{id}} with {@code public_metrics}
 *       (growing per read) and, for own posts, {@code non_public_metrics} / {@code
 *       organic_metrics}; {@code DELETE /2/tweets/{id}};
 *   <li>{@code GET /2/tweets/search/recent?query=conversation_id:<id>}: three seeded replies per
 *       post (the first mentions the account, so replying to it is allowed) plus replies created
 *       through the API, paginated with {@code next_token};
 *   <li>{@code PUT /2/tweets/{id}/hidden} for replies in own conversations;
 *   <li>media v2: one-shot {@code POST /2/media/upload}, {@code initialize}, {@code append} ({@code
 *       segment_index} 0-999), {@code finalize} (video and GIF get {@code processing_info}), {@code
 *       GET /2/media/upload?command=STATUS} ({@code pending → in_progress → succeeded}), {@code
 *       POST /2/media/metadata};
 *   <li>{@code GET /2/users/{id}/tweets} (the account's own posts, newest first, from {@code
 *       start_time}; for reconciliation);
 *   <li>{@code GET /2/users/me}; {@code POST /2/oauth2/token} (code and refresh grants, refresh
 *       token rotated);
 *   <li>{@code x-rate-limit-limit/remaining/reset} headers counting down per endpoint with the
 *       documented per-user limits and a real 429 when exhausted; {@code x-app-limit-24hour-*} on
 *       posts;
 *   <li>errors in X's RFC 7807 problem shape; strict mode validates every request (but the OAuth
 *       token endpoint, absent from the description) against {@code specs/x-api-v2-openapi.json},
 *       which the test kit carries ({@code BundledSpecs}).
 * </ul>
 */
@SmoProtectedApi
public final class TwitterEmulator implements PlatformEmulator {
  /** The sandbox account's user id. */
  public static final String USER_ID = "1790000000000000042";

  /** The sandbox account's handle. */
  public static final String USERNAME = "smo_sandbox";

  /** The OAuth client id the token endpoint accepts. */
  public static final String CLIENT_ID = "sbx-x-client";

  /** The OAuth client secret the token endpoint accepts. */
  public static final String CLIENT_SECRET = "sbx-x-secret";

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final String SPEC = "specs/x-api-v2-openapi.json";
  private static final Pattern CONVERSATION = Pattern.compile("conversation_id:(\\d{1,19})");

  private final TokenRegistry tokens = new TokenRegistry("sbx-x", 0, Duration.ofHours(2), true);
  private final Map<String, RateWindow> windows = new HashMap<>();
  private final RateWindow appPosts = new RateWindow(10_000, Duration.ofHours(24));
  private final Map<String, Tweet> tweets = new LinkedHashMap<>();
  private final Map<String, Upload> uploads = new HashMap<>();
  private final Map<String, String> handles = new HashMap<>();
  private final List<ObjectNode> dmEvents = new ArrayList<>();
  private boolean inboxSeeded;
  private long mentionSequence;
  private SeededMetrics metrics;

  private static final class Tweet {
    /** The added sandbox account that created it, or null for the main account. */
    String account;

    String id;
    String text;
    String authorId;
    String conversationId;
    String inReplyTo;
    String replySettings;
    List<String> mediaIds = new ArrayList<>();
    Instant createdAt;
    boolean hidden;
    boolean deleted;
    boolean seeded;
    long reads;
  }

  private static final class Upload {
    String id;
    String mediaType;
    String category;
    long totalBytes;
    Map<Integer, Integer> segments = new TreeMap<>();
    boolean finalized;
    boolean failing;
    int polls;
    String state;
  }

  /** Creates the emulator (state is empty until the first request). */
  public TwitterEmulator() {}

  @Override
  public Platform platform() {
    return Platform.TWITTER;
  }

  @Override
  public SandboxCredentials credentials() {
    return new SandboxCredentials(
        tokens.initialAccessToken(),
        tokens.initialRefreshToken(),
        CLIENT_ID,
        CLIENT_SECRET,
        USER_ID,
        Map.of("username", USERNAME));
  }

  /** Returns the token registry (tests may expire tokens or count refreshes). */
  public TokenRegistry tokens() {
    return tokens;
  }

  @Override
  public List<String> validateStrict(SandboxRequest request, EmulatorContext context) {
    if (request.path().startsWith("/2/oauth2/")) {
      return List.of();
    }
    return OpenApiRequestValidator.bundled(SPEC).validate(request);
  }

  // ---------------------------------------------------------------- faults

  @Override
  public SandboxResponse faultResponse(Fault.Kind kind, SandboxRequest req, EmulatorContext ctx) {
    Instant now = ctx.now();
    return switch (kind) {
      case HTTP_429 ->
          problem(429, "Too Many Requests", "Too Many Requests", "about:blank")
              .header("x-rate-limit-limit", "100")
              .header("x-rate-limit-remaining", "0")
              .header("x-rate-limit-reset", Long.toString(now.plusSeconds(2).getEpochSecond()));
      case HTTP_5XX -> problem(503, "Service Unavailable", "Service Unavailable", "about:blank");
      case EXPIRED_TOKEN -> {
        req.bearerToken().ifPresent(tokens::expire);
        yield unauthorized();
      }
      case DUPLICATE_CONTENT -> duplicate();
      default -> null;
    };
  }

  // ---------------------------------------------------------------- routing

  @Override
  public SandboxResponse handle(SandboxRequest req, EmulatorContext ctx) throws Exception {
    if (metrics == null) {
      metrics = new SeededMetrics(ctx.seed());
    }
    if (req.is("POST", "2/oauth2/token")) {
      return token(req, ctx);
    }
    String problem = tokens.problem(req.bearerToken().orElse(null), ctx.now());
    if (problem != null) {
      return unauthorized();
    }
    seedInbox(ctx);
    String key = endpointKey(req);
    if (key == null) {
      return problem(
          404,
          "Not Found Error",
          "Sorry, that page does not exist.",
          "https://api.x.com/2/problems/resource-not-found");
    }
    RateWindow w = windows.computeIfAbsent(key, k -> new RateWindow(limitOf(k), WINDOW));
    Instant now = ctx.now();
    if (!w.take(now)) {
      return rateHeaders(
          problem(429, "Too Many Requests", "Too Many Requests", "about:blank"), w, now);
    }
    SandboxResponse resp;
    switch (key) {
      case "tweets.create" -> {
        if (!appPosts.take(now)) {
          resp = problem(429, "Too Many Requests", "Too Many Requests", "about:blank");
        } else {
          resp = createTweet(req, ctx);
        }
        resp =
            resp.header("x-app-limit-24hour-limit", Integer.toString(appPosts.limit()))
                .header("x-app-limit-24hour-remaining", Integer.toString(appPosts.remaining(now)))
                .header(
                    "x-app-limit-24hour-reset",
                    Long.toString(appPosts.resetAt(now).getEpochSecond()));
      }
      case "tweets.delete" -> resp = deleteTweet(req.segments().get(2), ctx);
      case "tweets.read" -> resp = readTweet(req, req.segments().get(2));
      case "tweets.search" -> resp = search(req);
      case "tweets.hide" -> resp = hide(req, req.segments().get(2));
      case "users.me" -> resp = usersMe(req, ctx);
      case "users.tweets" -> resp = userTweets(req, req.segments().get(2));
      case "media.upload" -> resp = simpleUpload(req, ctx);
      case "media.initialize" -> resp = initialize(req, ctx);
      case "media.append" -> resp = append(req, req.segments().get(3), ctx);
      case "media.finalize" -> resp = finalizeUpload(req.segments().get(3), ctx);
      case "media.status" -> resp = status(req);
      case "media.metadata" -> resp = metadata(req);
      case "users.mentions" -> resp = mentions(req);
      case "dm.read" -> resp = readDms(req);
      case "dm.create" -> resp = sendDm(req, ctx);
      default -> throw new IllegalStateException(key);
    }
    return rateHeaders(resp, w, now);
  }

  private static String endpointKey(SandboxRequest r) {
    if (r.is("POST", "2/tweets")) {
      return "tweets.create";
    }
    if (r.is("DELETE", "2/tweets/*")) {
      return "tweets.delete";
    }
    if (r.is("GET", "2/tweets/search/recent")) {
      return "tweets.search";
    }
    if (r.is("GET", "2/tweets/*")) {
      return "tweets.read";
    }
    if (r.is("PUT", "2/tweets/*/hidden")) {
      return "tweets.hide";
    }
    if (r.is("GET", "2/users/me")) {
      return "users.me";
    }
    if (r.is("GET", "2/users/*/tweets")) {
      return "users.tweets";
    }
    if (r.is("GET", "2/users/*/mentions")) {
      return "users.mentions";
    }
    if (r.is("GET", "2/dm_events")
        || r.is("GET", "2/dm_conversations/*/dm_events")
        || r.is("GET", "2/dm_conversations/with/*/dm_events")) {
      return "dm.read";
    }
    if (r.is("POST", "2/dm_conversations/with/*/messages")
        || r.is("POST", "2/dm_conversations/*/messages")) {
      return "dm.create";
    }
    if (r.is("POST", "2/media/upload/initialize")) {
      return "media.initialize";
    }
    if (r.is("POST", "2/media/upload/*/append")) {
      return "media.append";
    }
    if (r.is("POST", "2/media/upload/*/finalize")) {
      return "media.finalize";
    }
    if (r.is("POST", "2/media/upload")) {
      return "media.upload";
    }
    if (r.is("GET", "2/media/upload")) {
      return "media.status";
    }
    if (r.is("POST", "2/media/metadata")) {
      return "media.metadata";
    }
    return null;
  }

  /** The documented per-user 15-minute limits. */
  private static int limitOf(String key) {
    return switch (key) {
      case "tweets.create" -> 100;
      case "tweets.delete", "tweets.hide" -> 50;
      case "tweets.read" -> 900;
      case "tweets.search" -> 300;
      case "users.me" -> 75;
      case "users.tweets" -> 900;
      case "users.mentions" -> 300;
      case "dm.read", "dm.create" -> 15;
      case "media.upload", "media.metadata" -> 500;
      case "media.status" -> 1000;
      default -> 1875;
    };
  }

  private static SandboxResponse rateHeaders(SandboxResponse r, RateWindow w, Instant now) {
    return r.header("x-rate-limit-limit", Integer.toString(w.limit()))
        .header("x-rate-limit-remaining", Integer.toString(w.remaining(now)))
        .header("x-rate-limit-reset", Long.toString(w.resetAt(now).getEpochSecond()));
  }

  // ---------------------------------------------------------------- answers

  private static SandboxResponse problem(int status, String title, String detail, String type) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("title", title);
    b.put("detail", detail);
    b.put("type", type);
    b.put("status", status);
    return SandboxResponse.json(status, b).header("Content-Type", "application/problem+json");
  }

  private static SandboxResponse invalid(String detail) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("errors", List.of(Map.of("message", detail)));
    b.put("title", "Invalid Request");
    b.put("detail", "One or more parameters to your request was invalid.");
    b.put("type", "https://api.twitter.com/2/problems/invalid-request");
    return SandboxResponse.json(400, b);
  }

  private static SandboxResponse unauthorized() {
    return problem(401, "Unauthorized", "Unauthorized", "about:blank");
  }

  private static SandboxResponse duplicate() {
    return problem(
        403,
        "Forbidden",
        "You are not allowed to create a Tweet with duplicate content.",
        "about:blank");
  }

  private static SandboxResponse notFound(String id) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("value", id);
    e.put("detail", "Could not find tweet with id: [" + id + "].");
    e.put("title", "Not Found Error");
    e.put("resource_type", "tweet");
    e.put("parameter", "id");
    e.put("resource_id", id);
    e.put("type", "https://api.twitter.com/2/problems/resource-not-found");
    return SandboxResponse.json(200, Map.of("errors", List.of(e)));
  }

  // ---------------------------------------------------------------- OAuth

  private SandboxResponse token(SandboxRequest req, EmulatorContext ctx) {
    String grant = req.param("grant_type").orElse("");
    boolean clientOk =
        req.header("authorization")
                .map(
                    h ->
                        h.equals(
                            "Basic "
                                + Base64.getEncoder()
                                    .encodeToString(
                                        (CLIENT_ID + ":" + CLIENT_SECRET)
                                            .getBytes(StandardCharsets.UTF_8))))
                .orElse(false)
            || CLIENT_ID.equals(req.param("client_id").orElse(null));
    if (!clientOk) {
      return SandboxResponse.json(
          401,
          Map.of(
              "error",
              "unauthorized_client",
              "error_description",
              "Missing valid authorization header"));
    }
    TokenRegistry.Grant g;
    if (grant.equals("refresh_token")) {
      g = tokens.refresh(req.param("refresh_token").orElse(null), ctx.now());
    } else if (grant.equals("authorization_code")
        && req.param("code").isPresent()
        && req.param("code_verifier").isPresent()) {
      g = tokens.issue(ctx.now());
    } else {
      g = null;
    }
    if (g == null) {
      return SandboxResponse.json(
          400,
          Map.of(
              "error",
              "invalid_request",
              "error_description",
              "Value passed for the token was invalid."));
    }
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("token_type", "bearer");
    b.put("expires_in", g.expiresIn);
    b.put("access_token", g.accessToken);
    b.put(
        "scope",
        "tweet.read tweet.write tweet.moderate.write users.read media.write offline.access");
    b.put("refresh_token", g.refreshToken);
    return SandboxResponse.json(200, b);
  }

  // ---------------------------------------------------------------- posts

  private SandboxResponse createTweet(SandboxRequest req, EmulatorContext ctx) throws Exception {
    JsonNode body = req.json();
    if (!body.isObject()) {
      return invalid("The request body is not a JSON object.");
    }
    String text = body.path("text").asText("");
    JsonNode media = body.path("media").path("media_ids");
    if (text.isEmpty() && (!media.isArray() || media.size() == 0)) {
      return invalid("You must provide text or media.");
    }
    if (TextCounting.X_WEIGHTED.count(text) > 280) {
      return problem(
          400,
          "Invalid Request",
          "Your Tweet text is too long. For more information on "
              + "how X determines text length see https://github.com/twitter/twitter-text.",
          "https://api.x.com/2/problems/invalid-request");
    }
    List<String> mediaIds = new ArrayList<>();
    for (JsonNode m : media) {
      Upload u = uploads.get(m.asText());
      if (u == null || !"succeeded".equals(u.state)) {
        return invalid("Your media IDs are invalid.");
      }
      mediaIds.add(u.id);
    }
    String replyTo = body.path("reply").path("in_reply_to_tweet_id").asText(null);
    Tweet parent = null;
    if (replyTo != null) {
      parent = tweets.get(replyTo);
      if (parent == null || parent.deleted) {
        return problem(
            400,
            "Invalid Request",
            "The Tweet you are replying to does not exist or " + "has been deleted.",
            "https://api.x.com/2/problems/invalid-request");
      }
      if (!parent.authorId.equals(USER_ID)
          && !parent.text.toLowerCase(Locale.ROOT).contains("@" + USERNAME)) {
        return problem(
            403,
            "Forbidden",
            "Reply to this conversation is not allowed because you "
                + "have not been mentioned or otherwise engaged by the author of the post you are "
                + "replying to.",
            "about:blank");
      }
    }
    String quote = body.path("quote_tweet_id").asText(null);
    if (quote != null && !tweets.containsKey(quote)) {
      return invalid("The quoted Tweet does not exist.");
    }
    if (!text.isEmpty()) {
      for (Tweet t : tweets.values()) {
        if (!t.deleted
            && !t.seeded
            && t.authorId.equals(USER_ID)
            && t.text.equals(text)
            && java.util.Objects.equals(t.account, ctx.account().orElse(null))) { // per account
          return duplicate();
        }
      }
    }
    Tweet t = new Tweet();
    t.id = ctx.nextId();
    t.text = text;
    t.authorId = USER_ID;
    t.account = ctx.account().orElse(null);
    t.inReplyTo = replyTo;
    t.conversationId = parent == null ? t.id : parent.conversationId;
    t.replySettings = body.path("reply_settings").asText("everyone");
    t.mediaIds = mediaIds;
    t.createdAt = ctx.now();
    tweets.put(t.id, t);
    ctx.recordCreated(parent == null ? "post" : "reply", t.id, body);
    if (parent == null) {
      seedReplies(t, ctx);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", t.id);
    data.put("text", t.text);
    data.put("edit_history_tweet_ids", List.of(t.id));
    return SandboxResponse.json(201, Map.of("data", data))
        .header("location", ctx.baseUrl().resolve("2/tweets/" + t.id).toString());
  }

  /** {@code GET /2/users/me}; {@code public_metrics} when {@code user.fields} asks for it. */
  private SandboxResponse usersMe(SandboxRequest req, EmulatorContext ctx) {
    ObjectNode d =
        ctx.json()
            .createObjectNode()
            .put("id", USER_ID)
            .put("name", "SMO Sandbox")
            .put("username", USERNAME);
    if (req.param("user.fields").orElse("").contains("public_metrics")) {
      long own;
      synchronized (this) {
        own = tweets.values().stream().filter(t -> !t.deleted && !t.seeded).count();
      }
      d.putObject("public_metrics")
          .put("followers_count", 2500 + Math.floorMod(ctx.seed(), 900))
          .put("following_count", 310 + Math.floorMod(ctx.seed(), 50))
          .put("tweet_count", 120 + own)
          .put("listed_count", 7)
          .put("like_count", 830);
    }
    ObjectNode root = ctx.json().createObjectNode();
    root.set("data", d);
    return SandboxResponse.json(200, root);
  }

  // ---------------------------------------------------------------- inbox: DMs and mentions

  private void seedInbox(EmulatorContext ctx) {
    if (inboxSeeded) {
      return;
    }
    inboxSeeded = true;
    Instant now = ctx.now();
    handles.put(USER_ID, USERNAME);
    receiveDm(
        "1790000000000000101",
        "ann_sandbox",
        "Hi! Is the API down for you too?",
        now.minus(Duration.ofHours(2)));
    receiveDm(
        "1790000000000000102",
        "bo_sandbox",
        "Can I change my order?",
        now.minus(Duration.ofDays(1)));
    ObjectNode answer =
        dmEvent(
            conversationId("1790000000000000102"),
            USER_ID,
            "Sure, send me the order number",
            now.minus(Duration.ofHours(23)));
    dmEvents.add(answer);
    mention(
        "1790000000000000103",
        "cy_sandbox",
        "@" + USERNAME + " your latest post was spot on",
        now.minus(Duration.ofDays(1)));
    mention(
        "1790000000000000101",
        "ann_sandbox",
        "@" + USERNAME + " any update on the outage?",
        now.minus(Duration.ofHours(1)));
  }

  /**
   * Adds a DM from {@code senderId} to the sandbox account (test hook: someone writes).
   *
   * @return the new DM event id
   */
  public String receiveDm(String senderId, String username, String text, Instant at) {
    handles.put(senderId, username);
    ObjectNode e = dmEvent(conversationId(senderId), senderId, text, at);
    dmEvents.add(e);
    return e.get("id").asText();
  }

  /**
   * Adds a post by {@code authorId} (test hook: someone mentions the account; include {@code
   * @smo_sandbox} in the text).
   *
   * @return the new post id
   */
  public String mention(String authorId, String username, String text, Instant at) {
    handles.put(authorId, username);
    Tweet t = new Tweet();
    t.id = Long.toString(1_800_000_000_000_000_000L + ++mentionSequence);
    while (tweets.containsKey(t.id)) {
      t.id = Long.toString(Long.parseLong(t.id) + 1);
    }
    t.text = text;
    t.authorId = authorId;
    t.conversationId = t.id;
    t.createdAt = at;
    t.seeded = true;
    tweets.put(t.id, t);
    return t.id;
  }

  private static String conversationId(String other) {
    return new java.math.BigInteger(other).compareTo(new java.math.BigInteger(USER_ID)) < 0
        ? other + "-" + USER_ID
        : USER_ID + "-" + other;
  }

  private ObjectNode dmEvent(String conversation, String sender, String text, Instant at) {
    ObjectNode e = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    e.put("id", Long.toString(1_850_000_000_000_000_000L + dmEvents.size()));
    e.put("text", text);
    e.put("event_type", "MessageCreate");
    e.put("dm_conversation_id", conversation);
    e.put("created_at", at.toString());
    e.put("sender_id", sender);
    return e;
  }

  private SandboxResponse mentions(SandboxRequest req) {
    String user = req.segments().get(2);
    if (!user.equals(USER_ID)) {
      return problem(
          403,
          "Forbidden",
          "You are not allowed to read the mentions of this user.",
          "https://api.x.com/2/problems/not-authorized-for-resource");
    }
    List<Tweet> list = new ArrayList<>();
    for (Tweet t : tweets.values()) {
      if (!t.deleted
          && !t.authorId.equals(USER_ID)
          && t.text.toLowerCase(Locale.ROOT).contains("@" + USERNAME)) {
        list.add(t);
      }
    }
    list.sort((a, b) -> b.createdAt.compareTo(a.createdAt));
    boolean newNames = req.param("post.fields").isPresent() || req.param("tweet.fields").isEmpty();
    List<String> fields = fieldList(req);
    return SandboxResponse.json(
        200, timelinePage(req, list, t -> tweetJson(t, fields, newNames), t -> t.authorId));
  }

  private <T> ObjectNode timelinePage(
      SandboxRequest req,
      List<T> list,
      java.util.function.Function<T, JsonNode> render,
      java.util.function.Function<T, String> author) {
    int max = Integer.parseInt(req.param("max_results").orElse("10"));
    int start =
        req.param("pagination_token")
            .map(
                tk -> {
                  try {
                    return Integer.parseInt(
                        new String(
                                java.util.Base64.getUrlDecoder().decode(tk),
                                java.nio.charset.StandardCharsets.UTF_8)
                            .replace("page-token-", ""));
                  } catch (RuntimeException e) {
                    return 0;
                  }
                })
            .orElse(0);
    ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    int end = Math.min(list.size(), start + max);
    java.util.LinkedHashSet<String> authors = new java.util.LinkedHashSet<>();
    if (end > start) {
      ArrayNode data = root.putArray("data");
      for (int i = start; i < end; i++) {
        data.add(render.apply(list.get(i)));
        authors.add(author.apply(list.get(i)));
      }
      ArrayNode users = root.putObject("includes").putArray("users");
      for (String a : authors) {
        users
            .addObject()
            .put("id", a)
            .put("name", handles.getOrDefault(a, "user" + a))
            .put("username", handles.getOrDefault(a, "user" + a));
      }
    }
    ObjectNode meta = root.putObject("meta");
    meta.put("result_count", end - start);
    if (end < list.size()) {
      meta.put(
          "next_token",
          java.util.Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  ("page-token-" + end).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return root;
  }

  private SandboxResponse readDms(SandboxRequest req) {
    List<String> seg = req.segments();
    String conversation = null;
    if (seg.size() == 4 && seg.get(1).equals("dm_conversations")) {
      conversation = seg.get(2);
    } else if (seg.size() == 5) {
      conversation = conversationId(seg.get(3));
    }
    List<ObjectNode> list = new ArrayList<>();
    for (ObjectNode e : dmEvents) {
      if (conversation == null || conversation.equals(e.get("dm_conversation_id").asText())) {
        list.add(e);
      }
    }
    list.sort((a, b) -> b.get("created_at").asText().compareTo(a.get("created_at").asText()));
    return SandboxResponse.json(
        200, timelinePage(req, list, e -> e, e -> e.get("sender_id").asText()));
  }

  private SandboxResponse sendDm(SandboxRequest req, EmulatorContext ctx) throws Exception {
    JsonNode body = req.json();
    String text = body.path("text").asText("");
    if (text.isEmpty() && body.path("attachments").size() == 0) {
      return invalid("At least one of text, attachments is required.");
    }
    if (text.codePointCount(0, text.length()) > 10_000) {
      return invalid("text: must be at most 10000 characters.");
    }
    List<String> seg = req.segments();
    String conversation;
    if (seg.get(2).equals("with")) {
      String other = seg.get(3);
      if (!handles.containsKey(other) || other.equals(USER_ID)) {
        return problem(
            403,
            "Forbidden",
            "You are not permitted to send a message to this user.",
            "https://api.x.com/2/problems/not-authorized-for-resource");
      }
      conversation = conversationId(other);
    } else {
      conversation = seg.get(2);
      String c = conversation;
      if (dmEvents.stream().noneMatch(e -> e.get("dm_conversation_id").asText().equals(c))) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("detail", "Could not find dm_conversation with id: [" + c + "].");
        e.put("title", "Not Found Error");
        e.put("resource_type", "dm_conversation");
        e.put("parameter", "dm_conversation_id");
        e.put("resource_id", c);
        e.put("type", "https://api.x.com/2/problems/resource-not-found");
        return SandboxResponse.json(404, e).header("Content-Type", "application/problem+json");
      }
    }
    ObjectNode ev = dmEvent(conversation, USER_ID, text, ctx.now());
    dmEvents.add(ev);
    ctx.recordCreated("dm", ev.get("id").asText(), body);
    return SandboxResponse.json(
        201,
        Map.of(
            "data",
            Map.of("dm_conversation_id", conversation, "dm_event_id", ev.get("id").asText())));
  }

  private void seedReplies(Tweet root, EmulatorContext ctx) {
    String[] texts = {
      "@" + USERNAME + " love this, tell me more!",
      "Interesting, thanks for sharing.",
      "Is there a link to the full story?"
    };
    for (int i = 0; i < texts.length; i++) {
      Tweet r = new Tweet();
      r.id = ctx.nextId();
      r.text = texts[i];
      r.authorId = Long.toString(2_000_000_000L + Math.floorMod(ctx.seed() * 31 + i, 1_000_000L));
      r.inReplyTo = root.id;
      r.conversationId = root.conversationId;
      r.createdAt = ctx.now().plusSeconds(60L * (i + 1));
      r.seeded = true;
      tweets.put(r.id, r);
    }
  }

  private SandboxResponse deleteTweet(String id, EmulatorContext ctx) {
    Tweet t = tweets.get(id);
    if (t == null || t.deleted) {
      return problem(
          404,
          "Not Found Error",
          "Could not find tweet with id: [" + id + "].",
          "https://api.x.com/2/problems/resource-not-found");
    }
    if (!t.authorId.equals(USER_ID)) {
      return problem(403, "Forbidden", "You are not allowed to delete this Tweet.", "about:blank");
    }
    t.deleted = true;
    ctx.recordDeleted(id);
    return SandboxResponse.json(200, Map.of("data", Map.of("deleted", true)));
  }

  private SandboxResponse readTweet(SandboxRequest req, String id) {
    Tweet t = tweets.get(id);
    if (t == null || t.deleted) {
      return notFound(id);
    }
    boolean newNames = req.param("post.fields").isPresent();
    List<String> fields = fieldList(req);
    boolean own = t.authorId.equals(USER_ID);
    if (!own && (fields.contains("non_public_metrics") || fields.contains("organic_metrics"))) {
      String f = fields.contains("non_public_metrics") ? "non_public_metrics" : "organic_metrics";
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("parameter", f);
      e.put("resource_id", id);
      e.put("value", f);
      e.put(
          "detail",
          "Sorry, you are not authorized to access '"
              + f
              + "' on the Tweet with ids: ["
              + id
              + "].");
      e.put("title", "Field Authorization Error");
      e.put("resource_type", "tweet");
      e.put("type", "https://api.twitter.com/2/problems/not-authorized-for-field");
      return SandboxResponse.json(200, Map.of("errors", List.of(e)));
    }
    ObjectNode data = tweetJson(t, fields, newNames);
    t.reads++;
    return SandboxResponse.json(200, Map.of("data", data));
  }

  /**
   * {@code GET /2/users/:id/tweets}: the user's own live posts (not the seeded ones of others),
   * newest first, from {@code start_time} on, at most {@code max_results} (default 10, 5-100).
   */
  private SandboxResponse userTweets(SandboxRequest req, String userId) {
    Instant start = req.param("start_time").map(Instant::parse).orElse(Instant.EPOCH);
    int max = req.param("max_results").map(Integer::parseInt).orElse(10);
    List<Tweet> own = new ArrayList<>();
    for (Tweet t : tweets.values()) {
      if (!t.deleted && !t.seeded && t.authorId.equals(userId) && !t.createdAt.isBefore(start)) {
        own.add(t);
      }
    }
    java.util.Collections.reverse(own);
    List<ObjectNode> data = new ArrayList<>();
    for (Tweet t : own.subList(0, Math.min(max, own.size()))) {
      data.add(tweetJson(t, fieldList(req), false));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("result_count", data.size());
    return data.isEmpty()
        ? SandboxResponse.json(200, Map.of("meta", meta))
        : SandboxResponse.json(200, Map.of("data", data, "meta", meta));
  }

  /**
   * The requested fields: {@code post.fields} (OpenAPI 2.167) or the older {@code tweet.fields}.
   */
  private static List<String> fieldList(SandboxRequest req) {
    return List.of(
        req.param("post.fields").or(() -> req.param("tweet.fields")).orElse("").split(","));
  }

  /**
   * Renders a post. With {@code post.fields} the 2.167 names are used ({@code
   * edit_history_post_ids}, {@code referenced_posts}, {@code repost_count}) and, since that
   * description offers no field to request them, {@code author_id}, {@code in_reply_to_user_id} and
   * {@code referenced_posts} are always included (an assumption); with {@code tweet.fields} the
   * documented older names, on request.
   */
  private ObjectNode tweetJson(Tweet t, List<String> requested, boolean newNames) {
    List<String> fields = new ArrayList<>(requested);
    if (newNames) {
      fields.addAll(List.of("author_id", "in_reply_to_user_id", "referenced_tweets"));
    }
    ObjectNode d = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    d.put("id", t.id);
    d.put("text", t.text);
    d.putArray(newNames ? "edit_history_post_ids" : "edit_history_tweet_ids").add(t.id);
    if (fields.contains("author_id")) {
      d.put("author_id", t.authorId);
    }
    if (fields.contains("created_at")) {
      d.put("created_at", t.createdAt.toString());
    }
    if (fields.contains("conversation_id")) {
      d.put("conversation_id", t.conversationId);
    }
    if (fields.contains("in_reply_to_user_id") && t.inReplyTo != null) {
      Tweet p = tweets.get(t.inReplyTo);
      if (p != null) {
        d.put("in_reply_to_user_id", p.authorId);
      }
    }
    if (fields.contains("referenced_tweets") && t.inReplyTo != null) {
      ArrayNode refs = d.putArray(newNames ? "referenced_posts" : "referenced_tweets");
      refs.addObject().put("type", "replied_to").put("id", t.inReplyTo);
    }
    long r = t.reads;
    if (fields.contains("public_metrics")) {
      ObjectNode pm = d.putObject("public_metrics");
      pm.put(newNames ? "repost_count" : "retweet_count", metrics.value(t.id, "retweet", r, 10));
      pm.put("reply_count", replies(t.id).size());
      pm.put("like_count", metrics.value(t.id, "like", r, 100));
      pm.put("quote_count", metrics.value(t.id, "quote", r, 4));
      pm.put("bookmark_count", metrics.value(t.id, "bookmark", r, 6));
      pm.put("impression_count", metrics.value(t.id, "impression", r, 1000));
    }
    if (fields.contains("non_public_metrics")) {
      ObjectNode np = d.putObject("non_public_metrics");
      np.put("impression_count", metrics.value(t.id, "impression", r, 1000));
      np.put("url_link_clicks", metrics.value(t.id, "url_link_clicks", r, 20));
      np.put("user_profile_clicks", metrics.value(t.id, "user_profile_clicks", r, 10));
      np.put("engagements", metrics.value(t.id, "engagements", r, 150));
    }
    if (fields.contains("organic_metrics")) {
      ObjectNode om = d.putObject("organic_metrics");
      om.put("impression_count", metrics.value(t.id, "impression", r, 1000));
      om.put("like_count", metrics.value(t.id, "like", r, 100));
      om.put("reply_count", replies(t.id).size());
      om.put("retweet_count", metrics.value(t.id, "retweet", r, 10));
      om.put("url_link_clicks", metrics.value(t.id, "url_link_clicks", r, 20));
      om.put("user_profile_clicks", metrics.value(t.id, "user_profile_clicks", r, 10));
    }
    return d;
  }

  private List<Tweet> replies(String conversationId) {
    List<Tweet> out = new ArrayList<>();
    for (Tweet t : tweets.values()) {
      if (!t.deleted && conversationId.equals(t.conversationId) && !t.id.equals(conversationId)) {
        out.add(t);
      }
    }
    out.sort(
        (a, b) ->
            b.createdAt.compareTo(a.createdAt) != 0
                ? b.createdAt.compareTo(a.createdAt)
                : b.id.compareTo(a.id));
    return out;
  }

  private SandboxResponse search(SandboxRequest req) {
    String query = req.param("query").orElse("");
    if (query.isBlank()) {
      return problem(
          400,
          "Invalid Request",
          "The `query` query parameter can not be empty",
          "https://api.x.com/2/problems/invalid-request");
    }
    int max = 10;
    if (req.param("max_results").isPresent()) {
      try {
        max = Integer.parseInt(req.param("max_results").get());
      } catch (NumberFormatException e) {
        max = -1;
      }
      if (max < 10 || max > 100) {
        return problem(
            400,
            "Invalid Request",
            "The `max_results` query parameter value ["
                + req.param("max_results").get()
                + "] is not between 10 and 100",
            "https://api.x.com/2/problems/invalid-request");
      }
    }
    Matcher m = CONVERSATION.matcher(query);
    List<Tweet> found = m.find() ? replies(m.group(1)) : List.of();
    int start = 0;
    Optional<String> next = req.param("next_token");
    if (next.isPresent()) {
      try {
        start =
            Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(next.get()), StandardCharsets.UTF_8)
                    .substring(1));
      } catch (RuntimeException e) {
        return problem(
            400,
            "Invalid Request",
            "The `next_token` query parameter value is invalid",
            "https://api.x.com/2/problems/invalid-request");
      }
    }
    List<String> fields = fieldList(req);
    boolean newNames = req.param("post.fields").isPresent();
    ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    int end = Math.min(found.size(), start + max);
    ObjectNode meta = root.putObject("meta");
    if (start < end) {
      ArrayNode data = root.putArray("data");
      for (Tweet t : found.subList(start, end)) {
        data.add(tweetJson(t, fields, newNames));
      }
      meta.put("newest_id", found.get(start).id);
      meta.put("oldest_id", found.get(end - 1).id);
    }
    meta.put("result_count", end - start);
    if (end < found.size()) {
      meta.put(
          "next_token",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(("p" + end).getBytes(StandardCharsets.UTF_8)));
    }
    return SandboxResponse.json(200, root);
  }

  private SandboxResponse hide(SandboxRequest req, String id) throws Exception {
    JsonNode body = req.json();
    if (!body.path("hidden").isBoolean()) {
      return invalid("The `hidden` field is required and must be a boolean.");
    }
    Tweet t = tweets.get(id);
    if (t == null || t.deleted) {
      return problem(
          404,
          "Not Found Error",
          "Could not find tweet with id: [" + id + "].",
          "https://api.x.com/2/problems/resource-not-found");
    }
    Tweet root = tweets.get(t.conversationId);
    if (t.inReplyTo == null || root == null || !root.authorId.equals(USER_ID)) {
      return problem(
          403,
          "Forbidden",
          "You cannot hide or unhide replies to conversations you " + "do not own.",
          "https://api.x.com/2/problems/not-authorized-for-resource");
    }
    t.hidden = body.path("hidden").asBoolean();
    return SandboxResponse.json(200, Map.of("data", Map.of("hidden", t.hidden)));
  }

  // ---------------------------------------------------------------- media

  private static String keyPrefix(String category) {
    if (category == null) {
      return "3_";
    }
    return category.contains("video") ? "7_" : category.contains("gif") ? "16_" : "3_";
  }

  private SandboxResponse simpleUpload(SandboxRequest req, EmulatorContext ctx) {
    Optional<SandboxRequest.Part> media = req.part("media");
    String category = req.param("media_category").orElse(null);
    if (media.isEmpty() || category == null) {
      return invalid("media and media_category are required.");
    }
    Upload u = new Upload();
    u.id = ctx.nextId();
    u.category = category;
    u.totalBytes = media.get().body().length;
    u.finalized = true;
    u.state = "succeeded";
    uploads.put(u.id, u);
    ctx.recordCreated(
        "media",
        u.id,
        ctx.json().createObjectNode().put("media_category", category).put("size", u.totalBytes));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", u.id);
    data.put("media_key", keyPrefix(category) + u.id);
    data.put("size", u.totalBytes);
    data.put("expires_after_secs", 86400);
    data.put("image", Map.of("image_type", "image/jpeg", "w", 1, "h", 1));
    return SandboxResponse.json(200, Map.of("data", data));
  }

  private SandboxResponse initialize(SandboxRequest req, EmulatorContext ctx) throws Exception {
    JsonNode b = req.json();
    if (!b.path("total_bytes").isNumber() || !b.hasNonNull("media_type")) {
      return invalid("media_type and total_bytes are required.");
    }
    Upload u = new Upload();
    u.id = ctx.nextId();
    u.mediaType = b.path("media_type").asText();
    u.category = b.path("media_category").asText("tweet_image");
    u.totalBytes = b.path("total_bytes").asLong();
    u.failing = ctx.activeFault().filter(k -> k == Fault.Kind.MEDIA_PROCESSING_FAILURE).isPresent();
    uploads.put(u.id, u);
    ctx.recordCreated("media", u.id, b);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", u.id);
    data.put("media_key", keyPrefix(u.category) + u.id);
    data.put("expires_after_secs", 86400);
    return SandboxResponse.json(200, Map.of("data", data));
  }

  private SandboxResponse append(SandboxRequest req, String id, EmulatorContext ctx) {
    Upload u = uploads.get(id);
    if (u == null || u.finalized) {
      return invalid("The media id is invalid or the upload is finalized.");
    }
    int index;
    try {
      index = Integer.parseInt(req.param("segment_index").orElse(""));
    } catch (NumberFormatException e) {
      return invalid("segment_index is required.");
    }
    if (index < 0 || index > 999) {
      return invalid("segment_index must be between 0 and 999.");
    }
    Optional<SandboxRequest.Part> media = req.part("media");
    if (media.isEmpty()) {
      return invalid("media is required.");
    }
    u.segments.put(index, media.get().body().length);
    if (ctx.activeFault().filter(k -> k == Fault.Kind.MEDIA_PROCESSING_FAILURE).isPresent()) {
      u.failing = true;
    }
    return SandboxResponse.json(
        200, Map.of("data", Map.of("expires_at", ctx.now().plusSeconds(86400).getEpochSecond())));
  }

  private SandboxResponse finalizeUpload(String id, EmulatorContext ctx) {
    Upload u = uploads.get(id);
    if (u == null) {
      return invalid("The media id is invalid.");
    }
    long received = u.segments.values().stream().mapToLong(Integer::longValue).sum();
    if (received != u.totalBytes) {
      return invalid("Segments do not add up to provided total file size.");
    }
    if (ctx.activeFault().filter(k -> k == Fault.Kind.MEDIA_PROCESSING_FAILURE).isPresent()) {
      u.failing = true;
    }
    u.finalized = true;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", u.id);
    data.put("media_key", keyPrefix(u.category) + u.id);
    data.put("size", u.totalBytes);
    data.put("expires_after_secs", 86400);
    if (u.category.contains("video") || u.category.contains("gif")) {
      u.state = "pending";
      data.put("processing_info", Map.of("state", "pending", "check_after_secs", 1));
    } else {
      u.state = u.failing ? "failed" : "succeeded";
    }
    return SandboxResponse.json(200, Map.of("data", data));
  }

  private SandboxResponse status(SandboxRequest req) {
    String id = req.param("media_id").orElse("");
    Upload u = uploads.get(id);
    if (u == null) {
      return invalid("The media id is invalid.");
    }
    Map<String, Object> info = new LinkedHashMap<>();
    if (u.state == null || u.state.equals("pending") || u.state.equals("in_progress")) {
      u.polls++;
      if (u.polls == 1) {
        u.state = "in_progress";
        info.put("check_after_secs", 1);
        info.put("progress_percent", 50);
      } else {
        u.state = u.failing ? "failed" : "succeeded";
      }
    }
    info.put("state", u.state);
    if (u.state.equals("succeeded")) {
      info.put("progress_percent", 100);
    }
    if (u.state.equals("failed")) {
      info.put(
          "error",
          Map.of("code", 1, "name", "InvalidMedia", "message", "Unsupported video format"));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", u.id);
    data.put("media_key", keyPrefix(u.category) + u.id);
    data.put("size", u.totalBytes);
    data.put("expires_after_secs", 86400);
    data.put("processing_info", info);
    return SandboxResponse.json(200, Map.of("data", data));
  }

  private SandboxResponse metadata(SandboxRequest req) throws Exception {
    JsonNode b = req.json();
    String id = b.path("id").asText("");
    if (!uploads.containsKey(id)) {
      return invalid("The media id is invalid.");
    }
    String alt = b.path("metadata").path("alt_text").path("text").asText("");
    if (alt.codePointCount(0, alt.length()) > 1000) {
      return invalid("Alt text is too long (1000 characters at most).");
    }
    return SandboxResponse.json(200, Map.of("data", Map.of("id", id, "associated_metadata", true)));
  }
}
