package io.smo.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import okhttp3.MediaType;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileChunk} writes its range straight from the file channel through an off-heap buffer
 * (no heap copy of the bytes), the same bytes on every write (a retried request resends them).
 */
class FileChunkTest {
  @TempDir
  Path dir;

  @Test
  void writesExactlyItsRangeEveryTimeThroughAnOffHeapBuffer() throws IOException {
    byte[] content = new byte[300_000];
    new Random(7).nextBytes(content);
    Path file = Files.write(dir.resolve("v.mp4"), content);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      FileChunk chunk = new FileChunk(ch, 1_000, 200_001, MediaType.get("video/mp4"));
      for (int i = 0; i < 2; i++) {
        Buffer sink = new Buffer();
        chunk.writeTo(sink);
        assertThat(sink.readByteArray()).isEqualTo(Arrays.copyOfRange(content, 1_000, 201_001));
      }
      assertThat(chunk.contentLength()).isEqualTo(200_001);
      // the file is read into a direct buffer: the JDK reads into it with no bounce copy
      assertThat(FileChunk.readBuffer().isDirect()).isTrue();
      assertThat(FileChunk.readBuffer()).isSameAs(FileChunk.readBuffer());
    }
  }

  @Test
  void aFileShorterThanTheRangeFails() throws IOException {
    Path file = Files.write(dir.resolve("short.mp4"), new byte[10]);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      FileChunk chunk = new FileChunk(ch, 5, 100, null);
      assertThatThrownBy(() -> chunk.writeTo(new Buffer())).isInstanceOf(IOException.class)
          .hasMessageContaining("file shorter than expected");
    }
  }
}
