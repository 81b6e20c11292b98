package io.smo.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.AccountInfo;
import io.smo.core.Comment;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.testkit.SharedFixtures;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * #24: reads in one round trip where the Data API allows, counted on WireMock: the {@code part}s a
 * read needs are combined in one call, comment threads come with their replies, and the channel id
 * is learned from the same {@code channels.list} as the account figures.
 */
@WireMockTest
class YouTubeRoundTripTest {
  private static final String VIDEO =
      "{\"kind\":\"youtube#videoListResponse\",\"items\":[{\"kind\":\"youtube#video\","
          + "\"id\":\"vid12345678\",\"snippet\":{\"publishedAt\":\"2025-01-01T00:00:00Z\",\"title\":\"t\","
          + "\"categoryId\":\"22\",\"tags\":[\"a\"]},\"status\":{\"privacyStatus\":\"public\",\"license\":\"youtube\","
          + "\"embeddable\":true},\"statistics\":{\"viewCount\":\"10\",\"likeCount\":\"2\",\"favoriteCount\":\"0\","
          + "\"commentCount\":\"1\"}}]}";

  private static YouTubeClient client(WireMockRuntimeInfo wm) {
    return YouTubeClient.builder()
        .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
        .accessToken("tok")
        .analytics(false)
        .sleeper(d -> {})
        .build();
  }

  @Test
  void metricsAreOneVideosList(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson(VIDEO)));
    try (YouTubeClient yt = client(wm)) {
      EngagementMetrics m = yt.metrics(PostRef.of(Platform.YOUTUBE, "vid12345678"));
      assertThat(m.views()).hasValue(10);
      assertThat(m.likes()).hasValue(2);
      assertThat(m.comments()).hasValue(1);
    }
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).hasSize(1);
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("part", equalTo("snippet,statistics"))
                .withQueryParam("id", equalTo("vid12345678")));
  }

  @Test
  void commentsComeWithTheirRepliesInOneCallPerPage(WireMockRuntimeInfo wm) {
    String page =
        SharedFixtures.read("fixtures/youtube/comment_threads_by_video_page1.json")
            .replaceAll("\"nextPageToken\":\\s*\"[^\"]*\",?", "");
    wm.getWireMock()
        .register(get(urlPathEqualTo("/youtube/v3/commentThreads")).willReturn(okJson(page)));
    try (YouTubeClient yt = client(wm)) {
      List<Comment> all =
          yt.comments(PostRef.of(Platform.YOUTUBE, "F1UP7wRCPH8")).stream().toList();
      assertThat(all).hasSizeGreaterThanOrEqualTo(5);
    }
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).hasSize(1);
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("part", equalTo("snippet,replies"))
                .withQueryParam("maxResults", equalTo("100")));
  }

  @Test
  void accountFiguresTeachTheChannelIdInTheSameCall(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/youtube/v3/channels"))
                .willReturn(
                    okJson(
                        "{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"kind\":\"youtube#channel\",\"id\":\"UCabc\","
                            + "\"snippet\":{\"title\":\"Abc\",\"customUrl\":\"@abc\"},\"statistics\":{\"viewCount\":\"5\","
                            + "\"subscriberCount\":\"7\",\"hiddenSubscriberCount\":false,\"videoCount\":\"3\"}}]}")));
    try (YouTubeClient yt = client(wm)) {
      AccountInfo info = yt.accountInfo();
      assertThat(info.id()).isEqualTo("UCabc");
      assertThat(info.followers()).hasValue(7);
      assertThat(info.raw()).containsEntry("viewCount", 5L);
      assertThat(yt.accountId()).isEqualTo("UCabc");
      assertThat(yt.accountKey()).isEqualTo("UCabc");
    }
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlPathEqualTo("/youtube/v3/channels"))
                .withQueryParam("part", equalTo("snippet,statistics"))
                .withQueryParam("mine", equalTo("true")));
  }

  @Test
  void anUpdateReadsSnippetAndStatusInOneCall(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson(VIDEO)));
    wm.getWireMock()
        .register(
            put(urlPathEqualTo("/youtube/v3/videos"))
                .willReturn(okJson("{\"id\":\"vid12345678\"}")));
    try (YouTubeClient yt = client(wm)) {
      yt.updateVideo(
          PostRef.of(Platform.YOUTUBE, "vid12345678"),
          YouTubeVideoUpdate.builder().title("New").build());
    }
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("part", equalTo("snippet,status")));
    wm.getWireMock()
        .verifyThat(
            1,
            putRequestedFor(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("part", equalTo("snippet,status"))
                .withRequestBody(
                    com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"id\":\"vid12345678\","
                            + "\"snippet\":{\"title\":\"New\",\"tags\":[\"a\"],\"categoryId\":\"22\"},\"status\":{\"privacyStatus\":"
                            + "\"public\",\"license\":\"youtube\",\"embeddable\":true}}")));
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void settingsAreCheckedInBuild() {
    assertThatThrownBy(() -> YouTubeClient.builder().accessToken("t").chunkSize(100_000).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 KiB");
    YouTubeOAuth oauth = YouTubeOAuth.create(YouTubeOAuth.config("id", "secret", null).build());
    assertThatThrownBy(() -> YouTubeClient.builder().oauth(oauth, new InMemoryTokenStore()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("accountId");
    assertThat(oauth.toString()).doesNotContain("secret");
    assertThat(YouTubeClient.defaultRateLimits().bucket(YouTubeRateBucket.VIDEOS_INSERT.id()))
        .hasValueSatisfying(l -> assertThat(l.limit()).isEqualTo(100));
  }
}
