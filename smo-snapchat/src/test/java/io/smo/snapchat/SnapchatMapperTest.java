package io.smo.snapchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.snapchat.internal.SnapchatMapper;
import io.smo.testkit.SharedFixtures;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reads the real responses in ../shared/fixtures/snapchat/ in place. */
class SnapchatMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PostRef REF = PostRef.of(Platform.SNAPCHAT, "x");

  private static JsonNode fixture(String name) throws Exception {
    Path p = SharedFixtures.require("fixtures/snapchat/" + name);
    return JSON.readTree(p.toFile());
  }

  @Test
  void docExampleEnvelopesLowerCaseStatus() throws Exception {
    assertThat(SnapchatMapper.firstId(fixture("ad_created.json"), "ads", "ad"))
        .isEqualTo("e8d6217f-32ab-400f-9e54-39a86a7963e4");
    assertThat(SnapchatMapper.firstId(fixture("campaign_created.json"), "campaigns", "campaign"))
        .isEqualTo("92e1c28a-a331-45b4-8c26-fd3e0eea8c39");
    assertThat(SnapchatMapper.firstId(fixture("adsquad_created.json"), "adsquads", "adsquad"))
        .isEqualTo("69cde0e6-0ccb-4982-8fce-1fa33507f213");
    assertThat(SnapchatMapper.firstId(fixture("creative_created.json"), "creatives", "creative"))
        .isEqualTo("c1e6e929-acec-466f-b023-852b8cacc18f");
    assertThat(SnapchatMapper.entities(fixture("campaigns_list.json"), "campaigns", "campaign"))
        .hasSize(4);
    assertThat(SnapchatMapper.isError(fixture("ad_created.json"))).isFalse();
  }

  @Test
  void capturedEnvelopesUpperCaseStatus() throws Exception {
    assertThat(
            SnapchatMapper.firstId(
                fixture("captured/campaign_create_response.json"), "campaigns", "campaign"))
        .isEqualTo("0b415efa-c1c9-4dc8-8347-f6b9c13844b3");
    assertThat(
            SnapchatMapper.firstId(
                fixture("captured/creative_create_response.json"), "creatives", "creative"))
        .isEqualTo("85946858-97f8-46fb-8615-113f66d33f5d");
    JsonNode squad =
        SnapchatMapper.entities(
                fixture("captured/adsquad_create_response.json"), "adsquads", "adsquad")
            .get(0);
    assertThat(squad.path("targeting").path("geos").path(0).path("country_code").asText())
        .isEqualTo("us");
    assertThat(squad.path("daily_budget_micro").asLong()).isEqualTo(1_000_000L);
    assertThat(SnapchatMapper.firstId(fixture("captured/ad_delete_response.json"), "ads", "ad"))
        .isNull();
    assertThat(SnapchatMapper.nextLink(fixture("captured/ads_list_adaccount.json"))).isNull();
  }

  @Test
  void mediaStatesAndIds() throws Exception {
    assertThat(
            SnapchatMapper.media(fixture("media_created_pending_upload.json"))
                .path("media_status")
                .asText())
        .isEqualTo("PENDING_UPLOAD");
    JsonNode got = SnapchatMapper.media(fixture("captured/media_get.json"));
    assertThat(got.path("media_status").asText()).isEqualTo("READY");
    assertThat(got.path("file_size_in_bytes").asLong()).isEqualTo(2_490_939L);
    JsonNode fin = SnapchatMapper.media(fixture("media_multipart_upload_finalized.json"));
    assertThat(fin.path("id").asText()).isEqualTo("7536bbc5-0074-4dc4-b654-5ba9cd9f9441");
    assertThat(fin.path("media_status").asText()).isEqualTo("READY");
    assertThat(SnapchatMapper.profileMediaId(fixture("captured/media_create_response.json")))
        .isEqualTo("d7195f60-32e0-41ca-90f8-0661a2b57ecd");
  }

  @Test
  void totalStatsMapToMetricsKeepingSpendRaw() throws Exception {
    EngagementMetrics m =
        SnapchatMapper.metrics(
            REF, fixture("stats_ad.json"), SnapchatMapper.AD_METRICS, Instant.EPOCH);
    assertThat(m.impressions()).hasValue(0);
    assertThat(m.clicks()).hasValue(0);
    assertThat(m.views()).isEmpty(); // video_views not in this answer: absent, not zero
    assertThat(m.raw()).containsEntry("spend", 0L).containsEntry("screen_time_millis", 0L);
    EngagementMetrics acct =
        SnapchatMapper.metrics(
            REF, fixture("stats_adaccount.json"), SnapchatMapper.AD_METRICS, Instant.EPOCH);
    assertThat(acct.raw()).containsEntry("spend", 89_196_290L);
    assertThat(acct.impressions()).isEmpty();
  }

  @Test
  void timeseriesStatsAreSummed() throws Exception {
    EngagementMetrics m =
        SnapchatMapper.metrics(
            REF,
            fixture("stats_campaign_day_timeseries.json"),
            SnapchatMapper.AD_METRICS,
            Instant.EPOCH);
    assertThat(m.impressions()).hasValue(2 * 7715);
    assertThat(m.clicks()).hasValue(2 * 57);
    assertThat(m.raw()).containsEntry("conversion_purchases", 400L);
    EngagementMetrics captured =
        SnapchatMapper.metrics(
            REF,
            fixture("captured/campaign_stats_granular_day.json"),
            SnapchatMapper.AD_METRICS,
            Instant.EPOCH);
    assertThat(captured.impressions()).hasValue(0);
    assertThat(captured.raw()).containsEntry("spend", 0L);
  }
}
