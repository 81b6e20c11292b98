package io.smo.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.HttpFailure;
import io.smo.core.http.Operation;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.testkit.SharedFixtures;
import io.smo.tiktok.internal.TikTokDtos.CreatorInfoData;
import io.smo.tiktok.internal.TikTokDtos.Envelope;
import io.smo.tiktok.internal.TikTokDtos.InitData;
import io.smo.tiktok.internal.TikTokDtos.StatusData;
import io.smo.tiktok.internal.TikTokDtos.UserInfoData;
import io.smo.tiktok.internal.TikTokDtos.VideoListData;
import io.smo.tiktok.internal.TikTokErrorMapper;
import io.smo.tiktok.internal.TikTokMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Mappers on TikTok's documented responses: the files in {@code ../shared/fixtures/tiktok/} read in
 * place, and, where no file exists (status, creator_info, video query, errors), bodies built from
 * the examples in TikTok's API reference pages (said at each test).
 */
class TikTokMapperTest {
  private static final ObjectMapper JSON = ApiRuntime.newObjectMapper();
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void videoInitPullFromUrlFixture() throws Exception {
    Envelope<InitData> e =
        JSON.readValue(
            SharedFixtures.read("fixtures/tiktok/video_init_pull_from_url_response.json"),
            new TypeReference<Envelope<InitData>>() {});
    assertThat(e.ok()).isTrue();
    assertThat(e.data().publishId()).isEqualTo("v_pub_url~v2.123456789");
    assertThat(e.data().uploadUrl()).isNull();
    assertThat(e.error().logId()).isEqualTo("202210112248442CB9319E1FB30C1073F4");
  }

  @Test
  void userInfoFixture() throws Exception {
    Envelope<UserInfoData> e =
        JSON.readValue(
            SharedFixtures.read("fixtures/tiktok/user_info_basic_response.json"),
            new TypeReference<Envelope<UserInfoData>>() {});
    assertThat(e.ok()).isTrue();
    assertThat(e.data().user().openId()).isEqualTo("723f24d7-e717-40f8-a2b6-cb8464cd23b4");
    assertThat(e.data().user().unionId()).isEqualTo("c9c60f44-a68e-4f5d-84dd-ce22faeb0ba1");
    assertThat(e.error().logId()).isEqualTo("20220829194722CBE87ED59D524E727021");
  }

  @Test
  void oauthTokenFixtureKeepsRefreshTokenAndExpiries() throws Exception {
    var flow =
        new OAuth2Flow(
            Platform.TIKTOK,
            TikTokOAuth.config("key", "secret", URI.create("https://a.example/cb"))
                .scopes(Set.of("video.publish"))
                .build(),
            new OkHttpClient(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    AccessToken t =
        flow.parseToken(
            JSON.readTree(SharedFixtures.read("fixtures/tiktok/oauth_token_response.json")), null);
    assertThat(t.value()).isEqualTo("act.example12345Example12345Example");
    assertThat(t.refreshToken()).contains("rft.example12345Example12345Example");
    assertThat(t.expiresAt()).contains(NOW.plusSeconds(86400));
    assertThat(t.refreshTokenExpiresAt()).contains(NOW.plusSeconds(31536000));
    assertThat(t.scopes()).containsExactlyInAnyOrder("user.info.basic", "video.list");
  }

  @Test
  void businessApiRefreshFixtureInDataEnvelope() throws Exception {
    var flow =
        new OAuth2Flow(
            Platform.TIKTOK,
            TikTokOAuth.config("key", "secret", null).scopes(Set.of()).build(),
            new OkHttpClient(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    var root =
        JSON.readTree(
            SharedFixtures.read("fixtures/tiktok/business_api_oauth_refresh_response.json"));
    AccessToken t = flow.parseToken(root.get("data"), null);
    assertThat(t.value()).isEqualTo("act.token");
    assertThat(t.refreshToken()).contains("rft.token");
    assertThat(t.refreshTokenExpiresAt()).contains(NOW.plusSeconds(31527314));
  }

  @Test
  void creatorInfoFromDocsExample() throws Exception {
    // body from developers.tiktok.com/doc/content-posting-api-reference-query-creator-info
    String body =
        "{\"data\":{\"creator_avatar_url\":\"https://lf16-tt4d.tiktokcdn.com/obj/a.jpeg\","
            + "\"creator_username\":\"tiktok\",\"creator_nickname\":\"TikTok Official\","
            + "\"privacy_level_options\":[\"PUBLIC_TO_EVERYONE\",\"MUTUAL_FOLLOW_FRIENDS\",\"SELF_ONLY\"],"
            + "\"comment_disabled\":false,\"duet_disabled\":false,\"stitch_disabled\":true,"
            + "\"max_video_post_duration_sec\":300},\"error\":{\"code\":\"ok\",\"message\":\"\","
            + "\"log_id\":\"202301012345678\"}}";
    Envelope<CreatorInfoData> e =
        JSON.readValue(body, new TypeReference<Envelope<CreatorInfoData>>() {});
    CreatorInfo c = TikTokMapper.creatorInfo(e.data());
    assertThat(c.username()).isEqualTo("tiktok");
    assertThat(c.privacyLevelOptions())
        .containsExactly(
            TikTokOptions.PrivacyLevel.PUBLIC_TO_EVERYONE,
            TikTokOptions.PrivacyLevel.MUTUAL_FOLLOW_FRIENDS,
            TikTokOptions.PrivacyLevel.SELF_ONLY);
    assertThat(c.stitchDisabled()).isTrue();
    assertThat(c.commentDisabled()).isFalse();
    assertThat(c.maxVideoDuration()).contains(Duration.ofSeconds(300));
  }

  @Test
  void statusFailedFromDocsExample() throws Exception {
    // body from developers.tiktok.com/doc/content-posting-api-reference-get-video-status
    String body =
        "{\"data\":{\"status\":\"FAILED\",\"fail_reason\":\"picture_size_check_failed\","
            + "\"publicaly_available_post_id\":[],\"uploaded_bytes\":10000},\"error\":{\"code\":\"ok\","
            + "\"message\":\"\",\"log_id\":\"202210112248442CB9319E1FB30C1073F3\"}}";
    StatusData s = JSON.readValue(body, new TypeReference<Envelope<StatusData>>() {}).data();
    ProcessingStatus<StatusData> p = TikTokMapper.processing(s, 10000);
    assertThat(p.outcome()).isEqualTo(ProcessingStatus.Outcome.FAILED);
    assertThat(p.message()).isEqualTo("picture_size_check_failed");
    assertThat(TikTokMapper.postId(s)).isEmpty();
  }

  @Test
  void statusCompleteReadsNumericPostIdsWithTikTokSpelling() throws Exception {
    // shape from the status doc: publicaly_available_post_id is an array of numbers
    String body =
        "{\"data\":{\"status\":\"PUBLISH_COMPLETE\",\"fail_reason\":\"\","
            + "\"publicaly_available_post_id\":[7390000000000000000],\"uploaded_bytes\":10000000},"
            + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"x\"}}";
    StatusData s = JSON.readValue(body, new TypeReference<Envelope<StatusData>>() {}).data();
    assertThat(TikTokMapper.processing(s, 10_000_000).outcome())
        .isEqualTo(ProcessingStatus.Outcome.SUCCEEDED);
    PublishedPost p =
        TikTokMapper.published(
            "v_pub_file~v2-1.1",
            s,
            new CreatorInfo("creator", "C", null, List.of(), false, false, false, null),
            NOW);
    assertThat(p.id()).isEqualTo("7390000000000000000");
    assertThat(p.ref().attributes())
        .containsEntry("publishId", "v_pub_file~v2-1.1")
        .doesNotContainKey("postIdPending");
    assertThat(p.url())
        .contains(URI.create("https://www.tiktok.com/@creator/video/7390000000000000000"));
  }

  @Test
  void statusProcessingReportsUploadPercent() {
    StatusData s = new StatusData("PROCESSING_UPLOAD", "", List.of(), 5_000L, null);
    ProcessingStatus<StatusData> p = TikTokMapper.processing(s, 10_000);
    assertThat(p.outcome()).isEqualTo(ProcessingStatus.Outcome.PENDING);
    assertThat(p.percent()).contains(50);
    assertThat(
            TikTokMapper.processing(new StatusData("SEND_TO_USER_INBOX", "", null, null, null), 0)
                .outcome())
        .isEqualTo(ProcessingStatus.Outcome.SUCCEEDED);
  }

  @Test
  void videoQueryCountsBecomeMetrics() throws Exception {
    // video object fields from developers.tiktok.com/doc/tiktok-api-v2-video-object
    String body =
        "{\"data\":{\"videos\":[{\"id\":\"7390\",\"title\":\"t\",\"create_time\":1700000000,"
            + "\"share_url\":\"https://www.tiktok.com/@u/video/7390\",\"view_count\":10,\"like_count\":1,"
            + "\"comment_count\":0,\"share_count\":2}],\"cursor\":1700000000000,\"has_more\":false},"
            + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"x\"}}";
    VideoListData d = JSON.readValue(body, new TypeReference<Envelope<VideoListData>>() {}).data();
    EngagementMetrics m =
        TikTokMapper.metrics(PostRef.of(Platform.TIKTOK, "7390"), d.videos().get(0), NOW);
    assertThat(m.views()).hasValue(10);
    assertThat(m.likes()).hasValue(1);
    assertThat(m.comments()).hasValue(0);
    assertThat(m.shares()).hasValue(2);
    assertThat(m.impressions()).isEmpty();
    assertThat(m.raw()).containsEntry("view_count", 10L);
  }

  private static SmoException map(int status, String body) {
    HttpFailure f =
        new HttpFailure(
            Platform.TIKTOK,
            Operation.create("video init", TikTokRateBucket.VIDEO_INIT),
            status,
            Map.of(),
            body,
            null,
            NOW);
    return new TikTokErrorMapper().map(f);
  }

  private static String err(String code) {
    return "{\"data\":{},\"error\":{\"code\":\""
        + code
        + "\",\"message\":\"m "
        + code
        + "\",\"log_id\":\"LOG-"
        + code
        + "\"}}";
  }

  @Test
  void errorCodesMapToTypedExceptionsWithLogId() {
    // codes and HTTP statuses from developers.tiktok.com/doc/tiktok-api-v2-error-handling
    SmoException auth = map(401, err("access_token_invalid"));
    assertThat(auth).isInstanceOf(AuthenticationException.class);
    assertThat(((PlatformException) auth).traceId()).contains("LOG-access_token_invalid");
    assertThat(((PlatformException) auth).errorCode()).contains("access_token_invalid");
    assertThat(map(401, err("scope_not_authorized"))).isInstanceOf(PermissionException.class);
    assertThat(map(401, err("scope_permission_missed"))).isInstanceOf(PermissionException.class);
    SmoException rl = map(429, err("rate_limit_exceeded"));
    assertThat(rl).isInstanceOf(RateLimitException.class);
    assertThat(rl.retryable()).isTrue();
    assertThat(map(403, err("spam_risk_too_many_posts")))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(map(403, err("spam_risk_too_many_posts")).retryable()).isFalse();
    assertThat(map(403, err("reached_active_user_cap"))).isInstanceOf(QuotaExceededException.class);
    assertThat(map(400, err("privacy_level_option_mismatch")))
        .isInstanceOf(ValidationException.class);
    SmoException unaudited = map(403, err("unaudited_client_can_only_post_to_private_accounts"));
    assertThat(unaudited).isInstanceOf(PermissionException.class);
    assertThat(unaudited.getMessage()).contains("must be private").contains("audit");
    assertThat(map(403, err("url_ownership_unverified"))).isInstanceOf(PermissionException.class);
    assertThat(map(400, err("invalid_params"))).isInstanceOf(InvalidRequestException.class);
    assertThat(map(400, err("invalid_file_upload"))).isInstanceOf(InvalidRequestException.class);
    SmoException internal = map(500, err("internal_error"));
    assertThat(internal).isExactlyInstanceOf(PlatformException.class);
    assertThat(internal.retryable()).isTrue();
    assertThat(map(502, "<html>bad gateway</html>").retryable()).isTrue();
    assertThat(map(200, err("access_token_invalid"))).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void oauthErrorShape() {
    // doc/oauth-error-handling: {"error":"invalid_grant","error_description":"...","log_id":"..."}
    SmoException e =
        map(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"expired\","
                + "\"log_id\":\"L1\"}");
    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(((PlatformException) e).traceId()).contains("L1");
  }
}
