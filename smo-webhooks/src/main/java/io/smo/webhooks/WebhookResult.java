package io.smo.webhooks;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.event.EngagementEvent;
import java.util.List;
import java.util.Optional;

/**
 * What a handler made of one delivery: the HTTP answer to send, the events that are new (each event
 * is in exactly one result, however often the platform delivers it), how many duplicates were
 * dropped, and the refusal, if the delivery was refused. Immutable.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class WebhookResult {
  private final WebhookResponse response;
  private final List<EngagementEvent> events;
  private final int duplicates;
  private final WebhookException error;

  private WebhookResult(
      WebhookResponse response,
      List<EngagementEvent> events,
      int duplicates,
      WebhookException error) {
    this.response = requireNonNull(response, "response == null");
    this.events = List.copyOf(events);
    this.duplicates = duplicates;
    this.error = error;
  }

  /** Returns an accepted delivery. */
  public static WebhookResult accepted(
      WebhookResponse response, List<EngagementEvent> events, int duplicates) {
    return new WebhookResult(response, events, duplicates, null);
  }

  /** Returns a refused delivery, answered with the reason's status and a short JSON body. */
  public static WebhookResult refused(WebhookException error) {
    String body =
        "{\"error\":\"" + error.reason().name().toLowerCase(java.util.Locale.ROOT) + "\"}";
    return new WebhookResult(WebhookResponse.json(error.status(), body), List.of(), 0, error);
  }

  /** Returns the answer to send. */
  public WebhookResponse response() {
    return response;
  }

  /** Returns the HTTP status of the answer. */
  public int status() {
    return response.status();
  }

  /** Returns the new events, in delivery order; empty for handshakes, refusals and duplicates. */
  public List<EngagementEvent> events() {
    return events;
  }

  /** Returns how many events of this delivery had been handed over before and were dropped. */
  public int duplicates() {
    return duplicates;
  }

  /** Returns why the delivery was refused, if it was. */
  public Optional<WebhookException> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return "WebhookResult{"
        + response.status()
        + ", events="
        + events.size()
        + ", duplicates="
        + duplicates
        + (error == null ? "" : ", " + error.reason())
        + "}";
  }
}
