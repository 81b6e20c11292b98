package io.smo.testkit.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.smo.core.SmoProtectedApi;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a platform emulator sees it: method, path below the platform prefix (e.g. {@code
 * /2/tweets} for {@code /twitter/2/tweets}), query and form parameters, headers, body and multipart
 * parts. Immutable.
 */
@SmoProtectedApi
public final class SandboxRequest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One part of a multipart body. */
  public static final class Part {
    private final String name;
    private final String fileName;
    private final String contentType;
    private final byte[] body;

    /**
     * Creates a part.
     *
     * @param name the form field name
     * @param fileName the file name, or {@code null}
     * @param contentType the content type, or {@code null}
     * @param body the bytes
     */
    public Part(String name, String fileName, String contentType, byte[] body) {
      this.name = name;
      this.fileName = fileName;
      this.contentType = contentType;
      this.body = body;
    }

    /** Returns the field name. */
    public String name() {
      return name;
    }

    /** Returns the file name, if any. */
    public Optional<String> fileName() {
      return Optional.ofNullable(fileName);
    }

    /** Returns the content type, if any. */
    public Optional<String> contentType() {
      return Optional.ofNullable(contentType);
    }

    /** Returns the bytes. */
    public byte[] body() {
      return body;
    }

    /** Returns the body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final List<Part> parts;
  private volatile JsonNode json;
  private volatile Map<String, List<String>> form;

  /**
   * Creates a request.
   *
   * @param method the HTTP method, upper-case
   * @param path the path below the platform prefix, starting with {@code /}
   * @param rawQuery the raw query string, or {@code null}
   * @param headers headers with lower-case names
   * @param body the body bytes
   * @param parts the multipart parts (empty when not multipart)
   */
  public SandboxRequest(
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body,
      List<Part> parts) {
    this.method = method;
    this.path = path;
    this.query = parseForm(rawQuery);
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.body = body == null ? new byte[0] : body;
    this.parts = List.copyOf(parts);
  }

  /** Returns the HTTP method. */
  public String method() {
    return method;
  }

  /** Returns the path below the platform prefix. */
  public String path() {
    return path;
  }

  /** Returns the path split on {@code /}, without empty segments. */
  public List<String> segments() {
    List<String> s = new ArrayList<>();
    for (String p : path.split("/", -1)) {
      if (!p.isEmpty()) {
        s.add(p);
      }
    }
    return s;
  }

  /** Returns whether method and path match, {@code *} standing for one segment. */
  public boolean is(String method, String pattern) {
    if (!this.method.equals(method)) {
      return false;
    }
    List<String> want = List.of(pattern.replaceAll("^/+|/+$", "").split("/", -1));
    List<String> have = segments();
    if (want.size() != have.size()) {
      return false;
    }
    for (int i = 0; i < want.size(); i++) {
      if (!want.get(i).equals("*") && !want.get(i).equals(have.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns the query parameters. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** Returns the first value of a query parameter, then of a form parameter, if present. */
  public Optional<String> param(String name) {
    List<String> q = query.get(name);
    if (q != null && !q.isEmpty()) {
      return Optional.of(q.get(0));
    }
    List<String> f = form().get(name);
    if (f != null && !f.isEmpty()) {
      return Optional.of(f.get(0));
    }
    for (Part p : parts) {
      if (p.name().equals(name) && p.fileName().isEmpty()) {
        return Optional.of(p.text());
      }
    }
    return Optional.empty();
  }

  /** Returns the form parameters of an {@code application/x-www-form-urlencoded} body. */
  public Map<String, List<String>> form() {
    Map<String, List<String>> f = form;
    if (f == null) {
      f =
          header("content-type").orElse("").startsWith("application/x-www-form-urlencoded")
              ? parseForm(bodyText())
              : Map.of();
      form = f;
    }
    return f;
  }

  /** Returns the first value of a header (name case-insensitive), if present. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Returns all headers, lower-case names. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the bearer token of the {@code Authorization} header, if any. */
  public Optional<String> bearerToken() {
    return header("authorization")
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim());
  }

  /** Returns the body bytes. */
  public byte[] body() {
    return body;
  }

  /** Returns the body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Returns the body parsed as JSON; {@link NullNode} when empty. */
  public JsonNode json() throws IOException {
    JsonNode j = json;
    if (j == null) {
      j = body.length == 0 ? NullNode.getInstance() : JSON.readTree(body);
      json = j;
    }
    return j;
  }

  /** Returns the multipart parts. */
  public List<Part> parts() {
    return parts;
  }

  /** Returns the part named {@code name}, if any. */
  public Optional<Part> part(String name) {
    return parts.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  private static Map<String, List<String>> parseForm(String raw) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int i = pair.indexOf('=');
      String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
      String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
      m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return m;
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
