package io.smo.examples.reliability;

import io.smo.core.HttpSettings;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SocialClient;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.resilience.Sleeper;
import io.smo.facebook.FacebookClient;
import io.smo.instagram.InstagramClient;
import io.smo.instagram.MediaHost;
import io.smo.pinterest.PinterestClient;
import io.smo.pinterest.PinterestOptions;
import io.smo.snapchat.SnapchatClient;
import io.smo.snapchat.SnapchatOptions;
import io.smo.tiktok.TikTokClient;
import io.smo.tiktok.TikTokOptions;
import io.smo.twitter.TwitterClient;
import io.smo.youtube.YouTubeClient;
import io.smo.youtube.YouTubeOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Builds every platform's client for the reliability tests: short timeouts, a fake clock that a
 * no-wait sleeper moves forward (retries, Retry-After and processing polls take no real time), and
 * the publish post each platform needs (the launch campaign's media).
 */
final class Clients {
  private Clients() {}

  /** A clock the sleeper moves; thread-safe enough for one client at a time. */
  static final class FakeClock extends Clock {
    private volatile Instant now = Instant.now(); // real "now": servers send absolute reset times

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    Sleeper sleeper() {
      return d -> {
        if (!d.isNegative()) {
          now = now.plus(d);
        }
      };
    }
  }

  static Path media(String name) {
    for (String dir : new String[] {"campaigns/media", "examples/campaigns/media"}) {
      Path p = Path.of(dir, name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException("launch media not found: " + name);
  }

  /**
   * Returns a client of {@code p} on {@code base} (the server's root for every host of the
   * platform) with {@code token}.
   */
  static SocialClient client(
      Platform p,
      URI base,
      String token,
      String accountId,
      String extra1,
      String extra2,
      HttpSettings http,
      MediaHost host) {
    FakeClock clock = new FakeClock();
    RetryPolicy retry =
        RetryPolicy.builder().maxAttempts(3).jitter(0).maxRetryAfter(Duration.ofHours(2)).build();
    // the fake clock makes any server-advised wait free: allow it, so a 429 is waited out
    RateLimitPolicy limits = RateLimitPolicy.builder().maxWait(Duration.ofHours(2)).build();
    switch (p) {
      case FACEBOOK:
        return FacebookClient.builder()
            .baseUrl(base)
            .accessToken(token)
            .accountId(accountId)
            .httpSettings(http)
            .retryPolicy(retry)
            .rateLimitPolicy(limits)
            .clock(clock)
            .sleeper(clock.sleeper())
            .build();
      case TWITTER:
        return TwitterClient.builder()
            .baseUrl(base)
            .accessToken(token)
            .httpSettings(http)
            .retryPolicy(retry)
            .rateLimitPolicy(limits)
            .clock(clock)
            .sleeper(clock.sleeper())
            .build();
      case INSTAGRAM:
        return InstagramClient.builder()
            .baseUrl(base)
            .accessToken(token)
            .accountId(accountId)
            .mediaHost(host)
            .httpSettings(http)
            .retryPolicy(retry)
            .rateLimitPolicy(limits)
            .clock(clock)
            .sleeper(clock.sleeper())
            .build();
      case SNAPCHAT:
        return SnapchatClient.builder()
            .baseUrl(base)
            .accessToken(token)
            .accountId(extra1)
            .adAccountId(extra2)
            .httpSettings(http)
            .retryPolicy(retry)
            .rateLimitPolicy(limits)
            .clock(clock)
            .sleeper(clock.sleeper())
            .build();
      case TIKTOK:
        return TikTokClient.builder()
            .baseUrl(base)
            .accessToken(token)
            .accountId(accountId)
            .httpSettings(http)
            .retryPolicy(retry)
            .rateLimitPolicy(limits)
            .clock(clock)
            .sleeper(clock.sleeper())
            .build();
      case YOUTUBE:
        return YouTubeClient.builder()
            .baseUrl(base)
            .accessToken(token)
            .httpSettings(http)
            .retryPolicy(retry)
            .rateLimitPolicy(limits)
            .clock(clock)
            .sleeper(clock.sleeper())
            .build();
      case PINTEREST:
        return PinterestClient.builder()
            .baseUrl(base)
            .accessToken(token)
            .defaultBoardId(extra1)
            .httpSettings(http)
            .retryPolicy(retry)
            .rateLimitPolicy(limits)
            .clock(clock)
            .sleeper(clock.sleeper())
            .build();
      default:
        throw new IllegalArgumentException(p.toString());
    }
  }

  /**
   * Returns the post each platform publishes in the tests ({@code text} made unique by the caller).
   */
  static Post post(Platform p, String text) {
    Post.Builder b = Post.builder().text(text);
    switch (p) {
      case FACEBOOK:
      case TWITTER:
        return b.build();
      case INSTAGRAM:
        return b.addMedia(Media.fromFile(media("launch-photo.jpg"))).build();
      case PINTEREST:
        return b.addMedia(Media.fromFile(media("launch-photo.jpg")))
            .option(PinterestOptions.builder().title("Aurora").build())
            .build();
      case YOUTUBE:
        return b.addMedia(Media.fromFile(media("launch-clip.mp4")))
            .option(YouTubeOptions.builder().title("Aurora").build())
            .build();
      case TIKTOK:
        return b.addMedia(Media.fromFile(media("launch-clip.mp4")))
            .option(
                TikTokOptions.builder()
                    .privacyLevel(TikTokOptions.PrivacyLevel.PUBLIC_TO_EVERYONE)
                    .build())
            .build();
      case SNAPCHAT:
        return b.addMedia(Media.fromFile(media("launch-clip.mp4")))
            .option(
                SnapchatOptions.builder()
                    .destination(SnapchatOptions.Destination.SPOTLIGHT)
                    .build())
            .build();
      default:
        throw new IllegalArgumentException(p.toString());
    }
  }
}
