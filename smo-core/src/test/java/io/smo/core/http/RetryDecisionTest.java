package io.smo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.http.RetryDecision.Action;
import io.smo.core.http.RetryDecision.Cause;
import io.smo.core.http.RetryDecision.Failure;
import io.smo.core.resilience.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The retry decision as a table: one row per rule of {@link RetryDecision} (and of {@link
 * ApiRuntime}'s and {@link RetryPolicy}'s Javadoc), plus the rows that show where each rule stops
 * applying. The policy: 3 attempts, back-off 500 ms doubling, no jitter, Retry-After up to 60 s.
 */
class RetryDecisionTest {
  private static final RetryPolicy POLICY =
      RetryPolicy.builder()
          .maxAttempts(3)
          .backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30))
          .jitter(0)
          .maxRetryAfter(Duration.ofSeconds(60))
          .build();

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # rule (what the row shows)                            | cause           | sent  | status | retryable | notProcessed | retryAfterS | attempt | kind   | retried | canRefresh | budgetS | action  | delayMs | ruleName
      refresh: rejected token, refresh left -> retry at once  | AUTH_REJECTED   | true  | 401    | false     | false        | 0           | 1       | READ   | true    | true       | 300     | RETRY   | 0       | refresh
      refresh: also for a create                              | AUTH_REJECTED   | true  | 401    | false     | false        | 0           | 1       | CREATE | true    | true       | 300     | RETRY   | 0       | refresh
      refresh: already refreshed -> fail                      | AUTH_REJECTED   | true  | 401    | false     | false        | 0           | 1       | READ   | true    | false      | 300     | FAIL    | 0       | not retryable
      create, 5xx -> unknown                                  | HTTP_ERROR      | true  | 500    | true      | false        | 0           | 1       | CREATE | true    | false      | 300     | UNKNOWN | 0       | create, 5xx
      create, 503 the mapper marks not processed -> retried   | HTTP_ERROR      | true  | 503    | true      | true         | 0           | 1       | CREATE | true    | false      | 300     | WAIT    | 500     | wait
      create, 429 -> retried after Retry-After                | RATE_LIMITED    | true  | 429    | true      | false        | 7           | 1       | CREATE | true    | false      | 300     | WAIT    | 7000    | wait
      create, 4xx -> fail                                     | HTTP_ERROR      | true  | 400    | false     | false        | 0           | 1       | CREATE | true    | false      | 300     | FAIL    | 0       | not retryable
      unexpected exception before sending -> fail             | UNEXPECTED      | false | 0      | false     | false        | 0           | 1       | READ   | true    | false      | 300     | FAIL    | 0       | unexpected, not sent
      unexpected exception before sending a create -> fail    | UNEXPECTED      | false | 0      | false     | false        | 0           | 1       | CREATE | true    | false      | 300     | FAIL    | 0       | unexpected, not sent
      create, unexpected exception after sending -> unknown   | UNEXPECTED      | true  | 0      | true      | false        | 0           | 1       | CREATE | true    | false      | 300     | UNKNOWN | 0       | create, sent
      create, I/O error after sending -> unknown              | IO_ERROR        | true  | 0      | true      | false        | 0           | 1       | CREATE | true    | false      | 300     | UNKNOWN | 0       | create, sent
      create, unreadable 2xx body -> unknown                  | UNREADABLE_BODY | true  | 0      | true      | false        | 0           | 1       | CREATE | true    | false      | 300     | UNKNOWN | 0       | create, sent
      create, connection never established -> retried        | IO_ERROR        | false | 0      | true      | false        | 0           | 1       | CREATE | true    | false      | 300     | WAIT    | 500     | wait
      read, unexpected exception after sending -> retried    | UNEXPECTED      | true  | 0      | true      | false        | 0           | 1       | READ   | true    | false      | 300     | WAIT    | 500     | wait
      read, I/O error after sending -> retried                | IO_ERROR        | true  | 0      | true      | false        | 0           | 2       | READ   | true    | false      | 300     | WAIT    | 1000    | wait
      read, unreadable body -> retried                        | UNREADABLE_BODY | true  | 0      | true      | false        | 0           | 1       | READ   | true    | false      | 300     | WAIT    | 500     | wait
      read, 5xx -> retried with back-off                      | HTTP_ERROR      | true  | 502    | true      | false        | 0           | 1       | READ   | true    | false      | 300     | WAIT    | 500     | wait
      write, 5xx -> retried (idempotent write)                | HTTP_ERROR      | true  | 500    | true      | false        | 0           | 1       | IDEMPOTENT_WRITE | true    | false      | 300     | WAIT    | 500     | wait
      not retryable: platform error marked not transient      | HTTP_ERROR      | true  | 500    | false     | false        | 0           | 1       | READ   | true    | false      | 300     | FAIL    | 0       | not retryable
      not retryable: operation without runtime retries        | HTTP_ERROR      | true  | 503    | true      | false        | 0           | 1       | IDEMPOTENT_WRITE | false   | false      | 300     | FAIL    | 0       | not retryable
      not retryable: last attempt of the policy               | HTTP_ERROR      | true  | 503    | true      | false        | 0           | 3       | READ   | true    | false      | 300     | FAIL    | 0       | not retryable
      retry-after too long -> fail                            | RATE_LIMITED    | true  | 429    | true      | false        | 61          | 1       | READ   | true    | false      | 300     | FAIL    | 0       | retry-after too long
      retry-after at the limit -> wait it                     | RATE_LIMITED    | true  | 429    | true      | false        | 60          | 1       | READ   | true    | false      | 300     | WAIT    | 60000   | wait
      rate limit without Retry-After -> back-off              | RATE_LIMITED    | true  | 429    | true      | false        | 0           | 2       | READ   | true    | false      | 300     | WAIT    | 1000    | wait
      budget: the wait ends after the call budget -> fail     | RATE_LIMITED    | true  | 429    | true      | false        | 30          | 1       | READ   | true    | false      | 29      | FAIL    | 0       | budget
      budget: the back-off ends after the budget -> fail      | HTTP_ERROR      | true  | 503    | true      | false        | 0           | 1       | READ   | true    | false      | 0       | FAIL    | 0       | budget
      """)
  void decides(
      String row,
      Cause cause,
      boolean sent,
      int status,
      boolean retryable,
      boolean notProcessed,
      long retryAfterS,
      int attempt,
      Operation.Kind kind,
      boolean retried,
      boolean canRefresh,
      long budgetS,
      Action action,
      long delayMs,
      String ruleName) {
    Operation op =
        switch (kind) {
          case READ -> Operation.read("op");
          case IDEMPOTENT_WRITE -> Operation.write("op");
          case CREATE -> Operation.create("op");
        };
    if (!retried) {
      op = op.withoutRetry();
    }
    Failure f =
        new Failure(cause, sent, status, retryable, notProcessed, Duration.ofSeconds(retryAfterS));

    RetryDecision d =
        RetryDecision.decide(f, attempt, op, canRefresh, POLICY, Duration.ofSeconds(budgetS));

    assertThat(d.action()).as(row).isEqualTo(action);
    assertThat(d.delay()).as(row).isEqualTo(Duration.ofMillis(delayMs));
    assertThat(d.rule()).as(row).isEqualTo(ruleName);
  }
}
