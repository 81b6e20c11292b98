package io.smo.core.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.CrossPostResult;
import io.smo.core.PlatformOutcome;
import io.smo.core.PublishedPost;
import io.smo.core.SmoPublicApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The record of what a campaign published, one {@link ResultTarget} per (platform, account,
 * segment): what a campaign report reads. The CLI's {@code post} and {@code schedule} write it as
 * JSON next to the campaign ({@code <campaign>.results.json}); a caller can build one from its own
 * {@link CrossPostResult}s. Immutable.
 *
 * <p>JSON shape (version 1):
 *
 * <pre>{@code
 * {"format": "smo-campaign-results", "version": 1, "campaign": "Aurora launch",
 *  "campaignFile": "launch.yaml", "idempotencyKey": "aurora-1", "createdAt": "2026-12-04T19:00:00Z",
 *  "targets": [{"platform": "facebook", "account": "default", "segment": "default",
 *               "status": "PUBLISHED", "postId": "104_1", "url": "https://...", "sandbox": true}]}
 * }</pre>
 */
@SmoPublicApi
public final class CampaignResults {
  /** The {@code format} value. */
  public static final String FORMAT = "smo-campaign-results";

  /** The version this SDK writes and reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String campaign;
  private final String campaignFile;
  private final String idempotencyKey;
  private final Instant createdAt;
  private final List<ResultTarget> targets;

  /**
   * Creates a record.
   *
   * @param campaign the campaign's name
   * @param campaignFile the campaign file it came from (relative to the record), or {@code null}
   * @param idempotencyKey the posts' idempotency key, or {@code null}
   * @param createdAt when it was written (UTC)
   * @param targets one per target
   */
  public CampaignResults(
      String campaign,
      String campaignFile,
      String idempotencyKey,
      Instant createdAt,
      List<ResultTarget> targets) {
    this.campaign = requireNonNull(campaign, "campaign == null");
    this.campaignFile = campaignFile;
    this.idempotencyKey = idempotencyKey;
    this.createdAt = requireNonNull(createdAt, "createdAt == null");
    this.targets = List.copyOf(targets);
  }

  /**
   * Builds the record of one {@link CrossPostResult} whose targets are all in {@code segment} with
   * the default account per platform.
   *
   * @param campaign the campaign's name
   * @param result what {@link io.smo.core.CrossPoster} returned
   * @param segment the segment, or {@code null} for {@code "default"}
   * @param sandbox whether the clients pointed at the SMO sandbox
   * @param now when
   * @return the record
   */
  public static CampaignResults of(
      String campaign, CrossPostResult result, String segment, boolean sandbox, Instant now) {
    List<ResultTarget> out = new ArrayList<>();
    for (Map.Entry<io.smo.core.Platform, PlatformOutcome> e : result.outcomes().entrySet()) {
      out.add(target(e.getValue(), "default", segment, null, sandbox));
    }
    return new CampaignResults(campaign, null, result.idempotencyKey(), now, out);
  }

  /**
   * Returns the target entry for one outcome.
   *
   * @param o the outcome
   * @param account the account, or {@code null}
   * @param segment the segment, or {@code null}
   * @param shortLink the shortener's link id, or {@code null}
   * @param sandbox whether it ran on the sandbox
   * @return the entry
   */
  public static ResultTarget target(
      PlatformOutcome o, String account, String segment, String shortLink, boolean sandbox) {
    PublishedPost p = o.published().orElse(null);
    return new ResultTarget(
        o.platform().id(),
        account,
        segment,
        o.status().name(),
        p == null ? null : p.id(),
        p == null ? null : p.url().map(Object::toString).orElse(null),
        p == null ? null : p.publishedAt().map(Object::toString).orElse(null),
        shortLink,
        sandbox,
        o.status() == PlatformOutcome.Status.PUBLISHED ? null : o.reason(),
        p == null ? null : p.ref().attributes());
  }

  /** Returns the campaign's name. */
  public String campaign() {
    return campaign;
  }

  /** Returns the campaign file, relative to the record, if known. */
  public java.util.Optional<String> campaignFile() {
    return java.util.Optional.ofNullable(campaignFile);
  }

  /** Returns the idempotency key, if known. */
  public java.util.Optional<String> idempotencyKey() {
    return java.util.Optional.ofNullable(idempotencyKey);
  }

  /** Returns when the record was written (UTC). */
  public Instant createdAt() {
    return createdAt;
  }

  /** Returns the targets in order. */
  public List<ResultTarget> targets() {
    return targets;
  }

  /** Returns a copy with other targets (e.g. with sandbox post ids re-created). */
  public CampaignResults withTargets(List<ResultTarget> targets) {
    return new CampaignResults(campaign, campaignFile, idempotencyKey, createdAt, targets);
  }

  /** Returns a copy naming the campaign file it came from. */
  public CampaignResults withCampaignFile(String campaignFile) {
    return new CampaignResults(campaign, campaignFile, idempotencyKey, createdAt, targets);
  }

  /** Returns the JSON form (version {@value #VERSION}). */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT).put("version", VERSION).put("campaign", campaign);
    if (campaignFile != null) {
      root.put("campaignFile", campaignFile);
    }
    if (idempotencyKey != null) {
      root.put("idempotencyKey", idempotencyKey);
    }
    root.put("createdAt", createdAt.toString());
    ArrayNode ts = root.putArray("targets");
    targets.forEach(t -> ts.add(JSON.valueToTree(t)));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the JSON form to {@code file}, replacing it. */
  public void write(Path file) throws IOException {
    Files.writeString(file, toJson());
  }

  /**
   * Reads a record.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is not a results record, or of another version (the
   *     message says which and what to do)
   */
  public static CampaignResults read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage());
    }
    return parse(root, file.toString());
  }

  /**
   * Parses the JSON form.
   *
   * @param json the text
   * @throws IllegalArgumentException if it is not a results record of version {@value #VERSION}
   */
  public static CampaignResults parse(String json) {
    try {
      return parse(JSON.readTree(json), "results");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("results are not JSON: " + e.getOriginalMessage());
    }
  }

  private static CampaignResults parse(JsonNode root, String where) {
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          where
              + " is not a campaign results record (no \"format\": \""
              + FORMAT
              + "\"); give the .results.json that `smo post` or `smo schedule` wrote");
    }
    int v = root.path("version").asInt(-1);
    if (v != VERSION) {
      throw new IllegalArgumentException(
          where
              + " is a results record of version "
              + root.path("version")
              + "; this SDK reads version "
              + VERSION
              + (v > VERSION
                  ? " (written by a newer smo: upgrade)"
                  : " (re-run `smo post` or `smo schedule` to write it again)"));
    }
    JsonNode ts = root.path("targets");
    if (!ts.isArray()) {
      throw new IllegalArgumentException(where + ": \"targets\" must be a list");
    }
    List<ResultTarget> targets = new ArrayList<>();
    for (int i = 0; i < ts.size(); i++) {
      JsonNode t = ts.get(i);
      String platform = t.path("platform").asText("");
      if (platform.isBlank()) {
        throw new IllegalArgumentException(where + ": targets[" + i + "] has no platform");
      }
      targets.add(
          new ResultTarget(
              platform,
              text(t, "account"),
              text(t, "segment"),
              text(t, "status"),
              text(t, "postId"),
              text(t, "url"),
              text(t, "publishedAt"),
              text(t, "shortLink"),
              t.path("sandbox").asBoolean(false),
              text(t, "reason"),
              attributes(t.path("attributes"))));
    }
    Instant created;
    try {
      created = Instant.parse(root.path("createdAt").asText(""));
    } catch (java.time.format.DateTimeParseException e) {
      created = Instant.EPOCH;
    }
    return new CampaignResults(
        root.path("campaign").asText("campaign"),
        text(root, "campaignFile"),
        text(root, "idempotencyKey"),
        created,
        targets);
  }

  private static Map<String, String> attributes(JsonNode n) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
