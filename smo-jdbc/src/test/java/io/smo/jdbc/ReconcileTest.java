package io.smo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.smo.core.CrossPoster;
import io.smo.core.IdempotencyStore;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.Reconciler;
import io.smo.testkit.Sandbox;
import io.smo.twitter.TwitterClient;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A target left UNKNOWN by a publisher that died mid-call, settled against the sandbox's X emulator
 * (the account's recent posts matched by text and time): PUBLISHED with the post found, or FAILED
 * when it never went out; a re-run then publishes only the FAILED one. H2 and PostgreSQL.
 */
class ReconcileTest {
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

  TwitterClient x() {
    return TwitterClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.TWITTER))
        .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
        .sleeper(d -> {})
        .build();
  }

  long tweets() {
    return sandbox.created(Platform.TWITTER, "post").size();
  }

  /**
   * The crashed process: claimed the target; {@code wentOut} says whether its request took effect.
   */
  Post crashed(JdbcIdempotencyStore store, boolean wentOut) {
    Post post =
        Post.builder()
            .text("reconcile me " + UUID.randomUUID())
            .idempotencyKey("campaign-" + UUID.randomUUID())
            .build();
    try (TwitterClient x = x()) {
      store.claim(
          post.idempotencyKey(),
          IdempotencyStore.target(Platform.TWITTER, x.accountKey()),
          CrossPoster.contentHash(post),
          Instant.now());
      if (wentOut) {
        x.publish(post);
      }
    }
    return post;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void anUnknownThatWentOutIsSettledPublished(String db) {
    ds = Databases.pool(db, "reconcile", 2);
    JdbcIdempotencyStore store = new JdbcIdempotencyStore(ds);
    Post post = crashed(store, true);
    long before = tweets();
    try (TwitterClient x = x()) {
      Reconciler.Result r = Reconciler.reconcile(store, x, post);
      assertThat(r.status()).isEqualTo(PlatformOutcome.Status.PUBLISHED);
      assertThat(r.evidence()).contains("same text").contains("created at");
      PublishedPost found = r.published().orElseThrow();
      assertThat(store.entries(post.idempotencyKey()))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.state()).isEqualTo(IdempotencyStore.State.PUBLISHED);
                assertThat(e.postId()).hasValue(found.id());
              });
      try (CrossPoster again =
          CrossPoster.builder().add(x).idempotencyStore(new JdbcIdempotencyStore(ds)).build()) {
        PlatformOutcome o = again.publish(post).outcome(Platform.TWITTER).orElseThrow();
        assertThat(o.status()).isEqualTo(PlatformOutcome.Status.PUBLISHED);
        assertThat(o.published().orElseThrow().id()).isEqualTo(found.id());
      }
    }
    assertThat(tweets()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void anUnknownThatNeverWentOutIsSettledFailedAndPublishedOnce(String db) {
    ds = Databases.pool(db, "reconcile", 2);
    JdbcIdempotencyStore store = new JdbcIdempotencyStore(ds);
    Post post = crashed(store, false);
    long before = tweets();
    try (TwitterClient x = x()) {
      try (CrossPoster first = CrossPoster.builder().add(x).idempotencyStore(store).build()) {
        assertThat(first.publish(post).outcome(Platform.TWITTER).orElseThrow().status())
            .isEqualTo(PlatformOutcome.Status.UNKNOWN); // not republished blindly
      }
      Reconciler.Result r = Reconciler.reconcile(store, x, post);
      assertThat(r.status()).isEqualTo(PlatformOutcome.Status.FAILED);
      assertThat(r.evidence()).contains("no post with the same text");
      try (CrossPoster again = CrossPoster.builder().add(x).idempotencyStore(store).build()) {
        assertThat(again.publish(post).allPublished()).isTrue();
        assertThat(again.publish(post).allPublished()).isTrue();
      }
    }
    assertThat(tweets()).isEqualTo(before + 1);
  }
}
