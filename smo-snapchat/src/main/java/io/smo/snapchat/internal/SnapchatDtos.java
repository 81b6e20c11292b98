package io.smo.snapchat.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoInternalApi;
import java.util.List;

/**
 * Snapchat wire records for the bodies the client sends (Jackson; absent values are left out).
 * Marketing API creates wrap their entities in a plural array, e.g. {@code {"campaigns":[{...}]}};
 * Public Profile bodies are flat. Answers share the {@code request_status /
 * <plural>[].sub_request_status / <plural>[].<singular>} envelope, whose status appears in both
 * upper and lower case in real answers; {@link SnapchatMapper} reads them leniently.
 *
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/media">Media</a>
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/creatives">Creatives</a>
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/campaigns">Campaigns</a>
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/ad-squads">Ad squads</a>
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/ads">Ads</a>
 * @see <a
 *     href="https://developers.snap.com/api/marketing-api/Public-Profile-API/ProfileAssetManagement">Profile
 *     asset management</a>
 */
@SmoInternalApi
public final class SnapchatDtos {
  private SnapchatDtos() {}

  /** {@code POST /v1/adaccounts/{id}/media}: {@code {"media":[{name,type,ad_account_id}]}}. */
  public record MediaRequest(List<MediaSpec> media) {}

  /** One media to create in an ad account ({@code type} VIDEO or IMAGE). */
  public record MediaSpec(
      String name, String type, @JsonProperty("ad_account_id") String adAccountId) {}

  /**
   * {@code POST /v1/public_profiles/{id}/media}: the encrypted media's type, name and the base64
   * AES-256 key and IV.
   */
  public record ProfileMediaRequest(String type, String name, String key, String iv) {}

  /**
   * A post to a Public Profile's Story ({@code media_id}), Saved Stories ({@code media_id, title})
   * or Spotlight ({@code media_id, description, locale, save_to_profile}); UNCONFIRMED shapes.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProfilePostRequest(
      @JsonProperty("media_id") String mediaId,
      String title,
      String description,
      String locale,
      @JsonProperty("save_to_profile") Boolean saveToProfile) {}

  /** {@code POST /v1/adaccounts/{id}/creatives}. */
  public record CreativesRequest(List<Creative> creatives) {}

  /** A SNAP_AD creative with its top snap media. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Creative(
      @JsonProperty("ad_account_id") String adAccountId,
      String name,
      String type,
      String headline,
      Boolean shareable,
      @JsonProperty("top_snap_media_id") String topSnapMediaId,
      @JsonProperty("top_snap_crop_position") String topSnapCropPosition,
      @JsonProperty("brand_name") String brandName,
      @JsonProperty("call_to_action") String callToAction,
      @JsonProperty("profile_properties") ProfileProperties profileProperties) {}

  /** The Public Profile a creative is shown as. */
  public record ProfileProperties(@JsonProperty("profile_id") String profileId) {}

  /** {@code POST /v1/adaccounts/{id}/campaigns}. */
  public record CampaignsRequest(List<Campaign> campaigns) {}

  /** A campaign; times are ISO-8601 UTC, the spend cap in micro-currency. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Campaign(
      @JsonProperty("ad_account_id") String adAccountId,
      String name,
      String status,
      String objective,
      @JsonProperty("start_time") String startTime,
      @JsonProperty("end_time") String endTime,
      @JsonProperty("lifetime_spend_cap_micro") Long lifetimeSpendCapMicro) {}

  /** {@code POST /v1/campaigns/{id}/adsquads}. */
  public record AdSquadsRequest(List<AdSquad> adsquads) {}

  /**
   * An ad squad: budget and bid in micro-currency, {@code targeting} built by {@link
   * SnapchatMapper#targeting}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AdSquad(
      @JsonProperty("campaign_id") String campaignId,
      String name,
      String status,
      String type,
      @JsonProperty("billing_event") String billingEvent,
      @JsonProperty("optimization_goal") String optimizationGoal,
      @JsonProperty("daily_budget_micro") Long dailyBudgetMicro,
      @JsonProperty("start_time") String startTime,
      @JsonProperty("placement_v2") Placement placementV2,
      @JsonProperty("bid_micro") Long bidMicro,
      @JsonProperty("auto_bid") Boolean autoBid,
      @JsonProperty("bid_strategy") String bidStrategy,
      @JsonProperty("end_time") String endTime,
      JsonNode targeting) {}

  /** {@code placement_v2}: {@code AUTOMATIC}. */
  public record Placement(String config) {}

  /** {@code POST /v1/adsquads/{id}/ads}. */
  public record AdsRequest(List<Ad> ads) {}

  /** An ad joining an ad squad and a creative. */
  public record Ad(
      @JsonProperty("ad_squad_id") String adSquadId,
      @JsonProperty("creative_id") String creativeId,
      String name,
      String type,
      String status) {}
}
