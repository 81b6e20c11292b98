package io.smo.snapchat.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Audience;
import io.smo.core.Gender;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an {@link Audience} into an ad squad {@code targeting} object.
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
@SmoInternalApi
public final class SnapchatTargeting {
  /** Snap interest category ids look like {@code SLC_7} or {@code DLXS_1003}. */
  public static final Pattern INTEREST_ID = Pattern.compile("[A-Z][A-Z0-9]*_[A-Za-z0-9_]+");
  /** Snap's youngest targetable age. */
  public static final int MIN_AGE = 13;

  private SnapchatTargeting() {}

  /** Returns the offline violations of {@code a} for the Marketing API. */
  public static List<Violation> violations(Audience a) {
    Platform p = Platform.SNAPCHAT;
    List<Violation> out = new ArrayList<>();
    if (a.countries().isEmpty()) {
      out.add(Violation.of(p, "audience.countries", "geo-required", null, null,
          "Snapchat ad squads need at least one country (targeting.geos is required)"));
    }
    for (String r : a.regions()) {
      int i = r.indexOf(':');
      if (i < 0 && a.countries().size() != 1) {
        out.add(Violation.of(p, "audience.regions", "region-key", r, "cc:regionId",
            "region keys need a country prefix (\"us:3832\") unless exactly one country is targeted"));
      } else if (i > 0 && !a.countries().contains(r.substring(0, i).toUpperCase(Locale.ROOT))) {
        out.add(Violation.of(p, "audience.regions", "region-country", r, a.countries(),
            "the region's country is not among the targeted countries"));
      }
    }
    a.ageRange().ifPresent(r -> r.min().ifPresent(min -> {
      if (min < MIN_AGE) {
        out.add(Violation.of(p, "audience.ageRange", "min-age", min, MIN_AGE,
            "Snapchat targets ages 13 and over"));
      }
    }));
    if (a.languages().size() > 1 && a.countries().size() > 1) {
      out.add(Violation.of(p, "audience.languages", "single-language-multi-country",
          a.languages().size(), 1, "Snapchat takes one language when several countries are targeted"));
    }
    for (String i : a.interests()) {
      if (!INTEREST_ID.matcher(i).matches()) {
        out.add(Violation.of(p, "audience.interests", "interest-id", i, "e.g. SLC_7",
            "interests must be Snapchat interest category ids"));
      }
    }
    return out;
  }

  /** Returns the {@code targeting} object for {@code a} (validated with {@link #violations}). */
  public static ObjectNode targeting(Audience a, ObjectMapper json) {
    ObjectNode t = json.createObjectNode();
    Map<String, List<String>> regionsByCountry = new LinkedHashMap<>();
    for (String c : a.countries()) {
      regionsByCountry.put(c.toLowerCase(Locale.ROOT), new ArrayList<>());
    }
    for (String r : a.regions()) {
      int i = r.indexOf(':');
      String cc = i > 0 ? r.substring(0, i).toLowerCase(Locale.ROOT)
          : regionsByCountry.keySet().stream().findFirst().orElse(null);
      if (cc != null) {
        regionsByCountry.computeIfAbsent(cc, k -> new ArrayList<>()).add(i > 0 ? r.substring(i + 1) : r);
      }
    }
    ArrayNode geos = t.putArray("geos");
    regionsByCountry.forEach((cc, regions) -> {
      ObjectNode g = geos.addObject().put("country_code", cc).put("operation", "INCLUDE");
      if (!regions.isEmpty()) {
        ArrayNode ids = g.putArray("region_id");
        regions.forEach(ids::add);
      }
    });
    boolean oneGender = a.genders().size() == 1;
    if (a.ageRange().isPresent() || oneGender || !a.languages().isEmpty()) {
      ObjectNode d = t.putArray("demographics").addObject().put("operation", "INCLUDE");
      a.ageRange().ifPresent(r -> {
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
      ArrayNode ids = t.putArray("interests").addObject().put("operation", "INCLUDE")
          .putArray("category_id");
      a.interests().forEach(ids::add);
    }
    return t;
  }
}
