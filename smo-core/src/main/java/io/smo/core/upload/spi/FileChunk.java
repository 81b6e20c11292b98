package io.smo.core.upload.spi;

import io.smo.core.SmoProtectedApi;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A byte range of a file as a re-readable OkHttp request body: read with positional reads from a
 * shared {@link FileChannel} through one 64 KiB off-heap buffer per thread straight into OkHttp's
 * write buffer (no heap copy of the bytes), so heap use does not depend on the chunk or file size.
 * Each {@link #writeTo} starts again at the range's first byte, so a retried request resends the
 * same bytes.
 */
@SmoProtectedApi
public final class FileChunk extends RequestBody {
  private static final int BUFFER = 64 * 1024;

  /**
   * One off-heap read buffer per thread, reused by every chunk that thread writes: reading a file
   * into a heap buffer would make the JDK read into its own direct buffer first and copy.
   */
  private static final ThreadLocal<ByteBuffer> READ_BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));

  private final FileChannel channel;
  private final long offset;
  private final long length;
  private final MediaType contentType;

  /**
   * Creates a chunk.
   *
   * @param channel the open file (not closed by the chunk)
   * @param offset the first byte
   * @param length the number of bytes
   * @param contentType the content type, or {@code null}
   */
  public FileChunk(FileChannel channel, long offset, long length, MediaType contentType) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("bad range: " + offset + "+" + length);
    }
    this.channel = channel;
    this.offset = offset;
    this.length = length;
    this.contentType = contentType;
  }

  /** Returns the first byte's offset. */
  public long offset() {
    return offset;
  }

  /** Returns the number of bytes. */
  public long length() {
    return length;
  }

  @Override
  public MediaType contentType() {
    return contentType;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    // positional reads into a direct buffer (the kernel fills it with no JDK bounce buffer), copied
    // once into the sink's own segments: one copy between the page cache and OkHttp, none on the
    // heap
    ByteBuffer buf = READ_BUFFER.get();
    long pos = offset;
    long end = offset + length;
    while (pos < end) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), end - pos));
      int n = channel.read(buf, pos);
      if (n < 0) {
        throw new IOException("file shorter than expected at " + pos);
      }
      buf.flip();
      while (buf.hasRemaining()) {
        sink.write(buf);
      }
      pos += n;
    }
  }

  /**
   * Returns this thread's read buffer (for tests: it is direct, and the bytes written come from
   * it).
   */
  static ByteBuffer readBuffer() {
    return READ_BUFFER.get();
  }
}
