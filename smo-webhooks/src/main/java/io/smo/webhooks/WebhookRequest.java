package io.smo.webhooks;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as it reached the endpoint: method, URI (path and query), headers and the raw
 * body bytes, untouched. Header names are matched without regard to case. Immutable; the body is
 * not copied, so do not change the array after passing it in.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class WebhookRequest {
  private final String method;
  private final URI uri;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private Map<String, String> query;

  private WebhookRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    this.method = requireNonNull(method, "method == null").toUpperCase(Locale.ROOT);
    this.uri = requireNonNull(uri, "uri == null");
    Map<String, List<String>> h = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
            }
          });
    }
    this.headers = h;
    this.body = body == null ? new byte[0] : body;
  }

  /**
   * Returns a request.
   *
   * @param method the HTTP method, e.g. {@code "POST"}
   * @param uri the request URI; only the path and the query are read
   * @param headers the headers, any case; null means none
   * @param rawBody the body exactly as received; null means empty
   */
  public static WebhookRequest of(
      String method, URI uri, Map<String, List<String>> headers, byte[] rawBody) {
    return new WebhookRequest(method, uri, headers, rawBody);
  }

  /** Returns the upper-case method. */
  public String method() {
    return method;
  }

  /** Returns the URI. */
  public URI uri() {
    return uri;
  }

  /** Returns the first value of header {@code name} (any case), if present. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
  }

  /** Returns the headers with lower-case names, unmodifiable. */
  public Map<String, List<String>> headers() {
    return java.util.Collections.unmodifiableMap(headers);
  }

  /** Returns the first value of query parameter {@code name}, decoded, if present. */
  public Optional<String> queryParam(String name) {
    if (query == null) {
      Map<String, String> q = new LinkedHashMap<>();
      String raw = uri.getRawQuery();
      if (raw != null) {
        for (String pair : raw.split("&", -1)) {
          int eq = pair.indexOf('=');
          try {
            String k =
                URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v =
                eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
          } catch (IllegalArgumentException e) {
            // a malformed escape: the parameter is treated as absent
          }
        }
      }
      query = q;
    }
    return Optional.ofNullable(query.get(name));
  }

  /** Returns the raw body (not copied). */
  public byte[] body() {
    return body;
  }

  @Override
  public String toString() {
    return method + " " + uri.getRawPath() + " (" + body.length + " bytes)";
  }
}
