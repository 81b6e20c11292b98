package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upload progress as a terminal shows it: the escape sequences {@link Progress} writes are played
 * on a small screen model (carriage return, cursor up, erase below, newline), and the screen must
 * end with exactly one clean line per upload — also when the media name changes on the way, when an
 * upload sends no READY, and when events arrive after {@link Progress#close()}.
 */
class ProgressTest {
  private static final long SIZE = 647_774;

  /** Plays what {@link Progress} wrote on a screen model; returns the visible lines. */
  static List<String> screen(String written) {
    List<StringBuilder> rows = new ArrayList<>();
    rows.add(new StringBuilder());
    int row = 0;
    int col = 0;
    for (int i = 0; i < written.length(); i++) {
      char ch = written.charAt(i);
      if (ch == '\r') {
        col = 0;
      } else if (ch == '\n') {
        row++;
        col = 0;
        while (rows.size() <= row) {
          rows.add(new StringBuilder());
        }
      } else if (ch == '\u001b') {
        int end = i + 2;
        while (!Character.isLetter(written.charAt(end))) {
          end++;
        }
        String arg = written.substring(i + 2, end);
        char cmd = written.charAt(end);
        if (cmd == 'A') {
          row = Math.max(0, row - Integer.parseInt(arg));
        } else if (cmd == 'J') {
          rows.get(row).setLength(col);
          while (rows.size() > row + 1) {
            rows.remove(rows.size() - 1);
          }
        } else {
          throw new AssertionError("unexpected escape " + cmd);
        }
        i = end;
      } else {
        StringBuilder r = rows.get(row);
        while (r.length() < col) {
          r.append(' ');
        }
        if (col < r.length()) {
          r.setCharAt(col, ch);
        } else {
          r.append(ch);
        }
        col++;
      }
    }
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.toString()));
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static UploadProgress ev(
      Platform p, String name, UploadState s, long sent, long total, String ps, Integer pct) {
    return new UploadProgress(p, name, s, sent, total, ps, pct);
  }

  /**
   * A YouTube-like video (file name, then a video id while processing) and an image without READY.
   */
  private static void twoUploads(Progress progress) throws InterruptedException {
    Thread youtube =
        new Thread(
            () -> {
              progress.onProgress(
                  ev(
                      Platform.YOUTUBE,
                      "/tmp/media/launch-clip.mp4",
                      UploadState.STARTING,
                      0,
                      SIZE,
                      null,
                      null));
              for (long sent = 0; sent <= SIZE; sent += SIZE / 4) {
                progress.onProgress(
                    ev(
                        Platform.YOUTUBE,
                        "launch-clip.mp4",
                        UploadState.UPLOADING,
                        sent,
                        SIZE,
                        null,
                        null));
              }
              progress.onProgress(
                  ev(
                      Platform.YOUTUBE,
                      "launch-clip.mp4",
                      UploadState.UPLOADING,
                      SIZE,
                      SIZE,
                      null,
                      null));
              progress.onProgress(
                  ev(
                      Platform.YOUTUBE,
                      "gXvOYf82DXU",
                      UploadState.PROCESSING,
                      SIZE,
                      SIZE,
                      "processing",
                      0));
              progress.onProgress(
                  ev(
                      Platform.YOUTUBE,
                      "gXvOYf82DXU",
                      UploadState.PROCESSING,
                      SIZE,
                      SIZE,
                      "processing",
                      60));
              progress.onProgress(
                  ev(
                      Platform.YOUTUBE,
                      "gXvOYf82DXU",
                      UploadState.READY,
                      SIZE,
                      SIZE,
                      "succeeded",
                      100));
            });
    Thread twitter =
        new Thread(
            () -> {
              progress.onProgress(
                  ev(
                      Platform.TWITTER,
                      "launch-photo.jpg",
                      UploadState.UPLOADING,
                      0,
                      1000,
                      null,
                      null));
              progress.onProgress(
                  ev(
                      Platform.TWITTER,
                      "launch-photo.jpg",
                      UploadState.UPLOADING,
                      1000,
                      1000,
                      null,
                      null));
              progress.platformDone(
                  Platform.TWITTER); // publish returned: images need no processing
            });
    youtube.start();
    twitter.start();
    youtube.join();
    twitter.join();
  }

  @Test
  void onATerminalEachUploadEndsAsOneCleanLine() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    Progress progress = new Progress(out, true, 100);
    twoUploads(progress);
    progress.close();
    int afterClose = buf.size();
    // late events (a poller still running) and a second close draw nothing
    progress.onProgress(
        ev(Platform.YOUTUBE, "gXvOYf82DXU", UploadState.PROCESSING, SIZE, SIZE, "processing", 99));
    progress.close();
    assertThat(buf.size()).isEqualTo(afterClose);

    String written = buf.toString(StandardCharsets.UTF_8);
    assertThat(written).contains("\u001b["); // it did draw live rows
    assertThat(screen(written))
        .containsExactlyInAnyOrder(
            "upload youtube    launch-clip.mp4: ready (647774 bytes) succeeded",
            "upload twitter    launch-photo.jpg: sent (1000 bytes)");
  }

  @Test
  void liveRowsNeverWrapAndNothingStaysAtZeroPercent() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    Progress progress = new Progress(out, true, 40);
    progress.onProgress(
        ev(
            Platform.TIKTOK,
            "a-very-long-media-file-name-for-a-narrow-terminal.mp4",
            UploadState.UPLOADING,
            10,
            SIZE,
            null,
            null));
    List<String> live = screen(buf.toString(StandardCharsets.UTF_8));
    assertThat(live).hasSize(1);
    assertThat(live.get(0).length()).isLessThan(40);
    progress.close(); // the upload never finished: its line says where it stopped
    assertThat(screen(buf.toString(StandardCharsets.UTF_8)))
        .containsExactly(
            "upload tiktok     a-very-long-media-file-name-for-a-narrow-terminal.mp4: ended while uploading (647774 bytes)");
  }

  @Test
  @org.junit.jupiter.api.parallel.ResourceLock(org.junit.jupiter.api.parallel.Resources.SYSTEM_ERR)
  void logLinesWrittenToStderrMeanwhileGoAboveTheLiveRows() {
    PrintStream saved = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(buf, true, StandardCharsets.UTF_8);
    try {
      System.setErr(terminal);
      Progress progress = new Progress(System.err, true, 100);
      progress.onProgress(
          ev(Platform.TWITTER, "launch-photo.jpg", UploadState.UPLOADING, 10, 1000, null, null));
      System.err.println(
          "WARN ApiRuntime - twitter: 429, retrying in 2 s"); // as slf4j-simple writes it
      progress.onProgress(
          ev(Platform.TWITTER, "launch-photo.jpg", UploadState.UPLOADING, 1000, 1000, null, null));
      progress.platformDone(Platform.TWITTER);
      progress.close();
      assertThat(System.err).as("stderr restored").isSameAs(terminal);
    } finally {
      System.setErr(saved);
    }
    assertThat(screen(buf.toString(StandardCharsets.UTF_8)))
        .containsExactly(
            "WARN ApiRuntime - twitter: 429, retrying in 2 s",
            "upload twitter    launch-photo.jpg: sent (1000 bytes)");
  }

  @Test
  void offATerminalOnlyTheFinishedLinesArePrinted() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), false, 80);
    twoUploads(progress);
    progress.close();
    String written = buf.toString(StandardCharsets.UTF_8);
    assertThat(written).doesNotContain("\r").doesNotContain("\u001b");
    assertThat(written.lines())
        .containsExactlyInAnyOrder(
            "upload youtube    launch-clip.mp4: ready (647774 bytes) succeeded",
            "upload twitter    launch-photo.jpg: sent (1000 bytes)");
  }
}
