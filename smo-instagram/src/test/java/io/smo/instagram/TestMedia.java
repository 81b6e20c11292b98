package io.smo.instagram;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small real media files for tests: a JPEG of given size, an MP4 with an ftyp box. */
final class TestMedia {
  private TestMedia() {}

  static Path jpeg(Path dir, String name, int w, int h) {
    try {
      Path p = dir.resolve(name);
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      ImageIO.write(img, "jpg", p.toFile());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path mp4(Path dir, String name, int payloadBytes) {
    try {
      ByteBuffer b = ByteBuffer.allocate(24 + 8 + payloadBytes);
      b.putInt(24)
          .put("ftyp".getBytes(StandardCharsets.US_ASCII))
          .put("isom".getBytes(StandardCharsets.US_ASCII))
          .putInt(0x200)
          .put("isom".getBytes(StandardCharsets.US_ASCII))
          .put("mp42".getBytes(StandardCharsets.US_ASCII));
      b.putInt(8 + payloadBytes).put("mdat".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < payloadBytes; i++) {
        b.put((byte) i);
      }
      Path p = dir.resolve(name);
      Files.write(p, b.array());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
