package io.smo.snapchat.internal;

import static io.smo.snapchat.SnapchatClient.ATTR_AD_ACCOUNT;
import static io.smo.snapchat.SnapchatClient.ATTR_AD_SQUAD;
import static io.smo.snapchat.SnapchatClient.ATTR_CREATIVE;
import static io.smo.snapchat.SnapchatClient.ATTR_KIND;
import static io.smo.snapchat.SnapchatClient.ATTR_PROFILE;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.snapchat.SnapchatRateBucket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapchat's engagement: Marketing API stats of ads, Public Profile insights of organic posts
 * (UNCONFIRMED path), the ad account's ads. Snapchat has no comments, messages or account figures
 * in its public APIs. Thread-safe.
 *
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/measurement">Measurement</a>
 */
@SmoInternalApi
public final class SnapchatEngagement {
  private static final SnapchatRateBucket BUCKET = SnapchatRateBucket.TOKEN;
  private static final String AD_STATS_FIELDS =
      "impressions,swipes,spend,video_views,"
          + "screen_time_millis,quartile_1,quartile_2,quartile_3,view_completion";

  private final ApiRuntime runtime;
  private final SnapchatApi adsApi;
  private final SnapchatApi profileApi;
  private final String profileId;
  private final String adAccountId;

  /**
   * Creates the engagement part.
   *
   * @param runtime the client's runtime
   * @param adsApi the Marketing API service
   * @param profileApi the Public Profile API service
   * @param profileId the client's Public Profile id, or {@code null}
   * @param adAccountId the client's ad account id, or {@code null}
   */
  public SnapchatEngagement(
      ApiRuntime runtime,
      SnapchatApi adsApi,
      SnapchatApi profileApi,
      String profileId,
      String adAccountId) {
    this.runtime = runtime;
    this.adsApi = adsApi;
    this.profileApi = profileApi;
    this.profileId = profileId;
    this.adAccountId = adAccountId;
  }

  /**
   * Reads the figures of a post: Marketing API stats ({@code granularity=TOTAL}) for an ad, Public
   * Profile insights (UNCONFIRMED path) for an organic post. {@code spend} (micro-currency), {@code
   * screen_time_millis} and the quartiles are kept in {@link EngagementMetrics#raw()}.
   *
   * @throws ValidationException if the ref lacks the {@code kind} attribute the client set
   * @throws SmoException on failure
   */
  public EngagementMetrics metrics(PostRef ref) {
    String kind = kind(ref);
    if (kind.equals("ad")) {
      JsonNode r =
          SnapchatErrorMapper.call(
              runtime,
              Operation.read("ad stats", BUCKET),
              () -> adsApi.adStats(ref.id(), "TOTAL", AD_STATS_FIELDS));
      return SnapchatMapper.metrics(ref, r, SnapchatMapper.AD_METRICS, runtime.clock().instant());
    }
    String profile = ref.attributes().getOrDefault(ATTR_PROFILE, profileId);
    if (profile == null) {
      throw ValidationException.of(
          Platform.SNAPCHAT,
          "ref",
          "profile-required",
          ref,
          null,
          "no Public Profile id in the ref or the client");
    }
    String collection = collection(kind);
    JsonNode r =
        SnapchatErrorMapper.call(
            runtime,
            Operation.read("profile stats", BUCKET),
            () -> profileApi.profilePostStats(profile, collection, ref.id()));
    return SnapchatMapper.metrics(
        ref, r, SnapchatMapper.PROFILE_METRICS, runtime.clock().instant());
  }

  /**
   * Lists the ad account's ads as refs, following {@code paging.next_link}, lazily.
   *
   * @throws ValidationException if the client has no ad account id
   */
  public Paginator<PostRef> promotedPosts() {
    if (adAccountId == null) {
      throw ValidationException.of(
          Platform.SNAPCHAT,
          "client.adAccountId",
          "ad-account-required",
          null,
          null,
          "listing ads needs the client's ad account id");
    }
    return Paginator.of(
        cursor -> {
          Operation op = Operation.read("list ads", BUCKET);
          JsonNode r =
              cursor == null
                  ? SnapchatErrorMapper.call(runtime, op, () -> adsApi.listAds(adAccountId, 50))
                  : SnapchatErrorMapper.call(runtime, op, () -> adsApi.page(cursor));
          List<PostRef> refs = new ArrayList<>();
          for (JsonNode ad : SnapchatMapper.entities(r, "ads", "ad")) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put(ATTR_KIND, "ad");
            attrs.put(ATTR_AD_ACCOUNT, adAccountId);
            if (ad.hasNonNull("ad_squad_id")) {
              attrs.put(ATTR_AD_SQUAD, ad.get("ad_squad_id").asText());
            }
            if (ad.hasNonNull("creative_id")) {
              attrs.put(ATTR_CREATIVE, ad.get("creative_id").asText());
            }
            refs.add(PostRef.of(Platform.SNAPCHAT, ad.path("id").asText(), attrs));
          }
          return Page.of(refs, SnapchatMapper.nextLink(r));
        });
  }

  /**
   * Refuses account figures: the Marketing API's {@code /v1/me} describes the signed-in user (not
   * the Public Profile), and subscriber counts exist only in the allowlisted Public Profile
   * analytics, whose paths our sources could not confirm.
   */
  public static UnsupportedFeatureException accountInfoUnsupported() {
    return new UnsupportedFeatureException(
        Platform.SNAPCHAT,
        "account info",
        "Snapchat's public APIs report no follower or subscriber counts for a Public Profile"
            + " (Public Profile analytics are allowlisted and undocumented)");
  }

  /**
   * Returns the {@code kind} attribute the client put on the ref.
   *
   * @throws ValidationException if absent
   */
  public static String kind(PostRef ref) {
    String k = ref.attributes().get(ATTR_KIND);
    if (k == null) {
      throw ValidationException.of(
          Platform.SNAPCHAT,
          "ref",
          "ref-kind",
          ref,
          null,
          "Snapchat refs need the 'kind' attribute (story, saved_story, spotlight or ad) that "
              + "publish() returns");
    }
    return k;
  }

  private static String collection(String kind) {
    return switch (kind) {
      case "story" -> "stories";
      case "saved_story" -> "saved_stories";
      case "spotlight" -> "spotlights";
      default ->
          throw ValidationException.of(
              Platform.SNAPCHAT, "ref", "ref-kind", kind, null, "unknown Snapchat post kind");
    };
  }
}
