package io.smo.snapchat;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Snapchat options of one post: where the organic post goes ({@link Destination}), the Saved Story
 * title, the Spotlight locale, and — only when set — {@link Ads}: paid distribution through the
 * Marketing API, which is the only way Snapchat honours {@link io.smo.core.Audience} targeting. Ads
 * spend money, so they never happen implicitly: a post with targeting and no {@code ads(...)} fails
 * validation. Immutable.
 *
 * <pre>{@code
 * SnapchatOptions organic = SnapchatOptions.builder().destination(Destination.SPOTLIGHT).build();
 * SnapchatOptions promoted = SnapchatOptions.builder()
 *     .ads(SnapchatOptions.Ads.builder()
 *         .headline("Spring is here").brandName("Acme")
 *         .dailyBudgetMicro(20_000_000L)                 // 20.00 in the account's currency
 *         .startTime(Instant.parse("2026-03-01T00:00:00Z"))
 *         .endTime(Instant.parse("2026-03-08T00:00:00Z"))
 *         .build())
 *     .build();
 * }</pre>
 */
@SmoPublicApi
public final class SnapchatOptions implements PlatformOptions {
  /** Where an organic post goes (Public Profile API). */
  public enum Destination {
    /** The public Story: visible for 24 hours. Image or video. */
    STORY,
    /** Saved Stories: permanent on the Public Profile. Image or video; optional title (≤ 45). */
    SAVED_STORY,
    /**
     * Spotlight: permanent video feed; the post text is the description (≤ 160); reviewed by Snap.
     */
    SPOTLIGHT
  }

  private final Destination destination;
  private final String title;
  private final String locale;
  private final boolean saveToProfile;
  private final Ads ads;

  private SnapchatOptions(Builder b) {
    destination = b.destination;
    title = b.title;
    locale = b.locale;
    saveToProfile = b.saveToProfile;
    ads = b.ads;
  }

  /** Returns a builder: STORY, no title, locale {@code en_US}, saved to profile, no ads. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the default options (an organic Story). */
  public static SnapchatOptions defaults() {
    return builder().build();
  }

  @Override
  public Platform platform() {
    return Platform.SNAPCHAT;
  }

  /** Returns the organic destination. Default STORY. Ignored for promoted posts. */
  public Destination destination() {
    return destination;
  }

  /** Returns the Saved Story title (at most 45 characters), if set. */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /**
   * Returns the Spotlight locale, e.g. {@code en_US} (required by Spotlight). Default {@code
   * en_US}.
   */
  public String locale() {
    return locale;
  }

  /** Returns whether a Spotlight is also saved to the profile. Default true. */
  public boolean saveToProfile() {
    return saveToProfile;
  }

  /** Returns the paid-distribution settings; present only when the caller opted in. */
  public Optional<Ads> ads() {
    return Optional.ofNullable(ads);
  }

  /** Returns a builder holding these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.destination = destination;
    b.title = title;
    b.locale = locale;
    b.saveToProfile = saveToProfile;
    b.ads = ads;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SnapchatOptions s)) {
      return false;
    }
    return destination == s.destination
        && Objects.equals(title, s.title)
        && locale.equals(s.locale)
        && saveToProfile == s.saveToProfile
        && Objects.equals(ads, s.ads);
  }

  @Override
  public int hashCode() {
    return Objects.hash(destination, title, locale, saveToProfile, ads);
  }

  @Override
  public String toString() {
    return "SnapchatOptions{"
        + destination
        + (title != null ? ", title=" + title : "")
        + ", locale="
        + locale
        + (ads != null ? ", " + ads : "")
        + "}";
  }

  /** Builds {@link SnapchatOptions}. Mutable, not thread-safe. */
  public static final class Builder {
    private Destination destination = Destination.STORY;
    private String title;
    private String locale = "en_US";
    private boolean saveToProfile = true;
    private Ads ads;

    private Builder() {}

    /** Sets the organic destination. Default STORY. */
    public Builder destination(Destination destination) {
      this.destination = requireNonNull(destination, "destination == null");
      return this;
    }

    /**
     * Sets the Saved Story title (checked offline: at most 45 characters); {@code null} for none.
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Sets the Spotlight locale ({@code language_COUNTRY}, e.g. {@code de_DE}). */
    public Builder locale(String locale) {
      this.locale = requireNonNull(locale, "locale == null");
      return this;
    }

    /** Sets whether a Spotlight is saved to the profile too. Default true. */
    public Builder saveToProfile(boolean saveToProfile) {
      this.saveToProfile = saveToProfile;
      return this;
    }

    /**
     * Opts in to paid distribution through the Marketing API (spends money); {@code null} opts out.
     * With ads set, the post becomes one campaign, ad squad (carrying the targeting), creative and
     * ad in the client's ad account instead of an organic post.
     */
    public Builder ads(Ads ads) {
      this.ads = ads;
      return this;
    }

    /** Returns an immutable snapshot; field limits are checked by the client's validation. */
    public SnapchatOptions build() {
      return new SnapchatOptions(this);
    }
  }

  /**
   * Paid distribution of a post through the Marketing API: the campaign, the ad squad (budget,
   * schedule, bid and the {@link io.smo.core.Audience} targeting) and the creative (headline, brand
   * name, call to action). Money is in micro-currency: 1,000,000 = one unit of the ad account's
   * currency. Immutable.
   *
   * <p>Sources: https://developers.snap.com/api/marketing-api/Ads-API/campaigns, .../ad-squads,
   * .../creatives (headline ≤ 34, brand_name ≤ 32, name ≤ 375). Minimum budgets are set per
   * currency by Snap and are UNCONFIRMED here; the server refuses budgets below them.
   */
  public static final class Ads {
    /** Whether the created campaign, ad squad and ad deliver at once or wait paused. */
    public enum Status {
      /** Delivery starts at the start time (default: the caller opted in to spend). */
      ACTIVE,
      /** Created paused; activate in Ads Manager or through the API. */
      PAUSED
    }

    private final String headline;
    private final String brandName;
    private final String name;
    private final String callToAction;
    private final long dailyBudgetMicro;
    private final Long lifetimeSpendCapMicro;
    private final Long bidMicro;
    private final Instant startTime;
    private final Instant endTime;
    private final String objective;
    private final String optimizationGoal;
    private final Status status;

    private Ads(Builder b) {
      headline = b.headline;
      brandName = b.brandName;
      name = b.name;
      callToAction = b.callToAction;
      dailyBudgetMicro = b.dailyBudgetMicro;
      lifetimeSpendCapMicro = b.lifetimeSpendCapMicro;
      bidMicro = b.bidMicro;
      startTime = b.startTime;
      endTime = b.endTime;
      objective = b.objective;
      optimizationGoal = b.optimizationGoal;
      status = b.status;
    }

    /**
     * Returns a builder: no budget (required), objective BRAND_AWARENESS, goal IMPRESSIONS, ACTIVE.
     */
    public static Builder builder() {
      return new Builder();
    }

    /** Returns the creative headline (required, at most 34 characters). */
    public String headline() {
      return headline;
    }

    /** Returns the brand name (at most 32; required unless the client has a Public Profile id). */
    public Optional<String> brandName() {
      return Optional.ofNullable(brandName);
    }

    /** Returns the name given to the campaign, ad squad, creative and ad (at most 375), if set. */
    public Optional<String> name() {
      return Optional.ofNullable(name);
    }

    /** Returns the creative's call to action (e.g. {@code MORE}, {@code SHOP_NOW}), if set. */
    public Optional<String> callToAction() {
      return Optional.ofNullable(callToAction);
    }

    /** Returns the ad squad's daily budget in micro-currency (required, positive). */
    public long dailyBudgetMicro() {
      return dailyBudgetMicro;
    }

    /** Returns the campaign's lifetime spend cap in micro-currency, if set. */
    public Optional<Long> lifetimeSpendCapMicro() {
      return Optional.ofNullable(lifetimeSpendCapMicro);
    }

    /** Returns the max bid in micro-currency; absent means auto-bid. */
    public Optional<Long> bidMicro() {
      return Optional.ofNullable(bidMicro);
    }

    /** Returns when delivery starts (UTC); absent means at publication. */
    public Optional<Instant> startTime() {
      return Optional.ofNullable(startTime);
    }

    /** Returns when delivery ends (UTC), if bounded. */
    public Optional<Instant> endTime() {
      return Optional.ofNullable(endTime);
    }

    /** Returns the campaign objective. Default {@code BRAND_AWARENESS}. */
    public String objective() {
      return objective;
    }

    /** Returns the ad squad's optimization goal. Default {@code IMPRESSIONS}. */
    public String optimizationGoal() {
      return optimizationGoal;
    }

    /** Returns the delivery status given to campaign, ad squad and ad. Default ACTIVE. */
    public Status status() {
      return status;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Ads a)) {
        return false;
      }
      return Objects.equals(headline, a.headline)
          && Objects.equals(brandName, a.brandName)
          && Objects.equals(name, a.name)
          && Objects.equals(callToAction, a.callToAction)
          && dailyBudgetMicro == a.dailyBudgetMicro
          && Objects.equals(lifetimeSpendCapMicro, a.lifetimeSpendCapMicro)
          && Objects.equals(bidMicro, a.bidMicro)
          && Objects.equals(startTime, a.startTime)
          && Objects.equals(endTime, a.endTime)
          && objective.equals(a.objective)
          && optimizationGoal.equals(a.optimizationGoal)
          && status == a.status;
    }

    @Override
    public int hashCode() {
      return Objects.hash(headline, brandName, name, dailyBudgetMicro, startTime, endTime, status);
    }

    @Override
    public String toString() {
      return "Ads{headline="
          + headline
          + ", dailyBudgetMicro="
          + dailyBudgetMicro
          + ", start="
          + startTime
          + ", end="
          + endTime
          + ", "
          + status
          + "}";
    }

    /** Builds {@link Ads}. Mutable, not thread-safe. */
    public static final class Builder {
      private String headline;
      private String brandName;
      private String name;
      private String callToAction;
      private long dailyBudgetMicro;
      private Long lifetimeSpendCapMicro;
      private Long bidMicro;
      private Instant startTime;
      private Instant endTime;
      private String objective = "BRAND_AWARENESS";
      private String optimizationGoal = "IMPRESSIONS";
      private Status status = Status.ACTIVE;

      private Builder() {}

      /** Sets the creative headline (required; at most 34 characters, checked offline). */
      public Builder headline(String headline) {
        this.headline = headline;
        return this;
      }

      /** Sets the brand name (at most 32 characters, checked offline). */
      public Builder brandName(String brandName) {
        this.brandName = brandName;
        return this;
      }

      /** Sets the name used for campaign, ad squad, creative and ad (at most 375 characters). */
      public Builder name(String name) {
        this.name = name;
        return this;
      }

      /** Sets the call to action, as Snap spells it (e.g. {@code MORE}). */
      public Builder callToAction(String callToAction) {
        this.callToAction = callToAction;
        return this;
      }

      /** Sets the daily budget in micro-currency (required, positive; checked offline). */
      public Builder dailyBudgetMicro(long dailyBudgetMicro) {
        this.dailyBudgetMicro = dailyBudgetMicro;
        return this;
      }

      /** Sets the campaign's lifetime spend cap in micro-currency; {@code null} for none. */
      public Builder lifetimeSpendCapMicro(Long cap) {
        this.lifetimeSpendCapMicro = cap;
        return this;
      }

      /** Sets the max bid in micro-currency; {@code null} for auto-bid. */
      public Builder bidMicro(Long bidMicro) {
        this.bidMicro = bidMicro;
        return this;
      }

      /** Sets when delivery starts (UTC); {@code null} for at publication. */
      public Builder startTime(Instant startTime) {
        this.startTime = startTime;
        return this;
      }

      /**
       * Sets when delivery ends (UTC; after the start, checked offline); {@code null} for
       * open-ended.
       */
      public Builder endTime(Instant endTime) {
        this.endTime = endTime;
        return this;
      }

      /** Sets the campaign objective, as Snap spells it. Default {@code BRAND_AWARENESS}. */
      public Builder objective(String objective) {
        this.objective = requireNonNull(objective, "objective == null");
        return this;
      }

      /** Sets the optimization goal, as Snap spells it. Default {@code IMPRESSIONS}. */
      public Builder optimizationGoal(String goal) {
        this.optimizationGoal = requireNonNull(goal, "optimizationGoal == null");
        return this;
      }

      /** Sets the delivery status. Default ACTIVE. */
      public Builder status(Status status) {
        this.status = requireNonNull(status, "status == null");
        return this;
      }

      /** Returns an immutable snapshot; limits are checked by the client's validation. */
      public Ads build() {
        return new Ads(this);
      }
    }
  }
}
