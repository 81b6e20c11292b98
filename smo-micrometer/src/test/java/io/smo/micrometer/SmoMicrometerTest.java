package io.smo.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.smo.core.CrossPostResult;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.event.ApiCall;
import io.smo.core.event.AttemptEvent;
import io.smo.core.event.CallResult;
import io.smo.core.event.CrossPostEvent;
import io.smo.core.event.Outcome;
import io.smo.core.event.RateLimitEvent;
import io.smo.core.event.RetryEvent;
import io.smo.core.event.TokenRefreshEvent;
import io.smo.core.event.UnknownOutcomeEvent;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.http.Operation;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Meter names and tags for success, retry, 429 wait, refresh and UNKNOWN; one observation per call.
 */
class SmoMicrometerTest {
  SimpleMeterRegistry meters;
  TestObservationRegistry observations;
  SmoMicrometer binder;

  @BeforeEach
  void setUp() {
    meters = new SimpleMeterRegistry();
    observations = TestObservationRegistry.create();
    binder = SmoMicrometer.builder(meters).observationRegistry(observations).build();
  }

  static ApiCall call(String op, Operation.Kind kind) {
    return new ApiCall(
        Platform.TWITTER, "brand-x", op, kind, Instant.parse("2026-01-01T00:00:00Z"));
  }

  AttemptEvent attempt(ApiCall c, int n, int status) {
    return new AttemptEvent(c, n, status, Outcome.ofStatus(status), Duration.ofMillis(20), 11, 42);
  }

  List<String> meterIds() {
    return meters.getMeters().stream()
        .map(Meter::getId)
        .map(
            id ->
                id.getName()
                    + id.getTags().stream()
                        .map(t -> t.getKey() + "=" + t.getValue())
                        .collect(Collectors.joining(",", "{", "}")))
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void successIsOneTimedCallAndOneSpan() {
    Observation parent = Observation.start("caller", observations);
    ApiCall c = call("publish tweet", Operation.Kind.CREATE);
    try (Observation.Scope s = parent.openScope()) {
      binder.onCallStart(c);
      binder.onAttempt(attempt(c, 1, 201));
      binder.onCallEnd(c, new CallResult(Outcome.SUCCESS, 1, Duration.ofMillis(25), null));
    }
    parent.stop();
    assertThat(
            meters
                .get(SmoMicrometer.CALLS)
                .tags(
                    "platform",
                    "twitter",
                    "operation",
                    "publish tweet",
                    "kind",
                    "create",
                    "outcome",
                    "success")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(meters.get(SmoMicrometer.ATTEMPTS).tag("outcome", "success").counter().count())
        .isEqualTo(1);
    assertThat(meters.get(SmoMicrometer.BYTES_SENT).counter().count()).isEqualTo(11);
    assertThat(meters.get(SmoMicrometer.BYTES_RECEIVED).counter().count()).isEqualTo(42);
    // bounded tags only: no account, no ids
    assertThat(meterIds()).allSatisfy(id -> assertThat(id).doesNotContain("brand-x"));
    // percentiles off by default
    assertThat(meters.get(SmoMicrometer.CALLS).timer().takeSnapshot().percentileValues()).isEmpty();

    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo(SmoMicrometer.OBSERVATION)
        .that()
        .hasContextualNameEqualTo("smo twitter publish tweet")
        .hasLowCardinalityKeyValue("platform", "twitter")
        .hasLowCardinalityKeyValue("operation", "publish tweet")
        .hasLowCardinalityKeyValue("outcome", "success")
        .hasHighCardinalityKeyValue("account", "brand-x")
        .hasBeenStarted()
        .hasBeenStopped()
        .doesNotHaveError()
        .hasParentObservationEqualTo(parent);
  }

  @Test
  void retryAnd429WaitAreCountedAndTimed() {
    ApiCall c = call("read post", Operation.Kind.READ);
    binder.onCallStart(c);
    binder.onAttempt(attempt(c, 1, 503));
    binder.onRetry(new RetryEvent(c, 1, RetryEvent.Reason.SERVER_ERROR, Duration.ofSeconds(1)));
    binder.onAttempt(attempt(c, 2, 429));
    binder.onRetry(new RetryEvent(c, 2, RetryEvent.Reason.RATE_LIMITED, Duration.ofSeconds(30)));
    binder.onRateLimit(
        new RateLimitEvent(
            c, RateLimitEvent.Action.WAITED, RateLimitEvent.Source.SERVER, Duration.ofSeconds(30)));
    binder.onAttempt(attempt(c, 3, 200));
    binder.onCallEnd(c, new CallResult(Outcome.SUCCESS, 3, Duration.ofSeconds(31), null));

    assertThat(
            meters
                .get(SmoMicrometer.RETRIES)
                .tags("platform", "twitter", "operation", "read post", "reason", "server_error")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(meters.get(SmoMicrometer.RETRIES).tag("reason", "rate_limited").counter().count())
        .isEqualTo(1);
    assertThat(
            meters
                .get(SmoMicrometer.RATE_LIMIT_WAITS)
                .tags("platform", "twitter", "source", "server")
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(30);
    assertThat(meters.get(SmoMicrometer.ATTEMPTS).tag("outcome", "rate_limited").counter().count())
        .isEqualTo(1);
    assertThat(meters.get(SmoMicrometer.ATTEMPTS).tag("outcome", "server_error").counter().count())
        .isEqualTo(1);
    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo(SmoMicrometer.OBSERVATION)
        .that()
        .hasHighCardinalityKeyValue("attempts", "3")
        .hasLowCardinalityKeyValue("outcome", "success");
  }

  @Test
  void refusalIsCounted() {
    ApiCall c = call("read post", Operation.Kind.READ);
    binder.onCallStart(c);
    binder.onRateLimit(
        new RateLimitEvent(
            c, RateLimitEvent.Action.REFUSED, RateLimitEvent.Source.CLIENT, Duration.ofHours(1)));
    binder.onCallEnd(c, new CallResult(Outcome.RATE_LIMITED, 0, Duration.ZERO, null));
    assertThat(
            meters.get(SmoMicrometer.RATE_LIMIT_REFUSALS).tag("source", "client").counter().count())
        .isEqualTo(1);
    assertThat(meters.get(SmoMicrometer.CALLS).tag("outcome", "rate_limited").timer().count())
        .isEqualTo(1);
  }

  @Test
  void refreshIsCountedByResult() {
    ApiCall c = call("read post", Operation.Kind.READ);
    binder.onCallStart(c);
    binder.onAttempt(attempt(c, 1, 401));
    binder.onTokenRefresh(new TokenRefreshEvent(c, true));
    binder.onAttempt(attempt(c, 1, 200));
    binder.onCallEnd(c, new CallResult(Outcome.SUCCESS, 1, Duration.ofMillis(50), null));
    ApiCall d = call("read post", Operation.Kind.READ);
    binder.onCallStart(d);
    binder.onTokenRefresh(new TokenRefreshEvent(d, false));
    binder.onCallEnd(d, new CallResult(Outcome.AUTH_ERROR, 1, Duration.ofMillis(50), null));
    assertThat(
            meters
                .get(SmoMicrometer.TOKEN_REFRESHES)
                .tags("platform", "twitter", "result", "refreshed")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(meters.get(SmoMicrometer.TOKEN_REFRESHES).tag("result", "refused").counter().count())
        .isEqualTo(1);
    assertThat(meters.get(SmoMicrometer.CALLS).tag("outcome", "auth_error").timer().count())
        .isEqualTo(1);
  }

  @Test
  void unknownIsCountedAndTheSpanCarriesTheError() {
    ApiCall c = call("publish tweet", Operation.Kind.CREATE);
    PublishOutcomeUnknownException e =
        new PublishOutcomeUnknownException(
            Platform.TWITTER, "publish tweet", "HTTP 500", null, null, List.of(), null);
    binder.onCallStart(c);
    binder.onAttempt(attempt(c, 1, 500));
    binder.onUnknownOutcome(new UnknownOutcomeEvent(c, 1, "HTTP 500 on a create"));
    binder.onCallEnd(c, new CallResult(Outcome.UNKNOWN, 1, Duration.ofMillis(80), e));
    assertThat(
            meters
                .get(SmoMicrometer.UNKNOWN_OUTCOMES)
                .tags("platform", "twitter", "operation", "publish tweet")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(meters.get(SmoMicrometer.CALLS).tag("outcome", "unknown").timer().count())
        .isEqualTo(1);
    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo(SmoMicrometer.OBSERVATION)
        .that()
        .hasLowCardinalityKeyValue("outcome", "unknown")
        .hasError(e);
  }

  @Test
  void uploadsAndCrossPostsAreCounted() {
    binder.onUpload(
        new UploadProgress(
            Platform.YOUTUBE, "clip.mp4", UploadState.UPLOADING, 10, 100, null, null));
    binder.onUpload(
        new UploadProgress(Platform.YOUTUBE, "clip.mp4", UploadState.READY, 100, 100, null, null));
    assertThat(
            meters
                .get(SmoMicrometer.UPLOADS)
                .tags("platform", "youtube", "outcome", "ready")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(meters.get(SmoMicrometer.UPLOAD_BYTES).summary().totalAmount()).isEqualTo(100);
    CrossPostResult r =
        new CrossPostResult(
            "k1",
            Map.of(
                Platform.TWITTER,
                PlatformOutcome.published(
                    PublishedPost.builder(PostRef.of(Platform.TWITTER, "1"))
                        .publishedAt(Instant.EPOCH)
                        .build())));
    binder.onCrossPost(new CrossPostEvent(r, Duration.ofMillis(10)));
    assertThat(
            meters
                .get(SmoMicrometer.CROSS_POST_TARGETS)
                .tags("platform", "twitter", "status", "published")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void percentilesAndAccountTagAreOptIn() {
    SmoMicrometer b = SmoMicrometer.builder(meters).percentiles(0.99).accountTag(true).build();
    ApiCall c = call("read post", Operation.Kind.READ);
    b.onCallStart(c);
    b.onCallEnd(c, new CallResult(Outcome.SUCCESS, 1, Duration.ofMillis(5), null));
    assertThat(
            meters
                .get(SmoMicrometer.CALLS)
                .tag("account", "brand-x")
                .timer()
                .takeSnapshot()
                .percentileValues())
        .hasSize(1);
    TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
  }
}
