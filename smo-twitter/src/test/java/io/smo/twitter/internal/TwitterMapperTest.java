package io.smo.twitter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Comment;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.testkit.SharedFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mappers on the real X responses in ../shared/fixtures/twitter, read in place. */
class TwitterMapperTest {
  private static final ObjectMapper JSON = io.smo.core.http.ApiRuntime.newObjectMapper();
  private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");

  private static JsonNode fixture(String name) throws Exception {
    return JSON.readTree(SharedFixtures.read("fixtures/twitter/" + name));
  }

  private static TwitterDtos.Tweet tweet(JsonNode n) throws Exception {
    return JSON.convertValue(n, TwitterDtos.Tweet.class);
  }

  private static TwitterDtos.Envelope<List<TwitterDtos.Tweet>> page(JsonNode n) {
    return JSON.convertValue(
        n,
        JSON.getTypeFactory()
            .constructParametricType(
                TwitterDtos.Envelope.class,
                JSON.getTypeFactory()
                    .constructCollectionType(List.class, TwitterDtos.Tweet.class)));
  }

  @Test
  void publicMetricsWithOlderNames() throws Exception {
    JsonNode t = fixture("user_timeline_with_public_metrics.json").path("data").get(0);
    assertThat(t.path("id").asText()).isEqualTo("1364275610764201984");
    EngagementMetrics m =
        TwitterMapper.metrics(PostRef.of(Platform.TWITTER, "1364275610764201984"), tweet(t), NOW);
    assertThat(m.likes()).hasValue(37);
    assertThat(m.comments()).hasValue(2);
    assertThat(m.shares()).hasValue(11); // 10 retweets + 1 quote
    assertThat(m.impressions()).isEmpty(); // absent, not zero
    assertThat(m.clicks()).isEmpty();
    assertThat(m.raw()).containsEntry("public_metrics.retweet_count", 10L);
    assertThat(m.retrievedAt()).isEqualTo(NOW);
  }

  @Test
  void newerRepostNamesAndPrivateGroups() throws Exception {
    JsonNode t =
        JSON.readTree(
            "{\"id\":\"1\",\"public_metrics\":{\"repost_count\":5,\"reply_count\":1,"
                + "\"like_count\":9,\"quote_count\":2,\"bookmark_count\":3,\"impression_count\":400},"
                + "\"non_public_metrics\":{\"impression_count\":410,\"url_link_clicks\":7,"
                + "\"user_profile_clicks\":4,\"engagements\":30}}");
    EngagementMetrics m = TwitterMapper.metrics(PostRef.of(Platform.TWITTER, "1"), tweet(t), NOW);
    assertThat(m.shares()).hasValue(7);
    assertThat(m.saves()).hasValue(3);
    assertThat(m.impressions()).hasValue(410);
    assertThat(m.clicks()).hasValue(11);
  }

  @Test
  void fullFieldsPostAsAComment() throws Exception {
    JsonNode t = fixture("tweet_full_fields_v2.json").path("data");
    Comment c = TwitterMapper.comment(tweet(t));
    assertThat(c.id()).isEqualTo("1224044675406925824");
    assertThat(c.authorId()).contains("9920272");
    assertThat(c.parentId()).contains("1224041905333379073");
    assertThat(c.likeCount()).hasValue(2);
    assertThat(c.replyCount()).hasValue(2);
  }

  @Test
  void searchPageAsComments() throws Exception {
    JsonNode page = fixture("search_recent_tweets.json");
    List<Comment> all = TwitterMapper.comments(page(page), "none");
    assertThat(all).hasSize(page.path("data").size());
    assertThat(all.get(0).authorId()).contains("63046977");
    // the authors come in the same answer (expansions=author_id -> includes.users)
    assertThat(all.get(0).authorName()).contains("@happycamper");
    assertThat(all.get(0).createdAt()).contains(Instant.parse("2020-06-25T06:14:19Z"));
    String first = page.path("data").get(0).path("id").asText();
    assertThat(TwitterMapper.comments(page(page), first)).hasSize(all.size() - 1);
  }

  @Test
  void uploadStatusFixtureIsSucceeded() throws Exception {
    JsonNode info =
        fixture("media_upload_v2_chunk_status.json").path("data").get("processing_info");
    ProcessingStatus<String> s =
        TwitterUploadProtocol.processingStatus("1912090619981471744", info);
    assertThat(s.outcome()).isEqualTo(ProcessingStatus.Outcome.SUCCEEDED);
    assertThat(s.result()).isEqualTo("1912090619981471744");
  }

  @Test
  void pendingAndInProgressHonourCheckAfter() throws Exception {
    for (String state : List.of("pending", "in_progress")) {
      ProcessingStatus<String> s =
          TwitterUploadProtocol.processingStatus(
              "9",
              JSON.readTree(
                  "{\"state\":\"" + state + "\",\"check_after_secs\":5,\"progress_percent\":30}"));
      assertThat(s.outcome()).isEqualTo(ProcessingStatus.Outcome.PENDING);
      assertThat(s.checkAfter()).contains(Duration.ofSeconds(5));
      assertThat(s.percent()).contains(30);
    }
    ProcessingStatus<String> f =
        TwitterUploadProtocol.processingStatus(
            "9",
            JSON.readTree(
                "{\"state\":\"failed\",\"error\":{\"code\":1,\"name\":\"InvalidMedia\",\"message\":\"Unsupported\"}}"));
    assertThat(f.outcome()).isEqualTo(ProcessingStatus.Outcome.FAILED);
    assertThat(f.message()).isEqualTo("Unsupported");
  }

  @Test
  void initFixtureCarriesTheMediaId() throws Exception {
    assertThat(fixture("media_upload_v2_chunk_init.json").path("data").path("id").asText())
        .isEqualTo("1912103767639719936");
  }

  @Test
  void segmentsNeverExceed1000() {
    assertThat(TwitterUploadProtocol.segmentLength(1024 * 1024, 10)).isEqualTo(1024 * 1024);
    long total = 2_000_000_000L;
    long seg = TwitterUploadProtocol.segmentLength(1024 * 1024, total);
    assertThat((total + seg - 1) / seg).isLessThanOrEqualTo(1000);
  }
}
