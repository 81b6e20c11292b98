package io.smo.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.Feature;
import io.smo.core.ModerationAction;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.testkit.SharedFixtures;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The channel-wide comment stream (published and held for review) on recorded commentThreads
 * shapes.
 */
@WireMockTest
class YouTubeInboxWireMockTest {
  static final String CHANNEL = "UCown000000000000000000";

  /** A held thread with a reply by the channel and one by a viewer, in the commentThread shape. */
  static final String HELD =
      "{\"kind\":\"youtube#commentThreadListResponse\",\"items\":[{\"kind\":"
          + "\"youtube#commentThread\",\"id\":\"UgHeld1\",\"snippet\":{\"channelId\":\""
          + CHANNEL
          + "\",\"videoId\":"
          + "\"F1UP7wRCPH8\",\"topLevelComment\":{\"kind\":\"youtube#comment\",\"id\":\"UgHeld1\",\"snippet\":{"
          + "\"authorDisplayName\":\"Spammy\",\"authorChannelId\":{\"value\":\"UCspam\"},\"videoId\":\"F1UP7wRCPH8\","
          + "\"textOriginal\":\"buy followers here\",\"moderationStatus\":\"heldForReview\",\"likeCount\":0,"
          + "\"publishedAt\":\"2019-11-20T10:00:00.000Z\"}},\"canReply\":true,\"totalReplyCount\":2,\"isPublic\":true},"
          + "\"replies\":{\"comments\":[{\"kind\":\"youtube#comment\",\"id\":\"UgHeld1.r1\",\"snippet\":{"
          + "\"authorDisplayName\":\"Owner\",\"authorChannelId\":{\"value\":\""
          + CHANNEL
          + "\"},\"parentId\":\"UgHeld1\","
          + "\"textOriginal\":\"Please don't\",\"publishedAt\":\"2019-11-20T11:00:00.000Z\"}},"
          + "{\"kind\":\"youtube#comment\",\"id\":\"UgHeld1.r2\",\"snippet\":{\"authorDisplayName\":\"Viewer\","
          + "\"parentId\":\"UgHeld1\",\"textOriginal\":\"agreed\",\"publishedAt\":\"2019-11-20T12:00:00.000Z\"}}]}}]}";

  private YouTubeClient client(WireMockRuntimeInfo wm, String channel) {
    YouTubeClient.Builder b =
        YouTubeClient.builder()
            .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
            .accessToken("tok")
            .sleeper(d -> {});
    return channel == null ? b.build() : b.accountId(channel).build();
  }

  private void stubStreams(WireMockRuntimeInfo wm) {
    String published =
        SharedFixtures.read("fixtures/youtube/comment_threads_by_video_page1.json")
            .replaceAll("\"nextPageToken\":\\s*\"[^\"]*\",?", "");
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("moderationStatus", equalTo("published"))
                .willReturn(okJson(published)));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("moderationStatus", equalTo("heldForReview"))
                .willReturn(okJson(HELD)));
  }

  @Test
  void theStreamMergesPublishedAndHeldCommentsNewestFirst(WireMockRuntimeInfo wm) {
    stubStreams(wm);
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/youtube/v3/channels"))
                .willReturn(
                    okJson(
                        "{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"kind\":\"youtube#channel\",\"id\":\""
                            + CHANNEL
                            + "\"}]}")));
    try (YouTubeClient yt = client(wm, null)) {
      assertThat(yt.capabilities().supports(Feature.COMMENT_STREAM)).isTrue();
      assertThat(yt.inboxKinds()).containsExactly(InboxItemKind.COMMENT);
      List<InboxComment> all = yt.commentStream().stream().toList();
      assertThat(all)
          .extracting(InboxComment::platformId)
          .containsExactly(
              "UgyZ1jqkHKYvi1-ruOZ4AaABAg",
              "Ugy4OzAuz5uJuFt3FH54AaABAg",
              "UgHeld1.r2",
              "UgHeld1.r1",
              "UgHeld1",
              "UgysQP-vp089eFP0Stl4AaABAg",
              "UgyKv8ziPYFJDGytM_J4AaABAg",
              "UgwI_ylXVnzPS8Q-oAV4AaABAg");
      InboxComment held = all.get(4);
      assertThat(held.heldForReview()).isTrue();
      assertThat(held.moderationStatus()).hasValue("heldForReview");
      assertThat(held.answered()).isTrue();
      assertThat(held.threadId()).isEqualTo("F1UP7wRCPH8");
      // #18: the account is the channel learned from channels?mine=true, no longer the constant
      // "youtube:mine"
      assertThat(held.account()).isEqualTo(CHANNEL);
      assertThat(all.get(3).direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(all.get(2).answered()).isFalse();
      assertThat(all.get(2).dropped()).anyMatch(d -> d.contains("no authorChannelId"));
      assertThat(all.get(0).text()).isEqualTo("Google.com");

      List<InboxItem> since = new ArrayList<>();
      yt.items(InboxItemKind.COMMENT, Instant.parse("2019-11-20T11:30:00Z")).forEach(since::add);
      assertThat(since)
          .extracting(InboxItem::platformId)
          .containsExactly(
              "UgyZ1jqkHKYvi1-ruOZ4AaABAg", "Ugy4OzAuz5uJuFt3FH54AaABAg", "UgHeld1.r2");
      assertThatThrownBy(yt::conversations).isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(yt::mentions).isInstanceOf(UnsupportedFeatureException.class);
    }
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/youtube/v3/channels"))))
        .hasSize(1);
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("allThreadsRelatedToChannelId", equalTo(CHANNEL))
                .withQueryParam("order", equalTo("time"))
                .withQueryParam("part", equalTo("snippet,replies")));
  }

  @Test
  void answersGoToTheTopLevelCommentAndHeldOnesCanBePublished(WireMockRuntimeInfo wm) {
    stubStreams(wm);
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/youtube/v3/comments"))
                .willReturn(
                    okJson(
                        "{\"kind\":\"youtube#comment\",\"id\":\"UgHeld1.r3\",\"snippet\":{\"authorChannelId\":{\"value\":\""
                            + CHANNEL
                            + "\"},\"parentId\":\"UgHeld1\",\"textOriginal\":\"Thanks!\",\"publishedAt\":"
                            + "\"2019-11-21T00:00:00.000Z\"}}")));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/youtube/v3/comments/setModerationStatus"))
                .willReturn(aResponse().withStatus(204)));
    try (YouTubeClient yt = client(wm, CHANNEL)) {
      List<InboxComment> all = yt.commentStream().stream().toList();
      InboxComment viewerReply =
          all.stream().filter(c -> c.platformId().equals("UgHeld1.r2")).findFirst().orElseThrow();
      InboxItem answer = yt.answer(viewerReply, "Thanks!");
      assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(answer.platformId()).isEqualTo("UgHeld1.r3");
      InboxComment held =
          all.stream().filter(InboxComment::heldForReview).findFirst().orElseThrow();
      yt.moderate(held.commentRef(), ModerationAction.UNHIDE);
    }
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlPathEqualTo("/youtube/v3/comments"))
                .withRequestBody(
                    equalToJson(
                        "{\"snippet\":{\"parentId\":\"UgHeld1\",\"textOriginal\":\"Thanks!\"}}")));
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlPathEqualTo("/youtube/v3/comments/setModerationStatus"))
                .withQueryParam("id", equalTo("UgHeld1"))
                .withQueryParam("moderationStatus", equalTo("published")));
  }

  @Test
  void anExhaustedQuotaIsTyped(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/youtube/v3/commentThreads"))
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"code\":403,"
                                + "\"message\":\"The request cannot be completed because you have exceeded your quota.\","
                                + "\"errors\":[{\"message\":\"The request cannot be completed because you have exceeded your quota.\","
                                + "\"domain\":\"youtube.quota\",\"reason\":\"quotaExceeded\"}]}}")));
    try (YouTubeClient yt = client(wm, CHANNEL)) {
      assertThatThrownBy(() -> yt.commentStream().firstPage())
          .isInstanceOf(QuotaExceededException.class);
    }
  }
}
