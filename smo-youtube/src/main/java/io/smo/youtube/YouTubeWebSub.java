package io.smo.youtube;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.exception.SmoException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Subscribes a callback to a YouTube channel's upload feed through the WebSub (PubSubHubbub) hub,
 * per YouTube's "Push notifications" guide: {@code POST https://pubsubhubbub.appspot.com/subscribe}
 * with {@code hub.mode}, {@code hub.topic=https://www.youtube.com/xml/feeds/videos.xml?channel_id=…},
 * {@code hub.callback}, {@code hub.verify=async}, {@code hub.secret} and {@code
 * hub.lease_seconds}. The hub answers 202 and then verifies the callback with a {@code
 * hub.challenge} GET, which {@code YouTubeWebhookHandler} of {@code smo-webhooks} answers; it signs
 * each notification with the secret. Leases expire: subscribe again before the lease ends. No
 * credentials are needed. Immutable and thread-safe; the secret never appears in messages.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class YouTubeWebSub {
  /** The hub YouTube publishes to. */
  public static final URI HUB = URI.create("https://pubsubhubbub.appspot.com/subscribe");

  private final URI hub;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private YouTubeWebSub(URI hub) {
    this.hub = hub;
  }

  /** Returns a subscriber to YouTube's hub. */
  public static YouTubeWebSub create() {
    return new YouTubeWebSub(HUB);
  }

  /** Returns a subscriber to another hub URL (tests). */
  public static YouTubeWebSub create(URI hub) {
    return new YouTubeWebSub(requireNonNull(hub, "hub == null"));
  }

  /** Returns the topic URL of a channel's upload feed. */
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
   * @throws IllegalArgumentException if the secret is empty or longer than 200 bytes, or the lease not positive
   * @throws SmoException if the hub refuses or cannot be reached
   */
  public void subscribe(String channelId, URI callback, String secret, Duration lease) {
    if (secret == null || secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length > 200) {
      throw new IllegalArgumentException("the hub.secret must have 1..200 bytes");
    }
    if (lease.isZero() || lease.isNegative()) {
      throw new IllegalArgumentException("lease <= 0: " + lease);
    }
    post("subscribe", channelId, callback, "&hub.secret=" + enc(secret) + "&hub.lease_seconds=" + lease.getSeconds());
  }

  /** Same as {@link #subscribe(String, URI, String, Duration)} with a 10-day lease. */
  public void subscribe(String channelId, URI callback, String secret) {
    subscribe(channelId, callback, secret, Duration.ofDays(10));
  }

  /** Asks the hub to stop delivering channel {@code channelId}'s notifications to {@code callback}. */
  public void unsubscribe(String channelId, URI callback) {
    post("unsubscribe", channelId, callback, "");
  }

  private void post(String mode, String channelId, URI callback, String extra) {
    requireNonNull(callback, "callback == null");
    String form = "hub.mode=" + mode + "&hub.topic=" + enc(topic(channelId)) + "&hub.callback="
        + enc(callback.toString()) + "&hub.verify=async" + extra;
    HttpRequest r = HttpRequest.newBuilder(hub).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    try {
      HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 202 && resp.statusCode() != 204) {
        String body = resp.body() == null ? "" : resp.body();
        throw new SmoException(Platform.YOUTUBE, "websub " + mode, "hub answered HTTP " + resp.statusCode()
            + ": " + body.substring(0, Math.min(300, body.length())), null, resp.statusCode() >= 500);
      }
    } catch (IOException e) {
      throw new SmoException(Platform.YOUTUBE, "websub " + mode, "no answer: " + e.getClass().getSimpleName(), e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmoException(Platform.YOUTUBE, "websub " + mode, "interrupted", e, false);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
