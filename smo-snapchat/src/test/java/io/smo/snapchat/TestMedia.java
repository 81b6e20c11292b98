package io.smo.snapchat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Builds small real media files for tests. */
final class TestMedia {
  private TestMedia() {}

  /** A 108x192 (9:16) JPEG followed by {@code padding} random bytes (still a readable JPEG). */
  static Path jpeg(Path dir, String name, int padding) throws IOException {
    BufferedImage img = new BufferedImage(108, 192, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 108; x++) {
      for (int y = 0; y < 192; y++) {
        img.setRGB(x, y, (x * 7 + y * 13) << 8);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    byte[] pad = new byte[padding];
    new Random(7).nextBytes(pad);
    out.write(pad);
    Path p = dir.resolve(name);
    Files.write(p, out.toByteArray());
    return p;
  }

  /**
   * A minimal MP4 (ftyp + moov/mvhd with the given duration) followed by a free box of {@code
   * padding} bytes.
   */
  static Path mp4(Path dir, String name, int seconds, int padding) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(20 + 8 + 108 + 8 + padding);
    b.putInt(20).put("ftyp".getBytes()).put("isom".getBytes()).putInt(0x200).put("isom".getBytes());
    b.putInt(8 + 108).put("moov".getBytes());
    b.putInt(108)
        .put("mvhd".getBytes())
        .putInt(0)
        .putInt(0)
        .putInt(0)
        .putInt(1000)
        .putInt(seconds * 1000)
        .putInt(0x00010000)
        .putShort((short) 0x0100)
        .put(new byte[10]);
    int[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
    for (int m : matrix) {
      b.putInt(m);
    }
    b.put(new byte[24]).putInt(2);
    b.putInt(8 + padding).put("free".getBytes());
    byte[] pad = new byte[padding];
    new Random(11).nextBytes(pad);
    b.put(pad);
    Path p = dir.resolve(name);
    Files.write(p, b.array());
    return p;
  }
}
