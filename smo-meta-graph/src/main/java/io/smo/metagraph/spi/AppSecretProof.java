package io.smo.metagraph.spi;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoProtectedApi;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@code appsecret_proof}: the lower-case hex HMAC-SHA256 of the access token keyed with
 * the app secret, sent as the {@code appsecret_proof} parameter on every call when the app requires
 * it (App Settings, "Require App Secret"). The secret is held only here and never appears in {@link
 * #toString()}, logs or exception messages.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/securing-requests/">Securing Graph
 *     API requests</a>
 */
@SmoProtectedApi
public final class AppSecretProof {
  /** The Graph parameter name. */
  public static final String PARAM = "appsecret_proof";

  private final byte[] secret;

  private AppSecretProof(String appSecret) {
    this.secret = appSecret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns a prover for an app secret.
   *
   * @param appSecret the app secret
   * @return the prover
   * @throws IllegalArgumentException if the secret is empty
   */
  public static AppSecretProof of(String appSecret) {
    if (requireNonNull(appSecret, "appSecret == null").isEmpty()) {
      throw new IllegalArgumentException("appSecret is empty");
    }
    return new AppSecretProof(appSecret);
  }

  /**
   * Returns the proof for a token.
   *
   * @param accessToken the access token the request carries
   * @return 64 lower-case hex characters
   */
  public String forToken(String accessToken) {
    requireNonNull(accessToken, "accessToken == null");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] h = mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8));
      StringBuilder s = new StringBuilder(64);
      for (byte b : h) {
        s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return s.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * Returns an OkHttp <em>network</em> interceptor that adds {@code appsecret_proof} to the URL of
   * every request carrying an {@code Authorization: Bearer|OAuth <token>} header (network
   * interceptors run after the SDK's authentication interceptor, so the proof always matches the
   * token actually sent, also after a refresh). Requests without a token are left alone.
   *
   * @return the interceptor
   */
  public okhttp3.Interceptor networkInterceptor() {
    return chain -> {
      okhttp3.Request r = chain.request();
      String auth = r.header("Authorization");
      String token = null;
      if (auth != null) {
        int sp = auth.indexOf(' ');
        String scheme = sp > 0 ? auth.substring(0, sp) : "";
        if (scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("OAuth")) {
          token = auth.substring(sp + 1).trim();
        }
      }
      if (token == null || token.isEmpty() || r.url().queryParameter(PARAM) != null) {
        return chain.proceed(r);
      }
      okhttp3.HttpUrl url = r.url().newBuilder().addQueryParameter(PARAM, forToken(token)).build();
      return chain.proceed(r.newBuilder().url(url).build());
    };
  }

  /** Returns a description without the secret. */
  @Override
  public String toString() {
    return "AppSecretProof{secret=***}";
  }
}
