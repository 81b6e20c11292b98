package io.smo.instagram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Comment;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.HttpFailure;
import io.smo.core.http.Operation;
import io.smo.core.pagination.Page;
import io.smo.testkit.SharedFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapper tests on the real Instagram responses in ../shared/fixtures/instagram, read in place. */
class InstagramMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-09-12T10:00:00Z");

  private static final ObjectMapper WIRE = ApiRuntime.newObjectMapper();

  private static JsonNode fixture(String name) throws Exception {
    return JSON.readTree(SharedFixtures.read("fixtures/instagram/" + name));
  }

  private static <T> T dto(JsonNode node, Class<T> type) throws Exception {
    return node == null ? null : WIRE.convertValue(node, type);
  }

  @Test
  void containerStatusFinished() throws Exception {
    InstagramMapper.ContainerStatus s =
        InstagramMapper.containerStatus(
            dto(fixture("container_status_finished.json"), InstagramDtos.ContainerState.class));
    assertThat(s.id()).isEqualTo("17966279578433554");
    assertThat(s.statusCode()).isEqualTo("FINISHED");
    assertThat(s.finished()).isTrue();
    assertThat(s.failed()).isFalse();
    assertThat(s.status()).startsWith("Finished: Media has been uploaded");
  }

  @Test
  void containerStatusWithCopyrightCheckIsFinished() throws Exception {
    InstagramMapper.ContainerStatus s =
        InstagramMapper.containerStatus(
            dto(
                fixture("container_status_with_copyright_check.json"),
                InstagramDtos.ContainerState.class));
    assertThat(s.id()).isEqualTo("17889615691921648");
    assertThat(s.finished()).isTrue();
  }

  @Test
  void createAndPublishAnswersCarryIds() throws Exception {
    assertThat(
            InstagramMapper.id(
                dto(fixture("container_create_photo_response.json"), InstagramDtos.Created.class)))
        .isEqualTo("17889455560051444");
    assertThat(
            InstagramMapper.id(
                dto(fixture("media_publish_response.json"), InstagramDtos.Created.class)))
        .isEqualTo("17920238422030506");
    assertThat(InstagramMapper.id(dto(JSON.readTree("{}"), InstagramDtos.Created.class))).isNull();
  }

  @Test
  void legacyInsightsKeepImpressionsRawOnly() throws Exception {
    PostRef ref = PostRef.of(Platform.INSTAGRAM, "17846368219941692");
    EngagementMetrics m =
        InstagramMapper.metrics(
            ref,
            dto(fixture("media_insights_legacy.json"), InstagramDtos.InsightsPage.class),
            null,
            NOW);
    assertThat(m.reach()).hasValue(5);
    assertThat(m.saves()).hasValue(0);
    assertThat(m.impressions()).isEmpty(); // deprecated metric: never mapped
    assertThat(m.raw()).containsEntry("impressions", 8L).containsEntry("reach", 5L);
    assertThat(m.likes()).isEmpty();
    assertThat(m.retrievedAt()).isEqualTo(NOW);
  }

  @Test
  void breakdownInsightKeptRaw() throws Exception {
    PostRef ref = PostRef.of(Platform.INSTAGRAM, "18035507131611621");
    EngagementMetrics m =
        InstagramMapper.metrics(
            ref,
            dto(fixture("media_insights_with_breakdown.json"), InstagramDtos.InsightsPage.class),
            null,
            NOW);
    @SuppressWarnings("unchecked")
    Map<String, Object> raw = (Map<String, Object>) m.raw().get("profile_activity");
    assertThat(raw).containsEntry("value", 11L).containsEntry("bio_link_clicked", 11L);
    assertThat(m.values()).isEmpty();
  }

  @Test
  void storyNavigationBreakdown() throws Exception {
    JsonNode one = fixture("story_insight_breakdown.json");
    JsonNode wrapped = JSON.createObjectNode().set("data", JSON.createArrayNode().add(one));
    EngagementMetrics m =
        InstagramMapper.metrics(
            PostRef.of(Platform.INSTAGRAM, "17969782069736348"),
            dto(wrapped, InstagramDtos.InsightsPage.class),
            null,
            NOW);
    @SuppressWarnings("unchecked")
    Map<String, Object> nav = (Map<String, Object>) m.raw().get("navigation");
    assertThat(nav)
        .containsEntry("value", 25L)
        .containsEntry("tap_forward", 19L)
        .containsEntry("tap_back", 4L)
        .containsEntry("tap_exit", 1L);
  }

  @Test
  void likeAndCommentCountsFillTheGaps() throws Exception {
    JsonNode fields = fixture("user_media_page1.json").path("data").get(1);
    EngagementMetrics m =
        InstagramMapper.metrics(
            PostRef.of(Platform.INSTAGRAM, "17896622936197745"),
            null,
            dto(fields, InstagramDtos.MediaNode.class),
            NOW);
    assertThat(m.likes()).hasValue(2);
    assertThat(m.comments()).hasValue(6);
  }

  @Test
  void commentFields() throws Exception {
    Comment c =
        InstagramMapper.comment(
            dto(fixture("comment_object_fields.json"), InstagramDtos.CommentNode.class));
    assertThat(c.id()).isEqualTo("17892250648466172");
    assertThat(c.text()).isEqualTo("@ikroskun Hey, guys");
    assertThat(c.authorName()).hasValue("ikroskun");
    assertThat(c.likeCount()).hasValue(1);
    assertThat(c.createdAt()).hasValue(Instant.parse("2020-02-24T09:15:16Z"));
    assertThat(c.hidden()).isFalse();
    assertThat(c.parentId()).isEmpty();
  }

  @Test
  void commentsPageWithoutNext() throws Exception {
    Page<Comment> page =
        InstagramMapper.comments(
            dto(fixture("media_comments_page2.json"), InstagramDtos.CommentPage.class));
    assertThat(page.items())
        .extracting(Comment::id)
        .containsExactly("17892250648466172", "17914413430382429");
    assertThat(page.items().get(1).createdAt()).hasValue(Instant.parse("2020-02-24T09:11:00Z"));
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void mediaPageHasAfterCursorAndPermalink() throws Exception {
    JsonNode body = fixture("user_media_page1.json");
    assertThat(
            java.util.Optional.ofNullable(
                InstagramMapper.after(dto(body, InstagramDtos.MediaPage.class).paging())))
        .hasValue("after");
    assertThat(
            InstagramMapper.permalink(dto(body.path("data").get(0), InstagramDtos.MediaNode.class)))
        .hasValueSatisfying(
            u -> assertThat(u.toString()).isEqualTo("https://www.instagram.com/p/CSgf9BChwVq/"));
    assertThat(InstagramMapper.timestamp(body.path("data").get(0).path("timestamp").asText()))
        .hasValue(Instant.parse("2021-08-13T08:25:28Z"));
  }

  @Test
  void igApiExceptionMapsToInvalidRequestWithTraceId() throws Exception {
    String body = SharedFixtures.read("fixtures/instagram/error_igapiexception_2500.json");
    HttpFailure f =
        new HttpFailure(
            Platform.INSTAGRAM, Operation.read("metrics", "graph"), 400, Map.of(), body, null, NOW);
    SmoException e = new InstagramErrorMapper().map(f);
    assertThat(e).isInstanceOf(InvalidRequestException.class);
    InvalidRequestException ir = (InvalidRequestException) e;
    assertThat(ir.errorCode()).hasValue("2500");
    assertThat(ir.traceId()).hasValue("A7OjVVCXwSdfpIERKqntSKo");
    assertThat(ir.retryable()).isFalse();
  }

  @Test
  void publishingLimitShape() throws Exception {
    JsonNode body =
        JSON.readTree(
            "{\"data\":[{\"quota_usage\":2,\"config\":{\"quota_total\":50,\"quota_duration\":86400}}]}");
    InstagramMapper.PublishingLimit l =
        InstagramMapper.publishingLimit(dto(body, InstagramDtos.PublishingLimitPage.class))
            .orElseThrow();
    assertThat(l.used()).isEqualTo(2);
    assertThat(l.total()).isEqualTo(50);
    assertThat(l.windowSeconds()).isEqualTo(86400);
    assertThat(l.exhausted()).isFalse();
    assertThat(
            InstagramMapper.publishingLimit(
                dto(JSON.readTree("{\"data\":[]}"), InstagramDtos.PublishingLimitPage.class)))
        .isEmpty();
  }

  @Test
  void captionCounting() {
    assertThat(InstagramRules.hashtags("#one #two word#not #über_cool &#35;")).isEqualTo(3);
    assertThat(InstagramRules.mentions("hi @ana and @bob.smith, mail me at x@y.com")).isEqualTo(2);
    assertThat(InstagramRules.hashtags(String.join(" ", java.util.Collections.nCopies(31, "#t"))))
        .isEqualTo(31);
    assertThat(List.of()).isEmpty();
  }
}
