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
    head.putInt(24).put("ftyp".getBytes()).put("isom".getBytes()).putInt(0x200)
        .put("isom".getBytes()).put("mp41".getBytes());
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
}
