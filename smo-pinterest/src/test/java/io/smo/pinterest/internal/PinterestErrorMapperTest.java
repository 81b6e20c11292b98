package io.smo.pinterest.internal;

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
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The error mapper on the official error examples, and the rate-limit header parser. */
class PinterestErrorMapperTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Operation OP =
      Operation.read("metrics", io.smo.pinterest.PinterestRateBucket.ORG_ANALYTICS);
  private final PinterestErrorMapper mapper = new PinterestErrorMapper();
  private final PinterestRateLimitParser parser = new PinterestRateLimitParser();

  private HttpFailure failure(int status, String body, String... headers) {
    Map<String, List<String>> h = new TreeMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      h.put(headers[i], List.of(headers[i + 1]));
    }
    RateLimitSnapshot rl = parser.parse(Headers.of(headers), OP, NOW).orElse(null);
    return new HttpFailure(Platform.PINTEREST, OP, status, h, body, rl, NOW);
  }

  @Test
  void maps401FixtureToAuthentication() {
    SmoException e =
        mapper.map(
            failure(401, SharedFixtures.read("fixtures/pinterest/error_401_pins_analytics.json")));
    assertThat(e).isInstanceOf(AuthenticationException.class);
    PlatformException p = (PlatformException) e;
    assertThat(p.details().errorCode()).contains("7");
    assertThat(p.details().message()).isEqualTo("Not authorized to access board or Pin.");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void maps403FixturesToPermission() {
    assertThat(
            mapper.map(
                failure(
                    403, SharedFixtures.read("fixtures/pinterest/error_403_pin_analytics.json"))))
        .isInstanceOf(PermissionException.class);
    SmoException e =
        mapper.map(
            failure(
                403,
                SharedFixtures.read("fixtures/pinterest/error_403_user_account.json"),
                "x-pinterest-rid",
                "rid-123"));
    assertThat(((PlatformException) e).details().message())
        .isEqualTo("Not authorized to access the user account.");
    assertThat(((PlatformException) e).details().traceId()).contains("rid-123");
  }

  @Test
  void maps404FixtureToNotFound() {
    SmoException e =
        mapper.map(
            failure(404, SharedFixtures.read("fixtures/pinterest/error_404_board_pins.json")));
    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(((PlatformException) e).details().message()).isEqualTo("Board not found.");
  }

  @Test
  void maps429FixtureWithHeadersToRateLimit() {
    SmoException e =
        mapper.map(
            failure(
                429,
                SharedFixtures.read("fixtures/pinterest/error_429_rate_limit_pins_analytics.json"),
                "x-ratelimit-limit",
                "300",
                "x-ratelimit-remaining",
                "0",
                "x-ratelimit-reset",
                "42"));
    assertThat(e).isInstanceOf(RateLimitException.class);
    assertThat(e.retryable()).isTrue();
    assertThat(((RateLimitException) e).retryAfter()).isEqualTo(Duration.ofSeconds(42));
    assertThat(((PlatformException) e).details().errorCode()).contains("8");
    assertThat(((PlatformException) e).details().rateLimit())
        .hasValueSatisfying(
            r -> {
              assertThat(r.remaining()).hasValue(0);
              assertThat(r.bucket()).isEqualTo("org_analytics");
            });
  }

  @Test
  void retryAfterHeaderWins() {
    SmoException e =
        mapper.map(
            failure(
                429,
                "{\"code\":8,\"message\":\"x\"}",
                "retry-after",
                "7",
                "x-ratelimit-reset",
                "42"));
    assertThat(((RateLimitException) e).retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void dailyCapIsAQuota() {
    SmoException e =
        mapper.map(
            failure(
                429,
                "{\"code\":8,\"message\":\"x\"}",
                "x-ratelimit-limit",
                "1000",
                "x-ratelimit-remaining",
                "0",
                "x-ratelimit-reset",
                "36000"));
    assertThat(e).isInstanceOf(QuotaExceededException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(((QuotaExceededException) e).resetAt()).contains(NOW.plusSeconds(36000));
  }

  @Test
  void mapsOtherStatuses() {
    String spec =
        SharedFixtures.read("fixtures/pinterest/spec-derived/error_object_from_schema.json");
    assertThat(mapper.map(failure(400, spec))).isInstanceOf(InvalidRequestException.class);
    assertThat(mapper.map(failure(409, spec))).isInstanceOf(DuplicateContentException.class);
    SmoException s503 = mapper.map(failure(503, spec));
    assertThat(s503.retryable()).isTrue();
    assertThat(((PlatformException) s503).details().message()).isEqualTo("AdAccount not found.");
    assertThat(mapper.map(failure(418, "")).retryable()).isFalse();
  }

  @Test
  void readsS3XmlAndGarbageLeniently() {
    SmoException e =
        mapper.map(
            failure(
                403,
                "<Error><Code>AccessDenied</Code><Message>Policy expired" + "</Message></Error>"));
    assertThat(e).isInstanceOf(PermissionException.class);
    assertThat(((PlatformException) e).details().errorCode()).contains("AccessDenied");
    assertThat(mapper.map(failure(500, "<html>oops"))).isInstanceOf(PlatformException.class);
  }

  @Test
  void parserReadsEpochAndDeltaResets() {
    assertThat(
            parser.parse(
                Headers.of(
                    "x-ratelimit-limit",
                    "100, 100;w=60",
                    "x-ratelimit-remaining",
                    "99",
                    "x-ratelimit-reset",
                    "1735689660"),
                OP,
                NOW))
        .hasValueSatisfying(
            r -> {
              assertThat(r.limit()).hasValue(100);
              assertThat(r.remaining()).hasValue(99);
              assertThat(r.resetAt()).contains(Instant.ofEpochSecond(1735689660));
              assertThat(r.scope()).isEqualTo(RateLimitSnapshot.Scope.USER);
            });
    assertThat(
            parser.parse(
                Headers.of("x-ratelimit-remaining", "5", "x-ratelimit-reset", "30"), OP, NOW))
        .hasValueSatisfying(r -> assertThat(r.resetAt()).contains(NOW.plusSeconds(30)));
    assertThat(parser.parse(Headers.of("x-other", "1"), OP, NOW)).isEmpty();
    assertThat(parser.parse(Headers.of("x-ratelimit-limit", "n/a"), OP, NOW)).isEmpty();
  }
}
