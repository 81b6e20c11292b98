package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.SmoPublicApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link UnifiedInbox} stopped: per source (platform, account, kind) the newest item time
 * consumed and the items consumed within the overlap before it, so that the next poll yields
 * neither an item twice nor one that arrived in between. Belongs to one inbox ({@link #inboxId()});
 * another inbox refuses it. Immutable; {@link #toString()} is a compact token that {@link
 * #parse(String)} reads back, to be stored between runs.
 */
@SmoPublicApi
public final class InboxCheckpoint {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "smo-inbox-v1.";

  private final String inboxId;
  private final Map<String, Instant> watermarks;
  private final Map<String, Map<String, Instant>> seen;

  InboxCheckpoint(
      String inboxId, Map<String, Instant> watermarks, Map<String, Map<String, Instant>> seen) {
    this.inboxId = requireNonNull(inboxId, "inboxId == null");
    this.watermarks = Collections.unmodifiableMap(new LinkedHashMap<>(watermarks));
    Map<String, Map<String, Instant>> s = new LinkedHashMap<>();
    seen.forEach((k, v) -> s.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    this.seen = Collections.unmodifiableMap(s);
  }

  /** Returns the empty checkpoint of inbox {@code inboxId} (the first poll). */
  public static InboxCheckpoint start(String inboxId) {
    return new InboxCheckpoint(inboxId, Map.of(), Map.of());
  }

  /** Returns the id of the inbox the checkpoint belongs to. */
  public String inboxId() {
    return inboxId;
  }

  /**
   * Returns the newest item time consumed from {@code source} ({@code platform:account:kind}), if
   * any.
   */
  public Optional<Instant> watermark(String source) {
    return Optional.ofNullable(watermarks.get(source));
  }

  Map<String, Instant> watermarks() {
    return watermarks;
  }

  Map<String, Map<String, Instant>> seen() {
    return seen;
  }

  /**
   * Parses a token made by {@link #toString()}.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static InboxCheckpoint parse(String token) {
    requireNonNull(token, "token == null");
    if (!token.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not an inbox checkpoint");
    }
    try {
      JsonNode root =
          JSON.readTree(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())));
      Map<String, Instant> wm = new LinkedHashMap<>();
      Map<String, Map<String, Instant>> seen = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("s").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        wm.put(e.getKey(), Instant.parse(e.getValue().path("w").asText()));
        Map<String, Instant> refs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> r = e.getValue().path("r").fields();
            r.hasNext(); ) {
          Map.Entry<String, JsonNode> x = r.next();
          refs.put(x.getKey(), Instant.parse(x.getValue().asText()));
        }
        seen.put(e.getKey(), refs);
      }
      String id = root.path("i").asText("");
      if (id.isEmpty()) {
        throw new IllegalArgumentException("not an inbox checkpoint: no inbox id");
      }
      return new InboxCheckpoint(id, wm, seen);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not an inbox checkpoint: " + e.getMessage(), e);
    }
  }

  /** Returns the compact token {@link #parse(String)} reads (base64url JSON, no secrets). */
  @Override
  public String toString() {
    ObjectNode root = JSON.createObjectNode();
    root.put("i", inboxId);
    ObjectNode s = root.putObject("s");
    watermarks.forEach(
        (k, w) -> {
          ObjectNode src = s.putObject(k);
          src.put("w", w.toString());
          ObjectNode r = src.putObject("r");
          seen.getOrDefault(k, Map.of()).forEach((ref, at) -> r.put(ref, at.toString()));
        });
    return PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InboxCheckpoint && toString().equals(o.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
