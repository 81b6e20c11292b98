package io.smo.pinterest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.pinterest.Board;
import io.smo.pinterest.BoardPrivacy;
import io.smo.testkit.SharedFixtures;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Mapper tests on the shared Pinterest fixtures and the official OpenAPI examples, read in place.
 */
class PinterestMapperTest {
  private static final ObjectMapper JSON = io.smo.core.http.ApiRuntime.newObjectMapper();

  private static PinterestDtos.Pin pin(JsonNode n) throws Exception {
    return JSON.treeToValue(n, PinterestDtos.Pin.class);
  }

  private static PinterestDtos.Board board(JsonNode n) throws Exception {
    return JSON.treeToValue(n, PinterestDtos.Board.class);
  }

  private static java.util.Map<String, PinterestDtos.PinAnalytics> analytics(JsonNode n) {
    return JSON.convertValue(
        n,
        JSON.getTypeFactory()
            .constructMapType(
                java.util.LinkedHashMap.class, String.class, PinterestDtos.PinAnalytics.class));
  }

  @Test
  void mapsCapturedPinObject() throws Exception {
    JsonNode pin = JSON.readTree(SharedFixtures.read("fixtures/pinterest/pin_object.json"));
    PublishedPost p = PinterestMapper.published(pin(pin), Instant.EPOCH);
    assertThat(p.ref()).isEqualTo(PostRef.of(Platform.PINTEREST, "1022106077905927852"));
    assertThat(p.url()).contains(URI.create("https://www.pinterest.com/pin/1022106077905927852/"));
    assertThat(p.publishedAt()).contains(Instant.parse("2022-08-11T08:46:16Z"));
  }

  @Test
  void specDerivedPinWithoutDateFallsBack() throws Exception {
    ObjectNode pin =
        (ObjectNode)
            JSON.readTree(
                SharedFixtures.read("fixtures/pinterest/spec-derived/pin_object_from_schema.json"));
    pin.put("id", "42");
    PublishedPost p = PinterestMapper.published(pin(pin), Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(p.publishedAt()).contains(Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Test
  void mapsAnalyticsBuiltFromTheOpenApiExamples() throws Exception {
    JsonNode spec =
        JSON.readTree(SharedFixtures.require("specs/pinterest-api-v5-openapi.json").toFile());
    JsonNode props = spec.at("/components/schemas/PinAnalyticsMetricsResponse/properties");
    ObjectNode all = JSON.createObjectNode();
    all.set("summary_metrics", props.at("/summary_metrics/example"));
    all.set("lifetime_metrics", props.at("/lifetime_metrics/example"));
    ObjectNode day = all.putArray("daily_metrics").addObject();
    day.put("data_status", "READY").put("date", "2019-12-01");
    day.set("metrics", props.at("/daily_metrics/items/properties/metrics/example"));
    ObjectNode response = JSON.createObjectNode();
    response.set("all", all);

    PostRef ref = PostRef.of(Platform.PINTEREST, "1");
    EngagementMetrics m = PinterestMapper.metrics(ref, analytics(response), Instant.EPOCH);
    assertThat(m.impressions()).hasValue(240);
    assertThat(m.saves()).hasValue(20);
    assertThat(m.clicks()).hasValue(37);
    assertThat(m.views()).hasValue(20);
    assertThat(m.comments()).hasValue(10);
    assertThat(m.likes()).hasValue(12);
    assertThat(m.reach()).isEmpty();
    assertThat(m.shares()).isEmpty();
    assertThat(m.raw())
        .containsEntry("OUTBOUND_CLICK", 20)
        .containsEntry("SAVE_RATE", 0.18)
        .containsEntry("VIDEO_V50_WATCH_TIME", 10031)
        .containsKey("daily_metrics");
  }

  @Test
  void absentFiguresStayAbsent() throws Exception {
    JsonNode r = JSON.readTree("{\"all\":{\"summary_metrics\":{\"IMPRESSION\":3}}}");
    EngagementMetrics m =
        PinterestMapper.metrics(PostRef.of(Platform.PINTEREST, "1"), analytics(r), Instant.EPOCH);
    assertThat(m.values()).containsOnlyKeys(EngagementMetrics.Metric.IMPRESSIONS);
  }

  @Test
  void splitResponseUsesFirstGroup() throws Exception {
    JsonNode r = JSON.readTree("{\"WEB\":{\"summary_metrics\":{\"SAVE\":4}}}");
    EngagementMetrics m =
        PinterestMapper.metrics(PostRef.of(Platform.PINTEREST, "1"), analytics(r), Instant.EPOCH);
    assertThat(m.saves()).hasValue(4);
  }

  @Test
  void mapsBoard() throws Exception {
    JsonNode b =
        JSON.readTree(
            "{\"id\":\"549755885175\",\"name\":\"Summer recipes\","
                + "\"description\":\"My favorite summer recipes\",\"privacy\":\"SECRET\",\"pin_count\":5,"
                + "\"follower_count\":13,\"owner\":{\"username\":\"u\"},\"created_at\":\"2020-01-01T20:10:40-00:00\"}");
    Board board = PinterestMapper.board(board(b));
    assertThat(board.id()).isEqualTo("549755885175");
    assertThat(board.privacy()).isEqualTo(BoardPrivacy.SECRET);
    assertThat(board.pinCount()).hasValue(5);
    assertThat(board.ownerUsername()).contains("u");
    assertThat(board.createdAt()).contains(Instant.parse("2020-01-01T20:10:40Z"));
    assertThat(
            PinterestMapper.board(board(JSON.readTree("{\"id\":\"1\",\"privacy\":\"NEW\"}")))
                .privacy())
        .isEqualTo(BoardPrivacy.UNKNOWN);
  }
}
