package io.smo.pinterest;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateBucket;
import java.net.URI;
import java.time.Duration;

/**
 * Pinterest API v5 rate-limit categories ({@code x-ratelimit-category} of each operation in the v5
 * OpenAPI description) the client uses, each with Standard access's documented universal limit of
 * 100 requests per second per user per app ({@link PinterestClient#defaultRateLimits()}).
 * Pinterest's per-category per-minute figures for these categories are not published in a readable
 * form, so the server's headers and 429s drive the rest. Trial access (1,000 requests per day per
 * app, whatever the category) is the second policy, {@link PinterestClient#trialRateLimits()}.
 *
 * <pre>{@code
 * RateLimitPolicy p = PinterestClient.defaultRateLimits().toBuilder()
 *     .bucket(PinterestRateBucket.ORG_WRITE, 10, Duration.ofSeconds(1))
 *     .build();
 * }</pre>
 *
 * @see <a href="https://developers.pinterest.com/docs/reference/rate-limits/">Rate limits</a>
 * @see <a href="https://developers.pinterest.com/docs/key-concepts/access-tiers/">Access tiers</a>
 */
@SmoPublicApi
public enum PinterestRateBucket implements RateBucket {
  /** {@code org_read}: reading Pins, boards, media status and the user account. */
  ORG_READ("org_read"),
  /** {@code org_write}: creating and deleting Pins and boards, registering media. */
  ORG_WRITE("org_write"),
  /** {@code org_analytics}: Pin analytics. */
  ORG_ANALYTICS("org_analytics");

  /** Trial access: requests per {@link #TRIAL_PERIOD} per app, all categories together. */
  public static final int TRIAL_LIMIT = 1_000;

  /** Trial access's period: one day. */
  public static final Duration TRIAL_PERIOD = Duration.ofDays(1);

  // Spec is a record of a String, an int, a Duration and a URI: immutable, which the checker
  // cannot see through the record
  @SuppressWarnings("ImmutableEnumChecker")
  private final Spec spec;

  /** Standard access: 100 requests per second in every category. */
  PinterestRateBucket(String id) {
    this.spec =
        new Spec(
            id,
            100,
            Duration.ofSeconds(1),
            URI.create("https://developers.pinterest.com/docs/reference/rate-limits/"));
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
