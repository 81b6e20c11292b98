package io.smo.metagraph.spi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoProtectedApi;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Graph paging into the core {@link Paginator}. A Graph list looks like
 *
 * <pre>{@code
 * {"data":[…],"paging":{"cursors":{"before":"…","after":"…"},"next":"https://graph.facebook.com/v26.0/…&after=…"}}
 * }</pre>
 *
 * and has a next page exactly when {@code paging.next} is present. Some edges page by cursors,
 * others by time ({@code since}/{@code until}/{@code __paging_token}, e.g. Page feeds and
 * insights), so the marker carried between pages is the {@code paging.next} URL itself; {@link
 * #rebase(String, URI)} points it at the client's base URL (so a host override or the sandbox is
 * kept) and drops any {@code access_token} / {@code appsecret_proof} from it (the client sends its
 * own). The paginator stops on a repeated marker, so a page that does not advance cannot loop.
 * Markers should not be persisted (Meta says cursors expire).
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/results">Graph API paginated
 *     results</a>
 */
@SmoProtectedApi
public final class GraphPaging {
  private static final Pattern VERSION_SEGMENT = Pattern.compile("/v\\d+\\.\\d+/");

  private GraphPaging() {}

  /**
   * Returns the marker of the next page of a Graph list body: its {@code paging.next} URL.
   *
   * @param body the list body
   * @return the next URL, absent on the last page
   */
  public static Optional<String> nextCursor(JsonNode body) {
    JsonNode paging = body == null ? null : body.get("paging");
    if (paging == null || !paging.hasNonNull("next") || paging.get("next").asText().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(paging.get("next").asText());
  }

  /**
   * Returns the {@code after} cursor of a Graph list body ({@code paging.cursors.after}, else the
   * {@code after} parameter of {@code paging.next}), only when a next page exists.
   *
   * @param body the list body
   * @return the cursor, absent on the last page or for time-based paging
   */
  public static Optional<String> afterCursor(JsonNode body) {
    Optional<String> next = nextCursor(body);
    if (next.isEmpty()) {
      return Optional.empty();
    }
    String after = body.path("paging").path("cursors").path("after").asText("");
    return after.isEmpty() ? queryParam(next.get(), "after") : Optional.of(after);
  }

  /**
   * Points a {@code paging.next} URL at {@code baseUrl}: the part from the version segment ({@code
   * /vNN.N/…}) on is appended to the base URL; {@code access_token} and {@code appsecret_proof}
   * parameters are removed. A URL without a version segment is only stripped of those parameters.
   *
   * @param nextUrl the URL Meta returned
   * @param baseUrl the client's base URL (e.g. {@code https://graph.facebook.com/})
   * @return the URL to request
   */
  public static String rebase(String nextUrl, URI baseUrl) {
    String url = nextUrl;
    Matcher m = VERSION_SEGMENT.matcher(url);
    if (m.find()) {
      String b = baseUrl.toString();
      url = (b.endsWith("/") ? b : b + "/") + url.substring(m.start() + 1);
    }
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      return url;
    }
    return parsed
        .newBuilder()
        .removeAllQueryParameters("access_token")
        .removeAllQueryParameters(AppSecretProof.PARAM)
        .build()
        .toString();
  }

  /**
   * Reads one query parameter of a URL.
   *
   * @param url the URL
   * @param name the parameter name
   * @return its decoded value, if present and non-empty
   */
  public static Optional<String> queryParam(String url, String name) {
    int q = url == null ? -1 : url.indexOf('?');
    if (q < 0) {
      return Optional.empty();
    }
    for (String pair : url.substring(q + 1).split("&", -1)) {
      int i = pair.indexOf('=');
      if (i > 0 && URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8).equals(name)) {
        String v = URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * Converts a Graph list body into a core page.
   *
   * @param body the list body ({@code data} array, {@code paging})
   * @param mapper maps one element of {@code data}; {@code null} results are skipped
   * @param <T> the item type
   * @return the page, its marker set when there is a next page
   */
  public static <T> Page<T> page(JsonNode body, Function<JsonNode, T> mapper) {
    List<T> items = new ArrayList<>();
    JsonNode data = body == null ? null : body.get("data");
    if (data != null && data.isArray()) {
      for (JsonNode n : data) {
        T t = mapper.apply(n);
        if (t != null) {
          items.add(t);
        }
      }
    }
    return Page.of(items, nextCursor(body).orElse(null));
  }

  /**
   * Returns a lazy paginator over a Graph edge.
   *
   * @param fetch fetches the list body: the first page for {@code null}, else the {@code
   *     paging.next} URL given (pass it through {@link #rebase(String, URI)})
   * @param mapper maps one element of {@code data}
   * @param <T> the item type
   * @return the paginator
   */
  public static <T> Paginator<T> paginator(
      Function<String, JsonNode> fetch, Function<JsonNode, T> mapper) {
    requireNonNull(fetch, "fetch == null");
    requireNonNull(mapper, "mapper == null");
    return Paginator.of(cursor -> page(fetch.apply(cursor), mapper));
  }
}
