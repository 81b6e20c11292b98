package io.smo.core.upload.spi;

import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.resilience.Sleeper;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Polls a platform's processing status with back-off (or the server-advised wait) until it succeeds
 * or fails, under a deadline: reaching the deadline is a {@link MediaProcessingException}, never an
 * endless loop. Reports each state to an {@link UploadListener}.
 *
 * <p>A server-advised wait of zero, a negative one, or none at all never makes a tight loop: every
 * wait is at least {@link #MIN_INTERVAL} (or the caller's initial interval when that is shorter),
 * and the deadline always wins: it is checked after every status call, and a wait that would pass
 * it ends the polling at once.
 */
@SmoProtectedApi
public final class ProcessingPoller {
  /** The shortest wait between two status calls, whatever the server advises: 1 second. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  private ProcessingPoller() {}

  /**
   * Polls until done.
   *
   * @param platform the platform
   * @param operation the SDK operation, for errors
   * @param mediaId the media or container id, for errors and progress
   * @param check one status call
   * @param deadline the longest time to wait in all
   * @param initialInterval the first wait when the server advises none (doubles up to 30 s)
   * @param clock the clock
   * @param sleeper the sleeper
   * @param listener receives PROCESSING, then READY or FAILED
   * @param totalBytes the media size for progress snapshots (0 when unknown)
   * @return the result of the succeeded status
   * @throws MediaProcessingException when processing failed or the deadline passed
   */
  public static <T> T poll(
      Platform platform,
      String operation,
      String mediaId,
      Supplier<ProcessingStatus<T>> check,
      Duration deadline,
      Duration initialInterval,
      Clock clock,
      Sleeper sleeper,
      UploadListener listener,
      long totalBytes) {
    Instant end = clock.instant().plus(deadline);
    Duration interval =
        initialInterval.isNegative() || initialInterval.isZero() ? MIN_INTERVAL : initialInterval;
    Duration floor = interval.compareTo(MIN_INTERVAL) < 0 ? interval : MIN_INTERVAL;
    String last = null;
    while (true) {
      ProcessingStatus<T> s = check.get();
      last = s.platformState();
      switch (s.outcome()) {
        case SUCCEEDED -> {
          ChunkedUploader.notify(
              listener,
              new UploadProgress(
                  platform, mediaId, UploadState.READY, totalBytes, totalBytes, last, 100));
          return s.result();
        }
        case FAILED -> {
          ChunkedUploader.notify(
              listener,
              new UploadProgress(
                  platform, mediaId, UploadState.FAILED, totalBytes, totalBytes, last, null));
          throw new MediaProcessingException(
              platform,
              operation,
              mediaId,
              last,
              "processing failed" + (s.message() != null ? ": " + s.message() : ""),
              false);
        }
        default ->
            ChunkedUploader.notify(
                listener,
                new UploadProgress(
                    platform,
                    mediaId,
                    UploadState.PROCESSING,
                    totalBytes,
                    totalBytes,
                    last,
                    s.percent().orElse(null)));
      }
      Duration wait = s.checkAfter().filter(d -> !d.isNegative()).orElse(interval);
      if (wait.compareTo(floor) < 0) {
        wait = floor; // "check_after_secs": 0 must not poll in a tight loop
      }
      Duration left = Duration.between(clock.instant(), end);
      if (left.isNegative() || left.isZero() || wait.compareTo(left) > 0) {
        ChunkedUploader.notify(
            listener,
            new UploadProgress(
                platform, mediaId, UploadState.FAILED, totalBytes, totalBytes, last, null));
        throw new MediaProcessingException(
            platform,
            operation,
            mediaId,
            last,
            "processing did not finish within " + deadline,
            true);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MediaProcessingException(
            platform, operation, mediaId, last, "interrupted while waiting for processing", true);
      }
      interval =
          interval.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
              ? Duration.ofSeconds(30)
              : interval.multipliedBy(2);
    }
  }
}
