package io.smo.examples;

import io.smo.core.Audience;
import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.Post;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadState;
import io.smo.facebook.FacebookClient;
import io.smo.instagram.InstagramClient;
import io.smo.instagram.MediaHost;
import io.smo.snapchat.SnapchatClient;
import io.smo.snapchat.SnapchatOptions;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.emulator.InstagramEmulator;
import io.smo.twitter.TwitterClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Publishes one post (text, the launch video clip, an audience) to Facebook, Instagram, X and
 * Snapchat at once through {@link CrossPoster}, then prints one outcome per platform. A video,
 * because it is the one kind all four take with a caption (a Snapchat Spotlight is video only, and
 * a Snapchat Story takes no text).
 *
 * <p>Runs against the embedded sandbox, so it needs no account. To publish for real, drop the
 * {@code baseUrl(...)} calls and pass your own tokens and ids (see examples/README.md).
 *
 * <pre>
 * java -cp examples/target/smo.jar io.smo.examples.CrossPostExample
 * </pre>
 */
public final class CrossPostExample {
  private CrossPostExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Path clip = ExampleFiles.media("launch-clip.mp4"); // 6 s, H.264 + AAC, 632 KiB

    // 1. The post, written once for every platform. With an idempotency key, publishing the same
    //    post again through the same CrossPoster returns the first outcome instead of a duplicate.
    Post post =
        Post.builder()
            .text(
                "Meet Aurora 🚲✨ our lightest e-bike yet. Test rides this weekend → https://example.com/aurora")
            .addMedia(
                Media.fromFile(clip)
                    .withAltText("Six-second Aurora teaser with a test pattern and a tone"))
            .audience(
                Audience.builder()
                    .countries("DE", "AT")
                    .dropUnsupported(
                        true) // platforms that cannot target countries publish to everyone
                    .build())
            // Per-platform options ride along; each client reads only its own. A Snapchat Spotlight
            // post shows the text as its description (at most 160 characters).
            .option(
                SnapchatOptions.builder()
                    .destination(SnapchatOptions.Destination.SPOTLIGHT)
                    .build())
            .idempotencyKey("aurora-launch-example")
            .build();

    // Each upload reports its progress (bytes sent, then the platform's processing); here we
    // print only when a video is ready. The smo CLI draws progress bars with the same listener.
    UploadListener whenReady =
        p -> {
          if (p.state() == UploadState.READY) {
            System.out.println("uploaded  " + p.platform().id() + " " + p.mediaName());
          }
        };

    // 2. A local sandbox that speaks each platform's API (WireMock on a loopback port).
    try (Sandbox sandbox = Sandbox.start()) {

      // 3. One client per platform. baseUrl(...) points it at the sandbox; the sandbox hands out
      //    test credentials it accepts.
      SandboxCredentials fb = sandbox.credentials(Platform.FACEBOOK);
      FacebookClient facebook =
          FacebookClient.builder()
              .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
              .accessToken(fb.accessToken()) // a Page access token
              .accountId(fb.accountId())
              .uploadListener(whenReady)
              .build();

      SandboxCredentials ig = sandbox.credentials(Platform.INSTAGRAM);
      InstagramClient instagram =
          InstagramClient.builder()
              .baseUrl(sandbox.baseUrl(Platform.INSTAGRAM))
              .accessToken(ig.accessToken())
              .accountId(ig.accountId())
              .mediaHost(
                  sandboxMediaHost(
                      sandbox)) // Instagram pulls images (and, optionally, videos) from a public
              // URL
              .pollInterval(
                  Duration.ofSeconds(1)) // sandbox: quick; real API: keep the default 10 s
              .uploadListener(whenReady)
              .build();

      TwitterClient x =
          TwitterClient.builder()
              .baseUrl(sandbox.baseUrl(Platform.TWITTER))
              .accessToken(
                  sandbox.credentials(Platform.TWITTER).accessToken()) // OAuth 2.0 user token
              .uploadListener(whenReady)
              .build();

      SandboxCredentials sc = sandbox.credentials(Platform.SNAPCHAT);
      SnapchatClient snapchat =
          SnapchatClient.builder()
              .baseUrl(sandbox.baseUrl(Platform.SNAPCHAT))
              .accessToken(sc.accessToken())
              .accountId(sc.extra("profileId"))
              .uploadListener(whenReady)
              .build();

      // 4. CrossPoster validates the post offline for every platform, then publishes concurrently.
      //    It never throws for one platform's failure: each outcome says what happened.
      try (CrossPoster poster =
          CrossPoster.builder()
              .add(facebook)
              .add(instagram)
              .add(x)
              .add(snapchat)
              .closeClients(true)
              .build()) {
        CrossPostResult result = poster.publish(post);

        System.out.printf("%-10s %-10s %s%n", "PLATFORM", "OUTCOME", "ID / URL / REASON");
        for (PlatformOutcome o : result.outcomes().values()) {
          String detail =
              o.published()
                  .map(p -> p.id() + "  " + p.url().map(Object::toString).orElse(""))
                  .orElse(
                      o.reason()); // why it failed (typed exception) or was skipped (violations)
          System.out.printf("%-10s %-10s %s%n", o.platform().id(), o.status(), detail);
        }
        System.out.println(
            result.allPublished() ? "Published everywhere." : "Not published everywhere.");
      }
    }
  }

  /**
   * The sandbox's stand-in for a CDN. With a real account, implement {@link MediaHost} by uploading
   * to your object store and returning a pre-signed HTTPS URL.
   */
  private static MediaHost sandboxMediaHost(Sandbox sandbox) {
    InstagramEmulator emulator = (InstagramEmulator) sandbox.emulator(Platform.INSTAGRAM);
    return media -> {
      try {
        Path f = media.file().orElseThrow();
        return emulator.hostMedia(
            sandbox.baseUrl(Platform.INSTAGRAM), f.getFileName().toString(), Files.readAllBytes(f));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
