package io.smo.tiktok;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small MP4 files for tests: an {@code ftyp} box and one {@code mdat} box of filler bytes. */
final class TestMedia {
  private TestMedia() {}

  /** Writes an MP4 of exactly {@code size} bytes (at least 32). */
  static Path mp4(Path dir, String name, int size) throws IOException {
    Path f = dir.resolve(name);
    ByteBuffer head = ByteBuffer.allocate(32);
    head.putInt(24)
        .put("ftyp".getBytes())
        .put("isom".getBytes())
        .putInt(0x200)
        .put("isom".getBytes())
        .put("mp41".getBytes());
    head.putInt(size - 24).put("mdat".getBytes());
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write(head.array());
      byte[] filler = new byte[size - 32];
      for (int i = 0; i < filler.length; i++) {
        filler[i] = (byte) (i * 31 + 7);
      }
      out.write(filler);
    }
    return f;
  }

  /** Writes a small MP4 whose {@code mvhd} box says it lasts {@code seconds}. */
  static Path mp4WithDuration(Path dir, String name, int seconds) throws IOException {
    Path f = dir.resolve(name);
    ByteBuffer b = ByteBuffer.allocate(24 + 116 + 8 + 1000);
    b.putInt(24)
        .put("ftyp".getBytes())
        .put("isom".getBytes())
        .putInt(0x200)
        .put("isom".getBytes())
        .put("mp41".getBytes());
    b.putInt(116).put("moov".getBytes());
    b.putInt(108)
        .put("mvhd".getBytes())
        .putInt(0)
        .putInt(0)
        .putInt(0)
        .putInt(1000)
        .putInt(seconds * 1000)
        .putInt(0x00010000)
        .putShort((short) 0x0100)
        .putShort((short) 0)
        .putLong(0);
    int[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
    for (int m : matrix) {
      b.putInt(m);
    }
    for (int i = 0; i < 6; i++) {
      b.putInt(0);
    }
    b.putInt(2);
    b.putInt(1008).put("mdat".getBytes());
    Files.write(f, b.array());
    return f;
  }
}
