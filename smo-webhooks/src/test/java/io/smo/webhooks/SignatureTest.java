package io.smo.webhooks;

import static io.smo.webhooks.Sign.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.smo.webhooks.WebhookException.Reason;
import io.smo.webhooks.internal.Hmac;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known vectors per algorithm; the Meta scheme is cross-checked against published vectors. */
class SignatureTest {

  /**
   * GitHub's documented X-Hub-Signature-256 vector (docs.github.com/en/webhooks/using-webhooks/
   * validating-webhook-deliveries): the same "sha256=" + hex HMAC-SHA256 over the raw body that
   * Meta uses. The body is not a Meta payload, so a correct check gets past the signature and stops
   * at the body (400), while a wrong check would answer 403.
   */
  @Test
  void metaSchemeMatchesGithubsPublishedVector() {
    String secret = "It's a Secret to Everybody";
    String published = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    assertThat(Sign.meta(secret, utf8("Hello, World!"))).isEqualTo(published);
    MetaWebhookHandler h = MetaWebhookHandler.builder().appSecret(secret).verifyToken("t").build();
    WebhookResult ok = Sign.post(h, "X-Hub-Signature-256", published, utf8("Hello, World!"));
    assertThat(ok.error().orElseThrow().reason()).isEqualTo(Reason.MALFORMED_BODY);
    WebhookResult tampered = Sign.post(h, "X-Hub-Signature-256", published, utf8("Hello, World?"));
    assertThat(tampered.status()).isEqualTo(403);
    assertThat(tampered.error().orElseThrow().reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  /**
   * The vector in therootcompany/x-hub.js's example ("works with GitHub, Facebook..."): secret
   * "It's a secret to everybody!", body {"foo":"bar"}.
   */
  @Test
  void metaSchemeMatchesXHubJsVector() {
    String published = "sha256=2d9425c2ae617d90196c5d22f48370822036174914268970cc864a7095b065dd";
    assertThat(Sign.meta("It's a secret to everybody!", utf8("{\"foo\":\"bar\"}")))
        .isEqualTo(published);
    MetaWebhookHandler h =
        MetaWebhookHandler.builder()
            .appSecret("It's a secret to everybody!")
            .verifyToken("t")
            .build();
    WebhookResult r = Sign.post(h, "X-Hub-Signature-256", published, utf8("{\"foo\":\"bar\"}"));
    assertThat(r.error().orElseThrow().reason()).isEqualTo(Reason.MALFORMED_BODY); // no entry[]
  }

  @Test
  void metaAcceptsItsSignatureAndUpperCaseHex() {
    MetaWebhookHandler h = Sign.meta();
    byte[] body = utf8("{\"object\":\"page\",\"entry\":[]}");
    String sig = Sign.meta(Sign.META_SECRET, body);
    assertThat(Sign.post(h, "X-Hub-Signature-256", sig, body).status()).isEqualTo(200);
    assertThat(
            Sign.post(h, "x-hub-signature-256", "SHA256=" + sig.substring(7).toUpperCase(), body)
                .status())
        .isEqualTo(200);
  }

  @Test
  void metaRefusesMissingWrongAndBadlyEncodedSignatures() {
    MetaWebhookHandler h = Sign.meta();
    byte[] body = utf8("{\"object\":\"page\",\"entry\":[]}");
    String good = Sign.meta(Sign.META_SECRET, body);
    assertThat(reason(Sign.post(h, "X-Hub-Signature-256", null, body)))
        .isEqualTo(Reason.SIGNATURE_MISSING);
    assertThat(Sign.post(h, "X-Hub-Signature-256", null, body).status()).isEqualTo(401);
    assertThat(reason(Sign.post(h, "X-Hub-Signature-256", Sign.meta("other", body), body)))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
    // base64 where hex is expected, sha1 prefix, truncated, no prefix
    String b64 =
        "sha256="
            + Base64.getEncoder().encodeToString(Sign.mac("HmacSHA256", Sign.META_SECRET, body));
    assertThat(reason(Sign.post(h, "X-Hub-Signature-256", b64, body)))
        .isEqualTo(Reason.SIGNATURE_MALFORMED);
    assertThat(reason(Sign.post(h, "X-Hub-Signature-256", "sha1=" + good.substring(7), body)))
        .isEqualTo(Reason.SIGNATURE_MALFORMED);
    assertThat(reason(Sign.post(h, "X-Hub-Signature-256", good.substring(0, 40), body)))
        .isEqualTo(Reason.SIGNATURE_MALFORMED);
    assertThat(reason(Sign.post(h, "X-Hub-Signature-256", good.substring(7), body)))
        .isEqualTo(Reason.SIGNATURE_MALFORMED);
    // the legacy sha1 header alone is not enough
    assertThat(
            reason(
                Sign.post(
                    h,
                    "X-Hub-Signature",
                    "sha1="
                        + HexFormat.of().formatHex(Sign.mac("HmacSHA1", Sign.META_SECRET, body)),
                    body)))
        .isEqualTo(Reason.SIGNATURE_MISSING);
  }

  @Test
  void xSignatureIsBase64AndCrcMatchesTheJdkMac() {
    XWebhookHandler h = Sign.x();
    byte[] body = utf8("{\"for_user_id\":\"1\",\"favorite_events\":[]}");
    assertThat(Sign.x(h, "{\"for_user_id\":\"1\",\"favorite_events\":[]}").status()).isEqualTo(200);
    String hex = "sha256=" + HexFormat.of().formatHex(Sign.mac("HmacSHA256", Sign.X_SECRET, body));
    assertThat(reason(Sign.post(h, "x-twitter-webhooks-signature", hex, body)))
        .isEqualTo(Reason.SIGNATURE_MALFORMED);
    assertThat(reason(Sign.post(h, "x-twitter-webhooks-signature", "sha256=!!notbase64", body)))
        .isEqualTo(Reason.SIGNATURE_MALFORMED);
    assertThat(reason(Sign.post(h, "x-twitter-webhooks-signature", Sign.x("wrong", body), body)))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
    String expected =
        "sha256="
            + Base64.getEncoder()
                .encodeToString(Sign.mac("HmacSHA256", Sign.X_SECRET, utf8("challenge-123")));
    assertThat(h.crcResponseToken("challenge-123")).isEqualTo(expected);
  }

  @Test
  void tiktokSignsTimestampDotBody() {
    TikTokWebhookHandler h = Sign.tiktok();
    long t = System.currentTimeMillis() / 1000;
    byte[] body =
        utf8("{\"event\":\"post.publish.complete\",\"user_openid\":\"u\",\"content\":\"{}\"}");
    String sig = Sign.tiktok(Sign.TIKTOK_SECRET, t, body);
    assertThat(Sign.post(h, "TikTok-Signature", sig, body).status()).isEqualTo(200);
    // signing the body alone (no "t.") is wrong
    String bodyOnly =
        "t="
            + t
            + ",s="
            + HexFormat.of().formatHex(Sign.mac("HmacSHA256", Sign.TIKTOK_SECRET, body));
    assertThat(reason(Sign.post(h, "TikTok-Signature", bodyOnly, body)))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
    assertThat(reason(Sign.post(h, "TikTok-Signature", "s=abc", body)))
        .isEqualTo(Reason.SIGNATURE_MALFORMED);
    assertThat(reason(Sign.post(h, "TikTok-Signature", "t=" + t, body)))
        .isEqualTo(Reason.SIGNATURE_MALFORMED);
  }

  @Test
  void tiktokTimestampsFarInThePastOrFutureAreRefused() {
    TikTokWebhookHandler h = Sign.tiktok();
    byte[] body =
        utf8("{\"event\":\"post.publish.complete\",\"user_openid\":\"u\",\"content\":\"{}\"}");
    long now = System.currentTimeMillis() / 1000;
    for (long t : new long[] {now - 3600, now + 3600, 0, now - 301}) {
      WebhookResult r =
          Sign.post(h, "TikTok-Signature", Sign.tiktok(Sign.TIKTOK_SECRET, t, body), body);
      assertThat(r.status()).isEqualTo(403);
      assertThat(reason(r)).isEqualTo(Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    }
  }

  @Test
  void websubAcceptsEachHubMethod() {
    YouTubeWebhookHandler h = Sign.youtube();
    byte[] body = utf8(ParsingTest.ATOM_NEW);
    for (String m : List.of("sha1", "sha256", "sha384", "sha512")) {
      assertThat(
              Sign.post(h, "X-Hub-Signature", Sign.websub(m, Sign.HUB_SECRET, body), body).status())
          .as(m)
          .isEqualTo(204);
    }
    assertThat(reason(Sign.post(h, "X-Hub-Signature", "md5=00", body)))
        .isEqualTo(Reason.SIGNATURE_MALFORMED);
    assertThat(reason(Sign.post(h, "X-Hub-Signature", null, body)))
        .isEqualTo(Reason.SIGNATURE_MISSING);
    assertThat(reason(Sign.post(h, "X-Hub-Signature", Sign.websub("sha1", "nope", body), body)))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void secretsAreRequiredAndNeverPrinted() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> MetaWebhookHandler.builder().verifyToken("v").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be turned off");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> XWebhookHandler.builder().consumerSecret("").build())
        .isInstanceOf(IllegalStateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TikTokWebhookHandler.builder().build())
        .isInstanceOf(IllegalStateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> YouTubeWebhookHandler.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThat(new Hmac("HmacSHA256", "top-secret").toString()).doesNotContain("top-secret");
    WebhookResult r =
        Sign.post(Sign.meta(), "X-Hub-Signature-256", "sha256=" + "0".repeat(64), utf8("{}"));
    assertThat(r.error().orElseThrow().getMessage())
        .doesNotContain(Sign.META_SECRET)
        .doesNotContain("0000");
  }

  @Test
  void comparisonIsConstantTime() {
    // the handlers compare with MessageDigest.isEqual, whose time does not depend on where bytes
    // differ
    assertThat(Hmac.equal(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
    assertThat(Hmac.equal(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
    assertThat(Hmac.equal(null, new byte[] {1})).isFalse();
    WebhookResult r = Sign.meta().handle("POST", URI.create("/m"), Map.of(), null);
    assertThat(r.status()).isEqualTo(401);
  }

  static Reason reason(WebhookResult r) {
    return r.error().map(WebhookException::reason).orElse(null);
  }
}
