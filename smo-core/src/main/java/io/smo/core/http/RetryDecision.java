package io.smo.core.http;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoProtectedApi;
import io.smo.core.resilience.RetryPolicy;
import java.time.Duration;

/**
 * What to do after a failed attempt: the pure decision of the call path (no I/O, no clock, no
 * state), so that every rule is one row of a table test. {@link ApiRuntime}'s loop classifies the
 * failure into a {@link Failure}, asks {@link #decide}, and carries the answer out.
 *
 * <p>The rules, in the order they apply:
 *
 * <ol>
 *   <li><b>refresh</b>: the platform rejected the token ({@link Cause#AUTH_REJECTED}) and the call
 *       may still refresh it once → {@link Action#RETRY} at once (after the refresh; the rejected
 *       attempt does not count);
 *   <li><b>create, 5xx</b>: a create answered with a 5xx that is not a rate limit and that the
 *       mapper does not mark {@link ErrorMapper#notProcessed not processed} → {@link
 *       Action#UNKNOWN} (it may have taken effect);
 *   <li><b>unexpected, not sent</b>: something other than I/O failed (a raw exception of the
 *       transport or a converter) before the request was sent → {@link Action#FAIL};
 *   <li><b>create, sent</b>: a create whose request was (or may have been) sent failed without an
 *       answer (I/O error after sending, an unexpected exception after sending, a 2xx body that
 *       could not be read) → {@link Action#UNKNOWN};
 *   <li><b>not retryable</b>: the failure is not retryable (a 4xx, a platform error marked not
 *       transient), the operation is not retried by the runtime ({@link Operation#retried()}), or
 *       this was the policy's last attempt ({@link RetryPolicy#maxAttempts()}) → {@link
 *       Action#FAIL};
 *   <li><b>retry-after too long</b>: a rate limit asks for a wait above {@link
 *       RetryPolicy#maxRetryAfter()} → {@link Action#FAIL};
 *   <li><b>budget</b>: the wait would end after the call's budget ({@link
 *       RetryPolicy#callBudget()}) → {@link Action#FAIL};
 *   <li><b>wait</b>: otherwise → {@link Action#WAIT} for the rate limit's {@code Retry-After} when
 *       it gave one, else for the policy's {@link RetryPolicy#backoff(int) back-off}.
 * </ol>
 *
 * <p>Reads and idempotent writes are therefore retried on transport errors, 429, 5xx and any
 * failure the mapper marks retryable; creates only when the request surely did not take effect
 * (connection never established, 429, {@link ErrorMapper#notProcessed}).
 *
 * @param action what to do
 * @param delay how long to wait before the next attempt ({@link Action#WAIT}); zero otherwise
 * @param rule the rule that decided, for messages and tests (e.g. {@code "create, 5xx"})
 */
@SmoProtectedApi
public record RetryDecision(Action action, Duration delay, String rule) {

  /** What the loop does next. */
  public enum Action {
    /** Try again at once (after refreshing the token). */
    RETRY,
    /** Try again after {@link RetryDecision#delay()}. */
    WAIT,
    /**
     * Stop: the create may have taken effect; the caller gets {@code
     * PublishOutcomeUnknownException}.
     */
    UNKNOWN,
    /** Stop with the failure. */
    FAIL
  }

  /** What went wrong in the attempt, as far as the decision needs to know. */
  public enum Cause {
    /** An HTTP answer the platform's mapper turned into an error (4xx, 5xx...). */
    HTTP_ERROR,
    /** A rate-limit answer (429 or a platform's rate-limit error). */
    RATE_LIMITED,
    /** The platform rejected the token (an {@code AuthenticationException}). */
    AUTH_REJECTED,
    /** An I/O error: connection, timeout, broken stream. */
    IO_ERROR,
    /** A 2xx answer whose body could not be read. */
    UNREADABLE_BODY,
    /** Any other exception from the transport or a converter. */
    UNEXPECTED
  }

  /**
   * A failed attempt.
   *
   * @param cause what went wrong
   * @param sent whether the request may have reached the server (false only when it surely did not:
   *     no connection was established, or the connection was refused)
   * @param status the HTTP status, 0 without an answer
   * @param retryable whether the failure itself is retryable (the mapped exception's flag; I/O
   *     errors and unreadable bodies are)
   * @param notProcessed whether the platform said the request was not processed ({@link
   *     ErrorMapper#notProcessed})
   * @param retryAfter the wait a rate limit asked for, zero if none
   */
  public record Failure(
      Cause cause,
      boolean sent,
      int status,
      boolean retryable,
      boolean notProcessed,
      Duration retryAfter) {
    /** Checks the fields. */
    public Failure {
      requireNonNull(cause, "cause == null");
      requireNonNull(retryAfter, "retryAfter == null");
    }
  }

  /** Checks the fields. */
  public RetryDecision {
    requireNonNull(action, "action == null");
    requireNonNull(delay, "delay == null");
    requireNonNull(rule, "rule == null");
  }

  /**
   * Decides what follows a failed attempt.
   *
   * @param failure what went wrong
   * @param attempt the attempt that failed, from 1
   * @param op the operation (its kind and whether the runtime retries it)
   * @param canRefresh whether the token may still be refreshed for this call (a provider exists, a
   *     token was sent, no refresh happened yet in the call)
   * @param policy the retry policy (attempts, back-off, max Retry-After)
   * @param budgetLeft the time left in the call's budget
   * @return the decision; never {@code null}
   */
  public static RetryDecision decide(
      Failure failure,
      int attempt,
      Operation op,
      boolean canRefresh,
      RetryPolicy policy,
      Duration budgetLeft) {
    boolean create = op.kind() == Operation.Kind.CREATE;
    Cause c = failure.cause();
    if (c == Cause.AUTH_REJECTED && canRefresh) {
      return new RetryDecision(Action.RETRY, Duration.ZERO, "refresh");
    }
    if (create && c != Cause.RATE_LIMITED && failure.status() >= 500 && !failure.notProcessed()) {
      return new RetryDecision(Action.UNKNOWN, Duration.ZERO, "create, 5xx");
    }
    if (c == Cause.UNEXPECTED && !failure.sent()) {
      return new RetryDecision(Action.FAIL, Duration.ZERO, "unexpected, not sent");
    }
    if (create
        && failure.sent()
        && (c == Cause.IO_ERROR || c == Cause.UNEXPECTED || c == Cause.UNREADABLE_BODY)) {
      return new RetryDecision(Action.UNKNOWN, Duration.ZERO, "create, sent");
    }
    if (!failure.retryable() || !op.retried() || attempt >= policy.maxAttempts()) {
      return new RetryDecision(Action.FAIL, Duration.ZERO, "not retryable");
    }
    Duration wait = policy.backoff(attempt);
    if (c == Cause.RATE_LIMITED) {
      Duration ra = failure.retryAfter();
      if (ra.compareTo(policy.maxRetryAfter()) > 0) {
        return new RetryDecision(Action.FAIL, Duration.ZERO, "retry-after too long");
      }
      if (!ra.isZero()) {
        wait = ra;
      }
    }
    if (wait.compareTo(budgetLeft) > 0) {
      return new RetryDecision(Action.FAIL, Duration.ZERO, "budget");
    }
    return new RetryDecision(Action.WAIT, wait, "wait");
  }
}
