package io.smo.webhooks;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smo.core.SmoPublicApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A ready webhook receiver on the JDK's {@code com.sun.net.httpserver}: serves a {@link Webhooks}
 * router under {@code /webhooks/<name>} (e.g. {@code http://host:8080/webhooks/meta}). Bodies are
 * read up to the router's cap plus one byte, so an oversized body costs no more memory than the
 * cap. Plain HTTP: put it behind a TLS-terminating proxy or tunnel, since every platform requires
 * an HTTPS callback. Thread-safe; close it to free the port.
 *
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.start(webhooks, 8080)) {
 *   Thread.currentThread().join();
 * }
 * }</pre>
 *
 * @since 0.2
 */
@SmoPublicApi
public final class WebhookServer implements AutoCloseable {
  /** The path prefix handlers are served under. */
  public static final String PATH = "/webhooks/";

  private static final long DRAIN_LIMIT = 64L << 20;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Webhooks webhooks;

  private WebhookServer(Webhooks webhooks, InetSocketAddress address) throws IOException {
    this.webhooks = webhooks;
    server = HttpServer.create(address, 128);
    executor =
        Executors.newFixedThreadPool(
            Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
            r -> {
              Thread t = new Thread(r, "smo-webhooks");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  /**
   * Starts a receiver on {@code port} of all interfaces; 0 picks a free port.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static WebhookServer start(Webhooks webhooks, int port) {
    return start(webhooks, new InetSocketAddress(port));
  }

  /**
   * Starts a receiver on {@code address}.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static WebhookServer start(Webhooks webhooks, InetSocketAddress address) {
    requireNonNull(webhooks, "webhooks == null");
    try {
      return new WebhookServer(webhooks, requireNonNull(address, "address == null"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
  }

  /** Returns the bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns the callback URL of handler {@code name} on loopback, e.g. {@code .../webhooks/meta}.
   */
  public URI callbackUrl(String name) {
    return URI.create("http://127.0.0.1:" + port() + PATH + name);
  }

  /** Returns the loopback base URL handlers are served under, ending with {@code /webhooks/}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port() + PATH);
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      URI uri = ex.getRequestURI();
      if (!uri.getRawPath().startsWith(PATH)) {
        respond(ex, WebhookResponse.json(404, "{\"error\":\"no_handler\"}"));
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(webhooks.maxBodyBytes() + 1);
        if (body.length > webhooks.maxBodyBytes()) {
          // drain (bounded, discarding) so the client reads the 413 instead of a reset
          byte[] sink = new byte[8192];
          long left = DRAIN_LIMIT;
          int n;
          while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
          }
        }
      }
      Map<String, List<String>> headers = ex.getRequestHeaders();
      WebhookResult r = webhooks.handle(ex.getRequestMethod(), uri, headers, body);
      respond(ex, r.response());
    }
  }

  private static void respond(HttpExchange ex, WebhookResponse resp) throws IOException {
    resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    byte[] body = resp.body();
    ex.sendResponseHeaders(resp.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops the server, waiting at most one second for exchanges in flight. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
