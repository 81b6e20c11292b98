package io.smo.examples;

import io.smo.core.Comment;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.facebook.FacebookClient;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import java.util.List;

/**
 * Listens and answers: publishes a post on a Facebook Page, reads its engagement metrics, lists its
 * comments, replies to one and hides another.
 *
 * <p>Runs against the embedded sandbox, which seeds every new post with comments and grows its
 * metrics deterministically. The same calls work on every platform whose {@code capabilities()}
 * list {@code METRICS}, {@code COMMENTS}, {@code REPLY} and {@code HIDE_COMMENTS}; the others throw
 * {@code UnsupportedFeatureException}.
 *
 * <pre>
 * java -cp examples/target/smo.jar io.smo.examples.EngagementExample
 * </pre>
 */
public final class EngagementExample {
  private EngagementExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxCredentials creds = sandbox.credentials(Platform.FACEBOOK);
      try (FacebookClient facebook =
          FacebookClient.builder()
              .baseUrl(sandbox.baseUrl(Platform.FACEBOOK)) // drop this line for the real Graph API
              .accessToken(creds.accessToken())
              .accountId(creds.accountId())
              .build()) {

        // 1. Publish.
        PublishedPost published =
            facebook.publish(
                Post.builder()
                    .text("Which colour should the next Aurora come in? 🎨")
                    .addMedia(Media.fromFile(ExampleFiles.media("launch-photo.jpg")))
                    .build());
        System.out.println("published " + published.ref() + " " + published.url().orElse(null));

        // 2. Metrics. A figure the platform does not report is absent, never 0.
        EngagementMetrics m = facebook.metrics(published.ref());
        System.out.println("metrics   " + m.values());
        System.out.println(
            "likes     " + (m.likes().isPresent() ? m.likes().getAsLong() : "not reported"));

        // 3. Comments: a lazy paginator; maxItems bounds how many pages it fetches.
        List<Comment> comments = facebook.comments(published.ref()).maxItems(10).toList();
        for (Comment c : comments) {
          System.out.println(
              "comment   " + c.ref() + " by " + c.authorName().orElse("?") + ": " + c.text());
        }
        if (comments.size() < 2) {
          System.out.println("fewer than two comments: nothing to answer and hide");
          return;
        }

        // 4. Reply to the first comment.
        Comment reply =
            facebook.reply(comments.get(0).ref(), "Thank you! Which colour would you pick?");
        System.out.println("replied   " + reply.ref() + " to " + comments.get(0).id());

        // 5. Hide the second one (hidden comments stay visible to their author and friends).
        facebook.moderate(comments.get(1).ref(), ModerationAction.HIDE);
        System.out.println("hidden    " + comments.get(1).ref());
      }
    }
  }
}
