package io.smo.metagraph.spi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.SmoProtectedApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Headers;

/**
 * One usage figure set from Meta's usage headers. All figures are integer <em>percentages</em> of
 * the limit; Meta throttles at 100.
 *
 * <ul>
 *   <li>{@code X-App-Usage: {"call_count":28,"total_time":25,"total_cputime":25}} (app-level
 *       platform limit);
 *   <li>{@code X-Page-Usage}: same shape, per Page (older header);
 *   <li>{@code X-Business-Use-Case-Usage: {"<business-object-id>":[{"type":"pages",
 *       "call_count":1,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":0}]}}:
 *       one entry per business object and type ({@code pages}, {@code instagram}, ...); {@code
 *       estimated_time_to_regain_access} is in minutes.
 * </ul>
 *
 * Immutable.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting/">Graph API
 *     rate limiting</a>
 */
@SmoProtectedApi
public final class GraphUsage {
  /** Header {@code X-App-Usage}. */
  public static final String APP_USAGE = "X-App-Usage";

  /** Header {@code X-Page-Usage}. */
  public static final String PAGE_USAGE = "X-Page-Usage";

  /** Header {@code X-Business-Use-Case-Usage}. */
  public static final String BUC_USAGE = "X-Business-Use-Case-Usage";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String header;
  private final String objectId;
  private final String type;
  private final int callCount;
  private final int totalTime;
  private final int totalCpuTime;
  private final Long regainMinutes;

  /**
   * Creates a usage figure set.
   *
   * @param header the header it came from, e.g. {@link #APP_USAGE}
   * @param objectId the business object id (BUC only), or {@code null}
   * @param type the BUC type ({@code pages}, {@code instagram}, ...), or {@code null}
   * @param callCount {@code call_count}, percent
   * @param totalTime {@code total_time}, percent
   * @param totalCpuTime {@code total_cputime}, percent
   * @param regainMinutes {@code estimated_time_to_regain_access} in minutes, or {@code null}
   */
  public GraphUsage(
      String header,
      String objectId,
      String type,
      int callCount,
      int totalTime,
      int totalCpuTime,
      Long regainMinutes) {
    this.header = requireNonNull(header, "header == null");
    this.objectId = objectId;
    this.type = type;
    this.callCount = callCount;
    this.totalTime = totalTime;
    this.totalCpuTime = totalCpuTime;
    this.regainMinutes = regainMinutes;
  }

  /**
   * Parses every usage header of a response. Never throws; unreadable headers are skipped.
   *
   * @param headers the response headers
   * @return the figure sets, possibly empty
   */
  public static List<GraphUsage> parse(Headers headers) {
    List<GraphUsage> out = new ArrayList<>();
    if (headers == null) {
      return out;
    }
    simple(headers.get(APP_USAGE), APP_USAGE).ifPresent(out::add);
    simple(headers.get(PAGE_USAGE), PAGE_USAGE).ifPresent(out::add);
    String buc = headers.get(BUC_USAGE);
    if (buc != null) {
      try {
        JsonNode root = JSON.readTree(buc);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          JsonNode arr = e.getValue();
          List<JsonNode> items = new ArrayList<>();
          if (arr.isArray()) {
            arr.forEach(items::add);
          } else if (arr.isObject()) {
            items.add(arr);
          }
          for (JsonNode n : items) {
            JsonNode r = n.get("estimated_time_to_regain_access");
            out.add(
                new GraphUsage(
                    BUC_USAGE,
                    e.getKey(),
                    n.path("type").asText(null),
                    n.path("call_count").asInt(0),
                    n.path("total_time").asInt(0),
                    n.path("total_cputime").asInt(0),
                    r == null || r.isNull() ? null : r.asLong(0)));
          }
        }
      } catch (Exception ignored) {
        // unreadable header: skipped
      }
    }
    return out;
  }

  private static Optional<GraphUsage> simple(String value, String header) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(value);
      if (!n.isObject()) {
        return Optional.empty();
      }
      return Optional.of(
          new GraphUsage(
              header,
              null,
              null,
              n.path("call_count").asInt(0),
              n.path("total_time").asInt(0),
              n.path("total_cputime").asInt(0),
              null));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** Returns the header the figures came from. */
  public String header() {
    return header;
  }

  /** Returns the business object id (BUC header), if any. */
  public Optional<String> objectId() {
    return Optional.ofNullable(objectId);
  }

  /** Returns the BUC type ({@code pages}, {@code instagram}, ...), if any. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** Returns {@code call_count}, percent of the limit. */
  public int callCount() {
    return callCount;
  }

  /** Returns {@code total_time}, percent of the limit. */
  public int totalTime() {
    return totalTime;
  }

  /** Returns {@code total_cputime}, percent of the limit. */
  public int totalCpuTime() {
    return totalCpuTime;
  }

  /** Returns the highest of the three figures, percent. */
  public int usagePercent() {
    return Math.max(callCount, Math.max(totalTime, totalCpuTime));
  }

  /** Returns {@code estimated_time_to_regain_access} in minutes, if reported. */
  public OptionalLong regainAccessMinutes() {
    return regainMinutes == null ? OptionalLong.empty() : OptionalLong.of(regainMinutes);
  }

  /** Returns the wait until access is regained (zero when not reported or 0). */
  public Duration regainAccessIn() {
    return regainMinutes == null || regainMinutes <= 0
        ? Duration.ZERO
        : Duration.ofMinutes(regainMinutes);
  }

  @Override
  public String toString() {
    return header
        + (objectId != null ? "[" + objectId + "/" + type + "]" : "")
        + "{call_count="
        + callCount
        + ", total_time="
        + totalTime
        + ", total_cputime="
        + totalCpuTime
        + (regainMinutes != null ? ", estimated_time_to_regain_access=" + regainMinutes : "")
        + "}";
  }
}
