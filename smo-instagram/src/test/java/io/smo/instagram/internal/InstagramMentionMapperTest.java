package io.smo.instagram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.http.ApiRuntime;
import io.smo.core.inbox.Mention;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Mention lookups mapped from the answer shapes of Meta's reference pages (no captured fixture of
 * these edges exists in {@code shared/fixtures}): the IG User mentioned_comment sample response
 * ({@code {"mentioned_comment":{"timestamp":"2017-05-03T16:09:08+0000","like_count":185,"text":…,
 * "id":"17873440459141021","media":{"id":…}},"id":…}}) and the mentioned_media field table ({@code
 * caption}, {@code comments_count}, {@code id}, {@code like_count}, {@code media_type}, {@code
 * owner}, {@code timestamp}, {@code username}).
 */
class InstagramMentionMapperTest {
  private static final ObjectMapper WIRE = ApiRuntime.newObjectMapper();
  private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
  private static final String IG = "17841405309211844";

  private static InstagramDtos.MentionLookup read(String json) throws Exception {
    return WIRE.readValue(json, InstagramDtos.MentionLookup.class);
  }

  @Test
  void theDocumentedMentionedCommentSample() throws Exception {
    InstagramDtos.MentionLookup body =
        read(
            "{\"mentioned_comment\":{\"timestamp\":\"2017-05-03T16:09:08+0000\",\"like_count\":185,"
                + "\"text\":\"Shout out to @metricsaurus\",\"id\":\"17873440459141021\","
                + "\"media\":{\"id\":\"17895695668004550\",\"media_url\":\"https://scontent.example/x.jpg\"}},"
                + "\"id\":\""
                + IG
                + "\"}");
    Mention m = InstagramMapper.mentionedComment(body.mentionedComment(), IG, null, NOW, false);
    assertThat(m.source()).isEqualTo(Mention.Source.COMMENT);
    assertThat(m.post()).isEqualTo(PostRef.of(Platform.INSTAGRAM, "17895695668004550"));
    assertThat(m.commentId()).hasValue("17873440459141021");
    assertThat(m.text()).isEqualTo("Shout out to @metricsaurus");
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2017-05-03T16:09:08Z"));
    // the sample carries no username: the author is unknown, and the item says so
    assertThat(m.authorName()).isEmpty();
    assertThat(m.dropped())
        .containsExactly("author: the answer named no username; the commenter is unknown");
    assertThat(m.ref().toString()).contains("17873440459141021");
  }

  @Test
  void theWebhookMediaIdKeepsTheDeliveredRefAndOddAnswersSayWhatTheyDropped() throws Exception {
    InstagramDtos.MentionLookup body =
        read("{\"mentioned_comment\":{\"id\":\"17873440459141021\",\"username\":\"dino.fan\"}}");
    Mention m =
        InstagramMapper.mentionedComment(
            body.mentionedComment(), IG, "17895695668004550", NOW, false);
    assertThat(m.post().id()).isEqualTo("17895695668004550");
    assertThat(m.authorName()).hasValue("dino.fan");
    assertThat(m.text()).isEmpty();
    assertThat(m.createdAt()).isEqualTo(NOW);
    assertThat(m.dropped())
        .containsExactly("no text in the answer", "no timestamp: the read time is used");
    // without any media id the comment cannot be addressed: no item
    assertThat(InstagramMapper.mentionedComment(body.mentionedComment(), IG, null, NOW, false))
        .isNull();
    assertThat(InstagramMapper.mentionedComment(null, IG, null, NOW, false)).isNull();
  }

  @Test
  void theDocumentedMentionedMediaFields() throws Exception {
    InstagramDtos.MentionLookup body =
        read(
            "{\"mentioned_media\":{\"caption\":\"Thanks for the help metricsaurus\","
                + "\"comments_count\":2,\"id\":\"17895695668004550\",\"like_count\":9,"
                + "\"media_type\":\"CAROUSEL_ALBUM\",\"media_url\":\"https://scontent.example/y.jpg\","
                + "\"timestamp\":\"2026-11-30T10:00:00+0000\",\"username\":\"eli.park\"},"
                + "\"id\":\""
                + IG
                + "\"}");
    Mention m = InstagramMapper.mentionedMedia(body.mentionedMedia(), IG, NOW);
    assertThat(m.source()).isEqualTo(Mention.Source.POST);
    assertThat(m.post().id()).isEqualTo("17895695668004550");
    assertThat(m.commentId()).isEmpty();
    assertThat(m.text()).isEqualTo("Thanks for the help metricsaurus");
    assertThat(m.authorName()).hasValue("eli.park");
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(m.dropped()).isEmpty();
  }

  @Test
  void ownMediaNamesTheOwnerInsteadOfTheUsername() throws Exception {
    // "owner: only returned if the app user created the IG Media object, otherwise username"
    InstagramDtos.MentionLookup body =
        read(
            "{\"mentioned_media\":{\"caption\":\"@sbx_brand x\",\"id\":\"1790\","
                + "\"owner\":{\"id\":\""
                + IG
                + "\"},\"timestamp\":\"2026-11-30T10:00:00+0000\"}}");
    Mention m = InstagramMapper.mentionedMedia(body.mentionedMedia(), IG, NOW);
    assertThat(m.authorId()).hasValue(IG);
    assertThat(m.authorName()).isEmpty();
    assertThat(InstagramMapper.mentionedMedia(read("{\"id\":\"1\"}").mentionedMedia(), IG, NOW))
        .isNull();
  }

  @Test
  void aNoteIsAddedWithoutLosingAnything() {
    Mention m =
        Mention.builder(IG, PostRef.of(Platform.INSTAGRAM, "1790"), Mention.Source.COMMENT)
            .commentId("1780")
            .authorName("a")
            .text("t")
            .createdAt(NOW)
            .drop("first")
            .build();
    Mention noted = InstagramMapper.withNote(m, "second");
    assertThat(noted.ref()).isEqualTo(m.ref());
    assertThat(noted.authorName()).hasValue("a");
    assertThat(noted.text()).isEqualTo("t");
    assertThat(noted.dropped()).containsExactly("first", "second");
  }
}
