package io.smo.webhooks.internal;

import io.smo.core.SmoInternalApi;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC key, with a {@link Mac} per thread so that verifying costs no key set-up. The key bytes
 * never leave this object and never reach {@link #toString()}. Thread-safe.
 */
@SmoInternalApi
public final class Hmac {
  private final String algorithm;
  private final ThreadLocal<Mac> macs;

  /**
   * Creates an HMAC with {@code algorithm} ({@code HmacSHA256}, {@code HmacSHA1}...) and the UTF-8
   * bytes of {@code secret}.
   *
   * @throws IllegalArgumentException if the secret is empty or the algorithm unknown
   */
  public Hmac(String algorithm, String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("webhook secret is empty");
    }
    this.algorithm = algorithm;
    SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm);
    try {
      Mac.getInstance(algorithm).init(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("unsupported MAC " + algorithm, e);
    }
    this.macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac m = Mac.getInstance(algorithm);
                m.init(key);
                return m;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  /** Returns the MAC of the concatenated parts. */
  public byte[] mac(byte[]... parts) {
    Mac m = macs.get();
    m.reset();
    for (byte[] p : parts) {
      m.update(p);
    }
    return m.doFinal();
  }

  /** Compares in constant time ({@link MessageDigest#isEqual}); false when either is null. */
  public static boolean equal(byte[] expected, byte[] actual) {
    return expected != null && actual != null && MessageDigest.isEqual(expected, actual);
  }

  /** Lower-case hex of {@code bytes}. */
  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    final char[] digits = "0123456789abcdef".toCharArray();
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = digits[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Decodes hex (either case); null if {@code s} is not hex of exactly {@code length} bytes. */
  public static byte[] unhex(String s, int length) {
    if (s == null || s.length() != length * 2) {
      return null;
    }
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** SHA-256 hex of {@code bytes}, for content-hash dedup keys. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return hex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "Hmac{" + algorithm + ", key=<redacted>}";
  }
}
