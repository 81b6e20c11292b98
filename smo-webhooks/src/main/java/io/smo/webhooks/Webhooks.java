package io.smo.webhooks;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.event.EngagementEvent;
import io.smo.webhooks.WebhookException.Reason;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Serves several platform handlers on one endpoint: a request whose path ends with {@code /meta},
 * {@code /x}, {@code /tiktok} or {@code /youtube} (the handler's {@link WebhookHandler#name()})
 * goes to that handler; anything else is answered 404. New events are also passed to the listeners,
 * in order, on the calling thread; a listener that throws does not change the HTTP answer (the
 * event was already recorded as seen). Immutable and thread-safe.
 *
 * <p>In a servlet, a Spring controller or any other framework, three lines do it:
 *
 * <pre>{@code
 * WebhookResult r = webhooks.handle(req.getMethod(), URI.create(req.getRequestURI() + "?" + req.getQueryString()),
 *     headers(req), req.getInputStream().readNBytes(webhooks.maxBodyBytes() + 1));
 * resp.setStatus(r.status()); r.response().headers().forEach(resp::setHeader); resp.getOutputStream().write(r.response().body());
 * }</pre>
 *
 * @since 0.2
 */
@SmoPublicApi
public final class Webhooks {
  private final Map<String, WebhookHandler> handlers;
  private final List<Consumer<? super EngagementEvent>> listeners;
  private final int maxBodyBytes;

  private Webhooks(Builder b) {
    handlers = Map.copyOf(b.handlers);
    listeners = List.copyOf(b.listeners);
    int max = 0;
    for (WebhookHandler h : handlers.values()) {
      max =
          Math.max(
              max,
              h instanceof BaseWebhookHandler baseWebhookHandler
                  ? baseWebhookHandler.maxBodyBytes()
                  : WebhookHandlerBuilder.DEFAULT_MAX_BODY_BYTES);
    }
    maxBodyBytes = max == 0 ? WebhookHandlerBuilder.DEFAULT_MAX_BODY_BYTES : max;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the largest body any handler accepts, in bytes; read at most one byte more. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Returns the handlers by path segment, unmodifiable. */
  public Map<String, WebhookHandler> handlers() {
    return handlers;
  }

  /**
   * Routes one request to its handler and hands the new events to the listeners.
   *
   * @return the answer to send; never null, never throws for client input
   */
  public WebhookResult handle(WebhookRequest request) {
    requireNonNull(request, "request == null");
    String path = request.uri().getRawPath();
    String name = "";
    if (path != null) {
      String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      name = p.substring(p.lastIndexOf('/') + 1);
    }
    WebhookHandler h = handlers.get(name);
    if (h == null) {
      return WebhookResult.refused(
          new WebhookException(
              null,
              Reason.NO_HANDLER,
              "no webhook handler under this path; serving " + handlers.keySet(),
              null));
    }
    WebhookResult r = h.handle(request);
    for (EngagementEvent e : r.events()) {
      for (Consumer<? super EngagementEvent> l : listeners) {
        try {
          l.accept(e);
        } catch (RuntimeException ignored) {
          // a listener's failure is the application's; the delivery was accepted
        }
      }
    }
    return r;
  }

  /** Same as {@link #handle(WebhookRequest)} with the request given as its parts. */
  public WebhookResult handle(
      String method, URI uri, Map<String, List<String>> headers, byte[] rawBody) {
    return handle(WebhookRequest.of(method, uri, headers, rawBody));
  }

  /** Builds {@link Webhooks}. Mutable and not thread-safe. */
  public static final class Builder {
    private final Map<String, WebhookHandler> handlers = new LinkedHashMap<>();
    private final List<Consumer<? super EngagementEvent>> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a handler under its {@link WebhookHandler#name()}.
     *
     * @throws IllegalStateException if a handler with that name was added already
     */
    public Builder add(WebhookHandler handler) {
      requireNonNull(handler, "handler == null");
      if (handlers.putIfAbsent(handler.name(), handler) != null) {
        throw new IllegalStateException("two handlers named " + handler.name());
      }
      return this;
    }

    /** Adds a listener that receives every new event. */
    public Builder addListener(Consumer<? super EngagementEvent> listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Returns the router.
     *
     * @throws IllegalStateException if no handler was added
     */
    public Webhooks build() {
      if (handlers.isEmpty()) {
        throw new IllegalStateException("add at least one handler");
      }
      return new Webhooks(this);
    }
  }
}
