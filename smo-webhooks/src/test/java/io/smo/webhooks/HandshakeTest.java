package io.smo.webhooks;

import static io.smo.webhooks.SignatureTest.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.smo.webhooks.WebhookException.Reason;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Meta's hub.challenge, X's CRC and WebSub verification. */
class HandshakeTest {

  private static WebhookResult get(WebhookHandler h, String query) {
    return h.handle("GET", URI.create("/webhooks/" + h.name() + "?" + query), null, null);
  }

  @Test
  void metaEchoesTheChallengeWhenTheVerifyTokenMatches() {
    WebhookResult r =
        get(Sign.meta(), "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-me");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.response().bodyText()).isEqualTo("1158201444");
    assertThat(r.response().headers()).containsEntry("Content-Type", "text/plain; charset=utf-8");
    assertThat(r.events()).isEmpty();
  }

  @Test
  void metaRefusesAWrongOrMissingVerifyToken() {
    WebhookResult wrong =
        get(Sign.meta(), "hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(reason(wrong)).isEqualTo(Reason.VERIFY_TOKEN_MISMATCH);
    assertThat(wrong.response().bodyText()).doesNotContain("1");
    assertThat(reason(get(Sign.meta(), "hub.mode=subscribe&hub.challenge=1")))
        .isEqualTo(Reason.BAD_HANDSHAKE);
    assertThat(
            reason(
                get(
                    Sign.meta(),
                    "hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=verify-me")))
        .isEqualTo(Reason.BAD_HANDSHAKE);
    // a challenge that would be script when reflected is refused
    assertThat(
            get(
                    Sign.meta(),
                    "hub.mode=subscribe&hub.challenge=%3Cscript%3E&hub.verify_token=verify-me")
                .status())
        .isEqualTo(400);
  }

  @Test
  void xCrcAnswersWithTheResponseToken() {
    XWebhookHandler x = Sign.x();
    WebhookResult r = get(x, "crc_token=abc%2B123");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.response().bodyText())
        .isEqualTo("{\"response_token\":\"" + x.crcResponseToken("abc+123") + "\"}");
    assertThat(r.response().headers()).containsEntry("Content-Type", "application/json");
    assertThat(reason(get(x, "nothing=1"))).isEqualTo(Reason.BAD_HANDSHAKE);
  }

  @Test
  void websubVerificationEchoesTheChallengeForKnownTopics() {
    String topic = "https://www.youtube.com/xml/feeds/videos.xml?channel_id=UC1";
    YouTubeWebhookHandler yt = YouTubeWebhookHandler.builder().secret("s").addTopic(topic).build();
    String q =
        "hub.mode=subscribe&hub.topic="
            + java.net.URLEncoder.encode(topic, java.nio.charset.StandardCharsets.UTF_8)
            + "&hub.challenge=ch4ll3nge&hub.lease_seconds=432000";
    WebhookResult r = get(yt, q);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.response().bodyText()).isEqualTo("ch4ll3nge");
    assertThat(get(yt, q.replace("subscribe", "unsubscribe")).status()).isEqualTo(200);
    WebhookResult other =
        get(yt, "hub.mode=subscribe&hub.topic=https%3A%2F%2Fevil&hub.challenge=c");
    assertThat(other.status()).isEqualTo(404);
    assertThat(reason(other)).isEqualTo(Reason.UNKNOWN_TOPIC);
    assertThat(get(yt, "hub.mode=subscribe&hub.challenge=c").status()).isEqualTo(400);
  }

  @Test
  void tiktokHasNoHandshakeAndOtherMethodsAreRefused() {
    assertThat(get(Sign.tiktok(), "x=1").status()).isEqualTo(405);
    assertThat(Sign.meta().handle("PUT", URI.create("/m"), null, null).status()).isEqualTo(405);
    assertThat(Sign.x().handle("DELETE", URI.create("/x"), null, null).status()).isEqualTo(405);
  }
}
