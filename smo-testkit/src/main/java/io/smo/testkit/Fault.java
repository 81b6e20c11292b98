package io.smo.testkit;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A scripted fault for the next {@link #times()} requests that match: a method (or any) and a path
 * regex below the platform prefix (or any). Immutable; inject with {@link
 * Sandbox#inject(io.smo.core.Platform, Fault)}.
 *
 * <pre>{@code
 * sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.CREATED_THEN_RESET).on("POST", "/2/tweets"));
 * sandbox.inject(Platform.YOUTUBE, Fault.of(Fault.Kind.HTTP_429).times(2));
 * }</pre>
 */
@SmoPublicApi
public final class Fault {
  /** What goes wrong. */
  public enum Kind {
    /**
     * 429 with the platform's own throttling body and headers (Meta: 400 with code 4/32 as it
     * sends).
     */
    HTTP_429,
    /** 503 with the platform's error body; the request has no effect. */
    HTTP_5XX,
    /** The connection is reset before any response; the request has no effect. */
    CONNECTION_RESET,
    /** The answer comes after {@link Fault#delay()} (longer than the client's timeout). */
    DELAY,
    /** A 200 whose body is not JSON. */
    MALFORMED_JSON,
    /** A 200 whose JSON body is cut off. */
    TRUNCATED_JSON,
    /** The platform's expired/invalid token answer (401 or its equivalent). */
    EXPIRED_TOKEN,
    /** The platform's duplicate-content refusal. */
    DUPLICATE_CONTENT,
    /** Media processing fails (container ERROR, upload FAILED...) for the matching upload. */
    MEDIA_PROCESSING_FAILURE,
    /**
     * The request takes effect (the post is created), then the connection is reset: the answer is
     * lost.
     */
    CREATED_THEN_RESET
  }

  private final Kind kind;
  private final int times;
  private final String method;
  private final Pattern path;
  private final Duration delay;

  private Fault(Kind kind, int times, String method, Pattern path, Duration delay) {
    this.kind = kind;
    this.times = times;
    this.method = method;
    this.path = path;
    this.delay = delay;
  }

  /** Returns a fault of {@code kind} for the next request of any method and path. */
  public static Fault of(Kind kind) {
    return new Fault(requireNonNull(kind, "kind == null"), 1, null, null, Duration.ofSeconds(5));
  }

  /**
   * Returns a copy that applies to the next {@code times} matching requests.
   *
   * @throws IllegalArgumentException if {@code times < 1}
   */
  public Fault times(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times < 1: " + times);
    }
    return new Fault(kind, times, method, path, delay);
  }

  /** Returns a copy that matches {@code method} and the path regex below the platform prefix. */
  public Fault on(String method, String pathRegex) {
    return new Fault(kind, times, method, Pattern.compile(pathRegex), delay);
  }

  /** Returns a copy that matches any method and the path regex. */
  public Fault onPath(String pathRegex) {
    return new Fault(kind, times, null, Pattern.compile(pathRegex), delay);
  }

  /** Returns a copy with the delay of a {@link Kind#DELAY} fault. Default 5 s. */
  public Fault delay(Duration delay) {
    return new Fault(kind, times, method, path, requireNonNull(delay, "delay == null"));
  }

  /** Returns the kind. */
  public Kind kind() {
    return kind;
  }

  /** Returns how many matching requests it applies to. */
  public int times() {
    return times;
  }

  /** Returns the delay of a DELAY fault. */
  public Duration delay() {
    return delay;
  }

  /** Returns whether a request matches. */
  public boolean matches(String method, String path) {
    return (this.method == null || this.method.equalsIgnoreCase(method))
        && (this.path == null || this.path.matcher(path).matches());
  }

  @Override
  public String toString() {
    return "Fault{"
        + kind
        + " x"
        + times
        + (method != null ? " " + method : "")
        + (path != null ? " " + path : "")
        + "}";
  }
}
