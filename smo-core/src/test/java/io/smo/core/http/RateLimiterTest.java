package io.smo.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.RateLimitException;
import io.smo.core.fake.FakeClient;
import io.smo.core.fake.FakeTime;
import io.smo.core.resilience.InMemoryRateLimitStore;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.resilience.spi.RateLimitWindow;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limiter: fails at once with the reset (waits only when allowed, exactly until the window
 * opens), reserves before sending so concurrent calls cannot overshoot, follows the server's
 * resets, and is shared by every client of one account. Counts only, no timing.
 */
@WireMockTest
class RateLimiterTest {
  static final PostRef REF = PostRef.of(Platform.TWITTER, "p1");

  FakeTime time;
  String base;
  final List<FakeClient> clients = new ArrayList<>();

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    time = new FakeTime();
    base = wm.getHttpBaseUrl();
  }

  @AfterEach
  void tearDown() {
    clients.forEach(FakeClient::close);
  }

  FakeClient client(String account, RateLimitPolicy limits) {
    FakeClient c =
        FakeClient.builder(Platform.TWITTER)
            .account(account)
            .baseUrl(URI.create(base + "/api/"))
            .accessToken("test-token-123")
            .clock(time)
            .sleeper(time.sleeper())
            .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
            .rateLimitPolicy(limits)
            .build();
    clients.add(c);
    return c;
  }

  void stubWindow(long limit, long remaining, Instant reset) {
    stubFor(
        get("/api/posts/p1")
            .willReturn(
                okJson("{\"id\":\"p1\",\"likes\":1}")
                    .withHeader("x-rate-limit-limit", String.valueOf(limit))
                    .withHeader("x-rate-limit-remaining", String.valueOf(remaining))
                    .withHeader("x-rate-limit-reset", String.valueOf(reset.getEpochSecond()))));
  }

  /**
   * Runs {@code n} calls on {@code threads} threads; returns how many were refused by the limiter.
   */
  static int concurrently(int threads, int n, Callable<?> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger refused = new AtomicInteger();
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        fs.add(
            pool.submit(
                () -> {
                  try {
                    call.call();
                  } catch (RateLimitException e) {
                    assertThat(e.retryAt()).isPresent();
                    refused.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return refused.get();
  }

  @Test
  void concurrentCallsNeverOvershootTheStaticCap() throws Exception {
    stubFor(get("/api/posts/p1").willReturn(okJson("{\"id\":\"p1\",\"likes\":1}")));
    FakeClient c =
        client(
            "cap",
            RateLimitPolicy.builder()
                .bucket(io.smo.core.fake.FakeBucket.READS, 5, Duration.ofHours(1))
                .build());
    int refused = concurrently(16, 40, () -> c.metrics(REF));
    verify(5, getRequestedFor(urlEqualTo("/api/posts/p1")));
    assertThat(refused).isEqualTo(35);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void concurrentCallsNeverOvershootTheServersRemaining() throws Exception {
    Instant reset = FakeTime.START.plusSeconds(900);
    stubWindow(10, 9, reset);
    FakeClient c = client("server", RateLimitPolicy.unlimited());
    c.metrics(REF); // learns: 9 left until the reset
    int refused = concurrently(16, 50, () -> c.metrics(REF));
    verify(10, getRequestedFor(urlEqualTo("/api/posts/p1")));
    assertThat(refused).isEqualTo(41);
  }

  @Test
  void refusalCarriesTheResetAndSendsNothing() {
    Instant reset = FakeTime.START.plusSeconds(900);
    stubWindow(3, 2, reset);
    FakeClient c = client("carry", RateLimitPolicy.unlimited());
    c.metrics(REF);
    c.metrics(REF);
    c.metrics(REF);
    assertThatThrownBy(() -> c.metrics(REF))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.retryAt()).hasValue(reset);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(900));
              assertThat(e.getMessage()).contains("exhausted").contains(reset.toString());
            });
    verify(3, getRequestedFor(urlEqualTo("/api/posts/p1")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aConfiguredWaitLastsExactlyUntilTheWindowOpens() {
    Instant reset = FakeTime.START.plusSeconds(7);
    stubWindow(2, 1, reset);
    FakeClient c =
        client("wait", RateLimitPolicy.builder().maxWait(Duration.ofSeconds(10)).build());
    c.metrics(REF);
    c.metrics(REF);
    c.metrics(REF); // the window opens at the reset: waits 7 s, then goes
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    verify(3, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void aWaitLongerThanAllowedFailsAtOnce() {
    Instant reset = FakeTime.START.plusSeconds(60);
    stubWindow(1, 0, reset);
    FakeClient c =
        client("toolong", RateLimitPolicy.builder().maxWait(Duration.ofSeconds(10)).build());
    c.metrics(REF);
    assertThatThrownBy(() -> c.metrics(REF))
        .isInstanceOfSatisfying(
            RateLimitException.class, e -> assertThat(e.retryAt()).hasValue(reset));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void serverResetMovesTheWindow() {
    Instant reset1 = FakeTime.START.plusSeconds(60);
    stubWindow(2, 0, reset1);
    FakeClient c = client("moves", RateLimitPolicy.unlimited());
    c.metrics(REF);
    assertThatThrownBy(() -> c.metrics(REF)).isInstanceOf(RateLimitException.class);
    time.advance(Duration.ofSeconds(60));
    Instant reset2 = reset1.plusSeconds(60);
    stubWindow(2, 1, reset2);
    c.metrics(REF); // the window reopened with the limit (2): this call and one more
    c.metrics(REF);
    assertThatThrownBy(() -> c.metrics(REF))
        .isInstanceOfSatisfying(
            RateLimitException.class, e -> assertThat(e.retryAt()).hasValue(reset2));
    verify(3, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void clientsOfOneAccountShareTheAllowance() throws Exception {
    stubFor(get("/api/posts/p1").willReturn(okJson("{\"id\":\"p1\",\"likes\":1}")));
    RateLimitPolicy cap =
        RateLimitPolicy.builder()
            .bucket(io.smo.core.fake.FakeBucket.READS, 6, Duration.ofHours(1))
            .build();
    FakeClient a = client("shared", cap);
    FakeClient b = client("shared", cap);
    FakeClient other = client("another-account", cap);
    int refused = concurrently(8, 20, () -> a.metrics(REF));
    refused += concurrently(8, 20, () -> b.metrics(REF));
    assertThat(refused).isEqualTo(34);
    verify(6, getRequestedFor(urlEqualTo("/api/posts/p1")));
    other.metrics(REF); // another account has its own allowance
    verify(7, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void aServerExhaustionSeenByOneClientStopsTheOther() {
    Instant reset = FakeTime.START.plusSeconds(300);
    stubWindow(5, 0, reset);
    RateLimitPolicy p = RateLimitPolicy.unlimited();
    FakeClient a = client("seen", p);
    FakeClient b = client("seen", p);
    a.metrics(REF);
    assertThatThrownBy(() -> b.metrics(REF))
        .isInstanceOfSatisfying(
            RateLimitException.class, e -> assertThat(e.retryAt()).hasValue(reset));
    verify(1, getRequestedFor(urlEqualTo("/api/posts/p1")));
  }

  @Test
  void aStoreCanBeNamedInThePolicy() {
    stubFor(get("/api/posts/p1").willReturn(okJson("{\"id\":\"p1\",\"likes\":1}")));
    InMemoryRateLimitStore store = new InMemoryRateLimitStore();
    FakeClient c =
        client(
            "named",
            RateLimitPolicy.builder()
                .bucket(io.smo.core.fake.FakeBucket.READS, 1, Duration.ofHours(1))
                .store(store)
                .build());
    c.metrics(REF);
    assertThatThrownBy(() -> c.metrics(REF)).isInstanceOf(RateLimitException.class);
    assertThat(store.toString()).contains("1 keys");
  }

  @Test
  void windowReopensWithTheCallsStillInFlightDeducted() {
    Instant t0 = FakeTime.START;
    RateLimitWindow w = new RateLimitWindow();
    Instant reset = t0.plusSeconds(1);
    RateLimitWindow.Grant first = w.tryAcquire(t0, null);
    w.complete(first.epoch(), snapshot(t0, 10, 9, reset), t0);
    List<RateLimitWindow.Grant> inFlight = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      inFlight.add(w.tryAcquire(t0, null));
    }
    assertThat(inFlight).allMatch(RateLimitWindow.Grant::granted);
    assertThat(w.tryAcquire(t0, null).retryAt()).hasValue(reset);
    // the window passes with 3 calls still unanswered: they may count in the new window
    for (int i = 0; i < 6; i++) {
      w.complete(inFlight.get(i).epoch(), snapshot(t0, 10, 3 - Math.min(3, i), reset), t0);
    }
    int granted = 0;
    while (w.tryAcquire(reset, null).granted()) {
      granted++;
    }
    assertThat(granted).isEqualTo(7);
    // a late answer from the old window does not raise the new window's figures
    w.complete(inFlight.get(6).epoch(), snapshot(t0, 10, 0, reset), reset);
    assertThat(w.available()).hasValue(0);
    assertThat(RateLimitWindow.decode(w.encode()).encode()).isEqualTo(w.encode());
  }

  static RateLimitSnapshot snapshot(Instant at, long limit, long remaining, Instant reset) {
    return RateLimitSnapshot.builder(Platform.TWITTER, at)
        .scope(RateLimitSnapshot.Scope.ENDPOINT)
        .bucket("reads")
        .limit(limit)
        .remaining(remaining)
        .resetAt(reset)
        .build();
  }
}
