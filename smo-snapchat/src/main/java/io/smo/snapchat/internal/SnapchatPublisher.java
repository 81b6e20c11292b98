package io.smo.snapchat.internal;

import static io.smo.snapchat.SnapchatClient.ATTR_AD_ACCOUNT;
import static io.smo.snapchat.SnapchatClient.ATTR_AD_SQUAD;
import static io.smo.snapchat.SnapchatClient.ATTR_CAMPAIGN;
import static io.smo.snapchat.SnapchatClient.ATTR_CREATIVE;
import static io.smo.snapchat.SnapchatClient.ATTR_KIND;
import static io.smo.snapchat.SnapchatClient.ATTR_MEDIA;
import static io.smo.snapchat.SnapchatClient.ATTR_PROFILE;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.snapchat.SnapchatOptions;
import io.smo.snapchat.SnapchatOptions.Ads;
import io.smo.snapchat.SnapchatRateBucket;
import io.smo.snapchat.internal.SnapchatDtos.Ad;
import io.smo.snapchat.internal.SnapchatDtos.AdSquad;
import io.smo.snapchat.internal.SnapchatDtos.AdSquadsRequest;
import io.smo.snapchat.internal.SnapchatDtos.AdsRequest;
import io.smo.snapchat.internal.SnapchatDtos.Campaign;
import io.smo.snapchat.internal.SnapchatDtos.CampaignsRequest;
import io.smo.snapchat.internal.SnapchatDtos.Creative;
import io.smo.snapchat.internal.SnapchatDtos.CreativesRequest;
import io.smo.snapchat.internal.SnapchatDtos.Placement;
import io.smo.snapchat.internal.SnapchatDtos.ProfilePostRequest;
import io.smo.snapchat.internal.SnapchatDtos.ProfileProperties;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Headers;
import retrofit2.Call;

/**
 * Publishes to Snapchat and deletes: organic posts (encrypted upload through {@link
 * SnapchatUploadProtocol}, then the Story, Saved Story or Spotlight), promoted posts (media,
 * creative, campaign, ad squad with targeting, ad, in that order) and ad deletion. Thread-safe.
 *
 * @see <a
 *     href="https://developers.snap.com/api/marketing-api/Public-Profile-API/Introduction">Public
 *     Profile API</a>
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/ads">Ads</a>
 */
@SmoInternalApi
public final class SnapchatPublisher {
  private static final SnapchatRateBucket BUCKET = SnapchatRateBucket.TOKEN;

  private final ApiRuntime runtime;
  private final SnapchatApi adsApi;
  private final SnapchatApi profileApi;
  private final SnapchatUploadProtocol upload;
  private final String profileId;
  private final String adAccountId;

  /**
   * Creates the publisher.
   *
   * @param runtime the client's runtime
   * @param adsApi the Marketing API service
   * @param profileApi the Public Profile API service
   * @param upload the media upload protocols
   * @param profileId the client's Public Profile id, or {@code null}
   * @param adAccountId the client's ad account id, or {@code null}
   */
  public SnapchatPublisher(
      ApiRuntime runtime,
      SnapchatApi adsApi,
      SnapchatApi profileApi,
      SnapchatUploadProtocol upload,
      String profileId,
      String adAccountId) {
    this.runtime = runtime;
    this.adsApi = adsApi;
    this.profileApi = profileApi;
    this.upload = upload;
    this.profileId = profileId;
    this.adAccountId = adAccountId;
  }

  /**
   * Publishes a post that passed offline validation.
   *
   * @throws PublishOutcomeUnknownException if an entity may exist but its id was lost
   * @throws SmoException on other failures
   */
  public PublishedPost publish(Post post) {
    SnapchatOptions o = post.options(SnapchatOptions.class).orElse(SnapchatOptions.defaults());
    Media media = post.media().get(0);
    String name = "smo-" + post.idempotencyKey();
    if (o.ads().isPresent()) {
      return publishPromoted(post, media, o.ads().get(), name);
    }
    return publishOrganic(post, media, o, name);
  }

  private PublishedPost publishOrganic(Post post, Media media, SnapchatOptions o, String name) {
    String mediaId = upload.uploadProfileMedia(profileId, media, name);
    String collection;
    String singular;
    ProfilePostRequest body;
    switch (o.destination()) {
      case SAVED_STORY -> {
        collection = "saved_stories";
        singular = "saved_story";
        body = new ProfilePostRequest(mediaId, o.title().orElse(null), null, null, null);
      }
      case SPOTLIGHT -> {
        collection = "spotlights";
        singular = "spotlight";
        body = new ProfilePostRequest(mediaId, null, post.text(), o.locale(), o.saveToProfile());
      }
      default -> {
        collection = "stories";
        singular = "story";
        body = new ProfilePostRequest(mediaId, null, null, null, null);
      }
    }
    Operation op = Operation.create("publish " + singular.replace('_', ' '), BUCKET);
    JsonNode r =
        SnapchatErrorMapper.call(
            runtime, op, () -> profileApi.createProfilePost(profileId, collection, body));
    String id = SnapchatMapper.firstId(r, collection, singular);
    if (id == null && !r.path("id").asText("").isEmpty()) {
      id = r.path("id").asText();
    }
    if (id == null) {
      throw new PublishOutcomeUnknownException(
          Platform.SNAPCHAT,
          op.name(),
          "the answer carries no " + singular + " id; the post may exist",
          null,
          post.idempotencyKey(),
          List.of(),
          null);
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(ATTR_KIND, singular);
    attrs.put(ATTR_PROFILE, profileId);
    attrs.put(ATTR_MEDIA, mediaId);
    return PublishedPost.builder(PostRef.of(Platform.SNAPCHAT, id, attrs))
        .publishedAt(runtime.clock().instant())
        .build();
  }

  private PublishedPost publishPromoted(Post post, Media media, Ads ads, String fallbackName) {
    String name = ads.name().orElse(fallbackName);
    String status = ads.status().name();
    Instant start = ads.startTime().orElse(runtime.clock().instant());
    String end = ads.endTime().map(Instant::toString).orElse(null);
    String mediaId = upload.uploadAdMedia(adAccountId, media, name);

    CreativesRequest creative =
        new CreativesRequest(
            List.of(
                new Creative(
                    adAccountId,
                    name,
                    "SNAP_AD",
                    ads.headline(),
                    true,
                    mediaId,
                    "MIDDLE",
                    ads.brandName().orElse(null),
                    ads.callToAction().orElse(null),
                    profileId != null ? new ProfileProperties(profileId) : null)));
    String creativeId =
        create(
            "create creative",
            "creatives",
            "creative",
            () -> adsApi.createCreative(adAccountId, creative),
            post);

    CampaignsRequest campaign =
        new CampaignsRequest(
            List.of(
                new Campaign(
                    adAccountId,
                    name,
                    status,
                    ads.objective(),
                    start.toString(),
                    end,
                    ads.lifetimeSpendCapMicro().orElse(null))));
    String campaignId =
        create(
            "create campaign",
            "campaigns",
            "campaign",
            () -> adsApi.createCampaign(adAccountId, campaign),
            post);

    boolean bid = ads.bidMicro().isPresent();
    AdSquadsRequest squad =
        new AdSquadsRequest(
            List.of(
                new AdSquad(
                    campaignId,
                    name,
                    status,
                    "SNAP_ADS",
                    "IMPRESSION",
                    ads.optimizationGoal(),
                    ads.dailyBudgetMicro(),
                    start.toString(),
                    new Placement("AUTOMATIC"),
                    ads.bidMicro().orElse(null),
                    bid ? null : Boolean.TRUE,
                    bid ? "LOWEST_COST_WITH_MAX_BID" : "AUTO_BID",
                    end,
                    SnapchatMapper.targeting(post.audience(), runtime.json()))));
    String adSquadId =
        create(
            "create ad squad",
            "adsquads",
            "adsquad",
            () -> adsApi.createAdSquad(campaignId, squad),
            post);

    AdsRequest ad = new AdsRequest(List.of(new Ad(adSquadId, creativeId, name, "SNAP_AD", status)));
    String adId = create("create ad", "ads", "ad", () -> adsApi.createAd(adSquadId, ad), post);

    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(ATTR_KIND, "ad");
    attrs.put(ATTR_AD_ACCOUNT, adAccountId);
    attrs.put(ATTR_CAMPAIGN, campaignId);
    attrs.put(ATTR_AD_SQUAD, adSquadId);
    attrs.put(ATTR_CREATIVE, creativeId);
    attrs.put(ATTR_MEDIA, mediaId);
    if (profileId != null) {
      attrs.put(ATTR_PROFILE, profileId);
    }
    return PublishedPost.builder(PostRef.of(Platform.SNAPCHAT, adId, attrs))
        .publishedAt(start)
        .scheduled(start.isAfter(runtime.clock().instant()))
        .build();
  }

  private String create(
      String opName, String plural, String singular, Supplier<Call<JsonNode>> call, Post post) {
    Operation op = Operation.create(opName, BUCKET);
    JsonNode r = SnapchatErrorMapper.call(runtime, op, call);
    String id = SnapchatMapper.firstId(r, plural, singular);
    if (id == null) {
      String why = SnapchatMapper.subRequestError(r, plural);
      if (why != null) {
        throw runtime.mapFailure(op, 400, Headers.of(), r.toString());
      }
      throw new PublishOutcomeUnknownException(
          Platform.SNAPCHAT,
          opName,
          "the answer carries no " + singular + " id",
          null,
          post.idempotencyKey(),
          List.of(),
          null);
    }
    return id;
  }

  /**
   * Deletes a promoted post's ad ({@code DELETE /v1/ads/{id}}); its campaign, ad squad and creative
   * stay (they spend nothing without an ad).
   *
   * @param ref the post
   * @param kind its {@code kind} attribute
   * @throws UnsupportedFeatureException for organic posts: no delete endpoint is documented
   * @throws SmoException on failure
   */
  public void delete(PostRef ref, String kind) {
    if (!kind.equals("ad")) {
      throw new UnsupportedFeatureException(
          Platform.SNAPCHAT,
          "delete",
          "the Public Profile API"
              + " documents no delete for stories, saved stories or spotlights; remove them in the"
              + " Snapchat app");
    }
    SnapchatErrorMapper.call(
        runtime, Operation.write("delete ad", BUCKET), () -> adsApi.deleteAd(ref.id()));
  }
}
