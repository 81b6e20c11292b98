package io.smo.twitter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.DuplicateContentException;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.HttpFailure;
import io.smo.core.http.Operation;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.testkit.SharedFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The error mapper and the rate-limit parser on X's documented and captured answers. */
class TwitterErrorMapperTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_635_976_000L);
  private static final Operation OP =
      Operation.create("publish", io.smo.twitter.TwitterRateBucket.TWEETS_CREATE);
  private final TwitterErrorMapper mapper = new TwitterErrorMapper();

  private SmoException map(int status, String body, String... headers) {
    Map<String, List<String>> h = new TreeMap<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      h.put(headers[i], List.of(headers[i + 1]));
    }
    return mapper.map(new HttpFailure(Platform.TWITTER, OP, status, h, body, null, NOW));
  }

  private static String doc(String name) {
    return SharedFixtures.read("fixtures/twitter/x-docs-examples/" + name);
  }

  @Test
  void invalidRequestProblem() {
    SmoException e = map(400, doc("error_400_invalid_request.json"));
    assertThat(e).isInstanceOf(InvalidRequestException.class);
    assertThat(((PlatformException) e).errorCode()).contains("invalid-request");
    assertThat(e.getMessage()).contains("The 'query' parameter is required.");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void unauthorized() {
    assertThat(map(401, doc("error_401_unauthorized.json")))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void legacyRateLimitBodyWaitsUntilReset() {
    SmoException e =
        map(
            429,
            doc("error_429_rate_limit_code88.json"),
            "x-rate-limit-limit",
            "200",
            "x-rate-limit-remaining",
            "0",
            "x-rate-limit-reset",
            Long.toString(NOW.getEpochSecond() + 120),
            "x-transaction-id",
            "tx1");
    assertThat(e)
        .isInstanceOfSatisfying(
            RateLimitException.class,
            r -> {
              assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(120));
              assertThat(r.traceId()).contains("tx1");
              assertThat(r.errorCode()).contains("88");
            });
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void usageCapAndDailyCapAreQuota() {
    SmoException e =
        map(
            429,
            "{\"title\":\"UsageCapExceeded\",\"detail\":\"Usage cap exceeded: "
                + "Monthly product cap\",\"type\":\"https://api.x.com/2/problems/usage-capped\"}",
            "x-rate-limit-reset",
            "1700000000");
    assertThat(e)
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            q -> assertThat(q.resetAt()).contains(Instant.ofEpochSecond(1_700_000_000L)));
    assertThat(e.retryable()).isFalse();
    SmoException daily =
        map(
            429,
            "{\"title\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}",
            "x-app-limit-24hour-remaining",
            "0",
            "x-app-limit-24hour-reset",
            "1700000500",
            "x-rate-limit-remaining",
            "40");
    assertThat(daily)
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            q -> assertThat(q.resetAt()).contains(Instant.ofEpochSecond(1_700_000_500L)));
  }

  @Test
  void duplicateContent() {
    // body as reported in akrherz/iembot#163 (see platforms/meta-and-x.md §3.9)
    assertThat(
            map(
                403,
                "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
                    + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}"))
        .isInstanceOf(DuplicateContentException.class);
  }

  @Test
  void replyRestrictionExplainsWhy() {
    SmoException e =
        map(
            403,
            "{\"detail\":\"Reply to this conversation is not allowed because you "
                + "have not been mentioned or otherwise engaged by the author of the post you are replying "
                + "to.\",\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
    assertThat(e)
        .isInstanceOfSatisfying(
            PermissionException.class,
            p -> {
              assertThat(p.missing()).contains(TwitterErrorMapper.REPLY_RESTRICTION);
              assertThat(p.getMessage()).contains("summoned");
            });
  }

  @Test
  void otherForbiddenIsPermission() {
    assertThat(
            map(
                403,
                "{\"title\":\"Client Forbidden\",\"type\":\"https://api.twitter.com/2/problems/"
                    + "client-forbidden\",\"detail\":\"app not enrolled\"}"))
        .isInstanceOfSatisfying(
            PermissionException.class, p -> assertThat(p.missing()).isPresent());
  }

  @Test
  void errorsInsideA200() {
    assertThat(map(200, doc("partial_error_data_with_errors.json")))
        .isInstanceOf(NotFoundException.class);
    assertThat(map(200, doc("error_user_not_found.json"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void serverErrorsAreRetryableAndGarbageIsSafe() {
    assertThat(map(503, "<html>down</html>").retryable()).isTrue();
    assertThat(map(418, "").getClass()).isEqualTo(PlatformException.class);
  }

  @Test
  void rateLimitHeadersFromTheTweepyCassette() {
    String yaml =
        SharedFixtures.read(
            "fixtures/twitter/tweepy-cassettes/test_client_create_and_delete_tweet.yaml");
    Headers.Builder hb = new Headers.Builder();
    for (String name :
        List.of("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset")) {
      Matcher m = Pattern.compile(name + ":\\s*\\n\\s*- '(\\d+)'").matcher(yaml);
      assertThat(m.find()).isTrue();
      hb.add(name, m.group(1)); // first interaction: POST /2/tweets
    }
    RateLimitSnapshot s = new TwitterRateLimitParser().parse(hb.build(), OP, NOW).orElseThrow();
    assertThat(s.limit()).hasValue(200);
    assertThat(s.remaining()).hasValue(199);
    assertThat(s.resetAt()).contains(Instant.ofEpochSecond(1_635_976_418L));
    assertThat(s.bucket()).isEqualTo("tweets.create");
    assertThat(s.scope()).isEqualTo(RateLimitSnapshot.Scope.ENDPOINT);
    assertThat(new TwitterRateLimitParser().parse(new Headers.Builder().build(), OP, NOW))
        .isEmpty();
  }
}
