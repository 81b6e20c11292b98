package io.smo.metagraph.spi;

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
import io.smo.testkit.SharedFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class GraphErrorMapperTest {
  private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
  private final GraphErrorMapper mapper = new GraphErrorMapper(Platform.FACEBOOK);

  private static HttpFailure failure(int status, String body, Map<String, List<String>> headers) {
    GraphRateLimitParser p = new GraphRateLimitParser(Platform.FACEBOOK);
    Headers.Builder hb = new Headers.Builder();
    headers.forEach((k, v) -> v.forEach(x -> hb.add(k, x)));
    return new HttpFailure(
        Platform.FACEBOOK,
        Operation.create("publish", "feed"),
        status,
        headers,
        body,
        p.parse(hb.build(), null, NOW).orElse(null),
        NOW);
  }

  private SmoException map(int status, String body) {
    return mapper.map(failure(status, body, Map.of()));
  }

  private static String err(int code, Integer sub, String msg) {
    return "{\"error\":{\"message\":\""
        + msg
        + "\",\"type\":\"OAuthException\",\"code\":"
        + code
        + (sub != null ? ",\"error_subcode\":" + sub : "")
        + ",\"fbtrace_id\":\"Atrace\"}}";
  }

  @Test
  void realMissingPermissionBodyBecomesPermissionException() {
    String body = SharedFixtures.read("fixtures/facebook/error_code100_missing_permission.json");
    SmoException e = map(400, body);
    assertThat(e).isInstanceOf(PermissionException.class);
    PermissionException pe = (PermissionException) e;
    assertThat(pe.missing()).contains("pages_read_engagement");
    assertThat(pe.errorCode()).contains("100");
    assertThat(pe.traceId()).contains("AQt_hJ68vFybS4TnupatNtX");
    assertThat(pe.retryable()).isFalse();
  }

  @Test
  void realPublicContentAccessBodyIsInvalidRequestWithTrace() {
    String body = SharedFixtures.read("fixtures/facebook/error_code100_public_content_access.json");
    SmoException e = map(400, body);
    assertThat(e).isInstanceOf(InvalidRequestException.class);
    assertThat(((PlatformException) e).traceId()).contains("A1m6KK6iBqvjzPeQd4DYbKM");
    assertThat(((PlatformException) e).details().message()).contains("app secret proof");
  }

  @Test
  void throttlingCodesAreRateLimitsEvenAsHttp400() {
    for (int code : new int[] {4, 17, 32, 613, 80001}) {
      SmoException e = map(400, err(code, null, "too many calls"));
      assertThat(e).as("code %s", code).isInstanceOf(RateLimitException.class);
      assertThat(e.retryable()).isTrue();
      assertThat(((RateLimitException) e).retryAfter())
          .isEqualTo(GraphErrorMapper.DEFAULT_THROTTLE_WAIT);
      assertThat(mapper.notProcessed(failure(400, err(code, null, "x"), Map.of()))).isTrue();
    }
  }

  @Test
  void throttleWaitComesFromBucHeader() {
    String buc =
        "{\"123\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":20,"
            + "\"total_time\":30,\"estimated_time_to_regain_access\":7}]}";
    SmoException e =
        mapper.map(
            failure(
                400,
                err(80001, 2494055, "(#80001) too many calls"),
                Map.of("x-business-use-case-usage", List.of(buc))));
    assertThat(((RateLimitException) e).retryAfter()).isEqualTo(Duration.ofMinutes(7));
    assertThat(((RateLimitException) e).rateLimit()).isPresent();
  }

  @Test
  void authCodes() {
    assertThat(map(400, err(190, 463, "expired"))).isInstanceOf(AuthenticationException.class);
    assertThat(map(400, err(190, 467, "invalid"))).isInstanceOf(AuthenticationException.class);
    assertThat(map(400, err(190, null, "bad"))).isInstanceOf(AuthenticationException.class);
    assertThat(map(400, err(102, null, "session"))).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void permissionNotFoundDuplicateAndTransient() {
    assertThat(map(403, err(10, null, "denied"))).isInstanceOf(PermissionException.class);
    PermissionException p =
        (PermissionException)
            map(400, err(200, null, "(#200) requires pages_manage_posts permission"));
    assertThat(p.missing()).contains("pages_manage_posts");
    assertThat(map(400, err(100, 33, "does not exist"))).isInstanceOf(NotFoundException.class);
    assertThat(map(400, err(506, null, "Duplicate status message")))
        .isInstanceOf(DuplicateContentException.class);
    SmoException t = map(500, err(2, null, "Service temporarily unavailable"));
    assertThat(t).isExactlyInstanceOf(PlatformException.class);
    assertThat(t.retryable()).isTrue();
    String transientBody = "{\"error\":{\"message\":\"x\",\"code\":1234,\"is_transient\":true}}";
    assertThat(map(400, transientBody).retryable()).isTrue();
  }

  @Test
  void policyBlockIsNotRetriedAndQuotaIsTyped() {
    SmoException block = map(400, err(368, 1390008, "temporarily blocked"));
    assertThat(block).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) block).retryAfter())
        .isEqualTo(GraphErrorMapper.POLICY_BLOCK_WAIT);
    SmoException quota =
        new GraphErrorMapper(Platform.INSTAGRAM)
            .map(failure(400, err(9, 2207042, "publishing limit"), Map.of()));
    assertThat(quota).isInstanceOf(QuotaExceededException.class);
    assertThat(quota.retryable()).isFalse();
  }

  @Test
  void unreadableBodyFallsBackToStatus() {
    assertThat(map(502, "<html>bad gateway</html>").retryable()).isTrue();
    assertThat(map(404, "")).isInstanceOf(NotFoundException.class);
    assertThat(map(429, "")).isInstanceOf(RateLimitException.class);
    assertThat(map(400, "{not json")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void userMessageIsKept() {
    String body =
        "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\","
            + "\"code\":100,\"error_subcode\":1363144,\"error_user_title\":\"Bad time\","
            + "\"error_user_msg\":\"The scheduled time is too soon\",\"fbtrace_id\":\"Ab\"}}";
    GraphError g = GraphError.parse(body).orElseThrow();
    assertThat(g.userTitle()).contains("Bad time");
    assertThat(g.subcode()).isEqualTo(1363144);
    PlatformException e = (PlatformException) map(400, body);
    assertThat(e.details().message()).contains("The scheduled time is too soon");
    assertThat(e.errorSubcode()).contains("1363144");
  }
}
