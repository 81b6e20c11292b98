package io.smo.examples.cli;

import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows one progress bar per upload (me.tongfei:progressbar): bytes sent of total, then the
 * platform's processing states, then ready or failed.
 */
final class Progress implements UploadListener, AutoCloseable {
  private final Map<String, ProgressBar> bars = new ConcurrentHashMap<>();
  private final PrintStream out;

  Progress(PrintStream out) {
    this.out = out;
  }

  private final boolean terminal = System.console() != null;

  @Override
  public void onProgress(UploadProgress p) {
    if (!terminal) {
      // not a terminal (piped, CI): one line per finished upload instead of redrawn bars
      if (p.state() == UploadState.READY || p.state() == UploadState.FAILED) {
        out.printf("upload %-10s %s: %s (%d bytes)%s%n", p.platform().id(), p.mediaName(),
            p.state().name().toLowerCase(java.util.Locale.ROOT), p.totalBytes(),
            p.platformState().map(s -> " " + s).orElse(""));
      }
      return;
    }
    String key = p.platform().id() + " " + p.mediaName();
    boolean bytes = p.totalBytes() > 0;
    ProgressBar bar = bars.computeIfAbsent(key, k -> {
      ProgressBarBuilder b = new ProgressBarBuilder()
          .setTaskName(shorten(k))
          .setInitialMax(bytes ? p.totalBytes() : 100)
          .setStyle(ProgressBarStyle.ASCII)
          .continuousUpdate()
          .setConsumer(new ConsoleProgressBarConsumer(out));
      if (bytes) {
        b.setUnit(" KiB", 1024).showSpeed();
      } else {
        b.setUnit("%", 1);
      }
      return b.build();
    });
    if (bytes) {
      bar.stepTo(Math.min(p.bytesSent(), p.totalBytes()));
    } else {
      bar.stepTo(p.state() == UploadState.READY ? 100 : p.percent().orElse(0));
    }
    String state = p.state().name().toLowerCase(java.util.Locale.ROOT)
        + p.platformState().map(s -> " " + s).orElse("")
        + (p.percent().isPresent() ? " " + p.percent().getAsInt() + "%" : "");
    bar.setExtraMessage(state);
    if (p.state() == UploadState.READY || p.state() == UploadState.FAILED) {
      bar.close();
    }
  }

  private static String shorten(String s) {
    return s.length() > 34 ? "…" + s.substring(s.length() - 33) : s;
  }

  @Override
  public void close() {
    bars.values().forEach(ProgressBar::close);
  }
}
