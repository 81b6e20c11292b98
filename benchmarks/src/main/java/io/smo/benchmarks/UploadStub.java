package io.smo.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server answering the upload protocols of the seven platforms the way their upload
 * hosts do, discarding the bytes (it counts them):
 *
 * <ul>
 *   <li>{@code /raw} (PUT or POST): 200, no body (the raw OkHttp baseline, Instagram's {@code
 *       rupload} answers {@code {"success":true}} on {@code /ig});
 *   <li>{@code /graph} (Facebook {@code upload_phase=transfer}, multipart): 200 with {@code
 *       start_offset}/{@code end_offset} JSON;
 *   <li>{@code /resumable} (YouTube, {@code Content-Range}): 308 with {@code Range} until the last
 *       byte, then 200 with the video resource;
 *   <li>{@code /tiktok} ({@code Content-Range}): 206 until the last chunk, then 201;
 *   <li>{@code /x}, {@code /snap}, {@code /pin} (multipart): 200 or 204 with a small JSON body.
 * </ul>
 */
final class UploadStub implements AutoCloseable {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "upload-stub");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong received = new AtomicLong();

  UploadStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/raw", ex -> answer(ex, 200, null));
    server.createContext("/ig", ex -> answer(ex, 200, "{\"success\":true}"));
    server.createContext(
        "/graph", ex -> answer(ex, 200, "{\"start_offset\":\"0\",\"end_offset\":\"0\"}"));
    server.createContext("/x", ex -> answer(ex, 204, null));
    server.createContext("/snap", ex -> answer(ex, 200, "{\"request_status\":\"SUCCESS\"}"));
    server.createContext("/pin", ex -> answer(ex, 204, null));
    server.createContext("/resumable", this::resumable);
    server.createContext("/tiktok", this::tiktok);
    server.setExecutor(pool);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  long received() {
    return received.get();
  }

  void reset() {
    received.set(0);
  }

  private void answer(HttpExchange ex, int status, String json) throws IOException {
    received.addAndGet(drain(ex.getRequestBody()));
    byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      ex.getResponseHeaders().add("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(status, body == null ? -1 : body.length);
    if (body != null) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    ex.close();
  }

  /** {@code Content-Range: bytes first-last/total}: returns {last, total}. */
  private static long[] range(HttpExchange ex) {
    String cr = ex.getRequestHeaders().getFirst("Content-Range");
    int dash = cr.indexOf('-');
    int slash = cr.indexOf('/');
    return new long[] {
      Long.parseLong(cr.substring(dash + 1, slash)), Long.parseLong(cr.substring(slash + 1))
    };
  }

  private void resumable(HttpExchange ex) throws IOException {
    long[] r = range(ex);
    if (r[0] + 1 >= r[1]) {
      answer(ex, 200, "{\"kind\":\"youtube#video\",\"id\":\"bench-video\"}");
    } else {
      ex.getResponseHeaders().add("Range", "bytes=0-" + r[0]);
      answer(ex, 308, null);
    }
  }

  private void tiktok(HttpExchange ex) throws IOException {
    long[] r = range(ex);
    answer(ex, r[0] + 1 >= r[1] ? 201 : 206, null);
  }

  private static long drain(InputStream in) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long n = 0;
    for (int r; (r = in.read(buf)) >= 0; ) {
      n += r;
    }
    in.close();
    return n;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
