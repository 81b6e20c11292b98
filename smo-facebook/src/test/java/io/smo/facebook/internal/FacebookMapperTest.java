package io.smo.facebook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Comment;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.pagination.Page;
import io.smo.metagraph.spi.GraphPaging;
import io.smo.testkit.SharedFixtures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Maps the real Graph responses in ../shared/fixtures/facebook, read in place. */
class FacebookMapperTest {
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode fixture(String name) throws Exception {
    return json.readTree(SharedFixtures.read("fixtures/facebook/" + name));
  }

  @Test
  void commentObject() throws Exception {
    Comment c = FacebookMapper.comment(fixture("comment_object.json"));
    assertThat(c.id()).isEqualTo("10158371815748553_10158371930463553");
    assertThat(c.text()).isEqualTo("This is really nice");
    assertThat(c.createdAt()).contains(Instant.parse("2021-07-21T21:05:14Z"));
    assertThat(c.likeCount()).hasValue(0);
    assertThat(c.replyCount()).hasValue(0);
    assertThat(c.hidden()).isFalse();
  }

  @Test
  void commentsPageWithoutIdsFallsBackToPermalinkAndIsLastPage() throws Exception {
    Page<Comment> page =
        GraphPaging.page(fixture("post_comments_page2.json"), FacebookMapper::comment);
    assertThat(page.items()).hasSize(5);
    assertThat(page.items().get(0).id()).isEqualTo("10158412899928553");
    assertThat(page.items().get(0).replyCount()).hasValue(1);
    assertThat(page.items().get(1).id()).isEqualTo("10158413660043553");
    assertThat(page.nextCursor()).isEmpty(); // only "previous": last page
  }

  @Test
  void edgeSummaries() throws Exception {
    EngagementMetrics.Builder b = EngagementMetrics.builder(PostRef.of(Platform.FACEBOOK, "x"));
    FacebookMapper.edges(fixture("post_object_with_reactions_summary.json"), b);
    EngagementMetrics m = b.build();
    assertThat(m.likes()).hasValue(1);
    assertThat(m.comments()).hasValue(0);
    assertThat(m.shares()).hasValue(0);
    assertThat(m.raw()).containsEntry("reactions", 1L);
  }

  @Test
  void reactionsWithPagingFixture() throws Exception {
    EngagementMetrics.Builder b = EngagementMetrics.builder(PostRef.of(Platform.FACEBOOK, "x"));
    FacebookMapper.edges(fixture("post_with_reactions_paging.json"), b);
    EngagementMetrics m = b.build();
    assertThat(m.likes()).hasValue(1);
    assertThat(m.comments()).isEmpty(); // not asked: absent, not 0
    assertThat(m.shares()).isEmpty();
  }

  @Test
  void insightsKeepRawAndMapCurrentNames() throws Exception {
    // real insights envelope (post_engaged_users, a metric since removed: kept raw, not mapped)
    EngagementMetrics.Builder b = EngagementMetrics.builder(PostRef.of(Platform.FACEBOOK, "x"));
    FacebookMapper.insights(fixture("post_with_insights.json").get("insights"), b);
    EngagementMetrics m = b.build();
    assertThat(m.raw()).containsEntry("post_engaged_users", 0L);
    assertThat(m.views()).isEmpty();
    JsonNode current =
        json.readTree(
            "{\"data\":[{\"name\":\"post_media_view\",\"period\":\"lifetime\","
                + "\"values\":[{\"value\":1234}]},{\"name\":\"post_total_media_view_unique\",\"values\":[{\"value\":900}]},"
                + "{\"name\":\"post_clicks\",\"values\":[{\"value\":12}]},{\"name\":\"post_reactions_by_type_total\","
                + "\"values\":[{\"value\":{\"like\":5,\"love\":2}}]}]}");
    EngagementMetrics.Builder b2 = EngagementMetrics.builder(PostRef.of(Platform.FACEBOOK, "x"));
    FacebookMapper.insights(current, b2);
    EngagementMetrics m2 = b2.build();
    assertThat(m2.views()).hasValue(1234);
    assertThat(m2.reach()).hasValue(900);
    assertThat(m2.clicks()).hasValue(12);
    assertThat(m2.raw().get("post_reactions_by_type_total"))
        .isEqualTo(Map.of("like", 5L, "love", 2L));
  }

  @Test
  void pageTokensFixtureHasNoNextPage() throws Exception {
    JsonNode accounts = fixture("user_accounts_page_tokens.json");
    assertThat(accounts.path("data").get(0).path("id").asText()).isEqualTo("2121008874780932");
    assertThat(GraphPaging.nextCursor(accounts)).isEmpty();
  }

  @Test
  void graphTimes() throws Exception {
    assertThat(FacebookMapper.time(fixture("video_object_default.json").get("created_time")))
        .isEqualTo(Instant.parse("2021-06-30T21:19:07Z"));
  }
}
