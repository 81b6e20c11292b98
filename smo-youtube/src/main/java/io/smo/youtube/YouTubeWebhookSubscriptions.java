package io.smo.youtube;

import static java.util.Objects.requireNonNull;

import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.exception.SmoException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Subscribes a callback to a YouTube channel's upload feed through the WebSub (PubSubHubbub) hub,
 * per YouTube's "Push notifications" guide
 * (https://developers.google.com/youtube/v3/guides/push_notifications): {@code POST
 * https://pubsubhubbub.appspot.com/subscribe} with {@code hub.mode}, {@code
 * hub.topic=https://www.youtube.com/xml/feeds/videos.xml?channel_id=…}, {@code hub.callback},
 * {@code hub.verify=async}, {@code hub.secret} and {@code hub.lease_seconds}. The hub answers 202
 * and then verifies the callback with a {@code hub.challenge} GET, which {@code
 * YouTubeWebhookHandler} of {@code smo-webhooks} answers; it signs each notification with the
 * secret. Leases expire: subscribe again before the lease ends. No credentials are needed.
 *
 * <p>Requests go through the SDK's {@link HttpSettings} (timeouts, proxy, a shared {@code
 * OkHttpClient}), as the clients' do. {@link #close()} releases the HTTP client this object created
 * (never a shared one). Immutable and thread-safe; the secret never appears in messages.
 *
 * <pre>{@code
 * try (YouTubeWebhookSubscriptions hub = YouTubeWebhookSubscriptions.create()) {
 *   hub.subscribe(youtube.accountId(), URI.create("https://example.com/webhooks/youtube"), hubSecret);
 * }
 * }</pre>
 *
 * @since 0.2
 */
@SmoPublicApi
public final class YouTubeWebhookSubscriptions implements AutoCloseable {
  /** The hub YouTube publishes to. */
  public static final URI HUB = URI.create("https://pubsubhubbub.appspot.com/subscribe");

  private final URI hub;
  private final OkHttpClient http;
  private final boolean ownsHttp;

  private YouTubeWebhookSubscriptions(URI hub, HttpSettings settings) {
    this.hub = hub;
    this.http = settings.newOkHttpClient();
    this.ownsHttp = settings.okHttpClient().isEmpty();
  }

  /** Returns a subscriber to YouTube's hub with default HTTP settings. */
  public static YouTubeWebhookSubscriptions create() {
    return new YouTubeWebhookSubscriptions(HUB, HttpSettings.defaults());
  }

  /** Returns a subscriber to YouTube's hub with these HTTP settings. */
  public static YouTubeWebhookSubscriptions create(HttpSettings settings) {
    return new YouTubeWebhookSubscriptions(HUB, requireNonNull(settings, "settings == null"));
  }

  /**
   * Returns a subscriber to another hub URL (a self-hosted hub, a proxy, tests).
   *
   * @param hub the hub's subscribe URL
   * @param settings the HTTP settings
   */
  public static YouTubeWebhookSubscriptions create(URI hub, HttpSettings settings) {
    return new YouTubeWebhookSubscriptions(
        requireNonNull(hub, "hub == null"), requireNonNull(settings, "settings == null"));
  }

  /**
   * Returns the topic URL of a channel's upload feed.
   *
   * @throws IllegalArgumentException if {@code channelId} is not a channel id
   */
  public static String topic(String channelId) {
    if (channelId == null || !channelId.matches("[0-9A-Za-z_-]{1,64}")) {
      throw new IllegalArgumentException("not a channel id: " + channelId);
    }
    return "https://www.youtube.com/xml/feeds/videos.xml?channel_id=" + channelId;
  }

  /**
   * Asks the hub to deliver channel {@code channelId}'s notifications to {@code callback}, signed
   * with {@code secret}, for {@code lease} (the hub may grant less).
   *
   * @throws IllegalArgumentException if the channel id is malformed, the secret is empty or longer
   *     than 200 bytes, or the lease not positive
   * @throws SmoException if the hub refuses (retryable on 5xx) or cannot be reached
   */
  public void subscribe(String channelId, URI callback, String secret, Duration lease) {
    if (secret == null
        || secret.isEmpty()
        || secret.getBytes(StandardCharsets.UTF_8).length > 200) {
      throw new IllegalArgumentException("the hub.secret must have 1..200 bytes");
    }
    requireNonNull(lease, "lease == null");
    if (lease.isZero() || lease.isNegative()) {
      throw new IllegalArgumentException("lease <= 0: " + lease);
    }
    post(
        form("subscribe", channelId, callback)
            .add("hub.secret", secret)
            .add("hub.lease_seconds", Long.toString(lease.toSeconds()))
            .build(),
        "subscribe");
  }

  /** Same as {@link #subscribe(String, URI, String, Duration)} with a 10-day lease. */
  public void subscribe(String channelId, URI callback, String secret) {
    subscribe(channelId, callback, secret, Duration.ofDays(10));
  }

  /**
   * Asks the hub to stop delivering channel {@code channelId}'s notifications to {@code callback}.
   *
   * @throws SmoException if the hub refuses or cannot be reached
   */
  public void unsubscribe(String channelId, URI callback) {
    post(form("unsubscribe", channelId, callback).build(), "unsubscribe");
  }

  private static FormBody.Builder form(String mode, String channelId, URI callback) {
    requireNonNull(callback, "callback == null");
    return new FormBody.Builder()
        .add("hub.mode", mode)
        .add("hub.topic", topic(channelId))
        .add("hub.callback", callback.toString())
        .add("hub.verify", "async");
  }

  private void post(FormBody form, String mode) {
    Request r = new Request.Builder().url(hub.toString()).post(form).build();
    try (Response resp = http.newCall(r).execute()) {
      int status = resp.code();
      if (status != 202 && status != 204) {
        ResponseBody b = resp.body();
        String body = b == null ? "" : b.string();
        throw new SmoException(
            Platform.YOUTUBE,
            "websub " + mode,
            "hub answered HTTP " + status + ": " + body.substring(0, Math.min(300, body.length())),
            null,
            status >= 500);
      }
    } catch (IOException e) {
      throw new SmoException(
          Platform.YOUTUBE,
          "websub " + mode,
          "no answer: " + e.getClass().getSimpleName(),
          e,
          true);
    }
  }

  /** Releases the HTTP client's threads and connections when this object created it. */
  @Override
  public void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "YouTubeWebhookSubscriptions{" + hub + "}";
  }
}
