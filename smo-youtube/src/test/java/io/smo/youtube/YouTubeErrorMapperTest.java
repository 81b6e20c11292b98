package io.smo.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.exception.AuthenticationException;
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
import io.smo.youtube.internal.YouTubeErrorMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YouTubeErrorMapperTest {
  private static final Instant NOW = Instant.parse("2025-03-10T20:00:00Z"); // 13:00 PDT

  private static SmoException map(int status, String body) {
    return new YouTubeErrorMapper()
        .map(
            new HttpFailure(
                Platform.YOUTUBE,
                Operation.read("test"),
                status,
                Map.of("x-guploader-uploadid", List.of("up-1")),
                body,
                null,
                NOW));
  }

  private static String google(int code, String domain, String reason) {
    return "{\"error\":{\"code\":"
        + code
        + ",\"message\":\"m <a href=\\\"/x\\\">quota</a>.\",\"errors\":[{\"message\":\"m\","
        + "\"domain\":\""
        + domain
        + "\",\"reason\":\""
        + reason
        + "\"}]}}";
  }

  @Test
  void quotaExceededResetsAtNextPacificMidnight() {
    SmoException e = map(403, google(403, "youtube.quota", "quotaExceeded"));
    assertThat(e).isInstanceOf(QuotaExceededException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(((QuotaExceededException) e).resetAt())
        .contains(Instant.parse("2025-03-11T07:00:00Z"));
    assertThat(((QuotaExceededException) e).errorCode()).contains("quotaExceeded");
    assertThat(((QuotaExceededException) e).traceId()).contains("up-1");
    assertThat(e.getMessage()).contains("quota.").doesNotContain("<a");
    assertThat(map(403, google(403, "usageLimits", "dailyLimitExceeded")))
        .isInstanceOf(QuotaExceededException.class);
    QuotaExceededException upload =
        (QuotaExceededException) map(400, google(400, "youtube.video", "uploadLimitExceeded"));
    assertThat(upload.resetAt()).contains(NOW.plusSeconds(86_400));
  }

  @Test
  void rateLimitsAndBackendErrorsAreRetryable() {
    assertThat(map(403, google(403, "usageLimits", "rateLimitExceeded")))
        .isInstanceOf(RateLimitException.class);
    assertThat(map(403, google(403, "usageLimits", "userRateLimitExceeded")))
        .isInstanceOf(RateLimitException.class);
    assertThat(map(429, "")).isInstanceOf(RateLimitException.class);
    SmoException backend = map(500, google(500, "global", "backendError"));
    assertThat(backend).isExactlyInstanceOf(PlatformException.class);
    assertThat(backend.retryable()).isTrue();
    assertThat(map(503, "<html>down</html>").retryable()).isTrue();
  }

  @Test
  void permissionsAuthAndNotFound() {
    PermissionException p =
        (PermissionException) map(403, google(403, "global", "insufficientPermissions"));
    assertThat(p.missing()).hasValueSatisfying(m -> assertThat(m).contains("youtube.force-ssl"));
    assertThat(map(403, google(403, "youtube.thumbnail", "forbidden")))
        .isInstanceOf(PermissionException.class);
    assertThat(map(401, google(401, "global", "authError")))
        .isInstanceOf(AuthenticationException.class);
    assertThat(map(404, google(404, "youtube.video", "videoNotFound")))
        .isInstanceOf(NotFoundException.class);
    assertThat(map(400, google(400, "youtube.video", "invalidTitle")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void realFixtures() {
    SmoException denied =
        map(403, SharedFixtures.read("fixtures/youtube/error_403_permission_denied.json"));
    assertThat(denied).isInstanceOf(PermissionException.class);
    assertThat(((PermissionException) denied).errorCode()).contains("SERVICE_UNAVAILABLE");
    assertThat(((PermissionException) denied).errorSubcode()).contains("youtube.CoreErrorDomain");
    assertThat(denied.getMessage()).contains("The caller does not have permission");
    SmoException invalid =
        map(400, SharedFixtures.read("fixtures/youtube/google_error_envelope_with_details.json"));
    assertThat(invalid).isInstanceOf(InvalidRequestException.class);
    assertThat(((InvalidRequestException) invalid).errorCode()).contains("INVALID_ARGUMENT");
  }
}
