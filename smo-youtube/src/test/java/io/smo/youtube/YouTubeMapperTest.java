package io.smo.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Comment;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.testkit.SharedFixtures;
import io.smo.youtube.internal.YouTubeDtos;
import io.smo.youtube.internal.YouTubeMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mapper tests on the real responses in ../shared/fixtures/youtube, read in place. */
class YouTubeMapperTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
              false);

  private static <T> T fixture(String name, Class<T> type) throws Exception {
    return JSON.readValue(SharedFixtures.read("fixtures/youtube/" + name), type);
  }

  private static <T> T parse(String json, Class<T> type) throws Exception {
    return JSON.readValue(json, type);
  }

  @Test
  void videoInsertResponseBecomesPublishedPost() throws Exception {
    PublishedPost p =
        YouTubeMapper.publishedPost(fixture("video_insert_response.json", YouTubeDtos.Video.class));
    assertThat(p.id()).isEqualTo("D-lhorsDlUQ");
    assertThat(p.url())
        .hasValueSatisfying(
            u -> assertThat(u.toString()).isEqualTo("https://www.youtube.com/watch?v=D-lhorsDlUQ"));
    assertThat(p.publishedAt()).contains(Instant.parse("2019-03-21T20:37:49Z"));
    assertThat(p.scheduled()).isFalse();
  }

  @Test
  void commentThreadsPageMapsTopLevelCommentsAndToken() throws Exception {
    YouTubeDtos.CommentThreadList page =
        fixture("comment_threads_by_video_page1.json", YouTubeDtos.CommentThreadList.class);
    List<Comment> comments = YouTubeMapper.threads(page);
    assertThat(comments).hasSize(5);
    Comment first = comments.get(0);
    assertThat(first.id()).isEqualTo("UgyZ1jqkHKYvi1-ruOZ4AaABAg");
    assertThat(first.authorName()).contains("himani agarwal");
    assertThat(first.authorId()).contains("UCzj-CjKYmGlZ7vTL-vOe57A");
    assertThat(first.text()).isEqualTo("Google.com");
    assertThat(first.createdAt()).contains(Instant.parse("2019-11-26T15:51:44Z"));
    assertThat(first.likeCount()).hasValue(0);
    assertThat(first.replyCount()).hasValue(0);
    assertThat(first.hidden()).isFalse();
    assertThat(comments.get(4).authorName()).contains("matrix uduma");
    assertThat(comments.get(4).replyCount()).hasValue(2);
    assertThat(YouTubeMapper.nextPageToken(page)).startsWith("QURTSl9pMzdZOUVz");
    assertThat(
            YouTubeMapper.nextPageToken(
                fixture(
                    "comment_threads_by_video_page2.json", YouTubeDtos.CommentThreadList.class)))
        .isNull();
  }

  @Test
  void replyResponseAndRepliesList() throws Exception {
    Comment reply =
        YouTubeMapper.comment(
            fixture("comment_insert_reply_response.json", YouTubeDtos.Comment.class));
    assertThat(reply.id()).isEqualTo("Ugy_CAftKrIUCyPr9GR4AaABAg.9iPXEClD9lW9iPXLqKy_Pt");
    assertThat(reply.parentId()).contains("Ugy_CAftKrIUCyPr9GR4AaABAg");
    assertThat(reply.text()).isEqualTo("wow");
    assertThat(reply.authorName()).contains("ikaros data");
    YouTubeDtos.CommentList list =
        fixture("comments_by_parent_page1.json", YouTubeDtos.CommentList.class);
    Comment first = YouTubeMapper.comment(list.items().get(0));
    assertThat(first.text()).isEqualTo("this is the third reply!");
    assertThat(first.parentId()).contains("Ugw5zYU6n9pmIgAZWvN4AaABAg");
  }

  @Test
  void commentThreadInsertResponse() throws Exception {
    List<Comment> c =
        YouTubeMapper.thread(
            fixture("comment_thread_insert_response.json", YouTubeDtos.CommentThread.class));
    assertThat(c).hasSize(1);
    assertThat(c.get(0).id()).isEqualTo("Ugx_5P8rmn4vKbN6wwt4AaABAg");
    assertThat(c.get(0).text()).isEqualTo("Sun from the api");
  }

  @Test
  void statisticsAreKeptRawAndMapped() throws Exception {
    // the fixtures carry no statistics part; this body follows the documented shape (strings)
    YouTubeDtos.Video video =
        parse(
            "{\"id\":\"D-lhorsDlUQ\",\"statistics\":{\"viewCount\":\"10\","
                + "\"likeCount\":\"2\",\"favoriteCount\":\"0\",\"commentCount\":\"1\"}}",
            YouTubeDtos.Video.class);
    EngagementMetrics m =
        YouTubeMapper.statistics(PostRef.of(Platform.YOUTUBE, "D-lhorsDlUQ"), video, Instant.EPOCH)
            .build();
    assertThat(m.views()).hasValue(10);
    assertThat(m.likes()).hasValue(2);
    assertThat(m.comments()).hasValue(1);
    assertThat(m.shares()).isEmpty();
    assertThat(m.raw()).containsEntry("favoriteCount", 0L).containsEntry("viewCount", 10L);
  }

  @Test
  void processingStates() throws Exception {
    assertThat(
            YouTubeMapper.processing(
                    parse(
                        "{\"status\":{\"uploadStatus\":\"uploaded\"},"
                            + "\"processingDetails\":{\"processingStatus\":\"processing\",\"processingProgress\":"
                            + "{\"partsTotal\":\"10\",\"partsProcessed\":\"4\"}}}",
                        YouTubeDtos.Video.class))
                .percent())
        .contains(40);
    assertThat(
            YouTubeMapper.processing(
                    parse(
                        "{\"status\":{\"uploadStatus\":\"processed\"},"
                            + "\"processingDetails\":{\"processingStatus\":\"succeeded\"}}",
                        YouTubeDtos.Video.class))
                .outcome())
        .isEqualTo(ProcessingStatus.Outcome.SUCCEEDED);
    ProcessingStatus<YouTubeDtos.Video> failed =
        YouTubeMapper.processing(
            parse(
                "{\"status\":" + "{\"uploadStatus\":\"failed\",\"failureReason\":\"codec\"}}",
                YouTubeDtos.Video.class));
    assertThat(failed.outcome()).isEqualTo(ProcessingStatus.Outcome.FAILED);
    assertThat(failed.message()).isEqualTo("codec");
  }

  @Test
  void analyticsResultTable() throws Exception {
    YouTubeDtos.ResultTable t =
        parse(
            "{\"kind\":\"youtubeAnalytics#resultTable\",\"columnHeaders\":["
                + "{\"name\":\"ageGroup\",\"columnType\":\"DIMENSION\",\"dataType\":\"STRING\"},"
                + "{\"name\":\"gender\",\"columnType\":\"DIMENSION\",\"dataType\":\"STRING\"},"
                + "{\"name\":\"viewerPercentage\",\"columnType\":\"METRIC\",\"dataType\":\"FLOAT\"}],"
                + "\"rows\":[[\"age18-24\",\"female\",12.5]]}",
            YouTubeDtos.ResultTable.class);
    assertThat(YouTubeMapper.reportRows(t))
        .containsExactly(
            java.util.Map.of("ageGroup", "age18-24", "gender", "female", "viewerPercentage", 12.5));
  }
}
