package io.smo.core.upload.spi;

import io.smo.core.SmoProtectedApi;
import java.time.Duration;
import java.util.Optional;

/**
 * One answer of a platform's processing-status endpoint, for {@link ProcessingPoller}: done, failed
 * or still going, the platform's state name, percent, the server-advised wait before the next check
 * (X {@code check_after_secs}), and the result when done.
 *
 * @param <T> the result type (a media id, a container id, a post id)
 */
@SmoProtectedApi
public final class ProcessingStatus<T> {
  /** Coarse outcome. */
  public enum Outcome {
    /** Still processing. */
    PENDING,
    /** Ready. */
    SUCCEEDED,
    /** Failed for good. */
    FAILED
  }

  private final Outcome outcome;
  private final String platformState;
  private final Integer percent;
  private final Duration checkAfter;
  private final T result;
  private final String message;

  private ProcessingStatus(
      Outcome outcome,
      String platformState,
      Integer percent,
      Duration checkAfter,
      T result,
      String message) {
    this.outcome = outcome;
    this.platformState = platformState;
    this.percent = percent;
    this.checkAfter = checkAfter;
    this.result = result;
    this.message = message;
  }

  /** Returns a pending status. */
  public static <T> ProcessingStatus<T> pending(
      String platformState, Integer percent, Duration checkAfter) {
    return new ProcessingStatus<>(Outcome.PENDING, platformState, percent, checkAfter, null, null);
  }

  /** Returns a success with its result. */
  public static <T> ProcessingStatus<T> succeeded(String platformState, T result) {
    return new ProcessingStatus<>(Outcome.SUCCEEDED, platformState, 100, null, result, null);
  }

  /** Returns a failure with the platform's explanation. */
  public static <T> ProcessingStatus<T> failed(String platformState, String message) {
    return new ProcessingStatus<>(Outcome.FAILED, platformState, null, null, null, message);
  }

  /** Returns the outcome. */
  public Outcome outcome() {
    return outcome;
  }

  /** Returns the platform's state name. */
  public String platformState() {
    return platformState;
  }

  /** Returns the percent, if reported. */
  public Optional<Integer> percent() {
    return Optional.ofNullable(percent);
  }

  /** Returns the server-advised wait, if given. */
  public Optional<Duration> checkAfter() {
    return Optional.ofNullable(checkAfter);
  }

  /** Returns the result when succeeded. */
  public T result() {
    return result;
  }

  /** Returns the failure message when failed. */
  public String message() {
    return message;
  }
}
