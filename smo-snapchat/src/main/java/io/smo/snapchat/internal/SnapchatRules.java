package io.smo.snapchat.internal;

import io.smo.core.Audience;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.text.TextCounting;
import io.smo.snapchat.SnapchatCapabilities;
import io.smo.snapchat.SnapchatOptions;
import io.smo.snapchat.SnapchatOptions.Ads;
import io.smo.snapchat.SnapchatOptions.Destination;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Snapchat's rules for a post, checked offline (no I/O): media uploaded (no URLs), no link; organic
 * posts need the client's Public Profile id, take no targeting, and follow their destination's
 * text, media and title rules; promoted posts need the ad account, a headline, a brand name (or a
 * profile), a daily budget, coherent times and valid targeting. Immutable.
 *
 * @see <a
 *     href="https://developers.snap.com/api/marketing-api/Public-Profile-API/Introduction">Public
 *     Profile API</a>
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/creatives">Creatives</a>
 */
@SmoInternalApi
public final class SnapchatRules {
  /** Snap interest category ids look like {@code SLC_7} or {@code DLXS_1003}. */
  public static final Pattern INTEREST_ID = Pattern.compile("[A-Z][A-Z0-9]*_[A-Za-z0-9_]+");

  /** Snap's youngest targetable age. */
  public static final int MIN_AGE = 13;

  private static final Platform P = Platform.SNAPCHAT;

  private final String profileId;
  private final String adAccountId;
  private final Clock clock;

  /**
   * Creates the rules.
   *
   * @param profileId the client's Public Profile id, or {@code null}
   * @param adAccountId the client's ad account id, or {@code null}
   * @param clock the clock times are judged by
   */
  public SnapchatRules(String profileId, String adAccountId, Clock clock) {
    this.profileId = profileId;
    this.adAccountId = adAccountId;
    this.clock = clock;
  }

  /**
   * Returns the Snapchat-specific violations of {@code post} (core rules are checked elsewhere).
   *
   * @return the violations; empty when the post obeys Snapchat's offline rules
   */
  public List<Violation> violations(Post post) {
    List<Violation> out = new ArrayList<>();
    SnapchatOptions o = post.options(SnapchatOptions.class).orElse(SnapchatOptions.defaults());
    for (int i = 0; i < post.media().size(); i++) {
      if (post.media().get(i).sourceType() == Media.SourceType.URL) {
        out.add(
            Violation.of(
                P,
                "media[" + i + "]",
                "media-source",
                "URL",
                "file or bytes",
                "Snapchat needs the media uploaded: give a file or bytes, not a URL"));
      }
    }
    if (post.link().isPresent()) {
      out.add(
          Violation.of(
              P,
              "link",
              "link-unsupported",
              post.link().get(),
              null,
              "Snapchat posts carry no link (attachments are not in the public APIs)"));
    }
    if (o.ads().isPresent()) {
      adsViolations(post, o.ads().get(), out);
      return out;
    }
    if (post.audience().hasTargeting() && !post.audience().dropUnsupported()) {
      out.add(
          Violation.of(
              P,
              "audience",
              "targeting-requires-ads",
              post.audience().usedDimensions(),
              null,
              "Snapchat honours audience targeting only for paid posts: set SnapchatOptions.ads(...) "
                  + "(spends money), remove the targeting, or set Audience.dropUnsupported to post "
                  + "organically to everyone"));
    }
    if (profileId == null) {
      out.add(
          Violation.of(
              P,
              "client.profileId",
              "profile-required",
              null,
              null,
              "organic posts need the client's Public Profile id (SnapchatClient.builder().accountId)"));
    }
    if (o.destination() != Destination.SPOTLIGHT && !post.text().isEmpty()) {
      out.add(
          Violation.of(
              P,
              "text",
              "text-unsupported",
              post.text(),
              null,
              "Snapchat "
                  + (o.destination() == Destination.STORY ? "Stories" : "Saved Stories")
                  + " take no caption; use Destination.SPOTLIGHT for a description"));
    }
    if (o.destination() == Destination.SPOTLIGHT) {
      for (int i = 0; i < post.media().size(); i++) {
        if (post.media().get(i).kind() != MediaKind.VIDEO) {
          out.add(
              Violation.of(
                  P,
                  "media[" + i + "]",
                  "spotlight-video",
                  post.media().get(i).kind(),
                  MediaKind.VIDEO,
                  "Spotlight takes video only"));
        }
      }
      if (!o.locale().matches("[a-z]{2}_[A-Z]{2}")) {
        out.add(
            Violation.of(
                P,
                "options.snapchat.locale",
                "locale",
                o.locale(),
                "en_US",
                "Spotlight needs a locale like en_US"));
      }
    }
    o.title()
        .ifPresent(
            t -> {
              if (o.destination() != Destination.SAVED_STORY) {
                out.add(
                    Violation.of(
                        P,
                        "options.snapchat.title",
                        "title-unsupported",
                        t,
                        null,
                        "only Saved Stories take a title"));
              }
              limit(out, "options.snapchat.title", t, SnapchatCapabilities.SAVED_STORY_TITLE_MAX);
            });
    return out;
  }

  private void adsViolations(Post post, Ads ads, List<Violation> out) {
    if (adAccountId == null) {
      out.add(
          Violation.of(
              P,
              "client.adAccountId",
              "ad-account-required",
              null,
              null,
              "promoted posts need the client's ad account id (SnapchatClient.builder().adAccountId)"));
    }
    if (!post.text().isEmpty()) {
      out.add(
          Violation.of(
              P,
              "text",
              "text-unsupported",
              post.text(),
              null,
              "Snap ads take no caption: put the words in SnapchatOptions.Ads.headline"));
    }
    if (ads.headline() == null || ads.headline().isBlank()) {
      out.add(
          Violation.of(
              P,
              "options.snapchat.ads.headline",
              "required",
              null,
              SnapchatCapabilities.HEADLINE_MAX,
              "a Snap ad needs a headline"));
    } else {
      limit(
          out, "options.snapchat.ads.headline", ads.headline(), SnapchatCapabilities.HEADLINE_MAX);
    }
    if (ads.brandName().isPresent()) {
      limit(
          out,
          "options.snapchat.ads.brandName",
          ads.brandName().get(),
          SnapchatCapabilities.BRAND_NAME_MAX);
    } else if (profileId == null) {
      out.add(
          Violation.of(
              P,
              "options.snapchat.ads.brandName",
              "required",
              null,
              SnapchatCapabilities.BRAND_NAME_MAX,
              "a brand name is required unless the client has a Public Profile id"));
    }
    ads.name()
        .ifPresent(n -> limit(out, "options.snapchat.ads.name", n, SnapchatCapabilities.NAME_MAX));
    if (ads.dailyBudgetMicro() <= 0) {
      out.add(
          Violation.of(
              P,
              "options.snapchat.ads.dailyBudgetMicro",
              "budget-required",
              ads.dailyBudgetMicro(),
              "> 0",
              "a daily budget in micro-currency is required"));
    }
    ads.lifetimeSpendCapMicro()
        .filter(c -> c <= 0)
        .ifPresent(
            c ->
                out.add(
                    Violation.of(
                        P,
                        "options.snapchat.ads.lifetimeSpendCapMicro",
                        "positive",
                        c,
                        "> 0",
                        "must be positive")));
    ads.bidMicro()
        .filter(c -> c <= 0)
        .ifPresent(
            c ->
                out.add(
                    Violation.of(
                        P,
                        "options.snapchat.ads.bidMicro",
                        "positive",
                        c,
                        "> 0",
                        "must be positive")));
    Instant now = clock.instant();
    Instant start = ads.startTime().orElse(now);
    ads.endTime()
        .ifPresent(
            end -> {
              if (!end.isAfter(start)) {
                out.add(
                    Violation.of(
                        P,
                        "options.snapchat.ads.endTime",
                        "end-after-start",
                        end,
                        start,
                        "the end time must be after the start time"));
              }
              if (!end.isAfter(now)) {
                out.add(
                    Violation.of(
                        P,
                        "options.snapchat.ads.endTime",
                        "end-in-past",
                        end,
                        null,
                        "the end time is in the past"));
              }
            });
    out.addAll(targetingViolations(post.audience()));
  }

  /**
   * Returns the offline violations of an ad squad audience for the Marketing API: a country is
   * required, region keys {@code cc:regionId} (a bare id only with one country) of targeted
   * countries, ages from {@value #MIN_AGE}, one language when several countries are targeted, Snap
   * interest category ids ({@link #INTEREST_ID}).
   *
   * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/targeting">Targeting</a>
   */
  public static List<Violation> targetingViolations(Audience a) {
    Platform p = Platform.SNAPCHAT;
    List<Violation> out = new ArrayList<>();
    if (a.countries().isEmpty()) {
      out.add(
          Violation.of(
              p,
              "audience.countries",
              "geo-required",
              null,
              null,
              "Snapchat ad squads need at least one country (targeting.geos is required)"));
    }
    for (String r : a.regions()) {
      int i = r.indexOf(':');
      if (i < 0 && a.countries().size() != 1) {
        out.add(
            Violation.of(
                p,
                "audience.regions",
                "region-key",
                r,
                "cc:regionId",
                "region keys need a country prefix (\"us:3832\") unless exactly one country is targeted"));
      } else if (i > 0 && !a.countries().contains(r.substring(0, i).toUpperCase(Locale.ROOT))) {
        out.add(
            Violation.of(
                p,
                "audience.regions",
                "region-country",
                r,
                a.countries(),
                "the region's country is not among the targeted countries"));
      }
    }
    a.ageRange()
        .ifPresent(
            r ->
                r.min()
                    .ifPresent(
                        min -> {
                          if (min < MIN_AGE) {
                            out.add(
                                Violation.of(
                                    p,
                                    "audience.ageRange",
                                    "min-age",
                                    min,
                                    MIN_AGE,
                                    "Snapchat targets ages 13 and over"));
                          }
                        }));
    if (a.languages().size() > 1 && a.countries().size() > 1) {
      out.add(
          Violation.of(
              p,
              "audience.languages",
              "single-language-multi-country",
              a.languages().size(),
              1,
              "Snapchat takes one language when several countries are targeted"));
    }
    for (String i : a.interests()) {
      if (!INTEREST_ID.matcher(i).matches()) {
        out.add(
            Violation.of(
                p,
                "audience.interests",
                "interest-id",
                i,
                "e.g. SLC_7",
                "interests must be Snapchat interest category ids"));
      }
    }
    return out;
  }

  private static void limit(List<Violation> out, String field, String value, int max) {
    int n = TextCounting.CODE_POINTS.count(value);
    if (n > max) {
      out.add(
          Violation.of(
              P, field, "max-length", n, max, "too long (at most " + max + " characters)"));
    }
  }
}
