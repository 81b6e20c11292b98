package io.smo.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.smo.core.Platform;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.TransportException;
import io.smo.core.fake.FakeTime;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.FileChunk;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.spi.ProcessingStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okio.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resumable chunked upload against a fake server {@link ChunkedUploader.Protocol} that records
 * every byte range it was sent and can lose parts of a chunk or drop the answer.
 */
class ChunkedUploaderTest {
  static final MediaType MP4 = MediaType.get("video/mp4");
  static final RetryPolicy RETRY = RetryPolicy.builder().maxAttempts(3).jitter(0).build();

  @TempDir Path dir;
  byte[] content;
  Path file;
  FakeTime time;
  List<UploadProgress> events;

  @BeforeEach
  void setUp() throws IOException {
    content = new byte[1_000_000 + 123];
    new Random(42).nextBytes(content);
    file = Files.write(dir.resolve("clip.mp4"), content);
    time = new FakeTime();
    events = new CopyOnWriteArrayList<>();
  }

  /** The fake server: keeps received bytes, records sent ranges. */
  static class Server implements ChunkedUploader.Protocol {
    final long chunk;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final List<long[]> sentRanges = new ArrayList<>();
    int queries;

    /**
     * Chunk index (by send count) at which only half the bytes arrive, then the connection drops.
     */
    int failHalfAt = -1;

    /** Send count at which all bytes arrive but the answer is lost (timeout). */
    int loseAnswerAt = -1;

    int sends;

    Server(long chunk) {
      this.chunk = chunk;
    }

    long offset() {
      return received.size();
    }

    @Override
    public long chunkLength(long offset, long total) {
      return chunk;
    }

    @Override
    public long send(FileChunk c, long total) {
      int n = sends++;
      sentRanges.add(new long[] {c.offset(), c.offset() + c.length()});
      if (c.offset() != offset()) {
        throw new AssertionError(
            "client sent from " + c.offset() + " but the server has " + offset());
      }
      Buffer b = new Buffer();
      try {
        c.writeTo(b);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      byte[] bytes = b.readByteArray();
      assertThat((long) bytes.length).isEqualTo(c.length());
      if (n == failHalfAt) {
        received.write(bytes, 0, bytes.length / 2);
        throw new TransportException(
            Platform.YOUTUBE, "upload chunk", "connection reset", null, true);
      }
      received.write(bytes, 0, bytes.length);
      if (n == loseAnswerAt) {
        throw new TransportException(Platform.YOUTUBE, "upload chunk", "timed out", null, true);
      }
      return offset();
    }

    @Override
    public long queryOffset(long total) {
      queries++;
      return offset();
    }
  }

  long upload(Server s) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return ChunkedUploader.upload(
          Platform.YOUTUBE,
          "clip.mp4",
          ch,
          content.length,
          MP4,
          s,
          events::add,
          RETRY,
          time.sleeper());
    }
  }

  static long bytesSent(Server s) {
    return s.sentRanges.stream().mapToLong(r -> r[1] - r[0]).sum();
  }

  @Test
  void uploadsEveryByteOnceInOrder() throws IOException {
    Server s = new Server(256 * 1024);
    assertThat(upload(s)).isEqualTo(content.length);
    assertThat(s.received.toByteArray()).isEqualTo(content);
    assertThat(s.sentRanges).hasSize(4);
    assertThat(bytesSent(s)).isEqualTo(content.length);
    assertThat(s.queries).isZero();
    assertThat(events.get(0).state()).isEqualTo(UploadState.UPLOADING);
    assertThat(events.get(events.size() - 1).bytesSent()).isEqualTo(content.length);
    assertThat(events).extracting(UploadProgress::bytesSent).isSorted();
  }

  @Test
  void resumesFromTheServersOffsetAndSendsNoAcceptedByteTwice() throws IOException {
    Server s = new Server(256 * 1024);
    s.failHalfAt = 1; // second chunk: the server keeps only its first half
    assertThat(upload(s)).isEqualTo(content.length);
    assertThat(s.received.toByteArray()).isEqualTo(content);
    assertThat(s.queries).isEqualTo(1);
    // the re-send starts exactly where the server's bytes end (the Server asserts it on every send)
    long half = 256 * 1024 + 128 * 1024;
    assertThat(s.sentRanges.get(2)[0]).isEqualTo(half);
    // accepted ranges never overlap: total accepted == file size
    assertThat(s.received.size()).isEqualTo(content.length);
    assertThat(events).extracting(UploadProgress::state).contains(UploadState.RESUMING);
    assertThat(time.sleeps()).containsExactly(RETRY.backoff(1));
  }

  @Test
  void aCompletedLookingUploadIsNeverSentAgain() throws IOException {
    Server s = new Server(256 * 1024);
    s.loseAnswerAt = 3; // the last chunk arrives whole, but its answer is lost
    assertThat(upload(s)).isEqualTo(content.length);
    assertThat(s.queries).isEqualTo(1); // the status query says complete
    assertThat(s.sentRanges).hasSize(4);
    assertThat(bytesSent(s)).isEqualTo(content.length);
  }

  @Test
  void givesUpAfterMaxAttemptsInARow() {
    Server broken =
        new Server(1000) {
          @Override
          public long send(FileChunk c, long total) {
            throw new TransportException(Platform.YOUTUBE, "upload chunk", "reset", null, true);
          }
        };
    assertThatThrownBy(() -> upload(broken))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(events.get(events.size() - 1).state()).isEqualTo(UploadState.FAILED);
  }

  @Test
  void nonRetryableErrorsStopAtOnce() {
    Server s =
        new Server(1000) {
          @Override
          public long send(FileChunk c, long total) {
            throw new InvalidRequestException(
                ErrorDetails.builder(Platform.YOUTUBE, "upload").httpStatus(400).build());
          }
        };
    assertThatThrownBy(() -> upload(s)).isInstanceOf(InvalidRequestException.class);
    assertThat(s.queries).isZero();
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aServerThatMakesNoProgressDoesNotLoopForever() {
    Server stuck =
        new Server(1000) {
          @Override
          public long send(FileChunk c, long total) {
            sends++;
            return c.offset(); // accepts nothing, e.g. a 308 without a Range header, forever
          }
        };
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThatThrownBy(() -> upload(stuck))
                .isInstanceOfSatisfying(
                    TransportException.class,
                    e -> assertThat(e.getMessage()).contains("no progress")));
    assertThat(stuck.sends).isLessThanOrEqualTo(RETRY.maxAttempts());
  }

  @Test
  void fileChunkStreamsItsRangeOnly() throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      FileChunk c = new FileChunk(ch, 100_000, 200_000, MP4);
      assertThat(c.contentLength()).isEqualTo(200_000);
      assertThat(c.contentType()).isEqualTo(MP4);
      Buffer b = new Buffer();
      c.writeTo(b);
      byte[] expected = java.util.Arrays.copyOfRange(content, 100_000, 300_000);
      assertThat(b.readByteArray()).isEqualTo(expected);
      // re-readable: a retry can write it again
      c.writeTo(b);
      assertThat(b.size()).isEqualTo(200_000);
      FileChunk beyond = new FileChunk(ch, content.length - 10, 20, MP4);
      assertThatThrownBy(() -> beyond.writeTo(new Buffer())).isInstanceOf(IOException.class);
    }
  }

  @Test
  void processingDeadlineIsAMediaProcessingException() {
    int[] checks = {0};
    assertThatThrownBy(
            () ->
                ProcessingPoller.poll(
                    Platform.TIKTOK,
                    "wait for processing",
                    "m-1",
                    () -> {
                      checks[0]++;
                      return ProcessingStatus.<String>pending("PROCESSING_UPLOAD", 40, null);
                    },
                    Duration.ofMinutes(2),
                    Duration.ofSeconds(1),
                    time,
                    time.sleeper(),
                    events::add,
                    10))
        .isInstanceOfSatisfying(
            MediaProcessingException.class,
            e -> {
              assertThat(e.mediaId()).hasValue("m-1");
              assertThat(e.state()).hasValue("PROCESSING_UPLOAD");
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("did not finish within PT2M");
            });
    // backoff 1, 2, 4, 8, 16, 30, 30 ... bounded by the deadline
    assertThat(time.sleeps())
        .startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(time.sleeps())
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    assertThat(time.instant()).isBeforeOrEqualTo(FakeTime.START.plus(Duration.ofMinutes(2)));
    assertThat(checks[0]).isLessThan(15);
    assertThat(events)
        .extracting(UploadProgress::state)
        .contains(UploadState.PROCESSING)
        .endsWith(UploadState.FAILED);
  }

  @Test
  void processingSucceedsOrFailsWithThePlatformState() {
    int[] checks = {0};
    String id =
        ProcessingPoller.poll(
            Platform.INSTAGRAM,
            "container status",
            "c-1",
            () ->
                ++checks[0] < 3
                    ? ProcessingStatus.pending("IN_PROGRESS", null, Duration.ofSeconds(5))
                    : ProcessingStatus.succeeded("FINISHED", "c-1"),
            Duration.ofMinutes(5),
            Duration.ofSeconds(1),
            time,
            time.sleeper(),
            events::add,
            10);
    assertThat(id).isEqualTo("c-1");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(events.get(events.size() - 1).state()).isEqualTo(UploadState.READY);

    assertThatThrownBy(
            () ->
                ProcessingPoller.poll(
                    Platform.INSTAGRAM,
                    "container status",
                    "c-2",
                    () -> ProcessingStatus.<String>failed("ERROR", "2207026"),
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(1),
                    time,
                    time.sleeper(),
                    UploadListener.NONE,
                    10))
        .isInstanceOfSatisfying(
            MediaProcessingException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.state()).hasValue("ERROR");
              assertThat(e.getMessage()).contains("2207026");
            });
  }

  @Test
  void aThrowingListenerDoesNotBreakTheUpload() throws IOException {
    Server s = new Server(400_000);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      assertThat(
              ChunkedUploader.upload(
                  Platform.YOUTUBE,
                  "clip.mp4",
                  ch,
                  content.length,
                  MP4,
                  s,
                  p -> {
                    throw new IllegalStateException("listener bug");
                  },
                  RETRY,
                  time.sleeper()))
          .isEqualTo(content.length);
    }
  }
}
