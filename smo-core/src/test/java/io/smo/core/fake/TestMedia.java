package io.smo.core.fake;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes small, valid media files for tests: JPEG, PNG and GIF through {@code javax.imageio}, and a
 * minimal ISO BMFF (MP4/MOV) built box by box (ftyp, moov/mvhd, trak/tkhd, mdia/hdlr, mdat) so that
 * duration and dimensions are known exactly and checked independently of mp4parser.
 */
public final class TestMedia {
  private TestMedia() {}

  /** Writes an image of {@code w}x{@code h} pixels in {@code format} ("jpg", "png", "gif"). */
  public static Path image(Path file, String format, int w, int h) throws IOException {
    BufferedImage img =
        new BufferedImage(
            w,
            h,
            format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, w, h);
    g.dispose();
    if (!ImageIO.write(img, format, file.toFile())) {
      throw new IOException("no ImageIO writer for " + format);
    }
    return file;
  }

  /** Returns the bytes of an image in {@code format}. */
  public static byte[] imageBytes(String format, int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  /**
   * Writes a minimal MP4 (brand {@code isom}) or, with {@code brand = "qt "}, a QuickTime file: one
   * video track of {@code width}x{@code height} lasting {@code durationMillis}, plus an optional
   * sound track.
   */
  public static Path video(
      Path file, String brand, long durationMillis, int width, int height, boolean withAudio)
      throws IOException {
    int timescale = 1000;
    byte[] ftyp = box("ftyp", concat(ascii(brand), int32(0x200), ascii(brand), ascii("mp42")));
    byte[] mvhd =
        fullBox(
            "mvhd",
            concat(
                int32(0),
                int32(0),
                int32(timescale),
                int32((int) durationMillis),
                int32(0x00010000),
                int16(0x0100),
                new byte[10],
                matrix(),
                new byte[24],
                int32(withAudio ? 3 : 2)));
    byte[] videoTrak = trak(1, durationMillis, width, height, "vide");
    byte[] moov =
        withAudio
            ? box("moov", concat(mvhd, videoTrak, trak(2, durationMillis, 0, 0, "soun")))
            : box("moov", concat(mvhd, videoTrak));
    byte[] mdat = box("mdat", new byte[256]);
    Files.write(file, concat(ftyp, moov, mdat));
    return file;
  }

  private static byte[] trak(int id, long durationMillis, int width, int height, String handler) {
    byte[] tkhd =
        fullBox(
            "tkhd",
            7,
            concat(
                int32(0),
                int32(0),
                int32(id),
                int32(0),
                int32((int) durationMillis),
                new byte[8],
                int16(0),
                int16(0),
                int16(handler.equals("soun") ? 0x0100 : 0),
                int16(0),
                matrix(),
                int32(width << 16),
                int32(height << 16)));
    byte[] hdlr =
        fullBox(
            "hdlr",
            concat(
                int32(0), ascii(handler), new byte[12], ascii(handler + "Handler"), new byte[1]));
    byte[] mdhd =
        fullBox(
            "mdhd",
            concat(
                int32(0),
                int32(0),
                int32(1000),
                int32((int) durationMillis),
                int16(0x55C4),
                int16(0)));
    return box("trak", concat(tkhd, box("mdia", concat(mdhd, hdlr))));
  }

  private static byte[] matrix() {
    return concat(
        int32(0x00010000),
        int32(0),
        int32(0),
        int32(0),
        int32(0x00010000),
        int32(0),
        int32(0),
        int32(0),
        int32(0x40000000));
  }

  private static byte[] fullBox(String type, byte[] payload) {
    return fullBox(type, 0, payload);
  }

  private static byte[] fullBox(String type, int flags, byte[] payload) {
    return box(type, concat(int32(flags & 0xFFFFFF), payload));
  }

  private static byte[] box(String type, byte[] payload) {
    return concat(int32(8 + payload.length), ascii(type), payload);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] int32(int v) {
    return ByteBuffer.allocate(4).putInt(v).array();
  }

  private static byte[] int16(int v) {
    return ByteBuffer.allocate(2).putShort((short) v).array();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
