package io.smo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Platform;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scripted faults against the real X emulator, with raw OkHttp calls: which requests a fault hits,
 * how many times, and what each kind the framework handles itself does to the wire and to what was
 * created.
 */
class FaultInjectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger N = new AtomicInteger();
  private static Sandbox sandbox;
  private static RawHttp http;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    http = new RawHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void clear() {
    sandbox.clearFaults();
  }

  private static String text() {
    return "fault test post " + N.incrementAndGet() + " " + System.nanoTime();
  }

  private static long postsWithText(String text) {
    return sandbox.created(Platform.TWITTER, "post").stream()
        .filter(c -> c.body().path("text").asText().equals(text))
        .count();
  }

  @Test
  void faultAppliesToTheNextNMatchingRequestsThenStops() throws Exception {
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.HTTP_5XX).times(2));
    assertThat(http.get(Platform.TWITTER, "2/users/me").status()).isEqualTo(503);
    assertThat(http.get(Platform.TWITTER, "2/users/me").status()).isEqualTo(503);
    assertThat(http.get(Platform.TWITTER, "2/users/me").status()).isEqualTo(200);
  }

  @Test
  void faultMatchesMethodAndPathOnlyAndItsPlatformOnly() throws Exception {
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.HTTP_5XX).on("POST", "/2/tweets"));
    sandbox.inject(Platform.FACEBOOK, Fault.of(Fault.Kind.HTTP_5XX).onPath("/v23\\.0/me/accounts"));
    // other method, other path, other platform: untouched
    assertThat(http.get(Platform.TWITTER, "2/users/me").status()).isEqualTo(200);
    assertThat(http.delete(Platform.TWITTER, "2/tweets/1").status()).isNotEqualTo(503);
    String t = text();
    RawHttp.Answer refused = http.tweet(t);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(postsWithText(t)).as("a 5xx fault has no effect").isZero();
    assertThat(http.tweet(t).status()).isEqualTo(201);
    assertThat(postsWithText(t)).isEqualTo(1);
  }

  @Test
  void methodMatchIsCaseInsensitiveAndPathIsAWholeMatch() {
    Fault f = Fault.of(Fault.Kind.HTTP_429).on("post", "/2/tweets");
    assertThat(f.matches("POST", "/2/tweets")).isTrue();
    assertThat(f.matches("POST", "/2/tweets/123")).isFalse();
    assertThat(f.matches("GET", "/2/tweets")).isFalse();
    assertThat(Fault.of(Fault.Kind.HTTP_429).matches("PATCH", "/x")).isTrue();
    assertThat(Fault.of(Fault.Kind.HTTP_429).onPath("/2/.*").matches("GET", "/2/users/me"))
        .isTrue();
    assertThat(f.times()).isEqualTo(1);
    assertThat(f.times(3).times()).isEqualTo(3);
    assertThat(f.toString()).contains("HTTP_429").contains("x1").contains("post");
    assertThat(Fault.of(Fault.Kind.DELAY).delay()).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> f.times(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void clearFaultsRemovesFaultsNotUsedUp() throws Exception {
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.HTTP_5XX).times(5));
    assertThat(http.get(Platform.TWITTER, "2/users/me").status()).isEqualTo(503);
    sandbox.clearFaults();
    assertThat(http.get(Platform.TWITTER, "2/users/me").status()).isEqualTo(200);
  }

  @Test
  void faultsAreTakenInTheOrderInjected() throws Exception {
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.HTTP_5XX));
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.HTTP_429));
    assertThat(http.get(Platform.TWITTER, "2/users/me").status()).isEqualTo(503);
    assertThat(http.get(Platform.TWITTER, "2/users/me").status()).isEqualTo(429);
    assertThat(http.get(Platform.TWITTER, "2/users/me").status()).isEqualTo(200);
  }

  @Test
  void connectionResetLosesTheRequestAndCreatesNothing() throws Exception {
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.CONNECTION_RESET).on("POST", "/2/tweets"));
    String t = text();
    assertThatThrownBy(() -> http.tweet(t)).isInstanceOf(IOException.class);
    assertThat(postsWithText(t)).isZero();
    assertThat(http.tweet(t).status()).isEqualTo(201);
  }

  @Test
  void malformedJsonIsA200ThatIsNotJson() throws Exception {
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.MALFORMED_JSON).on("POST", "/2/tweets"));
    String t = text();
    RawHttp.Answer a = http.tweet(t);
    assertThat(a.status()).isEqualTo(200);
    assertThatThrownBy(() -> JSON.readTree(a.body())).isInstanceOf(IOException.class);
    assertThat(postsWithText(t)).isZero();
  }

  @Test
  void truncatedJsonIsA200CutOff() throws Exception {
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.TRUNCATED_JSON));
    RawHttp.Answer a = http.get(Platform.TWITTER, "2/users/me");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).startsWith("{");
    assertThatThrownBy(() -> JSON.readTree(a.body())).isInstanceOf(IOException.class);
  }

  @Test
  void delayOutlastsTheClientTimeoutButTheCreateTakesEffect() throws Exception {
    sandbox.inject(
        Platform.TWITTER,
        Fault.of(Fault.Kind.DELAY).delay(Duration.ofMillis(1500)).on("POST", "/2/tweets"));
    String t = text();
    RawHttp impatient = new RawHttp(sandbox, Duration.ofMillis(200));
    assertThatThrownBy(() -> impatient.tweet(t)).isInstanceOf(SocketTimeoutException.class);
    assertThat(postsWithText(t)).isEqualTo(1);
  }

  @Test
  void delayedAnswerIsTheNormalAnswer() throws Exception {
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.DELAY).delay(Duration.ofMillis(50)));
    RawHttp.Answer a = http.get(Platform.TWITTER, "2/users/me");
    assertThat(a.status()).isEqualTo(200);
    assertThat(JSON.readTree(a.body()).path("data").path("id").asText()).isNotEmpty();
  }

  @Test
  void createdThenResetRecordsTheCreateButLosesTheAnswer() throws Exception {
    sandbox.inject(
        Platform.TWITTER, Fault.of(Fault.Kind.CREATED_THEN_RESET).on("POST", "/2/tweets"));
    String t = text();
    assertThatThrownBy(() -> http.tweet(t)).isInstanceOf(IOException.class);
    assertThat(postsWithText(t)).as("created exactly once, answer lost").isEqualTo(1);
    // the emulator remembers it: posting the same text again is X's duplicate refusal
    assertThat(http.tweet(t).status()).isEqualTo(403);
    assertThat(postsWithText(t)).isEqualTo(1);
  }

  @Test
  void createdListsWhatWasCreatedByKindAndForgetsDeletes() throws Exception {
    try (Sandbox s = Sandbox.start()) {
      RawHttp h = new RawHttp(s);
      assertThat(s.created(Platform.TWITTER)).isEmpty();
      RawHttp.Answer a = h.tweet("first");
      String id = JSON.readTree(a.body()).path("data").path("id").asText();
      h.tweet("second");
      List<Created> posts = s.created(Platform.TWITTER, "post");
      assertThat(posts).extracting(Created::id).hasSize(2).first().isEqualTo(id);
      assertThat(posts)
          .allSatisfy(
              c -> {
                assertThat(c.platform()).isEqualTo(Platform.TWITTER);
                assertThat(c.kind()).isEqualTo("post");
                assertThat(c.at()).isNotNull();
              });
      assertThat(posts.get(0).body().path("text").asText()).isEqualTo("first");
      assertThat(posts.get(0).toString()).isEqualTo("twitter post " + id);
      assertThat(s.created(Platform.TWITTER)).containsAll(posts);
      assertThat(s.created(Platform.TWITTER, "media")).isEmpty();
      assertThat(s.created(Platform.FACEBOOK)).isEmpty();
      assertThatThrownBy(() -> s.created(Platform.TWITTER).clear())
          .isInstanceOf(UnsupportedOperationException.class);

      assertThat(h.delete(Platform.TWITTER, "2/tweets/" + id).status()).isEqualTo(200);
      assertThat(s.created(Platform.TWITTER, "post"))
          .extracting(Created::id)
          .doesNotContain(id)
          .hasSize(1);
    }
  }
}
