package io.smo.core;

import static java.util.Objects.requireNonNull;

import io.smo.core.text.TextLimit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one platform accepts and offers, known offline: the post text limit and how it is counted,
 * other text-field limits, media kinds with their formats, counts, sizes, durations and aspect
 * ratios, the {@link Audience} dimensions and visibilities it honours, its native scheduling
 * window, its {@link Feature}s and the metric names it reports.
 *
 * <p>Each platform module builds its own from the platform's documentation (the module's {@code
 * <Platform>Capabilities}); {@link PostValidator} checks posts against it. Immutable.
 */
@SmoPublicApi
public final class Capabilities {
  private final Platform platform;
  private final TextLimit textLimit;
  private final Map<String, TextLimit> fieldLimits;
  private final boolean mediaRequired;
  private final int maxMediaItems;
  private final boolean mixedMediaKinds;
  private final Map<MediaKind, MediaRule> mediaRules;
  private final Set<AudienceDimension> audienceDimensions;
  private final Set<Visibility> visibilities;
  private final SchedulingWindow nativeScheduling;
  private final Set<Feature> features;
  private final Set<String> metricNames;

  private Capabilities(Builder b) {
    platform = b.platform;
    textLimit = b.textLimit;
    fieldLimits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.fieldLimits));
    mediaRequired = b.mediaRequired;
    maxMediaItems = b.maxMediaItems;
    mixedMediaKinds = b.mixedMediaKinds;
    mediaRules = java.util.Collections.unmodifiableMap(new EnumMap<>(b.mediaRules));
    audienceDimensions =
        java.util.Collections.unmodifiableSet(EnumSet.copyOf(b.audienceDimensions));
    visibilities = java.util.Collections.unmodifiableSet(EnumSet.copyOf(b.visibilities));
    nativeScheduling = b.nativeScheduling;
    EnumSet<Feature> f = EnumSet.noneOf(Feature.class);
    f.addAll(b.features);
    if (nativeScheduling != null) {
      f.add(Feature.NATIVE_SCHEDULING);
    }
    features = java.util.Collections.unmodifiableSet(f);
    metricNames = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(b.metricNames));
  }

  /** Returns a builder for {@code platform}: no text, no media, public only, no features. */
  public static Builder builder(Platform platform) {
    return new Builder(requireNonNull(platform, "platform == null"));
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the limit on {@link Post#text()}, if the platform takes text. */
  public Optional<TextLimit> textLimit() {
    return Optional.ofNullable(textLimit);
  }

  /** Returns the limits of other text fields (titles, alt text...) by field path. */
  public Map<String, TextLimit> fieldLimits() {
    return fieldLimits;
  }

  /** Returns whether every post needs at least one media item. */
  public boolean mediaRequired() {
    return mediaRequired;
  }

  /** Returns how many media items one post may carry in all. */
  public int maxMediaItems() {
    return maxMediaItems;
  }

  /** Returns whether one post may mix media kinds (images with video). */
  public boolean mixedMediaKinds() {
    return mixedMediaKinds;
  }

  /** Returns the rules per accepted media kind; a kind absent here is not accepted. */
  public Map<MediaKind, MediaRule> mediaRules() {
    return mediaRules;
  }

  /** Returns the audience dimensions the platform honours. */
  public Set<AudienceDimension> audienceDimensions() {
    return audienceDimensions;
  }

  /** Returns the visibilities the platform can apply. */
  public Set<Visibility> visibilities() {
    return visibilities;
  }

  /** Returns the native scheduling window, if the platform schedules natively. */
  public Optional<SchedulingWindow> nativeScheduling() {
    return Optional.ofNullable(nativeScheduling);
  }

  /** Returns the features the platform offers. */
  public Set<Feature> features() {
    return features;
  }

  /** Returns whether the platform offers {@code feature}. */
  public boolean supports(Feature feature) {
    return features.contains(feature);
  }

  /** Returns the platform metric names {@code metrics()} reads, as the platform spells them. */
  public Set<String> metricNames() {
    return metricNames;
  }

  /** Returns a builder holding these values. */
  public Builder toBuilder() {
    Builder b = new Builder(platform);
    b.textLimit = textLimit;
    b.fieldLimits.putAll(fieldLimits);
    b.mediaRequired = mediaRequired;
    b.maxMediaItems = maxMediaItems;
    b.mixedMediaKinds = mixedMediaKinds;
    b.mediaRules.putAll(mediaRules);
    b.audienceDimensions.clear();
    b.audienceDimensions.addAll(audienceDimensions);
    b.visibilities.clear();
    b.visibilities.addAll(visibilities);
    b.nativeScheduling = nativeScheduling;
    b.features.addAll(features);
    if (nativeScheduling != null) {
      // derived from the window by the constructor: clearing the window must clear it too
      b.features.remove(Feature.NATIVE_SCHEDULING);
    }
    b.metricNames.addAll(metricNames);
    return b;
  }

  @Override
  public String toString() {
    return "Capabilities{"
        + platform
        + ", text="
        + textLimit
        + ", media="
        + mediaRules.keySet()
        + " max "
        + maxMediaItems
        + ", audience="
        + audienceDimensions
        + ", features="
        + features
        + "}";
  }

  /** Builds {@link Capabilities}. Mutable, not thread-safe. */
  public static final class Builder {
    private final Platform platform;
    private TextLimit textLimit;
    private final Map<String, TextLimit> fieldLimits = new LinkedHashMap<>();
    private boolean mediaRequired;
    private int maxMediaItems;
    private boolean mixedMediaKinds;
    private final Map<MediaKind, MediaRule> mediaRules = new EnumMap<>(MediaKind.class);
    private final Set<AudienceDimension> audienceDimensions =
        EnumSet.noneOf(AudienceDimension.class);
    private final Set<Visibility> visibilities = EnumSet.of(Visibility.PUBLIC);
    private SchedulingWindow nativeScheduling;
    private final Set<Feature> features = EnumSet.noneOf(Feature.class);
    private final Set<String> metricNames = new LinkedHashSet<>();

    private Builder(Platform platform) {
      this.platform = platform;
    }

    /** Sets the limit on the post text; {@code null} means the platform takes no text. */
    public Builder textLimit(TextLimit textLimit) {
      this.textLimit = textLimit;
      return this;
    }

    /** Adds the limit of another text field, keyed by its field path. */
    public Builder fieldLimit(TextLimit limit) {
      fieldLimits.put(limit.field(), limit);
      return this;
    }

    /** Sets whether every post needs media. Default false. */
    public Builder mediaRequired(boolean mediaRequired) {
      this.mediaRequired = mediaRequired;
      return this;
    }

    /** Sets the total media items per post. Default 0. */
    public Builder maxMediaItems(int maxMediaItems) {
      this.maxMediaItems = maxMediaItems;
      return this;
    }

    /** Sets whether kinds may be mixed in one post. Default false. */
    public Builder mixedMediaKinds(boolean mixedMediaKinds) {
      this.mixedMediaKinds = mixedMediaKinds;
      return this;
    }

    /** Adds (or replaces) the rule of one media kind. */
    public Builder mediaRule(MediaRule rule) {
      mediaRules.put(rule.kind(), rule);
      return this;
    }

    /** Replaces the honoured audience dimensions. */
    public Builder audienceDimensions(Collection<AudienceDimension> dimensions) {
      audienceDimensions.clear();
      audienceDimensions.addAll(dimensions);
      return this;
    }

    /** Replaces the supported visibilities. Default PUBLIC only. */
    public Builder visibilities(Collection<Visibility> visibilities) {
      this.visibilities.clear();
      this.visibilities.addAll(visibilities);
      return this;
    }

    /** Sets the native scheduling window; {@code null} means none. */
    public Builder nativeScheduling(SchedulingWindow window) {
      this.nativeScheduling = window;
      return this;
    }

    /** Replaces the features. */
    public Builder features(Collection<Feature> features) {
      this.features.clear();
      this.features.addAll(features);
      return this;
    }

    /** Replaces the metric names. */
    public Builder metricNames(Collection<String> names) {
      metricNames.clear();
      metricNames.addAll(names);
      return this;
    }

    /** Returns an immutable snapshot. */
    public Capabilities build() {
      return new Capabilities(this);
    }
  }
}
