package io.smo.snapchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.snapchat.internal.SnapchatUploadProtocol.MediaEncryption;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaEncryptionTest {
  @TempDir Path dir;

  @Test
  void streamsAes256CbcAndDecryptsBack() throws Exception {
    Path plain = TestMedia.jpeg(dir, "a.jpg", 200_000);
    MediaEncryption enc = MediaEncryption.random();
    Path out = dir.resolve("a.enc");
    long n;
    try (InputStream in = Files.newInputStream(plain)) {
      n = enc.encrypt(in, out);
    }
    assertThat(n).isEqualTo(MediaEncryption.encryptedLength(Files.size(plain)));
    byte[] cipher = Files.readAllBytes(out);
    assertThat(cipher[0] == (byte) 0xFF && cipher[1] == (byte) 0xD8).isFalse();
    MediaEncryption same =
        MediaEncryption.of(
            Base64.getDecoder().decode(enc.keyBase64()),
            Base64.getDecoder().decode(enc.ivBase64()));
    assertThat(same.decrypt(cipher)).isEqualTo(Files.readAllBytes(plain));
  }

  @Test
  void freshKeyAndIvPerUploadAndNoSecretsInToString() {
    MediaEncryption a = MediaEncryption.random();
    MediaEncryption b = MediaEncryption.random();
    assertThat(a.keyBase64()).isNotEqualTo(b.keyBase64());
    assertThat(a.ivBase64()).isNotEqualTo(b.ivBase64());
    assertThat(Base64.getDecoder().decode(a.keyBase64())).hasSize(32);
    assertThat(Base64.getDecoder().decode(a.ivBase64())).hasSize(16);
    assertThat(a.toString()).doesNotContain(a.keyBase64()).contains("REDACTED");
  }

  @Test
  void wrongKeyIsRefused() {
    MediaEncryption a = MediaEncryption.random();
    assertThatThrownBy(() -> a.decrypt(new byte[15])).isInstanceOf(IllegalArgumentException.class);
  }
}
