package io.smo.snapchat.internal;

import io.smo.core.SmoInternalApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-CBC encryption of Public Profile media with the JDK's own {@code javax.crypto}: a fresh
 * random 32-byte key and 16-byte IV per upload ({@link SecureRandom}), PKCS#7 padding (what
 * {@code openssl enc -aes-256-cbc -nosalt -K key -iv iv} writes), streamed from the source to a
 * temporary file in 64 KiB blocks, so heap use does not depend on the media size.
 *
 * <p>Source: https://developers.snap.com/api/marketing-api/Public-Profile-API/ProfileAssetManagement
 * ("Encrypt and split file"; key and IV are sent base64-encoded when the media is created).
 *
 * <p>{@link #toString()} never shows the key or IV.
 */
@SmoInternalApi
public final class MediaEncryption {
  /** The JCA transformation ({@code PKCS5Padding} is PKCS#7 for 16-byte blocks). */
  public static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BUFFER = 64 * 1024;

  private final byte[] key;
  private final byte[] iv;

  private MediaEncryption(byte[] key, byte[] iv) {
    if (key.length != 32 || iv.length != 16) {
      throw new IllegalArgumentException("AES-256-CBC needs a 32-byte key and a 16-byte IV");
    }
    this.key = key.clone();
    this.iv = iv.clone();
  }

  /** Returns a fresh random key and IV. */
  public static MediaEncryption random() {
    byte[] k = new byte[32];
    byte[] v = new byte[16];
    RANDOM.nextBytes(k);
    RANDOM.nextBytes(v);
    return new MediaEncryption(k, v);
  }

  /** Returns an instance with the given key (32 bytes) and IV (16 bytes), for tests and decryption. */
  public static MediaEncryption of(byte[] key, byte[] iv) {
    return new MediaEncryption(key, iv);
  }

  /** Returns the key, base64-encoded (the {@code key} field of Create Media). */
  public String keyBase64() {
    return Base64.getEncoder().encodeToString(key);
  }

  /** Returns the IV, base64-encoded (the {@code iv} field of Create Media). */
  public String ivBase64() {
    return Base64.getEncoder().encodeToString(iv);
  }

  /** Returns the ciphertext length for {@code plainLength} bytes: the next multiple of 16 above it. */
  public static long encryptedLength(long plainLength) {
    return (plainLength / 16 + 1) * 16;
  }

  /**
   * Encrypts {@code in} into {@code target}, streaming.
   *
   * @param in the plaintext (read to its end, not closed)
   * @param target the file to write (created or replaced)
   * @return the number of ciphertext bytes written
   * @throws IOException on read or write failure
   */
  public long encrypt(InputStream in, Path target) throws IOException {
    Cipher cipher = cipher(Cipher.ENCRYPT_MODE);
    try (OutputStream out = new CipherOutputStream(Files.newOutputStream(target), cipher)) {
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
    }
    return Files.size(target);
  }

  /**
   * Decrypts {@code ciphertext} (for tests and the sandbox).
   *
   * @throws IllegalArgumentException if it is not valid ciphertext for this key and IV
   */
  public byte[] decrypt(byte[] ciphertext) {
    try {
      return cipher(Cipher.DECRYPT_MODE).doFinal(ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not AES-256-CBC ciphertext for this key and IV", e);
    }
  }

  private Cipher cipher(int mode) {
    try {
      Cipher c = Cipher.getInstance(TRANSFORMATION);
      c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + TRANSFORMATION, e);
    }
  }

  /** Wipes the key and IV from memory. */
  public void destroy() {
    Arrays.fill(key, (byte) 0);
    Arrays.fill(iv, (byte) 0);
  }

  @Override
  public String toString() {
    return "MediaEncryption{AES-256-CBC, key=[REDACTED]}";
  }
}
