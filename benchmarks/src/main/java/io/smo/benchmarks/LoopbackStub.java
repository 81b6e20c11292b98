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
 * A tiny loopback HTTP server (JDK {@code com.sun.net.httpserver}):
 *
 * <ul>
 *   <li>{@code GET /2/tweets/{id}} answers a fixed JSON body with rate-limit headers;
 *   <li>{@code PUT /upload} reads and discards the body, counting bytes, and answers the next
 *       offset in {@code X-Next-Offset};
 *   <li>{@code GET /upload/status} answers the byte count in {@code X-Next-Offset}.
 * </ul>
 */
final class LoopbackStub implements AutoCloseable {
  static {
    // without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: every answer would then take ~40 ms and hide what is being measured
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final byte[] TWEET =
      ("{\"data\":{\"id\":\"1849000000000000001\",\"text\":\"hello from the stub\","
              + "\"public_metrics\":{\"like_count\":42,\"retweet_count\":7,\"reply_count\":3,"
              + "\"impression_count\":1200}},\"extra\":{\"ignored\":true}}")
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "stub");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong received = new AtomicLong();

  LoopbackStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/2/tweets/", this::tweet);
    server.createContext("/upload", this::upload);
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

  private void tweet(HttpExchange ex) throws IOException {
    drain(ex.getRequestBody());
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    // a window the benchmark never exhausts: the limiter keeps the server's remaining as a bound
    ex.getResponseHeaders().add("x-rate-limit-limit", "1000000000");
    ex.getResponseHeaders().add("x-rate-limit-remaining", "999999999");
    ex.getResponseHeaders().add("x-rate-limit-reset", "4102444800");
    ex.sendResponseHeaders(200, TWEET.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(TWEET);
    }
  }

  private void upload(HttpExchange ex) throws IOException {
    if (ex.getRequestMethod().equals("PUT")) {
      received.addAndGet(drain(ex.getRequestBody()));
    } else {
      drain(ex.getRequestBody());
    }
    ex.getResponseHeaders().add("X-Next-Offset", String.valueOf(received.get()));
    ex.sendResponseHeaders(200, -1);
    ex.close();
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
