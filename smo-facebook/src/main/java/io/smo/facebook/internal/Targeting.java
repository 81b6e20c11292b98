package io.smo.facebook.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Audience;
import io.smo.core.AudienceDimension;
import io.smo.core.Gender;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.facebook.FacebookOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps an {@link Audience} to Graph's {@code targeting} (restricts: countries, regions, cities,
 * {@code age_min}) and {@code feed_targeting} (prefers: age range, genders, locales, interests),
 * and checks it offline.
 *
 * <p>Region and city entries are Meta keys ({@code "3847"}), optionally qualified with their
 * country ({@code "US:3847"}); a qualified entry whose country is also targeted is rejected as
 * overlapping, as Graph would ("Some of your locations overlap"). A plain key cannot be checked
 * offline.
 */
@SmoInternalApi
public final class Targeting {
  private static final Pattern KEY = Pattern.compile("(?:([A-Za-z]{2}):)?(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Targeting() {}

  /** Returns the Facebook-specific audience violations. */
  public static List<Violation> violations(Audience a, FacebookOptions o) {
    List<Violation> out = new ArrayList<>();
    Platform p = Platform.FACEBOOK;
    boolean drop = a.dropUnsupported();
    for (String r : a.regions()) {
      checkKey(out, "audience.regions", r, a);
    }
    for (String c : a.cities()) {
      checkKey(out, "audience.cities", c, a);
    }
    a.ageRange()
        .ifPresent(
            r -> {
              if (r.min().isPresent() && r.min().getAsInt() < 13) {
                out.add(
                    Violation.of(
                        p,
                        "audience.ageRange",
                        "min-age",
                        r.min().getAsInt(),
                        13,
                        "feed_targeting.age_min must be at least 13"));
              }
              if (r.max().isPresent() && r.max().getAsInt() > 65) {
                out.add(
                    Violation.of(
                        p,
                        "audience.ageRange",
                        "max-age",
                        r.max().getAsInt(),
                        65,
                        "feed_targeting.age_max must be at most 65"));
              }
            });
    if (o != null
        && o.ageRestriction().isPresent()
        && !FacebookOptions.ALLOWED_AGE_RESTRICTIONS.contains(o.ageRestriction().getAsInt())) {
      out.add(
          Violation.of(
              p,
              "options.ageRestriction",
              "allowed-values",
              o.ageRestriction().getAsInt(),
              FacebookOptions.ALLOWED_AGE_RESTRICTIONS,
              "targeting.age_min must be one of 13, 15, 18, 21, 25"));
    }
    if (!a.languages().isEmpty() && (o == null || o.localeKeys().isEmpty()) && !drop) {
      out.add(
          Violation.of(
              p,
              "audience.languages",
              "adlocale-keys",
              a.languages(),
              null,
              "Graph targets locales by adlocale key: set FacebookOptions.localeKeys"
                  + " (GET /search?type=adlocale)"));
    }
    for (String i : a.interests()) {
      if (!i.matches("\\d+") && !drop) {
        out.add(
            Violation.of(
                p,
                "audience.interests",
                "interest-id",
                i,
                null,
                "Graph targets interests by id (GET /search?type=adinterest)"));
      }
    }
    return out;
  }

  private static void checkKey(List<Violation> out, String field, String v, Audience a) {
    var m = KEY.matcher(v);
    if (!m.matches()) {
      out.add(
          Violation.of(
              Platform.FACEBOOK,
              field,
              "meta-key",
              v,
              null,
              "must be a Meta location key, optionally country-qualified like US:3847"));
      return;
    }
    if (m.group(1) != null && a.countries().contains(m.group(1).toUpperCase(Locale.ROOT))) {
      out.add(
          Violation.of(
              Platform.FACEBOOK,
              field,
              "overlapping-locations",
              v,
              null,
              "Some of your locations overlap: "
                  + m.group(1).toUpperCase(Locale.ROOT)
                  + " is targeted as a whole"));
    }
  }

  private static String key(String v) {
    var m = KEY.matcher(v);
    return m.matches() ? m.group(2) : v;
  }

  /**
   * Returns the Graph parameters ({@code targeting}, {@code feed_targeting} as JSON text) for an
   * audience; empty when nothing is targeted.
   */
  public static Map<String, String> params(Audience a, FacebookOptions o) {
    Map<String, String> out = new LinkedHashMap<>();
    ObjectNode t = JSON.createObjectNode();
    if (!a.countries().isEmpty() || !a.regions().isEmpty() || !a.cities().isEmpty()) {
      ObjectNode geo = t.putObject("geo_locations");
      if (!a.countries().isEmpty()) {
        ArrayNode c = geo.putArray("countries");
        a.countries().stream().sorted().forEach(c::add);
      }
      if (!a.regions().isEmpty()) {
        ArrayNode r = geo.putArray("regions");
        a.regions().stream().sorted().forEach(k -> r.addObject().put("key", key(k)));
      }
      if (!a.cities().isEmpty()) {
        ArrayNode r = geo.putArray("cities");
        a.cities().stream().sorted().forEach(k -> r.addObject().put("key", key(k)));
      }
    }
    Integer restriction = null;
    if (o != null && o.ageRestriction().isPresent()) {
      restriction = o.ageRestriction().getAsInt();
    } else if (a.ageRange().isPresent()
        && a.ageRange().get().max().isEmpty()
        && a.ageRange().get().min().isPresent()
        && FacebookOptions.ALLOWED_AGE_RESTRICTIONS.contains(a.ageRange().get().min().getAsInt())) {
      restriction = a.ageRange().get().min().getAsInt();
    }
    if (restriction != null) {
      t.put("age_min", restriction);
    }
    if (t.size() > 0) {
      out.put("targeting", t.toString());
    }
    ObjectNode f = JSON.createObjectNode();
    a.ageRange()
        .ifPresent(
            r -> {
              r.min().ifPresent(v -> f.put("age_min", v));
              r.max().ifPresent(v -> f.put("age_max", v));
            });
    if (!a.genders().isEmpty()) {
      ArrayNode g = f.putArray("genders");
      a.genders().stream().sorted().forEach(x -> g.add(x == Gender.MALE ? 1 : 2));
    }
    if (o != null && !o.localeKeys().isEmpty() && !a.languages().isEmpty()) {
      ArrayNode l = f.putArray("locales");
      o.localeKeys().forEach(l::add);
    }
    List<String> interests =
        a.interests().stream().filter(i -> i.matches("\\d+")).sorted().toList();
    if (!interests.isEmpty()) {
      ArrayNode i = f.putArray("interests");
      interests.forEach(x -> i.add(Long.parseLong(x)));
    }
    if (f.size() > 0) {
      out.put("feed_targeting", f.toString());
    }
    return out;
  }

  /** Returns whether the dimension is one Graph organic posts accept. */
  public static boolean supported(AudienceDimension d) {
    return d != AudienceDimension.VISIBILITY && d != AudienceDimension.REPLY_POLICY;
  }
}
