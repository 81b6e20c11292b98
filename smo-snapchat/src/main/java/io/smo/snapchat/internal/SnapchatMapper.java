package io.smo.snapchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Audience;
import io.smo.core.EngagementMetrics;
import io.smo.core.EngagementMetrics.Metric;
import io.smo.core.Gender;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Snapchat's response envelopes and stats, leniently (absent fields stay absent).
 *
 * <p>Envelope (Marketing API, e.g.
 * https://developers.snap.com/api/marketing-api/Ads-API/campaigns): {@code
 * {"request_status":"SUCCESS","request_id":"…","campaigns":[{"sub_request_status":"SUCCESS",
 * "campaign":{…}}], "paging":{"next_link":"…"}}}. Status values appear both upper- and lower-case
 * in real answers ({@code "success"} in the 2016 doc examples, {@code "SUCCESS"} in 2025 captures).
 *
 * <p>Stats (https://developers.snap.com/api/marketing-api/Ads-API/measurement): {@code
 * total_stats[].total_stat.stats{impressions,swipes,spend,video_views,screen_time_millis,…}} for
 * {@code granularity=TOTAL}; {@code timeseries_stats[].timeseries_stat.timeseries[].stats} for DAY
 * and HOUR (summed here). {@code spend} is in micro-currency (1/1,000,000 of the ad account's
 * currency unit).
 */
@SmoInternalApi
public final class SnapchatMapper {
  /** Marketing API stats → neutral metric. {@code swipes} (swipe-ups) are Snap's click figure. */
  public static final Map<String, Metric> AD_METRICS =
      Map.of(
          "impressions", Metric.IMPRESSIONS,
          "swipes", Metric.CLICKS,
          "video_views", Metric.VIEWS,
          "shares", Metric.SHARES,
          "saves", Metric.SAVES);

  /**
   * Public Profile insights → neutral metric. The field names are UNCONFIRMED (no official example
   * found); third-party aggregators report views, viewers, screenshots and shares.
   */
  public static final Map<String, Metric> PROFILE_METRICS =
      Map.of(
          "views", Metric.VIEWS,
          "viewers", Metric.REACH,
          "shares", Metric.SHARES,
          "impressions", Metric.IMPRESSIONS);

  private SnapchatMapper() {}

  /** Returns whether {@code status} (request or sub-request) reports an error. */
  public static boolean isError(JsonNode root) {
    return root != null && "ERROR".equalsIgnoreCase(root.path("request_status").asText(""));
  }

  /**
   * Returns the entities of an envelope, e.g. {@code entities(root, "ads", "ad")}; entries whose
   * {@code sub_request_status} is ERROR are skipped.
   */
  public static List<JsonNode> entities(JsonNode root, String plural, String singular) {
    List<JsonNode> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    JsonNode arr = root.path(plural);
    if (!arr.isArray()) {
      return out;
    }
    for (JsonNode item : arr) {
      if ("ERROR".equalsIgnoreCase(item.path("sub_request_status").asText(""))) {
        continue;
      }
      JsonNode e = item.get(singular);
      if (e != null && e.isObject()) {
        out.add(e);
      }
    }
    return out;
  }

  /** Returns the first failed sub-request's message, or {@code null}. */
  public static String subRequestError(JsonNode root, String plural) {
    if (root == null || !root.path(plural).isArray()) {
      return null;
    }
    for (JsonNode item : root.path(plural)) {
      if ("ERROR".equalsIgnoreCase(item.path("sub_request_status").asText(""))) {
        String m = item.path("sub_request_error_reason").asText("");
        if (m.isEmpty()) {
          m = item.path("debug_message").asText("sub-request failed");
        }
        return m;
      }
    }
    return null;
  }

  /** Returns the first entity's {@code id}, or {@code null}. */
  public static String firstId(JsonNode root, String plural, String singular) {
    List<JsonNode> e = entities(root, plural, singular);
    if (e.isEmpty()) {
      return null;
    }
    String id = e.get(0).path("id").asText("");
    return id.isEmpty() ? null : id;
  }

  /** Returns {@code paging.next_link}, or {@code null} on the last page. */
  public static String nextLink(JsonNode root) {
    if (root == null) {
      return null;
    }
    String n = root.path("paging").path("next_link").asText("");
    return n.isBlank() ? null : n;
  }

  /**
   * Returns the media object of an upload or media answer: {@code result} (upload and finalize
   * answers), or {@code media[0].media} (create / get answers), or {@code null}.
   */
  public static JsonNode media(JsonNode root) {
    if (root == null) {
      return null;
    }
    if (root.path("result").isObject()) {
      return root.get("result");
    }
    List<JsonNode> m = entities(root, "media", "media");
    return m.isEmpty() ? null : m.get(0);
  }

  /**
   * Returns the Public Profile media id of a Create Media answer. The response shape is only partly
   * documented ({@code request_id} plus the media); read {@code media_id}, {@code id}, or the
   * Marketing-API-style {@code media[0].media.id}.
   */
  public static String profileMediaId(JsonNode root) {
    if (root == null) {
      return null;
    }
    for (String f : new String[] {"media_id", "id"}) {
      String v = root.path(f).asText("");
      if (!v.isEmpty()) {
        return v;
      }
    }
    JsonNode m = media(root);
    return m == null || m.path("id").asText("").isEmpty() ? null : m.path("id").asText();
  }

  /**
   * Maps a stats answer to metrics: TOTAL stats, or the sum of a time series.
   *
   * @param ref the post
   * @param root the answer
   * @param names platform field → neutral metric
   * @param retrievedAt when it was read
   */
  public static EngagementMetrics metrics(
      PostRef ref, JsonNode root, Map<String, Metric> names, Instant retrievedAt) {
    EngagementMetrics.Builder b = EngagementMetrics.builder(ref).retrievedAt(retrievedAt);
    Map<String, Long> raw = new java.util.LinkedHashMap<>();
    for (JsonNode stats : statsObjects(root)) {
      Iterator<Map.Entry<String, JsonNode>> it = stats.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNumber()) {
          continue;
        }
        long v = e.getValue().asLong();
        String name = e.getKey().toLowerCase(Locale.ROOT);
        Metric m = names.get(name);
        if (m != null) {
          b.add(m, v);
        }
        raw.merge(name, v, Long::sum);
      }
    }
    raw.forEach(b::raw);
    return b.build();
  }

  private static List<JsonNode> statsObjects(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    for (JsonNode t : root.path("total_stats")) {
      JsonNode s = t.path("total_stat").path("stats");
      if (s.isObject()) {
        out.add(s);
      }
    }
    for (JsonNode t : root.path("timeseries_stats")) {
      for (JsonNode slot : t.path("timeseries_stat").path("timeseries")) {
        JsonNode s = slot.path("stats");
        if (s.isObject()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /**
   * Turns an {@link io.smo.core.Audience} into an ad squad {@code targeting} object (validated with
   * {@link SnapchatRules#targetingViolations}).
   *
   * <p>Source: https://developers.snap.com/api/marketing-api/Ads-API/targeting and
   * .../example-targeting-specs. {@code geos} is required: one entry per country ({@code
   * country_code} lower-case, {@code operation: INCLUDE}), with that country's {@code region_id}s.
   * {@code demographics}: one entry with {@code min_age} / {@code max_age}, {@code gender} (only
   * when exactly one gender is asked; both means everyone) and {@code languages} (ISO 639-1). Snap
   * documents that multi-country targeting takes a single language per demographics entry; more
   * than one language with more than one country is therefore refused offline. {@code interests}:
   * one entry with the Snap category ids ({@code SLC_…}, {@code DLXS_…}, …; the naming pattern is
   * taken from the docs' examples, other prefixes are accepted).
   *
   * <p>Regions are platform keys: {@code "us:3832"} (country, colon, Snap region id) or a bare id
   * when exactly one country is targeted.
   */
  public static ObjectNode targeting(Audience a, ObjectMapper json) {
    ObjectNode t = json.createObjectNode();
    Map<String, List<String>> regionsByCountry = new LinkedHashMap<>();
    for (String c : a.countries()) {
      regionsByCountry.put(c.toLowerCase(Locale.ROOT), new ArrayList<>());
    }
    for (String r : a.regions()) {
      int i = r.indexOf(':');
      String cc =
          i > 0
              ? r.substring(0, i).toLowerCase(Locale.ROOT)
              : regionsByCountry.keySet().stream().findFirst().orElse(null);
      if (cc != null) {
        regionsByCountry
            .computeIfAbsent(cc, k -> new ArrayList<>())
            .add(i > 0 ? r.substring(i + 1) : r);
      }
    }
    ArrayNode geos = t.putArray("geos");
    regionsByCountry.forEach(
        (cc, regions) -> {
          ObjectNode g = geos.addObject().put("country_code", cc).put("operation", "INCLUDE");
          if (!regions.isEmpty()) {
            ArrayNode ids = g.putArray("region_id");
            regions.forEach(ids::add);
          }
        });
    boolean oneGender = a.genders().size() == 1;
    if (a.ageRange().isPresent() || oneGender || !a.languages().isEmpty()) {
      ObjectNode d = t.putArray("demographics").addObject().put("operation", "INCLUDE");
      a.ageRange()
          .ifPresent(
              r -> {
                r.min().ifPresent(min -> d.put("min_age", min));
                r.max().ifPresent(max -> d.put("max_age", max));
              });
      if (oneGender) {
        d.put("gender", a.genders().iterator().next() == Gender.MALE ? "MALE" : "FEMALE");
      }
      if (!a.languages().isEmpty()) {
        ArrayNode l = d.putArray("languages");
        a.languages().forEach(loc -> l.add(loc.getLanguage().toLowerCase(Locale.ROOT)));
      }
    }
    if (!a.interests().isEmpty()) {
      ArrayNode ids =
          t.putArray("interests").addObject().put("operation", "INCLUDE").putArray("category_id");
      a.interests().forEach(ids::add);
    }
    return t;
  }
}
