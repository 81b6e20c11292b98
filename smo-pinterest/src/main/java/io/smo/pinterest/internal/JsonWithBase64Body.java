package io.smo.pinterest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.SmoInternalApi;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A JSON request body whose base64 string values are encoded while the body is written, straight
 * from the file (or array) to the socket: a 20 MB image never sits in memory as a 27 MB string.
 * Re-readable: each {@link #writeTo} opens the sources again. The content length is known up front
 * (4 base64 characters per 3 bytes, padded).
 */
@SmoInternalApi
public final class JsonWithBase64Body extends RequestBody {
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  /** Where the bytes of one base64 value come from. */
  public interface Source {
    /** Returns the number of raw bytes. */
    long length() throws IOException;

    /** Opens the raw bytes from the start. */
    InputStream open() throws IOException;

    /** Returns a source reading a file. */
    static Source of(Path file) {
      return new Source() {
        @Override
        public long length() throws IOException {
          return Files.size(file);
        }

        @Override
        public InputStream open() throws IOException {
          return Files.newInputStream(file);
        }
      };
    }

    /** Returns a source reading an array (not copied). */
    static Source of(byte[] bytes) {
      return new Source() {
        @Override
        public long length() {
          return bytes.length;
        }

        @Override
        public InputStream open() {
          return new ByteArrayInputStream(bytes);
        }
      };
    }
  }

  private final List<Object> segments;
  private final long length;

  private JsonWithBase64Body(List<Object> segments, long length) {
    this.segments = segments;
    this.length = length;
  }

  /** Collects placeholders for base64 values while a JSON tree is built. Not thread-safe. */
  public static final class Builder {
    private final String prefix = "smo-b64-" + UUID.randomUUID() + "-";
    private final Map<String, Source> sources = new LinkedHashMap<>();

    /**
     * Returns the placeholder string to put in the tree where the base64 of {@code source} goes.
     */
    public String placeholder(Source source) {
      String token = prefix + sources.size();
      sources.put(token, source);
      return token;
    }

    /**
     * Serializes {@code root} and splices the sources in.
     *
     * @throws IOException if a source's length cannot be read
     */
    public JsonWithBase64Body build(ObjectMapper json, ObjectNode root) throws IOException {
      String text;
      try {
        text = json.writeValueAsString(root);
      } catch (JsonProcessingException e) {
        throw new IOException(e);
      }
      List<Object> segments = new ArrayList<>();
      long length = 0;
      int pos = 0;
      while (true) {
        int at = text.indexOf(prefix, pos);
        if (at < 0) {
          byte[] tail = text.substring(pos).getBytes(StandardCharsets.UTF_8);
          segments.add(tail);
          length += tail.length;
          break;
        }
        int end = at + prefix.length();
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
          end++;
        }
        byte[] lit = text.substring(pos, at).getBytes(StandardCharsets.UTF_8);
        segments.add(lit);
        length += lit.length;
        Source s = sources.get(text.substring(at, end));
        segments.add(s);
        length += 4 * ((s.length() + 2) / 3);
        pos = end;
      }
      return new JsonWithBase64Body(segments, length);
    }
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public MediaType contentType() {
    return JSON_TYPE;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    for (Object seg : segments) {
      if (seg instanceof byte[] bytes) {
        sink.write(bytes);
      } else {
        OutputStream raw =
            new FilterOutputStream(sink.outputStream()) {
              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
              }

              @Override
              public void close() throws IOException {
                flush(); // keep the sink open
              }
            };
        try (InputStream in = ((Source) seg).open();
            OutputStream enc = Base64.getEncoder().wrap(raw)) {
          in.transferTo(enc);
        }
      }
    }
  }

  /** Returns the whole body as text, for tests and small bodies. */
  public String readUtf8() throws IOException {
    okio.Buffer b = new okio.Buffer();
    writeTo(b);
    return b.readUtf8();
  }
}
