package io.smo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.smo.core.CrossPoster;
import io.smo.core.IdempotencyStore;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.Reconciler;
import io.smo.core.SocialClient;
import io.smo.facebook.FacebookClient;
import io.smo.instagram.InstagramClient;
import io.smo.instagram.MediaHost;
import io.smo.snapchat.SnapchatClient;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.emulator.InstagramEmulator;
import io.smo.twitter.TwitterClient;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Targets left UNKNOWN by a publisher that died mid-call, settled against the sandbox on X,
 * Facebook and Instagram (each account's recent posts matched by text and time: {@code GET
 * /2/users/:id/tweets}, {@code GET /{page-id}/published_posts}, {@code GET /{ig-user-id}/media}):
 * PUBLISHED with the post found, FAILED when it never went out; on Snapchat, which lists no account
 * posts, the target stays UNKNOWN with that as the evidence. H2 and PostgreSQL.
 */
class ReconcileAcrossPlatformsTest {
  @TempDir Path dir;
  Sandbox sandbox;
  HikariDataSource ds;

  @BeforeEach
  void setUp() {
    sandbox = Sandbox.start();
  }

  @AfterEach
  void tearDown() {
    if (ds != null) {
      ds.close();
    }
    sandbox.close();
  }

  static Stream<Arguments> cases() {
    return Databases.both()
        .flatMap(
            db ->
                Stream.of(Platform.TWITTER, Platform.FACEBOOK, Platform.INSTAGRAM)
                    .map(p -> Arguments.of(db, p)));
  }

  SocialClient client(Platform p) {
    SandboxCredentials c = sandbox.credentials(p);
    switch (p) {
      case TWITTER:
        return TwitterClient.builder()
            .baseUrl(sandbox.baseUrl(p))
            .accessToken(c.accessToken())
            .sleeper(d -> {})
            .build();
      case FACEBOOK:
        return FacebookClient.builder()
            .baseUrl(sandbox.baseUrl(p))
            .accessToken(c.accessToken())
            .accountId(c.accountId())
            .sleeper(d -> {})
            .build();
      case INSTAGRAM:
        InstagramEmulator ig = (InstagramEmulator) sandbox.emulator(Platform.INSTAGRAM);
        MediaHost host =
            (Media m) -> {
              try {
                return ig.hostMedia(
                    sandbox.baseUrl(Platform.INSTAGRAM),
                    "photo.jpg",
                    Files.readAllBytes(m.file().orElseThrow()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            };
        return InstagramClient.builder()
            .baseUrl(sandbox.baseUrl(p))
            .accessToken(c.accessToken())
            .accountId(c.accountId())
            .mediaHost(host)
            .sleeper(d -> {})
            .build();
      case SNAPCHAT:
        return SnapchatClient.builder()
            .baseUrl(sandbox.baseUrl(p))
            .accessToken(c.accessToken())
            .accountId(c.extra("profileId"))
            .adAccountId(c.extra("adAccountId"))
            .sleeper(d -> {})
            .build();
      default:
        throw new IllegalArgumentException(p.toString());
    }
  }

  Post post(Platform p) throws IOException {
    Post.Builder b =
        Post.builder()
            .text("reconcile me " + UUID.randomUUID())
            .idempotencyKey("campaign-" + UUID.randomUUID());
    if (p == Platform.INSTAGRAM || p == Platform.SNAPCHAT) {
      Path jpg = dir.resolve(UUID.randomUUID() + ".jpg");
      ImageIO.write(new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_RGB), "jpg", jpg.toFile());
      b.addMedia(Media.fromFile(jpg));
    }
    return b.build();
  }

  /**
   * The crashed process: claimed the target; {@code wentOut} says whether its request took effect.
   */
  Post crashed(JdbcIdempotencyStore store, Platform p, boolean wentOut) throws IOException {
    Post post = post(p);
    try (SocialClient c = client(p)) {
      store.claim(
          post.idempotencyKey(),
          IdempotencyStore.target(p, c.accountKey()),
          CrossPoster.contentHash(post),
          Instant.now());
      if (wentOut) {
        c.publish(post);
      }
    }
    return post;
  }

  IdempotencyStore.State state(JdbcIdempotencyStore store, Post post) {
    return store.entries(post.idempotencyKey()).get(0).state();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void anUnknownThatWentOutIsSettledPublishedWithTheEvidence(String db, Platform p)
      throws IOException {
    ds = Databases.pool(db, "reconcile-" + p.id(), 2);
    JdbcIdempotencyStore store = new JdbcIdempotencyStore(ds);
    Post post = crashed(store, p, true);
    int before = sandbox.created(p).size();
    try (SocialClient c = client(p)) {
      Reconciler.Result r = Reconciler.reconcile(store, c, post);
      assertThat(r.status()).as(r.evidence()).isEqualTo(PlatformOutcome.Status.PUBLISHED);
      assertThat(r.evidence()).contains("same text").contains("created at");
      PublishedPost found = r.published().orElseThrow();
      assertThat(store.entries(post.idempotencyKey()))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.state()).isEqualTo(IdempotencyStore.State.PUBLISHED);
                assertThat(e.postId()).hasValue(found.id());
              });
    }
    assertThat(sandbox.created(p)).as("nothing published again").hasSize(before);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void anUnknownThatNeverWentOutIsSettledFailed(String db, Platform p) throws IOException {
    ds = Databases.pool(db, "reconcile-" + p.id(), 2);
    JdbcIdempotencyStore store = new JdbcIdempotencyStore(ds);
    Post post = crashed(store, p, false);
    try (SocialClient c = client(p)) {
      Reconciler.Result r = Reconciler.reconcile(store, c, post);
      assertThat(r.status()).as(r.evidence()).isEqualTo(PlatformOutcome.Status.FAILED);
      assertThat(r.evidence()).contains("no post with the same text");
      assertThat(state(store, post)).isEqualTo(IdempotencyStore.State.FAILED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void withoutEvidenceTheTargetStaysUnknown(String db) throws IOException {
    ds = Databases.pool(db, "reconcile-snap", 2);
    JdbcIdempotencyStore store = new JdbcIdempotencyStore(ds);
    Post post = crashed(store, Platform.SNAPCHAT, false);
    IdempotencyStore.State was = state(store, post);
    try (SocialClient c = client(Platform.SNAPCHAT)) {
      Reconciler.Result r = Reconciler.reconcile(store, c, post);
      assertThat(r.status()).isEqualTo(PlatformOutcome.Status.UNKNOWN);
      assertThat(r.evidence()).contains("cannot look it up");
      assertThat(r.published()).isEmpty();
    }
    assertThat(state(store, post)).as("nothing recorded without evidence").isEqualTo(was);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void anIdThatIsNotAPostProvesNothingAndTheListingDecides(String db) throws IOException {
    ds = Databases.pool(db, "reconcile-id", 2);
    JdbcIdempotencyStore store = new JdbcIdempotencyStore(ds);
    Post post = crashed(store, Platform.FACEBOOK, true);
    // the unknown answer carried an upload session's id, not the post's
    IdempotencyStore.Entry e = store.entries(post.idempotencyKey()).get(0);
    store.complete(
        e.with(
            IdempotencyStore.State.UNKNOWN,
            "upload-session-12345",
            null,
            "answer to the finish call lost",
            Instant.now()));
    try (SocialClient c = client(Platform.FACEBOOK)) {
      Reconciler.Result r = Reconciler.reconcile(store, c, post);
      assertThat(r.status()).as(r.evidence()).isEqualTo(PlatformOutcome.Status.PUBLISHED);
      assertThat(r.evidence()).contains("is not a readable post").contains("same text");
      assertThat(r.published().orElseThrow().id()).isNotEqualTo("upload-session-12345");
    }
  }
}
