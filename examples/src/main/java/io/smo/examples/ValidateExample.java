package io.smo.examples;

import io.smo.core.Audience;
import io.smo.core.CrossPoster;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.Violation;
import io.smo.core.exception.ValidationException;
import io.smo.facebook.FacebookClient;
import io.smo.instagram.InstagramClient;
import io.smo.instagram.InstagramOptions;
import io.smo.snapchat.SnapchatClient;
import io.smo.twitter.TwitterClient;
import java.util.List;
import java.util.Map;

/**
 * Validates a bad post offline on several platforms and prints every violation (field, rule, actual
 * value, limit). Validation needs no network and no valid token: each client checks the post
 * against its platform's documented limits before any request.
 *
 * <pre>
 * java -cp examples/target/smo.jar io.smo.examples.ValidateExample
 * </pre>
 */
public final class ValidateExample {
  private ValidateExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    // What is wrong: the text is over X's 280 weighted characters; a 75 s video is too long for
    // an Instagram Story (60 s) and for Snapchat (60 s); "UK" is not an ISO 3166-1 country code
    // (the United Kingdom is GB).
    Post bad =
        Post.builder()
            .text(
                "Winter sale on every Aurora e-bike ❄️🚲 ".repeat(10)
                    + "→ https://example.com/aurora")
            .addMedia(Media.fromFile(ExampleFiles.media("long-story.mp4")))
            .audience(Audience.builder().countries("DE", "UK").dropUnsupported(true).build())
            .option(InstagramOptions.builder().format(InstagramOptions.Format.STORY).build())
            .build();

    // Clients built with placeholder credentials: validate() never calls the platform.
    try (FacebookClient facebook =
            FacebookClient.builder().accessToken("unused").accountId("0").build();
        InstagramClient instagram =
            InstagramClient.builder().accessToken("unused").accountId("0").build();
        // accountKey: an offline client names its X user id (else it reads it from /2/users/me)
        TwitterClient x = TwitterClient.builder().accessToken("unused").accountId("0").build();
        SnapchatClient snapchat =
            SnapchatClient.builder().accessToken("unused").accountId("0").build();
        CrossPoster poster =
            CrossPoster.builder().add(facebook).add(instagram).add(x).add(snapchat).build()) {

      Map<Platform, List<Violation>> report = poster.validate(bad);
      report.forEach(
          (platform, violations) -> {
            System.out.println(
                platform.displayName()
                    + ": "
                    + (violations.isEmpty() ? "ok" : violations.size() + " violation(s)"));
            for (Violation v : violations) {
              System.out.printf(
                  "  %-20s %-18s actual=%s limit=%s  %s%n",
                  v.field(), v.rule(), v.actual(), v.limit(), v.message());
            }
          });

      // publish() runs the same checks first and throws before sending anything.
      try {
        x.publish(bad);
      } catch (ValidationException e) {
        System.out.println(
            "X refused offline with " + e.violations().size() + " violation(s); nothing was sent.");
      }
    }
  }
}
