package io.smo.examples.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smo.core.AgeRange;
import io.smo.core.Audience;
import io.smo.core.Gender;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.ReplyPolicy;
import io.smo.core.TextOverflow;
import io.smo.core.Visibility;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A campaign file (YAML): text, media paths (relative to the file), link, audience, schedule time
 * with its zone, target platforms and per-platform overrides. See {@code
 * examples/campaigns/launch.yaml}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class Campaign {
  /** Media entry. */
  public static final class MediaEntry {
    /** Local path, relative to the campaign file. */
    @JsonProperty public String path;

    /** Public URL the platform pulls (instead of a path). */
    @JsonProperty public String url;

    /** Kind for URL media: image, video or gif. */
    @JsonProperty public String kind;

    /** Alt text. */
    @JsonProperty public String alt;
  }

  /** Audience entry. */
  public static final class AudienceEntry {
    /** ISO 3166-1 alpha-2 codes. */
    @JsonProperty public List<String> countries = List.of();

    /** BCP 47 language tags. */
    @JsonProperty public List<String> languages = List.of();

    /** Minimum age in years. */
    @JsonProperty public Integer ageMin;

    /** Maximum age in years. */
    @JsonProperty public Integer ageMax;

    /** male / female. */
    @JsonProperty public List<String> genders = List.of();

    /** Interests. */
    @JsonProperty public List<String> interests = List.of();

    /** public, followers, unlisted, private... */
    @JsonProperty public String visibility;

    /** everyone, following, mentioned_only... */
    @JsonProperty public String replies;

    /** Drop what a platform cannot honour instead of refusing the post. */
    @JsonProperty public boolean dropUnsupported;
  }

  /** Schedule entry. */
  public static final class ScheduleEntry {
    /** Local date-time, e.g. 2026-12-24T09:00. */
    @JsonProperty public String at;

    /** IANA zone, e.g. Europe/Berlin. */
    @JsonProperty public String zone;
  }

  /** A named account of a multi-account campaign. */
  public static final class AccountEntry {
    /** Platform id (facebook, instagram, x, youtube, tiktok, pinterest, snapchat). */
    @JsonProperty public String platform;

    /**
     * Credentials reference: {@code SMO_<REF>_<KEY>} environment variables or {@code <credentials
     * dir>/<ref>.properties}. Default: the account's name.
     */
    @JsonProperty public String credentials;
  }

  /** An audience segment with its own message, going to named accounts. */
  public static final class SegmentEntry {
    /** Segment name (unique in the campaign). */
    @JsonProperty public String name;

    /** Who it is for. */
    @JsonProperty public AudienceEntry audience;

    /** Its text. */
    @JsonProperty public String text = "";

    /** Its media (paths relative to the campaign file). */
    @JsonProperty public List<MediaEntry> media = List.of();

    /** Its link. */
    @JsonProperty public String link;

    /** Per-platform overrides by platform id, as at the top level. */
    @JsonProperty public Map<String, Map<String, Object>> options = new LinkedHashMap<>();

    /** Accounts reached by targeting (only where the platform can target the audience). */
    @JsonProperty public List<String> accounts = List.of();

    /**
     * Accounts assigned to this audience (regional accounts), reached with or without targeting.
     */
    @JsonProperty public List<String> assigned = List.of();
  }

  /** Named accounts (multi-account campaigns). */
  @JsonProperty public Map<String, AccountEntry> accounts = new LinkedHashMap<>();

  /**
   * Audience segments (multi-account campaigns); when given, top-level text and media are not used.
   */
  @JsonProperty public List<SegmentEntry> segments = List.of();

  /**
   * Why identical text on several X accounts is allowed (X's automation rules forbid it by
   * default).
   */
  @JsonProperty public String allowIdenticalTextOnX;

  /** Campaign name. */
  @JsonProperty public String name;

  /** Post text. */
  @JsonProperty public String text = "";

  /** Media items. */
  @JsonProperty public List<MediaEntry> media = List.of();

  /** Link. */
  @JsonProperty public String link;

  /** Text overflow: reject, truncate, thread. */
  @JsonProperty public String overflow;

  /** Idempotency key (fixed so that running twice never posts twice per CrossPoster). */
  @JsonProperty public String idempotencyKey;

  /** Audience. */
  @JsonProperty public AudienceEntry audience;

  /** Schedule. */
  @JsonProperty public ScheduleEntry schedule;

  /** Target platforms (ids); empty means all seven. */
  @JsonProperty public List<String> platforms = List.of();

  /** Per-platform overrides by platform id. */
  @JsonProperty public Map<String, Map<String, Object>> options = new LinkedHashMap<>();

  private transient Path file;

  /**
   * Reads a campaign file.
   *
   * @throws IOException if it cannot be read or parsed
   */
  public static Campaign read(Path file) throws IOException {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    if (java.nio.file.Files.isRegularFile(file) && java.nio.file.Files.size(file) == 0) {
      throw new IOException(file + ": the campaign file is empty");
    }
    Campaign c;
    try {
      c = yaml.readValue(file.toFile(), Campaign.class);
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      throw new IOException(
          file
              + " line "
              + e.getLocation().getLineNr()
              + ": unknown key '"
              + e.getPropertyName()
              + "' (known: "
              + e.getKnownPropertyIds()
              + ")",
          e);
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      throw new IOException(
          file
              + " line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ": wrong type for '"
              + e.getPathReference().replaceAll(".*\\[\"|\"\\]", "")
              + "'",
          e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (c == null) {
      throw new IOException(file + ": the campaign file is empty");
    }
    c.file = file.toAbsolutePath();
    c.checkOptionKeys();
    return c;
  }

  /** Returns the target platforms, each once, in the order first listed. */
  public List<Platform> targets() {
    List<Platform> out = new ArrayList<>();
    if (platforms.isEmpty()) {
      out.addAll(List.of(Platform.values()));
    } else {
      platforms.forEach(p -> out.add(Platform.fromId(p)));
    }
    return new ArrayList<>(new java.util.LinkedHashSet<>(out)); // x and twitter are one platform
  }

  /**
   * Returns the media, paths resolved against the campaign file's folder.
   *
   * @throws IllegalArgumentException if an entry has neither or both of {@code path} and {@code
   *     url}
   */
  public List<Media> mediaList() {
    List<Media> out = new ArrayList<>();
    for (int i = 0; i < media.size(); i++) {
      MediaEntry m = media.get(i);
      if (m == null || (m.path == null) == (m.url == null)) {
        throw new IllegalArgumentException(
            "media[" + i + "]: give exactly one of path (a local file) or url");
      }
      Media item =
          m.url != null
              ? Media.fromUrl(
                  url(m.url),
                  m.kind == null ? MediaKind.IMAGE : choice(MediaKind.class, "media.kind", m.kind))
              : Media.fromFile(file.getParent().resolve(m.path).normalize());
      out.add(m.alt != null ? item.withAltText(m.alt) : item);
    }
    return out;
  }

  /**
   * Returns the audience.
   *
   * @throws IllegalArgumentException if {@code ageMax} is given without {@code ageMin}
   */
  public Audience audience() {
    if (audience == null) {
      return Audience.everyone();
    }
    Audience.Builder b =
        Audience.builder()
            .countries(listOf(audience.countries, "countries"))
            .interests(listOf(audience.interests, "interests"))
            .dropUnsupported(audience.dropUnsupported);
    List<Locale> langs = new ArrayList<>();
    listOf(audience.languages, "languages").forEach(l -> langs.add(Locale.forLanguageTag(l)));
    b.languages(langs);
    List<Gender> g = new ArrayList<>();
    listOf(audience.genders, "genders")
        .forEach(x -> g.add(choice(Gender.class, "audience.genders", x)));
    b.genders(g);
    if (audience.ageMin != null && audience.ageMax != null) {
      b.ageRange(AgeRange.of(audience.ageMin, audience.ageMax));
    } else if (audience.ageMin != null) {
      b.ageRange(AgeRange.atLeast(audience.ageMin));
    } else if (audience.ageMax != null) {
      // dropping it would publish to every age: refuse instead
      throw new IllegalArgumentException("audience.ageMax needs audience.ageMin (e.g. ageMin: 18)");
    }
    if (audience.visibility != null) {
      b.visibility(choice(Visibility.class, "audience.visibility", audience.visibility));
    }
    if (audience.replies != null) {
      b.replyPolicy(choice(ReplyPolicy.class, "audience.replies", audience.replies));
    }
    return b.build();
  }

  /** Returns the list, empty when the YAML key is present without a value; no null elements. */
  private static List<String> listOf(List<String> values, String key) {
    if (values == null) {
      return List.of();
    }
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("audience." + key + ": an empty entry");
      }
    }
    return values;
  }

  /** Reads an enum value with a message naming the key and the allowed values. */
  static <E extends Enum<E>> E choice(Class<E> type, String key, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key
              + ": '"
              + value
              + "' is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }

  /** Returns whether this is a multi-account campaign (named accounts and segments). */
  public boolean segmented() {
    return !segments.isEmpty() || !accounts.isEmpty();
  }

  /** Returns the campaign file. */
  public Path file() {
    return file;
  }

  /**
   * Returns a single-message view of one segment (its text, media, link, audience and options,
   * media paths relative to this file), so the single-message helpers apply to it.
   */
  public Campaign segmentView(SegmentEntry s) {
    Campaign c = new Campaign();
    c.name = s.name;
    c.text = s.text == null ? "" : s.text;
    c.media = s.media == null ? List.of() : s.media;
    c.link = s.link;
    c.audience = s.audience;
    c.options = s.options == null ? new LinkedHashMap<>() : s.options;
    c.overflow = overflow;
    c.file = file;
    return c;
  }

  /** Returns the text overflow policy. */
  public TextOverflow overflowPolicy() {
    return overflow == null
        ? TextOverflow.REJECT
        : TextOverflow.valueOf(overflow.toUpperCase(Locale.ROOT));
  }

  /**
   * Returns the schedule time in its zone; never the machine's default zone.
   *
   * @throws IllegalArgumentException if a time is given without a zone
   */
  public ZonedDateTime scheduleTime() {
    io.smo.scheduler.ScheduleTime t = scheduleAt();
    return t == null ? null : t.zoned();
  }

  /**
   * Returns the schedule time resolved by {@link io.smo.scheduler.ScheduleTime}'s DST rule (a gap
   * moves forward, an overlap takes the first occurrence), with the adjustment to show, or {@code
   * null} when the campaign has no schedule.
   *
   * @throws IllegalArgumentException if a time is given without a zone, or either is malformed
   */
  public io.smo.scheduler.ScheduleTime scheduleAt() {
    if (schedule == null || schedule.at == null) {
      return null;
    }
    if (schedule.zone == null) {
      throw new IllegalArgumentException(
          "schedule.at needs schedule.zone (an IANA zone such as Europe/Berlin)");
    }
    LocalDateTime at;
    try {
      at = LocalDateTime.parse(schedule.at);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "schedule.at: '" + schedule.at + "' is not a local date-time such as 2026-12-24T09:00");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(schedule.zone);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "schedule.zone: '" + schedule.zone + "' is not an IANA time zone such as Europe/Berlin");
    }
    return io.smo.scheduler.ScheduleTime.resolve(at, zone);
  }

  /**
   * Returns the media of one platform: the campaign's media, or the subset its {@code media}
   * override names by index (e.g. {@code media: [1]} for the video only).
   */
  public List<Media> mediaFor(Platform p) {
    List<Media> all = mediaList();
    Object sel = options(p).get("media");
    if (!(sel instanceof List)) {
      return all;
    }
    List<Media> out = new ArrayList<>();
    for (Object i : (List<?>) sel) {
      int idx;
      try {
        idx = Integer.parseInt(String.valueOf(i).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "options."
                + p.id()
                + ".media: '"
                + i
                + "' is not a media index (0 is the first item of media:)");
      }
      if (idx < 0 || idx >= all.size()) {
        throw new IllegalArgumentException("options." + p.id() + ".media: no media item " + idx);
      }
      out.add(all.get(idx));
    }
    return out;
  }

  private static URI url(String text) {
    try {
      return new URI(text.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "media url: '" + text + "' is not a URL (" + e.getReason() + ")");
    }
  }

  /**
   * Checks the keys of the options block.
   *
   * @throws IllegalArgumentException naming an options key that is no platform id
   */
  public void checkOptionKeys() {
    for (String k : options.keySet()) {
      try {
        Platform.fromId(k);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "options."
                + k
                + ": not a platform id (facebook, instagram, x,"
                + " youtube, tiktok, pinterest, snapchat)");
      }
    }
  }

  /** Returns the overrides for one platform (empty map when none). */
  public Map<String, Object> options(Platform p) {
    Map<String, Object> o = options.get(p.id());
    if (o == null && p == Platform.TWITTER) {
      o = options.get("x");
    }
    return o == null ? Map.of() : o;
  }
}
