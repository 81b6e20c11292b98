package io.smo.spring.boot;

import static java.util.Objects.requireNonNull;

import io.smo.webhooks.WebhookResult;
import io.smo.webhooks.Webhooks;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A servlet that hands every request under its mapping to smo-webhooks' {@link Webhooks} router and
 * writes the router's answer: status, headers, body. It reads at most {@link
 * Webhooks#maxBodyBytes()} + 1 bytes of the body, so a huge delivery is answered 413 without being
 * buffered whole. Verification, parsing and de-duplication are the router's; this class only moves
 * bytes. The starter mounts it at {@code smo.webhooks.path}; an application without the starter can
 * register it itself.
 *
 * <p>Thread-safe.
 */
public final class SmoWebhookServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The router; servlets are serialisable in theory only, never here. */
  private final transient Webhooks webhooks;

  /**
   * Creates the servlet.
   *
   * @param webhooks the handlers to serve
   */
  public SmoWebhookServlet(Webhooks webhooks) {
    this.webhooks = requireNonNull(webhooks, "webhooks == null");
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String query = req.getQueryString();
    URI uri;
    try {
      uri = URI.create(req.getRequestURI() + (query != null ? "?" + query : ""));
    } catch (IllegalArgumentException e) {
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "malformed request URI");
      return;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, Collections.list(req.getHeaders(name)));
    }
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(webhooks.maxBodyBytes() + 1);
    }
    WebhookResult r = webhooks.handle(req.getMethod(), uri, headers, body);
    resp.setStatus(r.status());
    r.response().headers().forEach(resp::setHeader);
    byte[] out = r.response().body();
    resp.setContentLength(out.length);
    resp.getOutputStream().write(out);
  }
}
