package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.Post;
import io.smo.core.SocialClient;
import io.smo.core.Violation;
import io.smo.testkit.Fault;
import io.smo.testkit.Sandbox;
import io.smo.youtube.YouTubeOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Post#firstComment()} through {@link CrossPoster} on the sandbox of all seven platforms.
 */
class FirstCommentSandboxTest {
  private static final Path PHOTO = Path.of("campaigns/media/launch-photo.jpg");
  private static final Path CLIP = Path.of("campaigns/media/launch-clip.mp4");
  private Sandbox sandbox;
  private final List<SocialClient> clients = new ArrayList<>();
  private CrossPoster poster;

  @BeforeEach
  void start() {
    sandbox = Sandbox.start();
    for (Platform p : Platform.values()) {
      clients.add(Platforms.sandboxClient(p, sandbox, io.smo.core.upload.UploadListener.NONE));
    }
    poster = CrossPoster.builder().addAll(clients).closeClients(true).build();
  }

  @AfterEach
  void stop() {
    poster.close();
    sandbox.close();
  }

  private static Post post(String key) {
    return Post.builder()
        .idempotencyKey(key)
        .text("Aurora is here https://example.com/aurora")
        .addMedia(Media.fromFile(PHOTO))
        .firstComment("Book a test ride: https://example.com/ride")
        .build();
  }

  @Test
  void firstCommentFollowsThePostOnFacebookInstagramXAndYouTube() {
    List<Platform> photo = List.of(Platform.FACEBOOK, Platform.INSTAGRAM, Platform.TWITTER);
    CrossPostResult r = poster.publish(post("fc-1"), photo);
    for (Platform p : photo) {
      PlatformOutcome o = r.outcome(p).orElseThrow();
      assertThat(o.status()).as("%s", o).isEqualTo(PlatformOutcome.Status.PUBLISHED);
      assertThat(o.firstComment()).as("%s", o).isPresent();
      assertThat(o.firstComment().get().text()).contains("Book a test ride");
      assertThat(o.firstCommentError()).isEmpty();
    }
    assertThat(sandbox.created(Platform.FACEBOOK, "comment")).hasSize(1);
    assertThat(sandbox.created(Platform.INSTAGRAM, "comment")).hasSize(1);
    // on X the first comment is a self-reply to the post
    assertThat(sandbox.created(Platform.TWITTER, "reply")).hasSize(1);
    assertThat(r.outcome(Platform.TWITTER).get().firstComment().get().parentId())
        .contains(r.outcome(Platform.TWITTER).get().published().get().id());

    Post video =
        Post.builder()
            .idempotencyKey("fc-yt")
            .text("Teaser")
            .addMedia(Media.fromFile(CLIP))
            .option(
                YouTubeOptions.builder()
                    .title("Aurora teaser")
                    .selfDeclaredMadeForKids(false)
                    .build())
            .firstComment("Which colour would you ride?")
            .build();
    PlatformOutcome yt =
        poster.publish(video, List.of(Platform.YOUTUBE)).outcome(Platform.YOUTUBE).orElseThrow();
    assertThat(yt.status()).as("%s", yt).isEqualTo(PlatformOutcome.Status.PUBLISHED);
    assertThat(yt.firstComment()).isPresent();
    assertThat(sandbox.created(Platform.YOUTUBE, "comment")).hasSize(1);
  }

  @Test
  void aFailedFirstCommentKeepsThePostPublishedAndTheRerunAddsOnlyTheComment() {
    sandbox.inject(Platform.FACEBOOK, Fault.of(Fault.Kind.EXPIRED_TOKEN).on("POST", ".*/comments"));
    Post post = post("fc-2");
    PlatformOutcome first =
        poster.publish(post, List.of(Platform.FACEBOOK)).outcome(Platform.FACEBOOK).orElseThrow();
    assertThat(first.status()).isEqualTo(PlatformOutcome.Status.PUBLISHED);
    assertThat(first.published()).isPresent();
    assertThat(first.firstComment()).isEmpty();
    assertThat(first.firstCommentError()).isPresent();
    assertThat(first.toString()).contains("first comment failed");
    assertThat(sandbox.created(Platform.FACEBOOK, "post")).hasSize(1);
    assertThat(sandbox.created(Platform.FACEBOOK, "comment")).isEmpty();

    PlatformOutcome again =
        poster.publish(post, List.of(Platform.FACEBOOK)).outcome(Platform.FACEBOOK).orElseThrow();
    assertThat(again.status()).isEqualTo(PlatformOutcome.Status.PUBLISHED);
    assertThat(again.published().get().id()).isEqualTo(first.published().get().id());
    assertThat(again.firstComment()).isPresent();
    assertThat(again.firstCommentError()).isEmpty();
    assertThat(sandbox.created(Platform.FACEBOOK, "post")).as("never a second post").hasSize(1);
    assertThat(sandbox.created(Platform.FACEBOOK, "comment")).hasSize(1);

    // a third run changes nothing: post and comment exist
    PlatformOutcome third =
        poster.publish(post, List.of(Platform.FACEBOOK)).outcome(Platform.FACEBOOK).orElseThrow();
    assertThat(third.firstComment().get().ref()).isEqualTo(again.firstComment().get().ref());
    assertThat(sandbox.created(Platform.FACEBOOK, "post")).hasSize(1);
    assertThat(sandbox.created(Platform.FACEBOOK, "comment")).hasSize(1);
  }

  @Test
  void platformsWithoutCommentsRefuseAFirstCommentOffline() {
    for (Platform p : List.of(Platform.TIKTOK, Platform.PINTEREST, Platform.SNAPCHAT)) {
      List<Violation> v = poster.client(p).orElseThrow().validate(post("fc-3"));
      assertThat(v).as("%s", p).extracting(Violation::rule).contains("first-comment");
    }
    PlatformOutcome tiktok =
        poster
            .publish(post("fc-3"), List.of(Platform.TIKTOK))
            .outcome(Platform.TIKTOK)
            .orElseThrow();
    assertThat(tiktok.status()).isEqualTo(PlatformOutcome.Status.SKIPPED);
    assertThat(sandbox.created(Platform.TIKTOK, "post")).isEmpty();
  }
}
