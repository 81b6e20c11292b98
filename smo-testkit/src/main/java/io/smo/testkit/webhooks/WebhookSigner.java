package io.smo.testkit.webhooks;

import io.smo.core.SmoPublicApi;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the signature headers each platform puts on a webhook delivery, with the JDK's {@link
 * Mac}: for tests that post their own payloads, and for the sandbox's deliveries. Stateless.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class WebhookSigner {
  private WebhookSigner() {}

  /** Returns Meta's {@code X-Hub-Signature-256} header: {@code sha256=} + hex HMAC-SHA256. */
  public static Map<String, String> meta(String appSecret, byte[] body) {
    return Map.of(
        "X-Hub-Signature-256",
        "sha256=" + HexFormat.of().formatHex(mac("HmacSHA256", appSecret, body)));
  }

  /**
   * Returns X's {@code x-twitter-webhooks-signature} header: {@code sha256=} + base64 HMAC-SHA256.
   */
  public static Map<String, String> x(String consumerSecret, byte[] body) {
    return Map.of(
        "x-twitter-webhooks-signature",
        "sha256=" + Base64.getEncoder().encodeToString(mac("HmacSHA256", consumerSecret, body)));
  }

  /** Returns TikTok's {@code TikTok-Signature: t=...,s=...} over {@code t + "." + body}. */
  public static Map<String, String> tiktok(String clientSecret, long epochSeconds, byte[] body) {
    return Map.of(
        "TikTok-Signature",
        "t="
            + epochSeconds
            + ",s="
            + HexFormat.of()
                .formatHex(
                    mac(
                        "HmacSHA256",
                        clientSecret,
                        (epochSeconds + ".").getBytes(StandardCharsets.US_ASCII),
                        body)));
  }

  /**
   * Returns the WebSub hub's {@code X-Hub-Signature: sha1=} + hex HMAC-SHA1 (as YouTube's hub
   * sends).
   */
  public static Map<String, String> websub(String secret, byte[] body) {
    return Map.of(
        "X-Hub-Signature", "sha1=" + HexFormat.of().formatHex(mac("HmacSHA1", secret, body)));
  }

  /** Returns X's CRC response token for {@code crcToken}. */
  public static String crcResponseToken(String consumerSecret, String crcToken) {
    return "sha256="
        + Base64.getEncoder()
            .encodeToString(
                mac("HmacSHA256", consumerSecret, crcToken.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Returns the signature headers for handler {@code name} ({@code meta}, {@code x}, {@code
   * tiktok}, {@code youtube}).
   */
  static Map<String, String> forHandler(
      String name, String secret, long epochSeconds, byte[] body) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "meta" -> meta(secret, body);
      case "x" -> x(secret, body);
      case "tiktok" -> tiktok(secret, epochSeconds, body);
      case "youtube" -> websub(secret, body);
      default -> throw new IllegalArgumentException("no signing scheme for handler " + name);
    };
  }

  private static byte[] mac(String alg, String secret, byte[]... parts) {
    try {
      Mac m = Mac.getInstance(alg);
      m.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), alg));
      for (byte[] p : parts) {
        m.update(p);
      }
      return m.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
