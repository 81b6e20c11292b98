package io.smo.pinterest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small media files made on the fly for tests. */
public final class TestMedia {
  private TestMedia() {}

  /** Returns image bytes of {@code format} ("png" or "jpg"), 100 x 150 pixels. */
  public static byte[] image(String format) {
    BufferedImage img = new BufferedImage(100, 150, BufferedImage.TYPE_INT_RGB);
    img.setRGB(10, 10, 0x6E7874);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes an image file. */
  public static Path imageFile(Path dir, String name, String format) throws IOException {
    return Files.write(dir.resolve(name), image(format));
  }

  /** Writes an MP4-looking file ({@code ftyp isom} header, no movie box) of {@code size} bytes. */
  public static Path videoFile(Path dir, String name, int size) throws IOException {
    byte[] b = new byte[size];
    byte[] head = "\0\0\0\u0018ftypisom\0\0\u0002\0isomiso2".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, b, 0, head.length);
    for (int i = head.length; i < size; i++) {
      b[i] = (byte) (i * 31);
    }
    return Files.write(dir.resolve(name), b);
  }
}
