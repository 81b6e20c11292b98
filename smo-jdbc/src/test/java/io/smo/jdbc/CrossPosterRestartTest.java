package io.smo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.IdempotencyStore;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.Post;
import io.smo.facebook.FacebookClient;
import io.smo.testkit.Fault;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.twitter.TwitterClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A CrossPoster on the JDBC idempotency store, restarted (a new store, pool and clients on the same
 * database): what went out is never published again, what failed is published, and a target whose
 * publisher died mid-call is reported UNKNOWN, not republished. Against the sandbox; H2 and
 * PostgreSQL.
 */
class CrossPosterRestartTest {
  Sandbox sandbox;
  final List<HikariDataSource> pools = new ArrayList<>();

  @BeforeEach
  void setUp() {
    sandbox = Sandbox.start();
  }

  @AfterEach
  void tearDown() {
    pools.forEach(HikariDataSource::close);
    sandbox.close();
  }

  /** One "process": its own pool, store and clients. */
  CrossPoster instance(String db) {
    HikariDataSource ds = Databases.pool(db, "idempotency", 4);
    pools.add(ds);
    SandboxCredentials fb = sandbox.credentials(Platform.FACEBOOK);
    return CrossPoster.builder()
        .add(
            TwitterClient.builder()
                .baseUrl(sandbox.baseUrl(Platform.TWITTER))
                .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
                .sleeper(d -> {})
                .build())
        .add(
            FacebookClient.builder()
                .accountId(fb.accountId())
                .accessToken(fb.accessToken())
                .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
                .sleeper(d -> {})
                .build())
        .closeClients(true)
        .idempotencyStore(new JdbcIdempotencyStore(ds))
        .build();
  }

  long created(Platform p) {
    return sandbox.created(p, "post").size();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void aRestartPublishesOnlyWhatNeverWentOut(String db) {
    Post post =
        Post.builder()
            .text("restart " + UUID.randomUUID())
            .idempotencyKey("campaign-" + UUID.randomUUID())
            .build();
    sandbox.inject(Platform.FACEBOOK, Fault.of(Fault.Kind.EXPIRED_TOKEN).times(1));
    CrossPostResult first;
    try (CrossPoster one = instance(db)) {
      first = one.publish(post);
    }
    assertThat(first.outcome(Platform.TWITTER).orElseThrow().status())
        .isEqualTo(PlatformOutcome.Status.PUBLISHED);
    assertThat(first.outcome(Platform.FACEBOOK).orElseThrow().status())
        .isEqualTo(PlatformOutcome.Status.FAILED);
    long tweets = created(Platform.TWITTER);
    long fbPosts = created(Platform.FACEBOOK);

    CrossPostResult second;
    try (CrossPoster two = instance(db)) { // the process restarted
      second = two.publish(post);
    }
    assertThat(second.allPublished()).isTrue();
    assertThat(second.outcome(Platform.TWITTER).orElseThrow().published().orElseThrow().id())
        .isEqualTo(first.outcome(Platform.TWITTER).orElseThrow().published().orElseThrow().id());
    assertThat(created(Platform.TWITTER)).isEqualTo(tweets); // not published twice
    assertThat(created(Platform.FACEBOOK)).isEqualTo(fbPosts + 1); // the failed one went out

    try (CrossPoster three = instance(db)) {
      assertThat(three.publish(post).allPublished()).isTrue();
    }
    assertThat(created(Platform.TWITTER)).isEqualTo(tweets);
    assertThat(created(Platform.FACEBOOK)).isEqualTo(fbPosts + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.smo.jdbc.Databases#both")
  void aPublisherThatDiedMidCallLeavesTheTargetUnknown(String db) {
    Post post =
        Post.builder()
            .text("crash " + UUID.randomUUID())
            .idempotencyKey("campaign-" + UUID.randomUUID())
            .build();
    HikariDataSource ds = Databases.pool(db, "idempotency", 2);
    pools.add(ds);
    String target;
    try (TwitterClient x =
        TwitterClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.TWITTER))
            .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
            .build()) {
      target = IdempotencyStore.target(Platform.TWITTER, x.accountKey());
    }
    // the crashed process: claimed X, then died before recording the outcome
    JdbcIdempotencyStore crashed = new JdbcIdempotencyStore(ds);
    crashed.claim(post.idempotencyKey(), target, CrossPoster.contentHash(post), Instant.now());
    long tweets = created(Platform.TWITTER);
    long fbPosts = created(Platform.FACEBOOK);
    CrossPostResult rerun;
    try (CrossPoster restarted = instance(db)) {
      rerun = restarted.publish(post);
    }
    assertThat(rerun.outcome(Platform.TWITTER).orElseThrow().status())
        .isEqualTo(PlatformOutcome.Status.UNKNOWN);
    assertThat(rerun.outcome(Platform.TWITTER).orElseThrow().reason()).contains("reconcile");
    assertThat(rerun.outcome(Platform.FACEBOOK).orElseThrow().status())
        .isEqualTo(PlatformOutcome.Status.PUBLISHED);
    assertThat(created(Platform.TWITTER)).isEqualTo(tweets);
    assertThat(created(Platform.FACEBOOK)).isEqualTo(fbPosts + 1);
  }
}
