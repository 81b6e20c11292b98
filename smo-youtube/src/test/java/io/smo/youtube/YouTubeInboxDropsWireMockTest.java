package io.smo.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.event.InboxDropEvent;
import io.smo.core.event.SmoListener;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The channel comment stream with odd but legal {@code commentThread} shapes (a reply without id, a
 * thread without its top-level comment, a comment without author or time): mapped without failing,
 * what is left out whole reported to the listener. Bad answers are refused before any call.
 */
@WireMockTest
class YouTubeInboxDropsWireMockTest {
  static final String CHANNEL = "UCown000000000000000000";

  static final String ODD =
      "{\"kind\":\"youtube#commentThreadListResponse\",\"items\":["
          + "{\"kind\":\"youtube#commentThread\",\"id\":\"UgOdd1\",\"snippet\":{\"channelId\":\""
          + CHANNEL
          + "\",\"videoId\":\"vid1\",\"topLevelComment\":{\"kind\":\"youtube#comment\",\"id\":\"UgOdd1\","
          + "\"snippet\":{\"textOriginal\":\"from nobody\",\"videoId\":\"vid1\"}}},"
          + "\"replies\":{\"comments\":[{\"kind\":\"youtube#comment\",\"snippet\":{\"parentId\":\"UgOdd1\","
          + "\"textOriginal\":\"reply without id\",\"publishedAt\":\"2026-12-04T10:00:00Z\"}}]}},"
          + "{\"kind\":\"youtube#commentThread\",\"id\":\"UgOdd2\",\"snippet\":{\"channelId\":\""
          + CHANNEL
          + "\"},\"replies\":{\"comments\":[{\"kind\":\"youtube#comment\",\"id\":\"UgOdd2.r1\",\"snippet\":{"
          + "\"parentId\":\"UgOdd2\",\"authorDisplayName\":\"Viewer\",\"authorChannelId\":{\"value\":\"UCv\"},"
          + "\"textOriginal\":\"orphan reply\",\"publishedAt\":\"2026-12-04T09:00:00Z\"}}]}}]}";

  private YouTubeClient client(WireMockRuntimeInfo wm, List<InboxDropEvent> drops) {
    return YouTubeClient.builder()
        .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
        .accessToken("tok-secret")
        .accountId(CHANNEL)
        .sleeper(d -> {})
        .listener(
            new SmoListener() {
              @Override
              public void onInboxDrop(InboxDropEvent event) {
                drops.add(event);
              }
            })
        .build();
  }

  @Test
  void oddThreadsMapAndWhatIsLeftOutWholeIsReported(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("moderationStatus", equalTo("published"))
                .willReturn(okJson(ODD)));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("moderationStatus", equalTo("heldForReview"))
                .willReturn(
                    okJson("{\"kind\":\"youtube#commentThreadListResponse\",\"items\":[]}")));
    List<InboxDropEvent> drops = new CopyOnWriteArrayList<>();
    try (YouTubeClient yt = client(wm, drops)) {
      List<InboxComment> all = yt.commentStream().stream().toList();
      assertThat(all).extracting(InboxComment::platformId).containsOnly("UgOdd1", "UgOdd2.r1");
      InboxComment nobody =
          all.stream().filter(c -> c.platformId().equals("UgOdd1")).findFirst().orElseThrow();
      assertThat(nobody.authorId()).isEmpty();
      assertThat(nobody.dropped())
          .anyMatch(d -> d.contains("no authorChannelId"))
          .anyMatch(d -> d.contains("no publishedAt"));
      InboxComment orphan =
          all.stream().filter(c -> c.platformId().equals("UgOdd2.r1")).findFirst().orElseThrow();
      assertThat(orphan.threadId()).isEqualTo(CHANNEL);
      assertThat(orphan.dropped()).anyMatch(d -> d.contains("no videoId"));
      assertThat(drops)
          .extracting(InboxDropEvent::reason)
          .containsExactlyInAnyOrder(
              "a reply without id was skipped",
              "a thread without topLevelComment: only its replies are kept");
      assertThat(drops)
          .allSatisfy(
              d -> {
                assertThat(d.platform()).isEqualTo(Platform.YOUTUBE);
                assertThat(d.account()).isEqualTo(CHANNEL);
                assertThat(d.operation()).isEqualTo("commentThreads.list");
                assertThat(d.toString()).doesNotContain("tok-secret").doesNotContain("UgOdd");
              });
    }
  }

  @Test
  void badAnswersAreRefusedBeforeAnyCall(WireMockRuntimeInfo wm) {
    InboxComment mine =
        InboxComment.builder(
                CHANNEL,
                PostRef.of(Platform.YOUTUBE, "vid1"),
                Comment.builder(CommentRef.of(Platform.YOUTUBE, "Ug1"))
                    .text("hi")
                    .createdAt(Instant.parse("2026-12-04T10:00:00Z"))
                    .build())
            .build();
    InboxComment foreign =
        InboxComment.builder(
                "UCsomeoneelse0000000000",
                PostRef.of(Platform.YOUTUBE, "vid1"),
                Comment.builder(CommentRef.of(Platform.YOUTUBE, "Ug2"))
                    .text("hi")
                    .createdAt(Instant.parse("2026-12-04T10:00:00Z"))
                    .build())
            .build();
    Mention mention =
        Mention.builder(CHANNEL, PostRef.of(Platform.YOUTUBE, "vid9"), Mention.Source.POST)
            .createdAt(Instant.parse("2026-12-04T10:00:00Z"))
            .build();
    try (YouTubeClient yt = client(wm, new CopyOnWriteArrayList<>())) {
      assertThatThrownBy(() -> yt.answer(mine, " "))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("not-empty");
      assertThatThrownBy(() -> yt.answer(foreign, "thanks"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("not to this client's account " + CHANNEL);
      assertThatThrownBy(() -> yt.answer(mention, "thanks"))
          .isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(
              () ->
                  yt.send(
                      MessageRecipient.user("UCv"),
                      OutgoingMessage.builder()
                          .text("hi")
                          .tag(OutgoingMessage.HUMAN_AGENT)
                          .build()))
          .isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(yt::conversations).isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(
              () ->
                  yt.privateReply(
                      CommentRef.of(Platform.YOUTUBE, "Ug1"), null, OutgoingMessage.text("hi")))
          .isInstanceOf(UnsupportedFeatureException.class);
    }
    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void aTooLongReplyRefusedByYouTubeIsTypedAndSentOnce(WireMockRuntimeInfo wm) {
    // the numeric limit is unconfirmed (facts file), so YouTube's own commentTextTooLong decides
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/youtube/v3/comments"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"code\":400,\"message\":\"The comment is too long.\","
                                + "\"errors\":[{\"message\":\"The comment is too long.\","
                                + "\"domain\":\"youtube.commentThread\",\"reason\":\"commentTextTooLong\"}]}}")));
    InboxComment mine =
        InboxComment.builder(
                CHANNEL,
                PostRef.of(Platform.YOUTUBE, "vid1"),
                Comment.builder(CommentRef.of(Platform.YOUTUBE, "Ug1"))
                    .text("hi")
                    .createdAt(Instant.parse("2026-12-04T10:00:00Z"))
                    .build())
            .build();
    try (YouTubeClient yt = client(wm, new CopyOnWriteArrayList<>())) {
      assertThatThrownBy(() -> yt.answer(mine, "x".repeat(20_000)))
          .isInstanceOfSatisfying(
              InvalidRequestException.class, e -> assertThat(e.retryable()).isFalse())
          .hasMessageContaining("commentTextTooLong");
    }
    assertThat(wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/youtube/v3/comments"))))
        .hasSize(1);
  }
}
