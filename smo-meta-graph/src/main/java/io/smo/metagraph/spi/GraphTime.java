package io.smo.metagraph.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoProtectedApi;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Graph API times: {@code created_time}, {@code updated_time} and the like come as {@code
 * 2021-08-13T08:29:27+0000} (ISO 8601 with a colon-less offset); ISO 8601 with a colon is read too.
 */
@SmoProtectedApi
public final class GraphTime {
  private static final DateTimeFormatter GRAPH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  private GraphTime() {}

  /**
   * Parses a Graph time.
   *
   * @param text the time as Graph writes it, or {@code null}
   * @return the UTC instant, or {@code null} when {@code text} is absent, empty or unreadable
   */
  public static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, GRAPH_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /**
   * Parses a Graph time held in a JSON node.
   *
   * @param n the node, or {@code null}
   * @return the UTC instant, or {@code null} when the node is absent, null, empty or unreadable
   */
  public static Instant parse(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return parse(n.asText());
  }
}
