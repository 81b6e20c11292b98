package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who should see a post and who may answer it: visibility, reply policy, and targeting by country
 * (ISO 3166-1 alpha-2), region and city (platform keys), language (BCP 47), age range, gender and
 * interest.
 *
 * <p>Each platform maps the dimensions it honours ({@link Capabilities#audienceDimensions()}); a
 * post that asks for others fails validation unless {@link Builder#dropUnsupported(boolean)} was
 * set. Country codes are stored upper-case as given; {@link PostValidator} reports unknown codes.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Audience a = Audience.builder()
 *     .countries("DE", "AT").languages(Locale.GERMAN).ageRange(AgeRange.of(18, 34)).build();
 * }</pre>
 */
@SmoPublicApi
public final class Audience {
  private static final Audience EVERYONE = builder().build();

  private final Visibility visibility;
  private final ReplyPolicy replyPolicy;
  private final Set<String> countries;
  private final Set<String> regions;
  private final Set<String> cities;
  private final List<Locale> languages;
  private final AgeRange ageRange;
  private final Set<Gender> genders;
  private final Set<String> interests;
  private final boolean dropUnsupported;

  private Audience(Builder b) {
    visibility = b.visibility;
    replyPolicy = b.replyPolicy;
    countries = Set.copyOf(b.countries);
    regions = Set.copyOf(b.regions);
    cities = Set.copyOf(b.cities);
    languages = List.copyOf(b.languages);
    ageRange = b.ageRange;
    genders = Set.copyOf(b.genders);
    interests = Set.copyOf(b.interests);
    dropUnsupported = b.dropUnsupported;
  }

  /** Returns the public audience with no targeting. */
  public static Audience everyone() {
    return EVERYONE;
  }

  /** Returns a new builder (public, everyone may reply, no targeting). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this audience's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.visibility = visibility;
    b.replyPolicy = replyPolicy;
    b.countries.addAll(countries);
    b.regions.addAll(regions);
    b.cities.addAll(cities);
    b.languages.addAll(languages);
    b.ageRange = ageRange;
    b.genders.addAll(genders);
    b.interests.addAll(interests);
    b.dropUnsupported = dropUnsupported;
    return b;
  }

  /** Returns who may see the post. Default {@link Visibility#PUBLIC}. */
  public Visibility visibility() {
    return visibility;
  }

  /** Returns who may reply. Default {@link ReplyPolicy#EVERYONE}. */
  public ReplyPolicy replyPolicy() {
    return replyPolicy;
  }

  /** Returns the target countries as upper-case ISO 3166-1 alpha-2 codes; empty means all. */
  public Set<String> countries() {
    return countries;
  }

  /** Returns target regions as platform keys (e.g. Meta region keys); empty means all. */
  public Set<String> regions() {
    return regions;
  }

  /** Returns target cities as platform keys (e.g. Meta city keys); empty means all. */
  public Set<String> cities() {
    return cities;
  }

  /** Returns the target languages in order of preference; empty means all. */
  public List<Locale> languages() {
    return languages;
  }

  /** Returns the target age range in years, if any. */
  public Optional<AgeRange> ageRange() {
    return Optional.ofNullable(ageRange);
  }

  /** Returns the target genders; empty means all. */
  public Set<Gender> genders() {
    return genders;
  }

  /** Returns interest names or platform interest ids; empty means all. */
  public Set<String> interests() {
    return interests;
  }

  /** Returns whether platforms silently drop the dimensions they do not honour (default false). */
  public boolean dropUnsupported() {
    return dropUnsupported;
  }

  /** Returns the dimensions this audience actually uses (non-default values). */
  public Set<AudienceDimension> usedDimensions() {
    Set<AudienceDimension> used = EnumSet.noneOf(AudienceDimension.class);
    if (visibility != Visibility.PUBLIC) {
      used.add(AudienceDimension.VISIBILITY);
    }
    if (replyPolicy != ReplyPolicy.EVERYONE) {
      used.add(AudienceDimension.REPLY_POLICY);
    }
    if (!countries.isEmpty()) {
      used.add(AudienceDimension.COUNTRIES);
    }
    if (!regions.isEmpty()) {
      used.add(AudienceDimension.REGIONS);
    }
    if (!cities.isEmpty()) {
      used.add(AudienceDimension.CITIES);
    }
    if (!languages.isEmpty()) {
      used.add(AudienceDimension.LANGUAGES);
    }
    if (ageRange != null) {
      used.add(AudienceDimension.AGE_RANGE);
    }
    if (!genders.isEmpty()) {
      used.add(AudienceDimension.GENDERS);
    }
    if (!interests.isEmpty()) {
      used.add(AudienceDimension.INTERESTS);
    }
    return used;
  }

  /** Returns whether any targeting dimension (not visibility or reply policy) is set. */
  public boolean hasTargeting() {
    Set<AudienceDimension> used = usedDimensions();
    used.remove(AudienceDimension.VISIBILITY);
    used.remove(AudienceDimension.REPLY_POLICY);
    return !used.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Audience a)) {
      return false;
    }

    return visibility == a.visibility
        && replyPolicy == a.replyPolicy
        && countries.equals(a.countries)
        && regions.equals(a.regions)
        && cities.equals(a.cities)
        && languages.equals(a.languages)
        && Objects.equals(ageRange, a.ageRange)
        && genders.equals(a.genders)
        && interests.equals(a.interests)
        && dropUnsupported == a.dropUnsupported;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        visibility,
        replyPolicy,
        countries,
        regions,
        cities,
        languages,
        ageRange,
        genders,
        interests,
        dropUnsupported);
  }

  @Override
  public String toString() {
    return "Audience{"
        + visibility
        + ", replies="
        + replyPolicy
        + ", countries="
        + countries
        + ", regions="
        + regions
        + ", cities="
        + cities
        + ", languages="
        + languages
        + ", age="
        + ageRange
        + ", genders="
        + genders
        + ", interests="
        + interests
        + "}";
  }

  /** Builds {@link Audience} instances. Mutable and not thread-safe; plural setters replace. */
  public static final class Builder {
    private Visibility visibility = Visibility.PUBLIC;
    private ReplyPolicy replyPolicy = ReplyPolicy.EVERYONE;
    private final Set<String> countries = new LinkedHashSet<>();
    private final Set<String> regions = new LinkedHashSet<>();
    private final Set<String> cities = new LinkedHashSet<>();
    private final List<Locale> languages = new ArrayList<>();
    private AgeRange ageRange;
    private final Set<Gender> genders = new LinkedHashSet<>();
    private final Set<String> interests = new LinkedHashSet<>();
    private boolean dropUnsupported;

    private Builder() {}

    /** Sets the visibility. Default PUBLIC. */
    public Builder visibility(Visibility visibility) {
      this.visibility = requireNonNull(visibility, "visibility == null");
      return this;
    }

    /** Sets who may reply. Default EVERYONE. */
    public Builder replyPolicy(ReplyPolicy replyPolicy) {
      this.replyPolicy = requireNonNull(replyPolicy, "replyPolicy == null");
      return this;
    }

    /**
     * Replaces the target countries (ISO 3166-1 alpha-2, any case; validated by {@link
     * PostValidator}).
     */
    public Builder countries(String... codes) {
      return countries(List.of(codes));
    }

    /** Replaces the target countries (ISO 3166-1 alpha-2, any case). */
    public Builder countries(Collection<String> codes) {
      countries.clear();
      for (String c : codes) {
        countries.add(requireNonNull(c, "country == null").trim().toUpperCase(Locale.ROOT));
      }
      return this;
    }

    /** Replaces the target regions (platform keys). */
    public Builder regions(Collection<String> keys) {
      regions.clear();
      regions.addAll(keys);
      return this;
    }

    /** Replaces the target cities (platform keys). */
    public Builder cities(Collection<String> keys) {
      cities.clear();
      cities.addAll(keys);
      return this;
    }

    /** Replaces the target languages. */
    public Builder languages(Locale... locales) {
      return languages(List.of(locales));
    }

    /** Replaces the target languages. */
    public Builder languages(Collection<Locale> locales) {
      languages.clear();
      languages.addAll(locales);
      return this;
    }

    /** Sets the target age range; {@code null} removes it. */
    public Builder ageRange(AgeRange ageRange) {
      this.ageRange = ageRange;
      return this;
    }

    /** Replaces the target genders. */
    public Builder genders(Collection<Gender> genders) {
      this.genders.clear();
      this.genders.addAll(genders);
      return this;
    }

    /** Replaces the target interests (names or platform ids). */
    public Builder interests(Collection<String> interests) {
      this.interests.clear();
      this.interests.addAll(interests);
      return this;
    }

    /**
     * Lets platforms drop the dimensions they do not honour instead of refusing the post. Default
     * false: asking for unsupported targeting is a validation error.
     */
    public Builder dropUnsupported(boolean dropUnsupported) {
      this.dropUnsupported = dropUnsupported;
      return this;
    }

    /** Returns an immutable snapshot. */
    public Audience build() {
      return new Audience(this);
    }
  }
}
