package io.smo.core.upload.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;
import okio.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileChunk} writes its range straight from the file channel through an off-heap buffer (no
 * heap copy of the bytes), the same bytes on every write (a retried request resends them).
 */
class FileChunkTest {
  @TempDir Path dir;

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
  void multipartFramingIsWrittenWithTheBodyNotAsTinyWrites() throws IOException {
    byte[] content = new byte[1_000_000];
    new Random(9).nextBytes(content);
    Path file = Files.write(dir.resolve("seg.mp4"), content);
    List<Long> writes = new ArrayList<>();
    Buffer received = new Buffer();
    Sink socket =
        new ForwardingSink(received) {
          @Override
          public void write(Buffer source, long byteCount) throws IOException {
            writes.add(byteCount);
            super.write(source, byteCount);
          }
        };
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      // the shape of X's APPEND and Facebook's transfer: form fields, then the chunk, then the
      // trailer
      MultipartBody body =
          new MultipartBody.Builder()
              .setType(MultipartBody.FORM)
              .addFormDataPart("segment_index", "0")
              .addFormDataPart("media", "blob", new FileChunk(ch, 0, content.length, null))
              .build();
      BufferedSink sink = Okio.buffer(socket);
      body.writeTo(sink);
      sink.flush(); // what OkHttp does once the request body is written
    }
    assertThat(received.size()).isEqualTo(writeLength(writes));
    // every write to the socket but the last is a whole number of 8 KiB segments: the part
    // headers travel with the first file bytes, the trailer with the last ones
    assertThat(writes.subList(0, writes.size() - 1)).allSatisfy(n -> assertThat(n % 8192).isZero());
    assertThat(writes.get(writes.size() - 1)).isGreaterThan(64L);
  }

  private static long writeLength(List<Long> writes) {
    return writes.stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void aFileShorterThanTheRangeFails() throws IOException {
    Path file = Files.write(dir.resolve("short.mp4"), new byte[10]);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      FileChunk chunk = new FileChunk(ch, 5, 100, null);
      assertThatThrownBy(() -> chunk.writeTo(new Buffer()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("file shorter than expected");
    }
  }
}
