package io.smo.snapchat;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoPublicApi;
import io.smo.core.Violation;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.auth.TokenStore;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.ClientBuilder;
import io.smo.core.text.TextCounting;
import io.smo.core.upload.UploadListener;
import io.smo.snapchat.SnapchatOptions.Ads;
import io.smo.snapchat.SnapchatOptions.Destination;
import io.smo.snapchat.internal.SnapchatApi;
import io.smo.snapchat.internal.SnapchatCalls;
import io.smo.snapchat.internal.SnapchatErrorMapper;
import io.smo.snapchat.internal.SnapchatJson;
import io.smo.snapchat.internal.SnapchatTargeting;
import io.smo.snapchat.internal.SnapchatUploader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapchat client: organic posts to a Public Profile's Story, Saved Stories or Spotlight (Public
 * Profile API, allow-listed apps), and promoted posts with audience targeting (Marketing API,
 * {@code https://adsapi.snapchat.com/v1}). Immutable and thread-safe.
 *
 * <p><b>Organic</b> (no {@link SnapchatOptions#ads()}): the one media item is encrypted with
 * AES-256-CBC (fresh random key and IV, streamed from disk), uploaded in parts of at most 32 MB,
 * and posted to the {@link Destination}. The uploaded media object expires 24 hours after it
 * was created; Stories disappear 24 hours after posting, Saved Stories and Spotlights stay.
 * Spotlight takes video only and uses the post text as description (≤ 160); Stories take no
 * text. Sources: https://developers.snap.com/api/marketing-api/Public-Profile-API/Introduction
 * and .../ProfileAssetManagement; the posting, stats paths and answers are UNCONFIRMED (the
 * copies of the docs found stop after Create Media) and modelled on the Marketing API envelope.
 *
 * <p><b>Promoted</b> ({@link SnapchatOptions#ads()} set; spends money): the media is uploaded to
 * the ad account (chunked above 32 MB) and, in this order, one creative, one campaign, one ad
 * squad carrying the {@link io.smo.core.Audience} as {@code targeting}, and one ad are created.
 * The returned ref is the ad. Targeting without the ads option is refused offline with a {@link
 * ValidationException}: only ads can honour it on Snapchat.
 *
 * <p><b>Engagement</b>: {@link #metrics(PostRef)} reads the Marketing API stats of an ad
 * (impressions, swipes → clicks, video views, spend in micro-currency, screen time) or the
 * insights of an organic post (UNCONFIRMED path). {@link #delete(PostRef)} deletes ads; organic
 * posts cannot be deleted through any documented endpoint. Snapchat has no comments API:
 * comment operations throw {@link UnsupportedFeatureException}.
 *
 * <p><b>Limits and errors</b>: no rate-limit headers exist; the client caps itself at 10 requests
 * per second per token (the documented per-token average; the per-app 20/s cap is shared by all
 * tokens of an app and is not tracked across clients). A 429 becomes {@link
 * RateLimitException}; 401 triggers one token refresh. Errors are mapped by HTTP status (see
 * https://developers.snap.com/api/marketing-api/Ads-API/errors).
 *
 * <pre>{@code
 * try (SnapchatClient snap = SnapchatClient.builder()
 *     .profileId("c9ba7b74-…").adAccountId("dbb95f66-…")
 *     .accessToken(token).build()) {
 *   snap.publish(Post.builder().addMedia(Media.fromFile(Path.of("clip.mp4")))
 *       .option(SnapchatOptions.builder().destination(Destination.SPOTLIGHT).build()).build());
 * }
 * }</pre>
 */
@SmoPublicApi
public final class SnapchatClient extends BaseSocialClient {
  /** The Marketing API host. */
  public static final URI ADS_BASE_URL = URI.create("https://adsapi.snapchat.com/");
  /** The Public Profile API host. */
  public static final URI PROFILE_BASE_URL = URI.create("https://businessapi.snapchat.com/");
  /** Ref attribute: {@code story}, {@code saved_story}, {@code spotlight} or {@code ad}. */
  public static final String ATTR_KIND = "kind";
  /** Ref attribute: the Public Profile id. */
  public static final String ATTR_PROFILE = "profileId";
  /** Ref attribute: the ad account id. */
  public static final String ATTR_AD_ACCOUNT = "adAccountId";
  /** Ref attribute: the campaign id of a promoted post. */
  public static final String ATTR_CAMPAIGN = "campaignId";
  /** Ref attribute: the ad squad id of a promoted post. */
  public static final String ATTR_AD_SQUAD = "adSquadId";
  /** Ref attribute: the creative id of a promoted post. */
  public static final String ATTR_CREATIVE = "creativeId";
  /** Ref attribute: the media id. */
  public static final String ATTR_MEDIA = "mediaId";

  private static final String BUCKET = "token";
  private static final String AD_STATS_FIELDS = "impressions,swipes,spend,video_views,"
      + "screen_time_millis,quartile_1,quartile_2,quartile_3,view_completion";

  private final String profileId;
  private final String adAccountId;
  private final SnapchatApi adsApi;
  private final SnapchatApi profileApi;
  private final SnapchatUploader uploader;

  private SnapchatClient(Builder b, ApiRuntime runtime, String accountKey) {
    super(runtime, SnapchatCapabilities.get(), accountKey);
    this.profileId = b.profileId;
    this.adAccountId = b.adAccountId;
    this.adsApi = runtime.service(SnapchatApi.class);
    URI profileBase = b.profileBaseUrl != null ? b.profileBaseUrl
        : b.baseUrlOverrideValue() != null ? b.baseUrlOverrideValue() : PROFILE_BASE_URL;
    this.profileApi = runtime.service(SnapchatApi.class, profileBase);
    this.uploader = new SnapchatUploader(runtime, adsApi, profileApi, b.partBytes, b.listener,
        b.processingTimeout);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the default client-side caps: bucket {@code token}, 10 requests per second (the
   * documented per-token average, https://developers.snap.com/api/marketing-api/Ads-API/rate-limits),
   * and a wait of at most 1 s for the next second's permits (a call then waits exactly until its
   * window opens instead of failing; set {@code maxWait(Duration.ZERO)} to fail fast).
   */
  public static RateLimitPolicy defaultRateLimits() {
    return RateLimitPolicy.builder().bucket(BUCKET, 10, Duration.ofSeconds(1))
        .maxWait(Duration.ofSeconds(1)).build();
  }

  /** Returns the Public Profile id this client posts as, if configured. */
  public java.util.Optional<String> profileId() {
    return java.util.Optional.ofNullable(profileId);
  }

  /** Returns the ad account this client promotes in, if configured. */
  public java.util.Optional<String> adAccountId() {
    return java.util.Optional.ofNullable(adAccountId);
  }

  // ------------------------------------------------------------------ validation

  @Override
  protected List<Violation> platformViolations(Post post) {
    Platform p = Platform.SNAPCHAT;
    List<Violation> out = new ArrayList<>();
    SnapchatOptions o = post.options(SnapchatOptions.class).orElse(SnapchatOptions.defaults());
    for (int i = 0; i < post.media().size(); i++) {
      if (post.media().get(i).sourceType() == Media.SourceType.URL) {
        out.add(Violation.of(p, "media[" + i + "]", "media-source", "URL", "file or bytes",
            "Snapchat needs the media uploaded: give a file or bytes, not a URL"));
      }
    }
    if (post.link().isPresent()) {
      out.add(Violation.of(p, "link", "link-unsupported", post.link().get(), null,
          "Snapchat posts carry no link (attachments are not in the public APIs)"));
    }
    if (o.ads().isPresent()) {
      adsViolations(post, o.ads().get(), out);
      return out;
    }
    if (post.audience().hasTargeting() && !post.audience().dropUnsupported()) {
      out.add(Violation.of(p, "audience", "targeting-requires-ads",
          post.audience().usedDimensions(), null,
          "Snapchat honours audience targeting only for paid posts: set SnapchatOptions.ads(...) "
              + "(spends money), remove the targeting, or set Audience.dropUnsupported to post "
              + "organically to everyone"));
    }
    if (profileId == null) {
      out.add(Violation.of(p, "client.profileId", "profile-required", null, null,
          "organic posts need the client's Public Profile id (SnapchatClient.builder().profileId)"));
    }
    if (o.destination() != Destination.SPOTLIGHT && !post.text().isEmpty()) {
      out.add(Violation.of(p, "text", "text-unsupported", post.text(), null,
          "Snapchat " + (o.destination() == Destination.STORY ? "Stories" : "Saved Stories")
              + " take no caption; use Destination.SPOTLIGHT for a description"));
    }
    if (o.destination() == Destination.SPOTLIGHT) {
      for (int i = 0; i < post.media().size(); i++) {
        if (post.media().get(i).kind() != MediaKind.VIDEO) {
          out.add(Violation.of(p, "media[" + i + "]", "spotlight-video", post.media().get(i).kind(),
              MediaKind.VIDEO, "Spotlight takes video only"));
        }
      }
      if (!o.locale().matches("[a-z]{2}_[A-Z]{2}")) {
        out.add(Violation.of(p, "options.snapchat.locale", "locale", o.locale(), "en_US",
            "Spotlight needs a locale like en_US"));
      }
    }
    o.title().ifPresent(t -> {
      if (o.destination() != Destination.SAVED_STORY) {
        out.add(Violation.of(p, "options.snapchat.title", "title-unsupported", t, null,
            "only Saved Stories take a title"));
      }
      limit(out, "options.snapchat.title", t, SnapchatCapabilities.SAVED_STORY_TITLE_MAX);
    });
    return out;
  }

  private void adsViolations(Post post, Ads ads, List<Violation> out) {
    Platform p = Platform.SNAPCHAT;
    if (adAccountId == null) {
      out.add(Violation.of(p, "client.adAccountId", "ad-account-required", null, null,
          "promoted posts need the client's ad account id (SnapchatClient.builder().adAccountId)"));
    }
    if (!post.text().isEmpty()) {
      out.add(Violation.of(p, "text", "text-unsupported", post.text(), null,
          "Snap ads take no caption: put the words in SnapchatOptions.Ads.headline"));
    }
    if (ads.headline() == null || ads.headline().isBlank()) {
      out.add(Violation.of(p, "options.snapchat.ads.headline", "required", null,
          SnapchatCapabilities.HEADLINE_MAX, "a Snap ad needs a headline"));
    } else {
      limit(out, "options.snapchat.ads.headline", ads.headline(), SnapchatCapabilities.HEADLINE_MAX);
    }
    if (ads.brandName().isPresent()) {
      limit(out, "options.snapchat.ads.brandName", ads.brandName().get(),
          SnapchatCapabilities.BRAND_NAME_MAX);
    } else if (profileId == null) {
      out.add(Violation.of(p, "options.snapchat.ads.brandName", "required", null,
          SnapchatCapabilities.BRAND_NAME_MAX,
          "a brand name is required unless the client has a Public Profile id"));
    }
    ads.name().ifPresent(n -> limit(out, "options.snapchat.ads.name", n, SnapchatCapabilities.NAME_MAX));
    if (ads.dailyBudgetMicro() <= 0) {
      out.add(Violation.of(p, "options.snapchat.ads.dailyBudgetMicro", "budget-required",
          ads.dailyBudgetMicro(), "> 0", "a daily budget in micro-currency is required"));
    }
    ads.lifetimeSpendCapMicro().filter(c -> c <= 0).ifPresent(c -> out.add(Violation.of(p,
        "options.snapchat.ads.lifetimeSpendCapMicro", "positive", c, "> 0", "must be positive")));
    ads.bidMicro().filter(c -> c <= 0).ifPresent(c -> out.add(Violation.of(p,
        "options.snapchat.ads.bidMicro", "positive", c, "> 0", "must be positive")));
    Instant start = ads.startTime().orElse(clock().instant());
    ads.endTime().ifPresent(end -> {
      if (!end.isAfter(start)) {
        out.add(Violation.of(p, "options.snapchat.ads.endTime", "end-after-start", end, start,
            "the end time must be after the start time"));
      }
      if (!end.isAfter(clock().instant())) {
        out.add(Violation.of(p, "options.snapchat.ads.endTime", "end-in-past", end, null,
            "the end time is in the past"));
      }
    });
    out.addAll(SnapchatTargeting.violations(post.audience()));
  }

  private static void limit(List<Violation> out, String field, String value, int max) {
    int n = TextCounting.CODE_POINTS.count(value);
    if (n > max) {
      out.add(Violation.of(Platform.SNAPCHAT, field, "max-length", n, max,
          "too long (at most " + max + " characters)"));
    }
  }

  // ------------------------------------------------------------------ publishing

  @Override
  protected PublishedPost doPublish(Post post) {
    SnapchatOptions o = post.options(SnapchatOptions.class).orElse(SnapchatOptions.defaults());
    Media media = post.media().get(0);
    String name = "smo-" + post.idempotencyKey();
    if (o.ads().isPresent()) {
      return publishPromoted(post, media, o.ads().get(), name);
    }
    return publishOrganic(post, media, o, name);
  }

  private PublishedPost publishOrganic(Post post, Media media, SnapchatOptions o, String name) {
    String mediaId = uploader.uploadProfileMedia(profileId, media, name);
    ObjectNode body = runtime.json().createObjectNode();
    String collection;
    String singular;
    String kind;
    switch (o.destination()) {
      case SAVED_STORY:
        collection = "saved_stories";
        singular = "saved_story";
        kind = "saved_story";
        body.put("media_id", mediaId);
        o.title().ifPresent(t -> body.put("title", t));
        break;
      case SPOTLIGHT:
        collection = "spotlights";
        singular = "spotlight";
        kind = "spotlight";
        body.put("media_id", mediaId).put("description", post.text()).put("locale", o.locale())
            .put("save_to_profile", o.saveToProfile());
        break;
      default:
        collection = "stories";
        singular = "story";
        kind = "story";
        body.put("media_id", mediaId);
    }
    Operation op = Operation.create("publish " + singular.replace('_', ' '), BUCKET);
    JsonNode r = SnapchatCalls.call(runtime, op,
        () -> profileApi.createProfilePost(profileId, collection, body));
    String id = SnapchatJson.firstId(r, collection, singular);
    if (id == null && !r.path("id").asText("").isEmpty()) {
      id = r.path("id").asText();
    }
    if (id == null) {
      throw new PublishOutcomeUnknownException(Platform.SNAPCHAT, op.name(),
          "the answer carries no " + singular + " id; the post may exist", null,
          post.idempotencyKey(), List.of(), null);
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(ATTR_KIND, kind);
    attrs.put(ATTR_PROFILE, profileId);
    attrs.put(ATTR_MEDIA, mediaId);
    return PublishedPost.builder(PostRef.of(Platform.SNAPCHAT, id, attrs))
        .publishedAt(clock().instant()).build();
  }

  private PublishedPost publishPromoted(Post post, Media media, Ads ads, String fallbackName) {
    String name = ads.name().orElse(fallbackName);
    String status = ads.status().name();
    Instant start = ads.startTime().orElse(clock().instant());
    String mediaId = uploader.uploadAdMedia(adAccountId, media, name);

    ObjectNode creative = runtime.json().createObjectNode();
    ObjectNode c = creative.putArray("creatives").addObject()
        .put("ad_account_id", adAccountId).put("name", name).put("type", "SNAP_AD")
        .put("headline", ads.headline()).put("shareable", true).put("top_snap_media_id", mediaId)
        .put("top_snap_crop_position", "MIDDLE");
    ads.brandName().ifPresent(bn -> c.put("brand_name", bn));
    ads.callToAction().ifPresent(cta -> c.put("call_to_action", cta));
    if (profileId != null) {
      c.putObject("profile_properties").put("profile_id", profileId);
    }
    String creativeId = create("create creative", "creatives", "creative",
        () -> adsApi.createCreative(adAccountId, creative), post, List.of());

    ObjectNode campaign = runtime.json().createObjectNode();
    ObjectNode cp = campaign.putArray("campaigns").addObject()
        .put("ad_account_id", adAccountId).put("name", name).put("status", status)
        .put("objective", ads.objective()).put("start_time", start.toString());
    ads.endTime().ifPresent(e -> cp.put("end_time", e.toString()));
    ads.lifetimeSpendCapMicro().ifPresent(cap -> cp.put("lifetime_spend_cap_micro", cap));
    String campaignId = create("create campaign", "campaigns", "campaign",
        () -> adsApi.createCampaign(adAccountId, campaign), post, List.of());

    ObjectNode squad = runtime.json().createObjectNode();
    ObjectNode sq = squad.putArray("adsquads").addObject()
        .put("campaign_id", campaignId).put("name", name).put("status", status)
        .put("type", "SNAP_ADS").put("billing_event", "IMPRESSION")
        .put("optimization_goal", ads.optimizationGoal())
        .put("daily_budget_micro", ads.dailyBudgetMicro()).put("start_time", start.toString());
    sq.putObject("placement_v2").put("config", "AUTOMATIC");
    if (ads.bidMicro().isPresent()) {
      sq.put("bid_micro", ads.bidMicro().get()).put("bid_strategy", "LOWEST_COST_WITH_MAX_BID");
    } else {
      sq.put("auto_bid", true).put("bid_strategy", "AUTO_BID");
    }
    ads.endTime().ifPresent(e -> sq.put("end_time", e.toString()));
    sq.set("targeting", SnapchatTargeting.targeting(post.audience(), runtime.json()));
    String adSquadId = create("create ad squad", "adsquads", "adsquad",
        () -> adsApi.createAdSquad(campaignId, squad), post, List.of());

    ObjectNode ad = runtime.json().createObjectNode();
    ad.putArray("ads").addObject().put("ad_squad_id", adSquadId).put("creative_id", creativeId)
        .put("name", name).put("type", "SNAP_AD").put("status", status);
    String adId = create("create ad", "ads", "ad", () -> adsApi.createAd(adSquadId, ad), post,
        List.of());

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
        .publishedAt(start).scheduled(start.isAfter(clock().instant())).build();
  }

  private String create(String opName, String plural, String singular,
      java.util.function.Supplier<retrofit2.Call<JsonNode>> call, Post post, List<PostRef> parts) {
    Operation op = Operation.create(opName, BUCKET);
    JsonNode r = SnapchatCalls.call(runtime, op, call);
    String id = SnapchatJson.firstId(r, plural, singular);
    if (id == null) {
      String why = SnapchatJson.subRequestError(r, plural);
      if (why != null) {
        throw runtime.mapFailure(op, 400, okhttp3.Headers.of(), r.toString());
      }
      throw new PublishOutcomeUnknownException(Platform.SNAPCHAT, opName,
          "the answer carries no " + singular + " id", null, post.idempotencyKey(), parts, null);
    }
    return id;
  }

  // ------------------------------------------------------------------ engagement

  /**
   * Snapchat reports no account figures this SDK can read: the Marketing API's {@code /v1/me}
   * describes the signed-in user (not the Public Profile), and subscriber counts exist only in
   * the allowlisted Public Profile analytics, whose paths our sources could not confirm.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException always
   */
  @Override
  public io.smo.core.AccountInfo accountInfo() {
    throw new io.smo.core.exception.UnsupportedFeatureException(Platform.SNAPCHAT, "account info",
        "Snapchat's public APIs report no follower or subscriber counts for a Public Profile"
            + " (Public Profile analytics are allowlisted and undocumented)");
  }

  /**
   * Reads the figures of a post: Marketing API stats ({@code granularity=TOTAL}) for an ad,
   * Public Profile insights (UNCONFIRMED path) for an organic post. {@code spend} (micro-currency),
   * {@code screen_time_millis} and the quartiles are kept in {@link EngagementMetrics#raw()}.
   *
   * @throws ValidationException if the ref lacks the {@code kind} attribute this client set
   * @throws SmoException on failure
   */
  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    String kind = kind(ref);
    if (kind.equals("ad")) {
      JsonNode r = SnapchatCalls.call(runtime, Operation.read("ad stats", BUCKET),
          () -> adsApi.adStats(ref.id(), "TOTAL", AD_STATS_FIELDS));
      return SnapchatJson.metrics(ref, r, SnapchatJson.AD_METRICS, clock().instant());
    }
    String profile = ref.attributes().getOrDefault(ATTR_PROFILE, profileId);
    if (profile == null) {
      throw ValidationException.of(Platform.SNAPCHAT, "ref", "profile-required", ref, null,
          "no Public Profile id in the ref or the client");
    }
    String collection = collection(kind);
    JsonNode r = SnapchatCalls.call(runtime, Operation.read("profile stats", BUCKET),
        () -> profileApi.profilePostStats(profile, collection, ref.id()));
    return SnapchatJson.metrics(ref, r, SnapchatJson.PROFILE_METRICS, clock().instant());
  }

  /**
   * Deletes a promoted post's ad ({@code DELETE /v1/ads/{id}}); its campaign, ad squad and
   * creative stay (they spend nothing without an ad).
   *
   * @throws UnsupportedFeatureException for organic posts: no delete endpoint is documented
   * @throws ValidationException if the ref lacks the {@code kind} attribute this client set
   * @throws SmoException on failure
   */
  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    if (!kind(ref).equals("ad")) {
      throw unsupported("delete", "the Public Profile API documents no delete for stories, saved "
          + "stories or spotlights; remove them in the Snapchat app");
    }
    SnapchatCalls.call(runtime, Operation.write("delete ad", BUCKET), () -> adsApi.deleteAd(ref.id()));
  }

  /**
   * Lists the ad account's ads (promoted posts) as refs, following {@code paging.next_link}.
   * Lazy: nothing is fetched until iteration.
   *
   * @throws ValidationException if the client has no ad account id
   */
  public Paginator<PostRef> promotedPosts() {
    if (adAccountId == null) {
      throw ValidationException.of(Platform.SNAPCHAT, "client.adAccountId", "ad-account-required",
          null, null, "listing ads needs the client's ad account id");
    }
    return Paginator.of(cursor -> {
      Operation op = Operation.read("list ads", BUCKET);
      JsonNode r = cursor == null
          ? SnapchatCalls.call(runtime, op, () -> adsApi.listAds(adAccountId, 50))
          : SnapchatCalls.call(runtime, op, () -> adsApi.page(cursor));
      List<PostRef> refs = new ArrayList<>();
      for (JsonNode ad : SnapchatJson.entities(r, "ads", "ad")) {
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
      return Page.of(refs, SnapchatJson.nextLink(r));
    });
  }

  private static String kind(PostRef ref) {
    String k = ref.attributes().get(ATTR_KIND);
    if (k == null) {
      throw ValidationException.of(Platform.SNAPCHAT, "ref", "ref-kind", ref, null,
          "Snapchat refs need the 'kind' attribute (story, saved_story, spotlight or ad) that "
              + "publish() returns");
    }
    return k;
  }

  private static String collection(String kind) {
    switch (kind) {
      case "story": return "stories";
      case "saved_story": return "saved_stories";
      case "spotlight": return "spotlights";
      default:
        throw ValidationException.of(Platform.SNAPCHAT, "ref", "ref-kind", kind, null,
            "unknown Snapchat post kind");
    }
  }

  // ------------------------------------------------------------------ builder

  /**
   * Returns why this client offers no inbox: no official comment, DM or mention API for organic
   * Snapchat content was found ({@code engagement-and-measurement.md} \u00a72.5, a negative result).
   */
  @Override
  public String inboxUnsupportedReason() {
    return "Snapchat has no public API for comments, direct messages or mentions of organic content";
  }

  /**
   * Builds {@link SnapchatClient}. Needs credentials ({@code accessToken}, {@code tokenProvider}
   * or {@link #oauth(OAuth2Flow, TokenStore)}) and at least one of {@link #profileId(String)}
   * (organic posts) and {@link #adAccountId(String)} (promoted posts). {@code baseUrl(...)}
   * overrides the Marketing API host and, unless {@link #profileBaseUrl(URI)} is set, the Public
   * Profile host too. Mutable, not thread-safe.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String profileId;
    private String adAccountId;
    private URI profileBaseUrl;
    private long partBytes = SnapchatCapabilities.PART_BYTES;
    private UploadListener listener = UploadListener.NONE;
    private Duration processingTimeout = Duration.ofMinutes(10);
    private OAuth2Flow oauthFlow;
    private TokenStore oauthStore;

    private Builder() {}

    /** Sets the Public Profile id organic posts go to. */
    public Builder profileId(String profileId) {
      this.profileId = requireNonNull(profileId, "profileId == null");
      return this;
    }

    /** Sets the ad account promoted posts are created in. */
    public Builder adAccountId(String adAccountId) {
      this.adAccountId = requireNonNull(adAccountId, "adAccountId == null");
      return this;
    }

    /** Overrides the Public Profile API host. Default {@link #PROFILE_BASE_URL} (or {@code baseUrl} when set). */
    public Builder profileBaseUrl(URI profileBaseUrl) {
      this.profileBaseUrl = requireNonNull(profileBaseUrl, "profileBaseUrl == null");
      return this;
    }

    /**
     * Sets the upload part size, which is also the largest single upload, in bytes. Default 32 MB
     * (Snap's documented maximum part; smaller values are for tests and slow links).
     *
     * @throws IllegalArgumentException if below 16 bytes or above 32 MB
     */
    public Builder uploadPartBytes(long partBytes) {
      if (partBytes < 16 || partBytes > SnapchatCapabilities.PART_BYTES) {
        throw new IllegalArgumentException("part size must be 16 bytes .. 32 MB: " + partBytes);
      }
      this.partBytes = partBytes;
      return this;
    }

    /** Sets the upload progress listener. */
    public Builder uploadListener(UploadListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /** Sets the longest wait for uploaded media to become READY. Default 10 minutes. */
    public Builder processingTimeout(Duration timeout) {
      this.processingTimeout = requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * Authenticates with OAuth tokens kept in {@code store} under the client's account key (the
     * profile id, else the ad account id), refreshed through {@code flow} before expiry and once
     * after a 401; rotated refresh tokens are saved. See {@link SnapchatAuth}.
     */
    public Builder oauth(OAuth2Flow flow, TokenStore store) {
      this.oauthFlow = requireNonNull(flow, "flow == null");
      this.oauthStore = requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if credentials or both ids are missing
     */
    public SnapchatClient build() {
      if (profileId == null && adAccountId == null) {
        throw new IllegalStateException("Snapchat client needs profileId(...) and/or adAccountId(...)");
      }
      String accountKey = profileId != null ? profileId : adAccountId;
      if (oauthFlow != null) {
        tokenProvider(RefreshingTokenProvider.builder(accountKey, oauthStore, oauthFlow)
            .clock(clock()).platform(Platform.SNAPCHAT).build());
      }
      ApiRuntime rt = runtime(Platform.SNAPCHAT, "smo-snapchat", ADS_BASE_URL,
          new SnapchatErrorMapper(), io.smo.core.http.RateLimitHeaderParser.NONE,
          defaultRateLimits(), accountKey);
      return new SnapchatClient(this, rt, accountKey);
    }

    URI baseUrlOverrideValue() {
      return baseUrlOverride();
    }
  }
}
