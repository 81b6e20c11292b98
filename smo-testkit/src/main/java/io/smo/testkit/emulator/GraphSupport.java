package io.smo.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.SmoProtectedApi;
import io.smo.testkit.spi.EmulatorContext;
import io.smo.testkit.spi.RateWindow;
import io.smo.testkit.spi.SandboxRequest;
import io.smo.testkit.spi.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the two Meta emulators ({@code FacebookEmulator}, {@code InstagramEmulator}) share: Graph
 * error bodies with an {@code fbtrace_id}, the usage headers that count up ({@code X-App-Usage},
 * {@code X-Business-Use-Case-Usage}) with the throttling error when exhausted, the cursor paging
 * envelope, and reading the access token the way Graph does ({@code access_token} parameter, or
 * {@code Authorization: Bearer|OAuth}).
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/guides/error-handling">Graph API
 *     error handling</a>
 */
@SmoProtectedApi
public final class GraphSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRACE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  private GraphSupport() {}

  /** Returns a Graph-style trace id (11 characters, as in real bodies), derived from a fresh id. */
  public static String traceId(EmulatorContext ctx) {
    long h = ctx.nextId().hashCode() * 0x9E3779B97F4A7C15L ^ ctx.seed();
    StringBuilder s = new StringBuilder("A");
    for (int i = 0; i < 22; i++) {
      s.append(TRACE_CHARS.charAt((int) Math.floorMod(h, TRACE_CHARS.length())));
      h = h * 6364136223846793005L + 1442695040888963407L;
    }
    return s.toString();
  }

  /**
   * Returns a Graph error answer: {@code {"error":{message,type,code,error_subcode,
   * is_transient,fbtrace_id}}} with the {@code x-fb-trace-id} header.
   *
   * @param ctx the context (for the trace id)
   * @param status the HTTP status (Meta uses 400 for most errors, also for throttling)
   * @param code the Graph {@code code}
   * @param subcode the {@code error_subcode}, or {@code null}
   * @param type the {@code type}, e.g. {@code OAuthException}
   * @param message the {@code message}
   * @param isTransient the {@code is_transient} flag
   * @return the answer
   */
  public static SandboxResponse error(
      EmulatorContext ctx,
      int status,
      int code,
      Integer subcode,
      String type,
      String message,
      boolean isTransient) {
    String trace = traceId(ctx);
    ObjectNode e = JSON.createObjectNode();
    e.put("message", message);
    e.put("type", type);
    e.put("code", code);
    if (subcode != null) {
      e.put("error_subcode", subcode);
    }
    e.put("is_transient", isTransient);
    e.put("fbtrace_id", trace);
    ObjectNode root = JSON.createObjectNode();
    root.set("error", e);
    return SandboxResponse.json(status, root)
        .header("x-fb-trace-id", trace)
        .header(
            "WWW-Authenticate",
            code == 190
                ? "OAuth \"Facebook Platform\" \"invalid_token\" \""
                    + message.replace('"', '\'')
                    + "\""
                : "OAuth \"Facebook Platform\"");
  }

  /** Returns the {@code (#100)} invalid-parameter error for a missing or bad parameter. */
  public static SandboxResponse invalidParam(EmulatorContext ctx, String message) {
    return error(ctx, 400, 100, null, "OAuthException", "(#100) " + message, false);
  }

  /** Returns the "object does not exist" error (code 100, subcode 33). */
  public static SandboxResponse notFound(EmulatorContext ctx, String id) {
    return error(
        ctx,
        400,
        100,
        33,
        "GraphMethodException",
        "Unsupported get request. Object with ID '"
            + id
            + "' does not exist, cannot be loaded due to missing permissions, or does not support"
            + " this operation.",
        false);
  }

  /**
   * Returns the token error for a {@link io.smo.testkit.spi.TokenRegistry#problem} reason: code 190
   * with subcode 463 (expired) or 467 (invalid), or code 190 alone (missing).
   */
  public static SandboxResponse tokenError(EmulatorContext ctx, String problem) {
    if ("expired".equals(problem)) {
      return error(
          ctx,
          400,
          190,
          463,
          "OAuthException",
          "Error validating access token: Session has expired on Sunday, 01-Jan-26 00:00:00 PST."
              + " The current time is later.",
          false);
    }
    if ("missing".equals(problem)) {
      return error(
          ctx,
          400,
          2500,
          null,
          "OAuthException",
          "An active access token must be used to query information about the current user.",
          false);
    }
    return error(
        ctx,
        400,
        190,
        467,
        "OAuthException",
        "Invalid OAuth access token - Cannot parse access token",
        false);
  }

  /**
   * Returns the access token of a request as Graph reads it: the {@code access_token} parameter,
   * else an {@code Authorization: Bearer <t>} or {@code OAuth <t>} header.
   */
  public static Optional<String> token(SandboxRequest req) {
    Optional<String> p = req.param("access_token");
    if (p.isPresent()) {
      return p;
    }
    return req.header("authorization")
        .map(String::trim)
        .flatMap(
            h -> {
              int sp = h.indexOf(' ');
              if (sp < 0) {
                return Optional.empty();
              }
              String scheme = h.substring(0, sp).toLowerCase(Locale.ROOT);
              return scheme.equals("bearer") || scheme.equals("oauth")
                  ? Optional.of(h.substring(sp + 1).trim())
                  : Optional.empty();
            });
  }

  /**
   * Usage headers that count up with every call, and Meta's throttling answer once the window is
   * used up. Not thread-safe (emulators are called one at a time).
   */
  public static final class Usage {
    private final RateWindow window;
    private final String header;
    private final String objectId;
    private final String type;
    private final int throttleCode;

    /**
     * Creates the counter.
     *
     * @param limit calls per window
     * @param window the window length
     * @param objectId the business object id for {@code X-Business-Use-Case-Usage}, or {@code null}
     *     to send {@code X-App-Usage} instead
     * @param type the BUC type ({@code pages}, {@code instagram})
     * @param throttleCode the Graph code when exhausted (80001 Pages BUC, 80002 Instagram BUC, 4
     *     app)
     */
    public Usage(int limit, Duration window, String objectId, String type, int throttleCode) {
      this.window = new RateWindow(limit, window);
      this.header = objectId == null ? "X-App-Usage" : "X-Business-Use-Case-Usage";
      this.objectId = objectId;
      this.type = type;
      this.throttleCode = throttleCode;
    }

    /**
     * Counts one call.
     *
     * @return whether it is allowed
     */
    public boolean take(Instant now) {
      return window.take(now);
    }

    /** Returns the headers describing the current usage (percentages, minutes to regain access). */
    public java.util.Map<String, String> headers(Instant now) {
      int pct = window.usedPercent(now);
      String figures =
          "\"call_count\":"
              + pct
              + ",\"total_cputime\":"
              + Math.max(1, pct / 2)
              + ",\"total_time\":"
              + Math.max(1, pct / 2);
      java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
      if (objectId == null) {
        h.put(header, "{" + figures + "}");
      } else {
        long regain =
            window.remaining(now) > 0
                ? 0
                : Math.max(1, (Duration.between(now, window.resetAt(now)).toSeconds() + 59) / 60);
        h.put(
            header,
            "{\""
                + objectId
                + "\":[{\"type\":\""
                + type
                + "\","
                + figures
                + ",\"estimated_time_to_regain_access\":"
                + regain
                + "}]}");
      }
      return h;
    }

    /** Returns the throttling error (HTTP 400, code 4 / 80001 / 80002) with the usage headers. */
    public SandboxResponse throttled(EmulatorContext ctx) {
      String msg =
          throttleCode == 4
              ? "(#4) Application request limit reached"
              : throttleCode == 80002
                  ? "(#80002) There have been too many calls to this Instagram account."
                      + " Wait a bit and try again."
                  : "(#"
                      + throttleCode
                      + ") There have been too many calls to this Page account. Wait a bit"
                      + " and try again. For more info, please refer to"
                      + " https://developers.facebook.com/docs/graph-api/overview/rate-limiting.";
      return error(
              ctx,
              400,
              throttleCode,
              throttleCode == 80001 ? 2494055 : null,
              "OAuthException",
              msg,
              true)
          .headers(headers(ctx.now()));
    }
  }

  /**
   * Returns a Graph list envelope for a slice of {@code items}: {@code data}, and {@code paging}
   * with base64 {@code cursors.before/after} and a {@code next} URL (only when more follow).
   *
   * @param ctx the context (its base URL builds {@code next})
   * @param path the edge path below the platform prefix, e.g. {@code v26.0/123/comments}, with the
   *     request's own query parameters when the next page needs them ({@code ?platform=…})
   * @param items all items in order
   * @param after the {@code after} cursor of the request, or {@code null}
   * @param limit the page size
   * @param render renders one item
   * @param <T> the item type
   * @return the envelope
   */
  public static <T> ObjectNode page(
      EmulatorContext ctx,
      String path,
      List<T> items,
      String after,
      int limit,
      Function<T, JsonNode> render) {
    int start = after == null ? 0 : decodeCursor(after) + 1;
    start = Math.max(0, Math.min(start, items.size()));
    int end = Math.min(items.size(), start + Math.max(1, limit));
    ObjectNode root = JSON.createObjectNode();
    ArrayNode data = root.putArray("data");
    for (int i = start; i < end; i++) {
      data.add(render.apply(items.get(i)));
    }
    if (end > start) {
      ObjectNode paging = root.putObject("paging");
      ObjectNode cursors = paging.putObject("cursors");
      cursors.put("before", cursor(start));
      cursors.put("after", cursor(end - 1));
      if (end < items.size()) {
        // like Graph's, the next URL repeats the request's own parameters (a path may carry them)
        paging.put(
            "next",
            ctx.baseUrl()
                + path.replaceAll("^/+", "")
                + (path.contains("?") ? "&" : "?")
                + "limit="
                + limit
                + "&after="
                + cursor(end - 1));
      }
    }
    return root;
  }

  /** Parses a Graph time ({@code 2026-12-04T10:00:00+0000}). */
  public static java.time.Instant parseTime(String s) {
    return java.time.OffsetDateTime.parse(
            s, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"))
        .toInstant();
  }

  /** Returns the opaque cursor of position {@code index}. */
  public static String cursor(int index) {
    return Base64.getEncoder()
        .withoutPadding()
        .encodeToString(("idx:" + index).getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the position of a cursor made by {@link #cursor(int)}, or -1 if unreadable. */
  public static int decodeCursor(String cursor) {
    try {
      String s = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
      return s.startsWith("idx:") ? Integer.parseInt(s.substring(4)) : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
