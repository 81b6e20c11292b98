package io.smo.twitter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.exception.SmoException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One-time webhook setup on X (X API v2 webhooks and Account Activity), per X's docs ({@code
 * x-api/webhooks/*}, {@code x-api/account-activity/*}):
 *
 * <ul>
 *   <li>{@link #register(URI)}: {@code POST /2/webhooks {"url": …}} (app Bearer token); X sends the
 *       CRC to the URL at once, which {@code XWebhookHandler} of {@code smo-webhooks} answers;
 *   <li>{@link #validate(String)}: {@code PUT /2/webhooks/{id}}, re-runs the CRC and re-enables an
 *       invalid webhook;
 *   <li>{@link #list()}, {@link #delete(String)};
 *   <li>{@link #replay(String, Instant, Instant)}: {@code POST /2/webhooks/replay}, missed events
 *       of up to the last 5 days, delivered again (the handlers de-duplicate them);
 *   <li>{@link #subscribe(String, String)}: {@code POST
 *       /2/account_activity/webhooks/{id}/subscriptions/all} with the <b>user's</b> token, once per
 *       account; {@link #unsubscribe(String, String)} with the app token.
 * </ul>
 *
 * <p>Immutable and thread-safe; tokens never appear in messages.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class TwitterWebhookSubscriptions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REPLAY_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

  private final URI baseUrl;
  private final String appBearerToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private TwitterWebhookSubscriptions(URI baseUrl, String appBearerToken) {
    this.baseUrl = baseUrl;
    this.appBearerToken = appBearerToken;
  }

  /** Returns webhook management on {@code https://api.x.com/} with the app's Bearer token. */
  public static TwitterWebhookSubscriptions create(String appBearerToken) {
    return create(URI.create("https://api.x.com/"), appBearerToken);
  }

  /**
   * Returns webhook management on {@code baseUrl} (tests, proxies).
   *
   * @throws IllegalArgumentException if the token is empty
   */
  public static TwitterWebhookSubscriptions create(URI baseUrl, String appBearerToken) {
    requireNonNull(baseUrl, "baseUrl == null");
    if (appBearerToken == null || appBearerToken.isEmpty()) {
      throw new IllegalArgumentException("appBearerToken is empty");
    }
    String b = baseUrl.toString();
    return new TwitterWebhookSubscriptions(
        URI.create(b.endsWith("/") ? b : b + "/"), appBearerToken);
  }

  /**
   * Registers {@code callbackUrl} (HTTPS, served by {@code XWebhookHandler}) and returns the
   * webhook id.
   *
   * @throws IllegalArgumentException if the URL is not HTTPS
   * @throws SmoException if X refuses (for example a failed CRC) or cannot be reached
   */
  public String register(URI callbackUrl) {
    requireNonNull(callbackUrl, "callbackUrl == null");
    if (!"https".equalsIgnoreCase(callbackUrl.getScheme())) {
      throw new IllegalArgumentException("X requires an https callback URL: " + callbackUrl);
    }
    String body = JSON.createObjectNode().put("url", callbackUrl.toString()).toString();
    JsonNode r = send("POST", "2/webhooks", body, appBearerToken);
    return r.path("data").path("id").asText();
  }

  /** Returns the raw JSON list of registered webhooks ({@code GET /2/webhooks}). */
  public String list() {
    return send("GET", "2/webhooks", null, appBearerToken).toString();
  }

  /** Triggers a CRC and re-enables the webhook ({@code PUT /2/webhooks/{id}}). */
  public void validate(String webhookId) {
    send("PUT", "2/webhooks/" + id(webhookId), null, appBearerToken);
  }

  /** Deletes the webhook. */
  public void delete(String webhookId) {
    send("DELETE", "2/webhooks/" + id(webhookId), null, appBearerToken);
  }

  /**
   * Asks X to deliver again the events between {@code from} and {@code to} (UTC, minute precision,
   * at most 5 days back) and returns the replay job's raw JSON.
   *
   * @throws IllegalArgumentException if {@code from} is not before {@code to}
   */
  public String replay(String webhookId, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
    String body =
        JSON.createObjectNode()
            .put("webhook_id", id(webhookId))
            .put("from_date", REPLAY_TIME.format(from))
            .put("to_date", REPLAY_TIME.format(to))
            .toString();
    return send("POST", "2/webhooks/replay", body, appBearerToken).toString();
  }

  /**
   * Subscribes the account whose OAuth 2.0 user token is {@code userAccessToken} to the webhook.
   */
  public void subscribe(String webhookId, String userAccessToken) {
    if (userAccessToken == null || userAccessToken.isEmpty()) {
      throw new IllegalArgumentException("userAccessToken is empty");
    }
    send(
        "POST",
        "2/account_activity/webhooks/" + id(webhookId) + "/subscriptions/all",
        null,
        userAccessToken);
  }

  /** Removes user {@code userId}'s subscription (app token). */
  public void unsubscribe(String webhookId, String userId) {
    send(
        "DELETE",
        "2/account_activity/webhooks/" + id(webhookId) + "/subscriptions/" + id(userId) + "/all",
        null,
        appBearerToken);
  }

  private static String id(String id) {
    if (id == null || !id.matches("[0-9A-Za-z_-]{1,64}")) {
      throw new IllegalArgumentException("not an X id: " + id);
    }
    return id;
  }

  private JsonNode send(String method, String path, String json, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token);
    if (json != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      String body = r.body() == null ? "" : r.body();
      if (r.statusCode() / 100 != 2) {
        throw new SmoException(
            Platform.TWITTER,
            "webhooks",
            "HTTP " + r.statusCode() + ": " + body.substring(0, Math.min(300, body.length())),
            null,
            r.statusCode() >= 500 || r.statusCode() == 429);
      }
      return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      throw new SmoException(
          Platform.TWITTER,
          "webhooks",
          "no usable answer: " + e.getClass().getSimpleName(),
          e,
          true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmoException(Platform.TWITTER, "webhooks", "interrupted", e, false);
    }
  }
}
