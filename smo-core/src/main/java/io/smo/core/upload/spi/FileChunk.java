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
 * shared {@link FileChannel} through a 64 KiB buffer, so heap use does not depend on the chunk or
 * file size. Each {@link #writeTo} starts again at the range's first byte, so a retried request
 * resends the same bytes.
 */
@SmoProtectedApi
public final class FileChunk extends RequestBody {
  private static final int BUFFER = 64 * 1024;

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
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(1, length)));
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
      sink.write(buf);
      pos += n;
    }
  }
}
