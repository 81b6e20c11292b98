package io.smo.facebook;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.exception.SmoException;
import io.smo.metagraph.GraphApiVersion;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One-time webhook setup for a Facebook Page: subscribes the app to the Page's webhook fields
 * ({@code POST /{page-id}/subscribed_apps?subscribed_fields=feed,messages}, Page access token with
 * {@code pages_manage_metadata}, plus {@code pages_messaging} for {@code messages}), lists and
 * removes the subscription. Per Graph API "Webhooks for Pages". The callback URL and verify token
 * themselves are set once in the app dashboard; events then reach {@code MetaWebhookHandler} of
 * {@code smo-webhooks}. Immutable and thread-safe; the token never appears in messages.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class FacebookWebhookSubscriptions {
  private final URI baseUrl;
  private final String version;
  private final String pageAccessToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private FacebookWebhookSubscriptions(URI baseUrl, String version, String pageAccessToken) {
    this.baseUrl = baseUrl;
    this.version = version;
    this.pageAccessToken = pageAccessToken;
  }

  /**
   * Returns subscriptions management against {@code https://graph.facebook.com/} and the SDK's
   * Graph version.
   */
  public static FacebookWebhookSubscriptions create(String pageAccessToken) {
    return create(
        URI.create("https://graph.facebook.com/"), GraphApiVersion.DEFAULT.path(), pageAccessToken);
  }

  /**
   * Returns subscriptions management against {@code baseUrl} (tests, proxies).
   *
   * @throws IllegalArgumentException if the token is empty
   */
  public static FacebookWebhookSubscriptions create(
      URI baseUrl, String version, String pageAccessToken) {
    requireNonNull(baseUrl, "baseUrl == null");
    requireNonNull(version, "version == null");
    if (pageAccessToken == null || pageAccessToken.isEmpty()) {
      throw new IllegalArgumentException("pageAccessToken is empty");
    }
    String b = baseUrl.toString();
    return new FacebookWebhookSubscriptions(
        URI.create(b.endsWith("/") ? b : b + "/"), version, pageAccessToken);
  }

  /**
   * Subscribes the app to {@code fields} of Page {@code pageId}, e.g. {@code "feed", "messages"}.
   *
   * @throws IllegalArgumentException if no field is given or a field is not a Graph field name
   * @throws SmoException if Facebook refuses (status and Graph error in the message) or cannot be
   *     reached
   */
  public void subscribe(String pageId, String... fields) {
    if (fields.length == 0) {
      throw new IllegalArgumentException("name at least one field, e.g. feed");
    }
    for (String f : fields) {
      if (!f.matches("[a-z_]{1,64}")) {
        throw new IllegalArgumentException("not a webhook field name: " + f);
      }
    }
    send("POST", pageId, "subscribed_fields=" + String.join(",", fields));
  }

  /** Returns the raw JSON listing the apps subscribed to the Page and their fields. */
  public String list(String pageId) {
    return send("GET", pageId, null);
  }

  /** Removes the app's subscription to the Page. */
  public void unsubscribe(String pageId) {
    send("DELETE", pageId, null);
  }

  private String send(String method, String pageId, String query) {
    if (pageId == null || !pageId.matches("[0-9A-Za-z_]{1,64}")) {
      throw new IllegalArgumentException("not a Page id: " + pageId);
    }
    URI uri =
        baseUrl.resolve(
            version + "/" + pageId + "/subscribed_apps" + (query == null ? "" : "?" + query));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + pageAccessToken);
    b.method(method, HttpRequest.BodyPublishers.noBody());
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        String body = r.body() == null ? "" : r.body();
        throw new SmoException(
            Platform.FACEBOOK,
            "webhook subscription",
            "HTTP " + r.statusCode() + ": " + body.substring(0, Math.min(300, body.length())),
            null,
            r.statusCode() >= 500);
      }
      return r.body();
    } catch (IOException e) {
      throw new SmoException(
          Platform.FACEBOOK,
          "webhook subscription",
          "no answer: " + e.getClass().getSimpleName(),
          e,
          true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmoException(Platform.FACEBOOK, "webhook subscription", "interrupted", e, false);
    }
  }

  /** Encodes a query value. */
  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
