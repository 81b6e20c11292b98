package io.smo.jdbc;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tokens at rest with AES-GCM (the JDK's {@code AES/GCM/NoPadding}, 96-bit random nonce,
 * 128-bit tag) under a key the application supplies, typically from its secret manager. Each value
 * is bound to its row and column (associated data), so a ciphertext copied to another account does
 * not decrypt. Stored as {@code v1:<base64(nonce || ciphertext)>}. Thread-safe; the key never
 * appears in {@link #toString()}.
 *
 * <pre>{@code
 * TokenCipher cipher = TokenCipher.aesGcm(Base64.getDecoder().decode(System.getenv("SMO_TOKEN_KEY")));
 * }</pre>
 */
@SmoPublicApi
public final class TokenCipher {
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  private TokenCipher(SecretKey key) {
    this.key = key;
  }

  /**
   * Returns a cipher over a raw AES key.
   *
   * @param key 16, 24 or 32 bytes (AES-128, -192, -256); copied
   * @throws IllegalArgumentException for another length
   */
  public static TokenCipher aesGcm(byte[] key) {
    requireNonNull(key, "key == null");
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, not " + key.length);
    }
    return new TokenCipher(new SecretKeySpec(Arrays.copyOf(key, key.length), "AES"));
  }

  /**
   * Returns a cipher over an AES {@link SecretKey} (e.g. from a {@code KeyStore}).
   *
   * @throws IllegalArgumentException if the key is not an AES key
   */
  public static TokenCipher aesGcm(SecretKey key) {
    requireNonNull(key, "key == null");
    if (!"AES".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException("not an AES key: " + key.getAlgorithm());
    }
    return new TokenCipher(key);
  }

  /**
   * Encrypts {@code plaintext} bound to {@code context} (e.g. account and column).
   *
   * @return {@code v1:} and the base64 of nonce and ciphertext
   */
  public String encrypt(String plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + ct.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(ct, 0, out, NONCE_BYTES, ct.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Decrypts what {@link #encrypt} returned for the same {@code context}.
   *
   * @throws IllegalStateException if the text was not written by this key for this context, or was
   *     altered (the message names neither the key nor the text)
   */
  public String decrypt(String stored, String context) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new IllegalStateException("stored token is not in the v1 AES-GCM format");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      if (in.length <= NONCE_BYTES) {
        throw new IllegalStateException("stored token is truncated");
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] pt = c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(pt, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "stored token cannot be decrypted with this key" + " (wrong key, or the row was altered)",
          e);
    }
  }

  @Override
  public String toString() {
    return "TokenCipher{AES-GCM}";
  }
}
