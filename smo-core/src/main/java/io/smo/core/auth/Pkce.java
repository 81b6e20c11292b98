package io.smo.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random values of an OAuth 2.0 authorization request, computed with the JDK alone: the {@code
 * state} (RFC 6749 §10.12) and the PKCE code verifier and its {@code S256} challenge (RFC 7636
 * §4.1–4.2).
 *
 * <p>A verifier is 32 bytes from {@link SecureRandom} encoded as unpadded base64url: 43 characters
 * of {@code [A-Za-z0-9_-]}, inside the RFC's 43–128 characters of {@code [A-Za-z0-9._~-]} and with
 * the 256 bits of entropy it recommends. The challenge is {@code
 * BASE64URL(SHA-256(ASCII(verifier)))} without padding. A state is a verifier-shaped random value
 * of its own.
 */
final class Pkce {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /** Returns a fresh 43-character code verifier (32 random bytes, base64url). */
  static String newVerifier() {
    return random32();
  }

  /** Returns a fresh 43-character {@code state} value (32 random bytes, base64url). */
  static String newState() {
    return random32();
  }

  /**
   * Returns the {@code S256} code challenge of {@code verifier}: {@code
   * BASE64URL(SHA-256(ASCII(verifier)))}, unpadded.
   */
  static String s256Challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e); // every JDK has it
    }
  }

  private static String random32() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }
}
