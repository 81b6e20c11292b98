package io.smo.youtube;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Builds small media files for tests. */
final class TestFiles {
  private TestFiles() {}

  /** Writes an MP4-looking file (ftyp + mdat) of exactly {@code size} bytes with a byte pattern. */
  static Path mp4(Path dir, String name, int size) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(size);
    b.putInt(24)
        .put("ftyp".getBytes())
        .put("isom".getBytes())
        .putInt(0x200)
        .put("isom".getBytes())
        .put("mp41".getBytes());
    b.putInt(size - 24).put("mdat".getBytes());
    int i = 0;
    while (b.hasRemaining()) {
      b.put((byte) (i++ * 31));
    }
    Path p = dir.resolve(name);
    Files.write(p, b.array());
    return p;
  }

  /** Writes a small real JPEG. */
  static Path jpeg(Path dir, String name) throws IOException {
    BufferedImage img = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
    Path p = dir.resolve(name);
    ImageIO.write(img, "jpg", p.toFile());
    return p;
  }
}
