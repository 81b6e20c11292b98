package io.smo.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Test-side signing with the JDK's Mac, independent of the handlers' code. */
final class Sign {
  static final String META_SECRET = "meta-app-secret";
  static final String VERIFY = "verify-me";
  static final String X_SECRET = "x-consumer-secret";
  static final String TIKTOK_SECRET = "tiktok-client-secret";
  static final String HUB_SECRET = "hub-secret";

  private Sign() {}

  static byte[] mac(String alg, String key, byte[]... parts) {
    try {
      Mac m = Mac.getInstance(alg);
      m.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), alg));
      for (byte[] p : parts) {
        m.update(p);
      }
      return m.doFinal();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String meta(String secret, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(mac("HmacSHA256", secret, body));
  }

  static String x(String secret, byte[] body) {
    return "sha256=" + Base64.getEncoder().encodeToString(mac("HmacSHA256", secret, body));
  }

  static String tiktok(String secret, long t, byte[] body) {
    return "t="
        + t
        + ",s="
        + HexFormat.of()
            .formatHex(
                mac("HmacSHA256", secret, (t + ".").getBytes(StandardCharsets.US_ASCII), body));
  }

  static String websub(String method, String secret, byte[] body) {
    String alg = "Hmac" + method.toUpperCase().replace("SHA", "SHA");
    return method + "=" + HexFormat.of().formatHex(mac(alg, secret, body));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static WebhookResult post(WebhookHandler h, String header, String value, byte[] body) {
    return h.handle(
        "POST",
        URI.create("/webhooks/" + h.name()),
        value == null ? Map.of() : Map.of(header, List.of(value)),
        body);
  }

  static MetaWebhookHandler meta() {
    return MetaWebhookHandler.builder().appSecret(META_SECRET).verifyToken(VERIFY).build();
  }

  static XWebhookHandler x() {
    return XWebhookHandler.builder().consumerSecret(X_SECRET).build();
  }

  static TikTokWebhookHandler tiktok() {
    return TikTokWebhookHandler.builder().clientSecret(TIKTOK_SECRET).build();
  }

  static YouTubeWebhookHandler youtube() {
    return YouTubeWebhookHandler.builder().secret(HUB_SECRET).build();
  }

  static WebhookResult meta(MetaWebhookHandler h, String json) {
    byte[] b = utf8(json);
    return post(h, "X-Hub-Signature-256", meta(META_SECRET, b), b);
  }

  static WebhookResult x(XWebhookHandler h, String json) {
    byte[] b = utf8(json);
    return post(h, "x-twitter-webhooks-signature", x(X_SECRET, b), b);
  }

  static WebhookResult tiktok(TikTokWebhookHandler h, String json) {
    byte[] b = utf8(json);
    return post(
        h, "TikTok-Signature", tiktok(TIKTOK_SECRET, System.currentTimeMillis() / 1000, b), b);
  }

  static WebhookResult youtube(YouTubeWebhookHandler h, String xml) {
    byte[] b = utf8(xml);
    return post(h, "X-Hub-Signature", websub("sha1", HUB_SECRET, b), b);
  }
}
