package io.smo.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.fake.FakeClient;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The async variants run on the client's executor: the SDK's own pool, or the one set. */
class AsyncExecutorTest {
  @Test
  void defaultIsTheSdkPoolOfDaemonThreadsNeverTheCommonPool() throws Exception {
    try (FakeClient c =
        FakeClient.builder(Platform.TWITTER)
            .baseUrl(URI.create("http://127.0.0.1:9/"))
            .accessToken("t")
            .build()) {
      assertThat(c.asyncExecutor()).isNotSameAs(ForkJoinPool.commonPool());
      List<Thread> ran = new CopyOnWriteArrayList<>();
      c.metricsAsync(PostRef.of(Platform.TWITTER, "1"))
          .handle((m, e) -> ran.add(Thread.currentThread()))
          .get(30, TimeUnit.SECONDS);
      assertThat(ran)
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.getName()).startsWith("smo-async-");
                assertThat(t.isDaemon()).isTrue();
              });
    }
  }

  @Test
  void theBuilderSetsTheExecutor() throws Exception {
    List<Runnable> tasks = new CopyOnWriteArrayList<>();
    Executor mine =
        r -> {
          tasks.add(r);
          r.run();
        };
    try (FakeClient c =
        FakeClient.builder(Platform.TWITTER)
            .baseUrl(URI.create("http://127.0.0.1:9/"))
            .accessToken("t")
            .asyncExecutor(mine)
            .build()) {
      assertThat(c.asyncExecutor()).isSameAs(mine);
      c.publishAsync(Post.builder().build()).handle((p, e) -> e).get(30, TimeUnit.SECONDS);
      assertThat(tasks).hasSize(1);
    }
  }

  @Test
  void crossPosterRunsItsFanOutOnTheExecutorSet() {
    List<Runnable> tasks = new CopyOnWriteArrayList<>();
    Executor mine =
        r -> {
          tasks.add(r);
          r.run();
        };
    try (FakeClient c =
            FakeClient.builder(Platform.TWITTER)
                .baseUrl(URI.create("http://127.0.0.1:9/"))
                .accessToken("t")
                .build();
        CrossPoster poster = CrossPoster.builder().add(c).asyncExecutor(mine).build()) {
      poster.publish(Post.builder().text("hello").build());
      assertThat(tasks).isNotEmpty();
    }
  }
}
