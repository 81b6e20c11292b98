package io.smo.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.Mention;
import io.smo.core.resilience.RetryPolicy;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mentioned_comment} and {@code mentioned_media} (Facebook Login) on WireMock, with the
 * answer shapes of Meta's reference pages (IG User mentioned_comment: {@code
 * {"mentioned_comment":{"timestamp","like_count","text","id","media":{"id"}},"id"}}), Graph's error
 * bodies for unknown ids (100 / 33) and missing permissions (10), and the offline refusals.
 */
class InstagramMentionLookupWireMockTest {
  private static final String IG = "17841405309211844";
  private static final String V = "/v26.0/";
  private static final String COMMENT = "17873440459141021";
  private static final String MEDIA = "17895695668004550";

  private WireMockServer wm;
  private InstagramClient fb;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    fb = client(ApiFlavor.FACEBOOK_LOGIN);
  }

  @AfterEach
  void stop() {
    fb.close();
    wm.stop();
  }

  private InstagramClient client(ApiFlavor flavor) {
    return InstagramClient.builder()
        .flavor(flavor)
        .baseUrl(URI.create(wm.baseUrl() + "/"))
        .accountId(IG)
        .accessToken("tok")
        .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(1).build())
        .sleeper(d -> {})
        .build();
  }

  private static String error(int code, Integer sub, String type, String message) {
    return "{\"error\":{\"message\":\""
        + message
        + "\",\"type\":\""
        + type
        + "\",\"code\":"
        + code
        + (sub != null ? ",\"error_subcode\":" + sub : "")
        + ",\"fbtrace_id\":\"AbCdEf123\"}}";
  }

  private void answer(String fieldsPrefix, int status, String body) {
    wm.stubFor(
        get(urlPathEqualTo(V + IG))
            .withQueryParam("fields", containing(fieldsPrefix))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private int requests() {
    return wm.findAll(anyRequestedFor(anyUrl())).size();
  }

  @Test
  void aMentionedCommentIsReadInOneRequestWithItsAuthorTextAndTime() {
    answer(
        "mentioned_comment",
        200,
        "{\"mentioned_comment\":{\"timestamp\":\"2017-05-03T16:09:08+0000\",\"like_count\":185,"
            + "\"text\":\"Shout out to @metricsaurus\",\"username\":\"dino.fan\",\"id\":\""
            + COMMENT
            + "\",\"media\":{\"id\":\""
            + MEDIA
            + "\"}},\"id\":\""
            + IG
            + "\"}");
    Mention m = fb.mentionedComment(COMMENT);
    assertThat(m.source()).isEqualTo(Mention.Source.COMMENT);
    assertThat(m.commentId()).hasValue(COMMENT);
    assertThat(m.post()).isEqualTo(PostRef.of(Platform.INSTAGRAM, MEDIA));
    assertThat(m.account()).isEqualTo(IG);
    assertThat(m.text()).isEqualTo("Shout out to @metricsaurus");
    assertThat(m.authorName()).hasValue("dino.fan");
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2017-05-03T16:09:08Z"));
    assertThat(m.direction()).isEqualTo(Direction.INBOUND);
    assertThat(m.dropped()).isEmpty();
    assertThat(requests()).isEqualTo(1);
    wm.verify(
        getRequestedFor(urlPathEqualTo(V + IG))
            .withQueryParam(
                "fields",
                equalTo(
                    "mentioned_comment.comment_id("
                        + COMMENT
                        + "){id,text,timestamp,like_count,username,media{id}}")));
  }

  @Test
  void aRefusedUsernameIsAskedOnceMoreWithoutItAndTheAuthorStaysUnknown() {
    answer(
        "username",
        400,
        error(100, null, "OAuthException", "(#100) Tried accessing nonexisting field (username)"));
    wm.stubFor(
        get(urlPathEqualTo(V + IG))
            .withQueryParam(
                "fields",
                equalTo(
                    "mentioned_comment.comment_id("
                        + COMMENT
                        + "){id,text,timestamp,like_count,media{id}}"))
            .willReturn(
                okJson(
                    "{\"mentioned_comment\":{\"timestamp\":\"2017-05-03T16:09:08+0000\","
                        + "\"text\":\"@metricsaurus look\",\"id\":\""
                        + COMMENT
                        + "\",\"media\":{\"id\":\""
                        + MEDIA
                        + "\"}},\"id\":\""
                        + IG
                        + "\"}")));
    Mention m = fb.mentionedComment(COMMENT);
    assertThat(m.text()).isEqualTo("@metricsaurus look");
    assertThat(m.authorName()).isEmpty();
    assertThat(m.dropped()).anyMatch(d -> d.contains("refused username"));
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void aMentionedMediaIsReadWithTheFieldsTheEdgeLists() {
    answer(
        "mentioned_media",
        200,
        "{\"mentioned_media\":{\"caption\":\"Thanks for the help metricsaurus\","
            + "\"comments_count\":2,\"like_count\":9,\"media_type\":\"IMAGE\","
            + "\"timestamp\":\"2026-11-30T10:00:00+0000\",\"username\":\"eli.park\",\"id\":\""
            + MEDIA
            + "\"},\"id\":\""
            + IG
            + "\"}");
    Mention m = fb.mentionedMedia(MEDIA);
    assertThat(m.source()).isEqualTo(Mention.Source.POST);
    assertThat(m.commentId()).isEmpty();
    assertThat(m.post().id()).isEqualTo(MEDIA);
    assertThat(m.text()).isEqualTo("Thanks for the help metricsaurus");
    assertThat(m.authorName()).hasValue("eli.park");
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(m.permalink()).isEmpty(); // the edge lists no permalink
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(V + IG))
            .withQueryParam(
                "fields",
                equalTo(
                    "mentioned_media.media_id("
                        + MEDIA
                        + "){id,caption,timestamp,media_type,username,like_count,comments_count}")));
  }

  @Test
  void anUnknownIdIsNotFoundAndAMissingPermissionIsAPermissionError() {
    answer(
        "mentioned_comment",
        400,
        error(
            100,
            33,
            "GraphMethodException",
            "Unsupported get request. Object with ID '17800000000000999' does not exist, cannot be"
                + " loaded due to missing permissions, or does not support this operation."));
    assertThatThrownBy(() -> fb.mentionedComment("17800000000000999"))
        .isInstanceOf(NotFoundException.class);
    answer(
        "mentioned_media",
        403,
        error(
            10,
            null,
            "OAuthException",
            "(#10) Application does not have permission for this action"));
    assertThatThrownBy(() -> fb.mentionedMedia(MEDIA)).isInstanceOf(PermissionException.class);
    assertThat(requests()).isEqualTo(2); // refusals are not retried
  }

  @Test
  void anAnswerWithoutTheMentionIsNotFound() {
    answer("mentioned_media", 200, "{\"id\":\"" + IG + "\"}");
    assertThatThrownBy(() -> fb.mentionedMedia(MEDIA))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(MEDIA);
  }

  @Test
  void badIdsAndInstagramLoginAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> fb.mentionedComment(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("commentId");
    assertThatThrownBy(() -> fb.mentionedMedia("1){id}&access_token=x"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("mediaId");
    assertThatThrownBy(() -> fb.mentionedMedia(null)).isInstanceOf(NullPointerException.class);
    try (InstagramClient ig = client(ApiFlavor.INSTAGRAM_LOGIN)) {
      assertThatThrownBy(() -> ig.mentionedComment(COMMENT))
          .isInstanceOfSatisfying(
              UnsupportedFeatureException.class,
              e -> assertThat(e.getMessage()).contains("Facebook Login"));
      assertThatThrownBy(() -> ig.mentionedMedia(MEDIA))
          .isInstanceOf(UnsupportedFeatureException.class);
      // a webhook's ids-only mention is kept as delivered, saying why
      Mention bare =
          Mention.builder(IG, PostRef.of(Platform.INSTAGRAM, MEDIA), Mention.Source.COMMENT)
              .commentId(COMMENT)
              .createdAt(Instant.parse("2026-12-01T00:00:00Z"))
              .build();
      Mention kept = (Mention) ig.complete(bare);
      assertThat(kept.ref()).isEqualTo(bare.ref());
      assertThat(kept.text()).isEmpty();
      assertThat(kept.dropped()).anyMatch(d -> d.contains("Instagram Login"));
    }
    assertThat(requests()).isZero();
  }

  @Test
  void aWebhookMentionIsCompletedWithItsRefKeptAndAnsweredThroughMentions() {
    answer(
        "mentioned_comment",
        200,
        "{\"mentioned_comment\":{\"timestamp\":\"2026-12-01T09:30:00+0000\",\"like_count\":0,"
            + "\"text\":\"@sbx_brand is this in stock?\",\"username\":\"dana.fox\",\"id\":\""
            + COMMENT
            + "\",\"media\":{\"id\":\""
            + MEDIA
            + "\"}},\"id\":\""
            + IG
            + "\"}");
    wm.stubFor(
        post(urlPathEqualTo(V + IG + "/mentions")).willReturn(okJson("{\"id\":\"1790001\"}")));
    Mention delivered =
        Mention.builder(IG, PostRef.of(Platform.INSTAGRAM, MEDIA), Mention.Source.COMMENT)
            .commentId(COMMENT)
            .createdAt(Instant.parse("2026-12-01T09:30:05Z"))
            .build();
    InboxItem done = fb.complete(delivered);
    assertThat(done.ref()).isEqualTo(delivered.ref());
    assertThat(done.text()).isEqualTo("@sbx_brand is this in stock?");
    assertThat(done.authorName()).hasValue("dana.fox");
    assertThat(done.createdAt()).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
    // a complete item is not read again
    assertThat(fb.complete(done)).isSameAs(done);
    assertThat(requests()).isEqualTo(1);

    InboxItem answer = fb.answer(done, "Yes, it is!");
    assertThat(answer).isInstanceOf(InboxComment.class);
    assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
    wm.verify(
        postRequestedFor(urlPathEqualTo(V + IG + "/mentions"))
            .withRequestBody(containing("media_id=" + MEDIA))
            .withRequestBody(containing("comment_id=" + COMMENT))
            .withRequestBody(containing("message=Yes%2C%20it%20is%21")));
  }

  @Test
  void itemsOfAnotherAccountAreNotCompleted() {
    Mention other =
        Mention.builder(
                "17841499999999999", PostRef.of(Platform.INSTAGRAM, MEDIA), Mention.Source.POST)
            .createdAt(Instant.parse("2026-12-01T00:00:00Z"))
            .build();
    assertThatThrownBy(() -> fb.complete(other)).isInstanceOf(ValidationException.class);
    assertThat(requests()).isZero();
  }
}
