package io.smo.examples.cli;

import io.smo.core.Platform;
import io.smo.core.SocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Upload progress on stderr: exactly one line per upload.
 *
 * <p>An upload is the run of progress events of one platform on one thread (the media name may
 * change on the way: a file name while bytes are sent, the platform's media id while it processes).
 * It ends with {@code READY} or {@code FAILED}, or when the platform's publish call returns
 * (uploads that need no processing send no {@code READY}); its line then says how it ended: {@code
 * upload facebook launch-photo.jpg: sent (647776 bytes)}.
 *
 * <p>On a terminal ({@code -Dsmo.progress=terminal}, which {@code ./smo} sets when stderr is a
 * terminal) the uploads still running are shown live below the finished lines — bytes sent of
 * total, then the platform's processing state — and redrawn in place with ANSI cursor movement, one
 * row each, cut to the terminal width so rows never wrap. Elsewhere (piped, CI, tests) only the
 * finished lines are printed, plain. {@link #close()} finishes the remaining lines and clears the
 * live rows; nothing is drawn after it, so the result table stays the last thing on screen.
 */
final class Progress implements UploadListener, AutoCloseable {
  /** Smallest interval between two redraws of byte counts on a terminal, in nanoseconds. */
  private static final long REDRAW_NANOS = 80_000_000L;

  private final PrintStream out;
  private final boolean terminal;
  private final int columns;
  private final List<Line> open = new ArrayList<>();
  private int drawnRows;
  private long lastDraw;
  private boolean closed;

  /** One upload. */
  private static final class Line {
    final Platform platform;
    final long thread;
    final String name;
    final Set<String> names = new LinkedHashSet<>();
    UploadProgress last;

    Line(UploadProgress first, long thread) {
      this.platform = first.platform();
      this.thread = thread;
      String n = first.mediaName() == null ? "media" : first.mediaName();
      this.name = n.substring(n.lastIndexOf('/') + 1); // a file name, not the whole path
      names.add(this.name);
    }
  }

  /** Progress on {@code out}, on a terminal or plain as {@link #terminalDetected()} says. */
  Progress(PrintStream out) {
    this(out, terminalDetected(), columnsDetected());
  }

  /**
   * Progress on {@code out}.
   *
   * @param out where lines go (stderr)
   * @param terminal whether to draw live rows with ANSI escapes
   * @param columns the terminal width in characters; live rows are cut to one less
   */
  Progress(PrintStream out, boolean terminal, int columns) {
    this.out = out;
    this.terminal = terminal;
    this.columns = Math.max(20, columns);
    if (terminal && out == System.err) {
      // log lines (retry warnings...) written to stderr meanwhile go above the live rows, whole
      savedErr = System.err;
      catcher = new LineCatcher();
      System.setErr(new PrintStream(catcher, true, java.nio.charset.StandardCharsets.UTF_8));
    } else {
      savedErr = null;
      catcher = null;
    }
  }

  /** The stderr replaced while live rows are shown, or null. */
  private final PrintStream savedErr;

  /** What replaced it, or null. */
  private final LineCatcher catcher;

  /** Collects what others write to stderr and prints each whole line above the live rows. */
  private final class LineCatcher extends java.io.OutputStream {
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    @Override
    public void write(int b) {
      synchronized (Progress.this) {
        if (b == '\n') {
          printAbove(line.toString(java.nio.charset.StandardCharsets.UTF_8));
          line.reset();
        } else {
          line.write(b);
        }
      }
    }

    @Override
    public void flush() {
      // whole lines only: a partial line waits for its newline (or for close)
    }

    void drain() {
      if (line.size() > 0) {
        printAbove(line.toString(java.nio.charset.StandardCharsets.UTF_8));
        line.reset();
      }
    }
  }

  /** Prints a line of someone else's output above the live rows (or plainly once closed). */
  private synchronized void printAbove(String text) {
    if (closed || !terminal) {
      out.println(text);
      out.flush();
    } else {
      draw(List.of(text));
    }
  }

  /**
   * Whether stderr is a terminal: {@code -Dsmo.progress=terminal|plain} when given ({@code ./smo}
   * passes it from {@code [ -t 2 ]}), else whether the JVM has a console and {@code TERM} is not
   * {@code dumb}.
   */
  static boolean terminalDetected() {
    String mode = System.getProperty("smo.progress");
    if (mode != null) {
      return mode.trim().equalsIgnoreCase("terminal");
    }
    return consoleIsTerminal() && !"dumb".equals(System.getenv("TERM"));
  }

  /**
   * Whether a console is attached to a terminal: before JDK 22 a console exists only then; from JDK
   * 22 {@code System.console()} always answers, and {@code Console.isTerminal()} (called
   * reflectively, as the SDK targets Java 17) tells.
   */
  @SuppressWarnings(
      "SystemConsoleNull") // the null check is the pre-22 answer; 22+ asks isTerminal()
  private static boolean consoleIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** The terminal width: {@code -Dsmo.columns}, else {@code $COLUMNS}, else 80. */
  static int columnsDetected() {
    Integer c = Integer.getInteger("smo.columns");
    if (c == null) {
      try {
        c = Integer.valueOf(System.getenv().getOrDefault("COLUMNS", "80").trim());
      } catch (NumberFormatException e) {
        c = 80;
      }
    }
    return c;
  }

  /**
   * Returns {@code client} with its publish calls reported to this progress: when {@code publish}
   * returns or throws, the platform's unfinished uploads end. Every other call goes straight to
   * {@code client}.
   */
  SocialClient track(SocialClient client) {
    Platform platform = client.platform();
    return (SocialClient)
        Proxy.newProxyInstance(
            SocialClient.class.getClassLoader(),
            new Class<?>[] {SocialClient.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(client, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              } finally {
                if (method.getName().equals("publish")) {
                  platformDone(platform);
                }
              }
            });
  }

  @Override
  public synchronized void onProgress(UploadProgress p) {
    if (closed || p == null || p.platform() == null) {
      return;
    }
    long thread = Thread.currentThread().getId();
    Line line = null;
    for (Line l : open) {
      if (l.platform == p.platform() && (l.thread == thread || l.names.contains(p.mediaName()))) {
        line = l;
        break;
      }
    }
    boolean fresh = line == null;
    if (fresh) {
      line = new Line(p, thread);
      open.add(line);
    }
    boolean stateChanged =
        line.last == null
            || line.last.state() != p.state()
            || !line.last.platformState().equals(p.platformState());
    line.last = p;
    if (p.mediaName() != null) {
      line.names.add(p.mediaName());
    }
    if (p.state() == UploadState.READY || p.state() == UploadState.FAILED) {
      finish(List.of(line));
    } else if (terminal) {
      long now = System.nanoTime();
      if (fresh || stateChanged || now - lastDraw >= REDRAW_NANOS) {
        draw(List.of());
      }
    }
  }

  /** Ends the unfinished uploads of {@code platform} (its publish call returned). */
  synchronized void platformDone(Platform platform) {
    if (closed) {
      return;
    }
    List<Line> done = new ArrayList<>();
    open.forEach(
        l -> {
          if (l.platform == platform) {
            done.add(l);
          }
        });
    if (!done.isEmpty()) {
      finish(done);
    }
  }

  private void finish(List<Line> lines) {
    open.removeAll(lines);
    List<String> text = new ArrayList<>();
    lines.forEach(l -> text.add(finalLine(l)));
    if (terminal) {
      draw(text);
    } else {
      text.forEach(out::println);
      out.flush();
    }
  }

  /** The line an ended upload leaves, the same on a terminal and elsewhere. */
  static String finalLine(Platform platform, String name, UploadProgress last) {
    String how =
        switch (last.state()) {
          case READY -> "ready";
          case FAILED -> "failed";
          default ->
              last.totalBytes() > 0 && last.bytesSent() >= last.totalBytes()
                  ? "sent"
                  : "ended while " + last.state().name().toLowerCase(Locale.ROOT);
        };
    long bytes = last.totalBytes();
    return String.format(
        Locale.ROOT,
        "upload %-10s %s: %s%s%s",
        platform.id(),
        name,
        how,
        bytes > 0 ? " (" + bytes + " bytes)" : "",
        last.platformState().map(s -> " " + s).orElse(""));
  }

  private static String finalLine(Line l) {
    return finalLine(l.platform, l.name, l.last);
  }

  /** The live row of a running upload. */
  private String row(Line l) {
    UploadProgress p = l.last;
    StringBuilder s =
        new StringBuilder(String.format(Locale.ROOT, "upload %-10s %s ", l.platform.id(), l.name));
    boolean bytes = p.totalBytes() > 0 && p.state() != UploadState.PROCESSING;
    if (bytes) {
      long sent = Math.min(Math.max(p.bytesSent(), 0), p.totalBytes());
      int pct = (int) (sent * 100 / p.totalBytes());
      int width = 20;
      int filled = pct * width / 100;
      s.append('[')
          .append("#".repeat(filled))
          .append(".".repeat(width - filled))
          .append("] ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%3d%% %d/%d KiB ",
                  pct,
                  sent / 1024,
                  (p.totalBytes() + 1023) / 1024));
    }
    s.append(p.state().name().toLowerCase(Locale.ROOT));
    p.platformState().ifPresent(st -> s.append(' ').append(st));
    p.percent().ifPresent(pc -> s.append(' ').append(pc).append('%'));
    String r = s.toString();
    return r.length() >= columns ? r.substring(0, columns - 4) + "..." : r;
  }

  /** Redraws: clears the live rows, prints {@code finished} for good, then the live rows again. */
  private void draw(List<String> finished) {
    StringBuilder s = new StringBuilder();
    if (drawnRows > 0) {
      s.append("\r\033[").append(drawnRows).append('A');
    }
    s.append("\r\033[J");
    finished.forEach(f -> s.append(f).append('\n'));
    open.forEach(l -> s.append(row(l)).append('\n'));
    drawnRows = open.size();
    lastDraw = System.nanoTime();
    out.print(s);
    out.flush();
  }

  /**
   * Ends every upload still open and clears the live rows; events arriving later are ignored, so
   * nothing is drawn after the caller's next output. Safe to call more than once.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    if (catcher != null) {
      catcher.drain();
    }
    if (!open.isEmpty()) {
      finish(new ArrayList<>(open));
    } else if (terminal && drawnRows > 0) {
      draw(List.of());
    }
    closed = true;
    if (savedErr != null) {
      System.setErr(savedErr);
    }
  }
}
