package io.smo.bitly;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.links.LinkShortener;
import io.smo.core.links.ShortLink;
import io.smo.core.links.ShortLinkKey;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A {@link LinkShortener} over the Bitly API v4 (https://dev.bitly.com/api-reference).
 *
 * <ul>
 *   <li>Create: {@code POST /v4/shorten} with {@code {"long_url", "domain", "group_guid"}} ({@code
 *       domain} and {@code group_guid} only when set); the answer's {@code id} (e.g. {@code
 *       bit.ly/3xYz}) and {@code link} (the short URL) become the {@link ShortLink}.
 *   <li>Clicks: {@code GET /v4/bitlinks/{bitlink}/clicks/summary?unit=day&units=-1} (every unit of
 *       time); the answer's {@code total_clicks}. How far back Bitly counts depends on the plan.
 * </ul>
 *
 * <p>One link per (post, target, variant): Bitly returns the <em>same</em> bitlink whenever a group
 * shortens the same long URL, so two keys must never share one: tag each variant (and post, where
 * posts share a link) differently with {@link io.smo.core.links.LinkTagger}. This shortener
 * remembers the links it made and refuses ({@link IllegalStateException}) a second key for a URL an
 * earlier key used; asking again with the same key and URL returns the remembered link without a
 * call.
 *
 * <p>Errors: 401 {@link AuthenticationException}, 403 {@link PermissionException}, 404 {@link
 * NotFoundException}, 429 {@link RateLimitException} (Bitly sends no rate-limit headers; its limits
 * are per hour and per minute, 5 concurrent calls per IP), other 4xx {@link
 * InvalidRequestException}, 5xx and I/O failures retryable {@link PlatformException} / {@link
 * TransportException}. No call is retried here. The access token never reaches logs, messages or
 * {@code toString()}.
 *
 * <p>Thread-safe. {@link #close()} releases the HTTP client only if this shortener created it.
 */
public final class BitlyLinkShortener implements LinkShortener {
  /** Bitly's API base. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api-ssl.bitly.com/v4/");

  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpUrl base;
  private final String token;
  private final String domain;
  private final String groupGuid;
  private final OkHttpClient http;
  private final boolean ownHttp;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<ShortLinkKey, ShortLink> byKey = new ConcurrentHashMap<>();
  private final Map<URI, ShortLinkKey> byUrl = new ConcurrentHashMap<>();

  private BitlyLinkShortener(Builder b) {
    String u = b.baseUrl.toString();
    base = requireNonNull(HttpUrl.parse(u.endsWith("/") ? u : u + "/"), "baseUrl");
    token = b.token;
    domain = b.domain;
    groupGuid = b.groupGuid;
    ownHttp = b.http == null;
    http =
        b.http != null
            ? b.http
            : new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
  }

  /**
   * Returns a builder.
   *
   * @param accessToken a Bitly access token (OAuth or generic access token)
   * @throws IllegalArgumentException if blank
   */
  public static Builder builder(String accessToken) {
    return new Builder(accessToken);
  }

  @Override
  public String name() {
    return "bitly";
  }

  @Override
  public ShortLink shorten(URI longUrl, ShortLinkKey key) {
    requireNonNull(longUrl, "longUrl == null");
    requireNonNull(key, "key == null");
    String scheme = longUrl.getScheme() == null ? "" : longUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!longUrl.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || longUrl.getRawAuthority() == null) {
      throw new IllegalArgumentException("long URL must be absolute http(s): " + longUrl);
    }
    ShortLink known = byKey.get(key);
    if (known != null) {
      if (known.longUrl().equals(longUrl)) {
        return known;
      }
      throw new IllegalStateException(
          "short link for " + key + " already points to " + known.longUrl() + ", not " + longUrl);
    }
    ShortLinkKey other = byUrl.putIfAbsent(longUrl, key);
    if (other != null && !other.equals(key)) {
      throw new IllegalStateException(
          key
              + " and "
              + other
              + " share the long URL "
              + longUrl
              + "; Bitly would give both one bitlink and merge their clicks: tag each variant differently");
    }
    ObjectNode body = json.createObjectNode().put("long_url", longUrl.toASCIIString());
    if (domain != null) {
      body.put("domain", domain);
    }
    if (groupGuid != null) {
      body.put("group_guid", groupGuid);
    }
    Request req =
        new Request.Builder()
            .url(base.newBuilder().addPathSegment("shorten").build())
            .header("Authorization", "Bearer " + token)
            .post(RequestBody.create(body.toString(), JSON))
            .build();
    JsonNode answer;
    try {
      answer = send(req, "bitly shorten");
    } catch (RuntimeException e) {
      byUrl.remove(longUrl, key);
      throw e;
    }
    String id = answer.path("id").asText("");
    String link = answer.path("link").asText("");
    if (id.isEmpty() || link.isEmpty()) {
      byUrl.remove(longUrl, key);
      throw new TransportException(null, "bitly shorten", "answer has no id or link", null, false);
    }
    ShortLink made = new ShortLink(id, URI.create(link), longUrl, key);
    ShortLink raced = byKey.putIfAbsent(key, made);
    return raced != null ? raced : made;
  }

  @Override
  public long clicks(String linkId) {
    requireNonNull(linkId, "linkId == null");
    String id = linkId.replaceFirst("(?i)^https?://", "");
    HttpUrl.Builder url = base.newBuilder().addPathSegment("bitlinks");
    for (String segment : id.split("/", -1)) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("not a bitlink: '" + linkId + "'");
      }
      url.addPathSegment(segment);
    }
    url.addPathSegment("clicks")
        .addPathSegment("summary")
        .addQueryParameter("unit", "day")
        .addQueryParameter("units", "-1");
    Request req =
        new Request.Builder()
            .url(url.build())
            .header("Authorization", "Bearer " + token)
            .get()
            .build();
    JsonNode answer = send(req, "bitly clicks");
    JsonNode total = answer.get("total_clicks");
    if (total == null || !total.canConvertToLong()) {
      throw new TransportException(null, "bitly clicks", "answer has no total_clicks", null, false);
    }
    return total.asLong();
  }

  private JsonNode send(Request req, String op) {
    try (Response res = http.newCall(req).execute()) {
      ResponseBody rb = res.body();
      String text = rb == null ? "" : rb.string();
      if (res.isSuccessful()) {
        return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
      }
      throw failure(op, res.code(), text);
    } catch (IOException e) {
      throw new TransportException(
          null, op, "I/O failure: " + e.getClass().getSimpleName(), e, true);
    }
  }

  private SmoException failure(String op, int status, String body) {
    String message = "";
    String code = null;
    try {
      JsonNode n = json.readTree(body);
      code = n.path("message").asText(null);
      message = n.path("description").asText(n.path("message").asText(""));
    } catch (IOException | RuntimeException e) {
      message = "";
    }
    ErrorDetails d =
        ErrorDetails.builder(null, op)
            .httpStatus(status)
            .errorCode(code)
            .message(message.isEmpty() ? "Bitly refused the call" : message)
            .bodySnippet(body.length() > 300 ? body.substring(0, 300) : body)
            .build();
    return switch (status) {
      case 401 -> new AuthenticationException(d);
      case 403 -> new PermissionException(d, null);
      case 404 -> new NotFoundException(d);
      case 429 -> new RateLimitException(d, null);
      default -> status >= 500 ? new PlatformException(d, true) : new InvalidRequestException(d);
    };
  }

  @Override
  public void close() {
    if (ownHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "BitlyLinkShortener{" + base + (domain != null ? " domain=" + domain : "") + "}";
  }

  /** Builds {@link BitlyLinkShortener}. Mutable, not thread-safe. */
  public static final class Builder {
    private final String token;
    private URI baseUrl = DEFAULT_BASE_URL;
    private String domain;
    private String groupGuid;
    private OkHttpClient http;

    private Builder(String token) {
      requireNonNull(token, "accessToken == null");
      if (token.isBlank()) {
        throw new IllegalArgumentException("Bitly access token must not be blank");
      }
      this.token = token.strip();
    }

    /** Sets the API base (tests point it at WireMock). Default {@link #DEFAULT_BASE_URL}. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** Sets the short domain ({@code bit.ly} or a branded one); default: the account's default. */
    public Builder domain(String domain) {
      this.domain = domain == null || domain.isBlank() ? null : domain.strip();
      return this;
    }

    /** Sets the group GUID links are created in; default: the account's default group. */
    public Builder groupGuid(String groupGuid) {
      this.groupGuid = groupGuid == null || groupGuid.isBlank() ? null : groupGuid.strip();
      return this;
    }

    /** Uses {@code http} (not closed by {@link BitlyLinkShortener#close()}). */
    public Builder httpClient(OkHttpClient http) {
      this.http = requireNonNull(http, "http == null");
      return this;
    }

    /** Returns the shortener. */
    public BitlyLinkShortener build() {
      return new BitlyLinkShortener(this);
    }
  }
}
