package io.smo.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.MediaKind;
import io.smo.core.fake.TestMedia;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaInspectorTest {
  @TempDir Path dir;

  private static byte[] head(int... b) {
    byte[] out = new byte[16];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static byte[] ascii(String s) {
    return java.util.Arrays.copyOf(s.getBytes(StandardCharsets.ISO_8859_1), 16);
  }

  @Test
  void detectsMagicBytes() {
    assertThat(MediaInspector.detect(head(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo(MediaFormat.JPEG);
    assertThat(MediaInspector.detect(head(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)))
        .isEqualTo(MediaFormat.PNG);
    assertThat(MediaInspector.detect(ascii("GIF89a"))).isEqualTo(MediaFormat.GIF);
    assertThat(MediaInspector.detect(ascii("GIF87a"))).isEqualTo(MediaFormat.GIF);
    assertThat(MediaInspector.detect(ascii("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo(MediaFormat.WEBP);
    assertThat(MediaInspector.detect(ascii("\0\0\0\u0018ftypisom"))).isEqualTo(MediaFormat.MP4);
    assertThat(MediaInspector.detect(ascii("\0\0\0\u0018ftypmp42"))).isEqualTo(MediaFormat.MP4);
    assertThat(MediaInspector.detect(ascii("\0\0\0\u0014ftypqt  "))).isEqualTo(MediaFormat.MOV);
    assertThat(MediaInspector.detect(ascii("\0\0\0\u0018ftypheic"))).isEqualTo(MediaFormat.HEIC);
    assertThat(MediaInspector.detect(ascii("\0\0\0\u0018ftypmif1"))).isEqualTo(MediaFormat.HEIC);
  }

  @Test
  void nearMissesAndShortInputAreUnknown() {
    assertThat(MediaInspector.detect(new byte[0])).isEqualTo(MediaFormat.UNKNOWN);
    assertThat(MediaInspector.detect(new byte[] {(byte) 0xFF, (byte) 0xD8}))
        .isEqualTo(MediaFormat.UNKNOWN);
    assertThat(MediaInspector.detect(head(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0B)))
        .isEqualTo(MediaFormat.UNKNOWN);
    assertThat(MediaInspector.detect(ascii("GIF88a"))).isEqualTo(MediaFormat.UNKNOWN);
    assertThat(MediaInspector.detect(ascii("RIFF\0\0\0\0WAVEfmt "))).isEqualTo(MediaFormat.UNKNOWN);
    assertThat(MediaInspector.detect(ascii("%PDF-1.7"))).isEqualTo(MediaFormat.UNKNOWN);
    assertThat(MediaInspector.detect(ascii("hello world"))).isEqualTo(MediaFormat.UNKNOWN);
    assertThat(MediaFormat.UNKNOWN.kind()).isNull();
  }

  @Test
  void readsImageDimensionsFromFiles() throws Exception {
    MediaInfo jpg = MediaInspector.inspect(TestMedia.image(dir.resolve("a.jpg"), "jpg", 64, 48));
    assertThat(jpg.format()).isEqualTo(MediaFormat.JPEG);
    assertThat(jpg.width()).hasValue(64);
    assertThat(jpg.height()).hasValue(48);
    assertThat(jpg.duration()).isEmpty();
    MediaInfo png = MediaInspector.inspect(TestMedia.image(dir.resolve("a.png"), "png", 10, 20));
    assertThat(png.format()).isEqualTo(MediaFormat.PNG);
    assertThat(png.aspectRatio()).hasValue(0.5);
    assertThat(png.sizeBytes()).hasValue(Files.size(dir.resolve("a.png")));
    MediaInfo gif = MediaInspector.inspect(TestMedia.image(dir.resolve("a.gif"), "gif", 30, 30));
    assertThat(gif.format()).isEqualTo(MediaFormat.GIF);
    assertThat(gif.format().kind()).isEqualTo(MediaKind.GIF);
    assertThat(gif.width()).hasValue(30);
  }

  @Test
  void readsVideoDurationDimensionsAndAudio() throws Exception {
    Path mp4 = TestMedia.video(dir.resolve("v.mp4"), "isom", 12_500, 1080, 1920, true);
    MediaInfo info = MediaInspector.inspect(mp4);
    assertThat(info.format()).isEqualTo(MediaFormat.MP4);
    assertThat(info.duration()).hasValue(Duration.ofMillis(12_500));
    assertThat(info.width()).hasValue(1080);
    assertThat(info.height()).hasValue(1920);
    assertThat(info.aspectRatio().get())
        .isCloseTo(0.5625, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(info.hasAudio()).isTrue();

    MediaInfo mov =
        MediaInspector.inspect(
            TestMedia.video(dir.resolve("v.mov"), "qt  ", 3_000, 640, 480, false));
    assertThat(mov.format()).isEqualTo(MediaFormat.MOV);
    assertThat(mov.duration()).hasValue(Duration.ofSeconds(3));
    assertThat(mov.hasAudio()).isFalse();
  }

  @Test
  void damagedVideoKeepsFormatButNoDetails() throws Exception {
    Path f = dir.resolve("broken.mp4");
    byte[] b = java.util.Arrays.copyOf(ascii("\0\0\0\u0018ftypisom"), 24);
    Files.write(f, b);
    MediaInfo info = MediaInspector.inspect(f);
    assertThat(info.format()).isEqualTo(MediaFormat.MP4);
    assertThat(info.duration()).isEmpty();
    assertThat(info.width()).isEmpty();
  }

  @Test
  void inspectsBytes() throws Exception {
    MediaInfo info = MediaInspector.inspect(TestMedia.imageBytes("png", 7, 9));
    assertThat(info.format()).isEqualTo(MediaFormat.PNG);
    assertThat(info.width()).hasValue(7);
    assertThat(info.height()).hasValue(9);
    assertThat(MediaInspector.inspect(new byte[] {1, 2, 3}).format())
        .isEqualTo(MediaFormat.UNKNOWN);
  }
}
