package io.smo.core.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.TokenProvider;
import io.smo.core.event.SmoListener;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.internal.AsyncExecutors;
import io.smo.core.internal.AttemptContext;
import io.smo.core.internal.CallEvents;
import io.smo.core.internal.CallPhase;
import io.smo.core.internal.RateLimitGate;
import io.smo.core.internal.Redactor;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.resilience.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The call path every platform module uses, written once: one OkHttp stack with interceptors
 * (authentication header, {@code User-Agent: smo-sdk/<version>}, redacting SLF4J logging), Retrofit
 * services with Jackson (unknown fields ignored), client-side rate limits, the retry loop, error
 * mapping through the platform's {@link ErrorMapper}, rate-limit capture through its {@link
 * RateLimitHeaderParser}, and the no-double-publish rule:
 *
 * <ul>
 *   <li>reads and idempotent writes are retried on transport errors, 429, 5xx and any exception the
 *       mapper marks retryable;
 *   <li>creates are retried only when the request surely did not take effect: the connection was
 *       never established, a 429, or {@link ErrorMapper#notProcessed}; a failure after the request
 *       was sent, a 5xx, or an unreadable success body gives {@link
 *       PublishOutcomeUnknownException}. OkHttp's own silent retry of sent requests is off for
 *       creates;
 *   <li>an {@link AuthenticationException} triggers one token refresh and one more attempt;
 *   <li>a platform error the mapper marks not retryable (Graph {@code is_transient: false}...) is
 *       never retried;
 *   <li>anything else the transport or a response converter throws is classified by phase: before
 *       the request was sent a non-retryable {@link TransportException}; after a create was sent
 *       {@link PublishOutcomeUnknownException}; never a raw exception;
 *   <li>success bodies are read whole, whatever their size; error bodies are kept up to 64 KiB, and
 *       the client's own secret values (access and refresh token) are masked in them before any
 *       mapper sees them.
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} shuts down only what the runtime created.
 */
@SmoProtectedApi
public final class ApiRuntime implements AutoCloseable {
  /** The SDK version in the User-Agent. */
  public static final String SDK_VERSION =
      Optional.ofNullable(ApiRuntime.class.getPackage().getImplementationVersion())
          .orElse("0.1.0-SNAPSHOT");

  private static final int MAX_ERROR_BODY = 64 * 1024;

  /** Marks a raw request that must not carry the client's {@code Authorization} header. */
  public static final class NoAuth {
    private NoAuth() {}

    /** The tag value. */
    public static final NoAuth INSTANCE = new NoAuth();
  }

  private final Platform platform;
  private final URI baseUrl;
  private final HttpStack stack;
  private final ObjectMapper json;
  private final Retrofit retrofit;
  private final TokenProvider tokens;
  private final ErrorMapper errorMapper;
  private final RateLimitHeaderParser rateLimitParser;
  private final RetryPolicy retryPolicy;
  private final RateLimitGate gate;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String accountKey;
  private final AtomicReference<RateLimitSnapshot> lastRateLimit = new AtomicReference<>();
  private final CallEvents events;
  private final Executor asyncExecutor;

  private ApiRuntime(Builder b) {
    platform = b.platform;
    baseUrl = requireNonNull(b.baseUrl, "baseUrl == null");
    tokens = b.tokens;
    errorMapper = requireNonNull(b.errorMapper, "errorMapper == null");
    rateLimitParser = b.rateLimitParser;
    retryPolicy = b.retryPolicy;
    clock = b.clock;
    sleeper = b.sleeper;
    accountKey = b.accountKey;
    asyncExecutor = b.asyncExecutor != null ? b.asyncExecutor : AsyncExecutors.shared();
    onClose = List.copyOf(b.onClose);
    events = new CallEvents(b.platform, b.listener, b.clock);
    gate = new RateLimitGate(platform, baseUrl, b.rateLimitPolicy, clock, sleeper);
    gate.open(accountKey);
    json = newObjectMapper();

    HttpSettings s = b.httpSettings;
    String ua =
        "smo-sdk/"
            + SDK_VERSION
            + " "
            + b.module
            + " (Java "
            + System.getProperty("java.specification.version")
            + ")"
            + s.applicationName().map(n -> " " + n).orElse("");
    stack = new HttpStack(s, ua, tokens, b.authHeader, b.authPrefix);
    retrofit =
        new Retrofit.Builder()
            .baseUrl(slash(baseUrl.toString()))
            .callFactory(stack.retrofitCallFactory())
            .addConverterFactory(JacksonConverterFactory.create(json))
            .build();
  }

  /**
   * Returns the ObjectMapper settings every module uses: unknown fields ignored, ISO instants,
   * nulls omitted.
   */
  public static ObjectMapper newObjectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false)
        .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  private static String slash(String s) {
    return s.endsWith("/") ? s : s + "/";
  }

  /**
   * Returns a builder.
   *
   * @param platform the platform
   * @param module the module name for the User-Agent, e.g. {@code "smo-twitter"}
   */
  public static Builder builder(Platform platform, String module) {
    return new Builder(
        requireNonNull(platform, "platform == null"), requireNonNull(module, "module == null"));
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the base URL. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Returns the shared JSON mapper. */
  public ObjectMapper json() {
    return json;
  }

  /** Returns the clock. */
  public Clock clock() {
    return clock;
  }

  /** Returns the sleeper. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Returns the retry policy. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Returns the OkHttp client with the SDK's interceptors (for raw requests such as uploads). */
  public OkHttpClient http() {
    return stack.http();
  }

  /**
   * Returns the executor the client's async variants run on: the one set on the builder, else the
   * SDK's shared pool of daemon threads (never the common fork-join pool).
   */
  public Executor asyncExecutor() {
    return asyncExecutor;
  }

  /** Returns the token provider, if the runtime authenticates. */
  public Optional<TokenProvider> tokens() {
    return Optional.ofNullable(tokens);
  }

  /** Returns a Retrofit service over the base URL. */
  public <S> S service(Class<S> type) {
    return retrofit.create(type);
  }

  /** Returns a Retrofit service over another base URL (an upload host), same stack. */
  public <S> S service(Class<S> type, URI otherBaseUrl) {
    return retrofit.newBuilder().baseUrl(slash(otherBaseUrl.toString())).build().create(type);
  }

  /**
   * Returns the (failure-safe) listener this runtime reports to; {@link SmoListener#NONE} if none.
   */
  public SmoListener listener() {
    return events.listener();
  }

  /** Returns the rate-limit state of the last response that carried one. */
  public Optional<RateLimitSnapshot> lastRateLimit() {
    return Optional.ofNullable(lastRateLimit.get());
  }

  /**
   * Runs a Retrofit call with rate limiting, retries and error mapping; returns its body.
   *
   * @param op what the call is
   * @param call makes a fresh call for each attempt
   * @return the parsed body ({@code null} for an empty body)
   * @throws SmoException typed per the platform's mapper and the retry rules above
   */
  public <T> T call(Operation op, Supplier<retrofit2.Call<T>> call) {
    return callForResponse(op, call).body();
  }

  /**
   * Like {@link #call} but returns status and headers too.
   *
   * @throws SmoException typed per the platform's mapper and the retry rules above
   */
  public <T> ApiResponse<T> callForResponse(Operation op, Supplier<retrofit2.Call<T>> call) {
    return callForResponse(op, call, body -> null);
  }

  /**
   * A failure an API reports inside a 2xx answer (TikTok's {@code error.code}, the TikTok API for
   * Business's numeric {@code code}), lifted to the HTTP status it stands for so that the retry
   * rules treat it like the same failure sent as a status: {@code 429} for a rate limit, {@code
   * 401} for a rejected token, {@code 5xx} for a server fault (a create is then UNKNOWN, never
   * re-sent), else the answer's own status.
   *
   * @param status the HTTP status the envelope's code stands for
   * @param body the error text handed to the platform's {@link ErrorMapper}
   */
  public record BodyFailure(int status, String body) {
    /** Checks the values. */
    public BodyFailure {
      requireNonNull(body, "body == null");
    }
  }

  /**
   * Like {@link #callForResponse(Operation, Supplier)} for APIs that report some failures inside a
   * 2xx answer: {@code failureIn} looks at each success body and returns the failure it carries, or
   * {@code null} for a real success. A failure found this way goes through the same error mapper,
   * retry rules, rate-limit blocking and rejected-token refresh as a non-2xx answer, attempt by
   * attempt, instead of surfacing after the loop has ended.
   *
   * @param op what the call is
   * @param call makes a fresh call for each attempt
   * @param failureIn the failure in a success body, or {@code null}; never called with {@code null}
   * @return status, headers and the success body ({@code null} for an empty body)
   * @throws SmoException typed per the platform's mapper and the retry rules above
   */
  public <T> ApiResponse<T> callForResponse(
      Operation op, Supplier<retrofit2.Call<T>> call, Function<? super T, BodyFailure> failureIn) {
    requireNonNull(failureIn, "failureIn == null");
    return run(
        op,
        attempt -> {
          retrofit2.Call<T> c = call.get();
          attempt.bind(c);
          retrofit2.Response<T> r = c.execute();
          observe(op, r.headers(), attempt.permit);
          if (r.isSuccessful()) {
            T body = r.body();
            BodyFailure bf = body == null ? null : failureIn.apply(body);
            if (bf != null) {
              throw new FailureSignal(
                  failure(op, bf.status(), r.headers(), bf.body(), attempt.ctx));
            }
            return new ApiResponse<>(r.code(), r.headers(), body);
          }
          throw new FailureSignal(
              failure(op, r.code(), r.headers(), errorText(r.errorBody()), attempt.ctx));
        });
  }

  /**
   * Runs a raw request (uploads, other hosts) with the same rules; statuses in {@code
   * acceptedStatuses} (e.g. 308 for resumable uploads) count as answers, not failures.
   *
   * @param op what the call is
   * @param request makes the request for each attempt (bodies must be re-readable)
   * @param authenticated whether to send the client's token
   * @param acceptedStatuses non-2xx statuses to return instead of mapping to errors
   * @return status, headers and the body text
   * @throws SmoException typed per the platform's mapper and the retry rules above
   */
  public ApiResponse<String> execute(
      Operation op, Supplier<Request> request, boolean authenticated, int... acceptedStatuses) {
    return run(
        op,
        attempt -> {
          Request req = tagged(request, attempt, authenticated);
          try (Response r = stack.clientFor(req).newCall(req).execute()) {
            observe(op, r.headers(), attempt.permit);
            boolean accepted = r.isSuccessful();
            for (int s : acceptedStatuses) {
              accepted |= r.code() == s;
            }
            if (accepted) {
              // a success body is read whole: a valid page is never cut (only error text is capped)
              ResponseBody rb = r.body();
              return new ApiResponse<>(r.code(), r.headers(), rb == null ? "" : rb.string());
            }
            throw new FailureSignal(
                failure(op, r.code(), r.headers(), errorText(r.body()), attempt.ctx));
          }
        });
  }

  /**
   * Runs a raw request like {@link #execute} and reads a success answer straight from the response
   * stream into {@code type} with the runtime's Jackson mapper (no intermediate {@code String} or
   * byte copy of the body). Any non-2xx status is a failure mapped as in {@link #execute}; an
   * unreadable success body is a {@link TransportException} (retryable) for a read and a {@link
   * PublishOutcomeUnknownException} for a create.
   *
   * @param <T> the answer type
   * @param op what the call is
   * @param request makes the request for each attempt (bodies must be re-readable)
   * @param authenticated whether to send the client's token
   * @param type the answer type ({@code JsonNode.class} for a tree)
   * @return status, headers and the parsed body ({@code null} for an empty body)
   * @throws SmoException typed per the platform's mapper and the retry rules above
   */
  public <T> ApiResponse<T> executeJson(
      Operation op, Supplier<Request> request, boolean authenticated, Class<T> type) {
    requireNonNull(type, "type == null");
    return run(
        op,
        attempt -> {
          Request req = tagged(request, attempt, authenticated);
          try (Response r = stack.clientFor(req).newCall(req).execute()) {
            observe(op, r.headers(), attempt.permit);
            if (!r.isSuccessful()) {
              throw new FailureSignal(
                  failure(op, r.code(), r.headers(), errorText(r.body()), attempt.ctx));
            }
            ResponseBody rb = r.body();
            if (rb == null || rb.source().exhausted()) {
              return new ApiResponse<>(r.code(), r.headers(), null);
            }
            return new ApiResponse<>(r.code(), r.headers(), json.readValue(rb.byteStream(), type));
          }
        });
  }

  /**
   * Maps a failure found inside a 2xx body (X {@code errors[]}, TikTok {@code error.code}) through
   * the same mapper, for platform modules that detect one.
   */
  public SmoException mapFailure(Operation op, int status, Headers headers, String body) {
    return safeMap(failure(op, status, headers, body, null));
  }

  private HttpFailure failure(
      Operation op, int status, Headers headers, String body, AttemptContext ctx) {
    Map<String, List<String>> h = new TreeMap<>();
    for (String name : headers.names()) {
      h.put(name.toLowerCase(Locale.ROOT), headers.values(name));
    }
    return new HttpFailure(
        platform,
        op,
        status,
        h,
        redactKnownSecrets(body, ctx),
        parse(headers, op),
        clock.instant());
  }

  /**
   * Masks the client's own secret values (current token, its refresh token) wherever a server
   * echoed them.
   */
  private String redactKnownSecrets(String body, AttemptContext ctx) {
    if (body == null || body.isEmpty() || tokens == null) {
      return body;
    }
    List<String> secrets = new ArrayList<>(2);
    AccessToken sent = ctx != null ? ctx.token() : null;
    if (sent != null) {
      secrets.add(sent.value());
      sent.refreshToken().ifPresent(secrets::add);
    }
    boolean masked = false;
    for (String v : secrets) {
      masked |= body.contains(v);
    }
    if (!masked) {
      return body;
    }
    String out = body;
    for (String v : secrets) {
      if (v.length() >= 6) {
        out = out.replace(v, Redactor.MASK);
      }
    }
    return out;
  }

  private RateLimitSnapshot parse(Headers headers, Operation op) {
    try {
      return rateLimitParser.parse(headers, op, clock.instant()).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void observe(Operation op, Headers headers, RateLimitGate.Permit permit) {
    RateLimitSnapshot s = parse(headers, op);
    if (s != null) {
      lastRateLimit.set(s);
      gate.observe(permit, account(op), op.bucket(), s);
    }
  }

  private String account(Operation op) {
    return op.account() != null ? op.account() : accountKey;
  }

  private static String errorText(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    BufferedSource src = body.source();
    src.request(MAX_ERROR_BODY);
    long n = Math.min(src.getBuffer().size(), MAX_ERROR_BODY);
    return src.getBuffer().readString(n, StandardCharsets.UTF_8);
  }

  private SmoException safeMap(HttpFailure f) {
    try {
      SmoException e = errorMapper.map(f);
      if (e != null) {
        return e;
      }
    } catch (RuntimeException ignored) {
      // a mapper must not throw; fall through to the generic exception
    }
    return new PlatformException(
        f.details().message("unmapped error").build(), f.status() == 429 || f.status() >= 500);
  }

  /** One attempt's work: gets the attempt's context (request tag) and permit. */
  /**
   * Returns the request {@code request} makes for this attempt, tagged with the attempt's context
   * and, when not {@code authenticated}, with {@link NoAuth} so no token is sent.
   */
  private static Request tagged(Supplier<Request> request, Attempt attempt, boolean authenticated) {
    Request.Builder rb0 = request.get().newBuilder().tag(AttemptContext.class, attempt.ctx);
    if (!authenticated) {
      rb0.tag(NoAuth.class, NoAuth.INSTANCE);
    }
    return rb0.build();
  }

  private interface AttemptFn<R> {
    R run(Attempt attempt) throws IOException;
  }

  /** What one attempt passes down explicitly: the request tag and the rate-limit permit. */
  private static final class Attempt {
    final AttemptContext ctx;
    final RateLimitGate.Permit permit;

    Attempt(AttemptContext ctx, RateLimitGate.Permit permit) {
      this.ctx = ctx;
      this.permit = permit;
    }

    /** Binds this attempt to the request of a Retrofit call (its slot tag) before it executes. */
    void bind(retrofit2.Call<?> call) {
      Request r;
      try {
        r = call.request();
      } catch (RuntimeException e) {
        return; // the request could not be built: execute() throws the same failure, unsent
      }
      AttemptContext.Slot slot = r.tag(AttemptContext.Slot.class);
      if (slot != null) {
        slot.bind(ctx);
      }
    }
  }

  private static final class FailureSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient HttpFailure failure;

    FailureSignal(HttpFailure failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }

  private <R> R run(Operation op, AttemptFn<R> attemptFn) {
    if (closed) {
      // a closed client sends nothing: its pool is gone and its listeners are detached
      throw new TransportException(
          platform, op.name(), "the client is closed: nothing was sent", null, false);
    }
    return events.call(op, account(op), state -> attempts(op, attemptFn, state));
  }

  private volatile boolean closed;

  /**
   * The loop: gate, attempt, classify the failure, ask {@link RetryDecision}, carry it out. The
   * rules are in {@link RetryDecision}; this method only performs them.
   */
  private <R> R attempts(Operation op, AttemptFn<R> attemptFn, CallEvents.State state) {
    Instant deadline = clock.instant().plus(retryPolicy.callBudget());
    boolean create = op.kind() == Operation.Kind.CREATE;
    int attempt = 0;
    boolean refreshed = false;
    while (true) {
      attempt++;
      Duration retryWait = attempt > 1 ? retryPolicy.maxRetryAfter() : Duration.ZERO;
      RateLimitGate.Permit permit =
          events.acquire(
              state,
              () ->
                  gate.acquire(
                      account(op),
                      op.bucket(),
                      op.name(),
                      retryWait,
                      CallEvents.gateSleeper(state, sleeper)));
      AttemptContext ctx = new AttemptContext(noSilentResend(op), state);
      events.attemptStarted(state, attempt);
      SmoException failure;
      RetryDecision.Failure classified;
      String unknownMessage; // why the outcome is unknown, should the decision say so
      Throwable unknownCause;
      try {
        R result = attemptFn.run(new Attempt(ctx, permit));
        if (create) {
          CallPhase.recordCreateAccepted();
        }
        return result;
      } catch (FailureSignal s) {
        HttpFailure httpFailure = s.failure;
        failure = safeMap(httpFailure);
        unknownMessage = "HTTP " + httpFailure.status() + " on a create: it may have taken effect";
        unknownCause = failure;
        RetryDecision.Cause cause =
            failure instanceof AuthenticationException
                ? RetryDecision.Cause.AUTH_REJECTED
                : failure instanceof RateLimitException
                    ? RetryDecision.Cause.RATE_LIMITED
                    : RetryDecision.Cause.HTTP_ERROR;
        if (failure instanceof RateLimitException rateLimitException) {
          gate.blockUntil(
              permit,
              account(op),
              op.bucket(),
              httpFailure.receivedAt().plus(rateLimitException.retryAfter()));
        }
        classified =
            new RetryDecision.Failure(
                cause,
                true,
                httpFailure.status(),
                failure.retryable(),
                errorMapper.notProcessed(httpFailure),
                failure instanceof RateLimitException rateLimitException
                    ? rateLimitException.retryAfter()
                    : Duration.ZERO);
      } catch (SmoException e) {
        throw e; // already typed (a token provider's refusal...)
      } catch (RuntimeException e) {
        // the transport or a converter threw something raw (OkHttp's IllegalStateException,
        // a mapper's NullPointerException): typed by phase, never passed on as is
        String what = e.getClass().getSimpleName();
        boolean sent = ctx.sent();
        failure =
            sent
                ? new TransportException(
                    platform,
                    op.name(),
                    what + " after the request was sent: " + safeMessage(e),
                    null,
                    true)
                : new TransportException(
                    platform,
                    op.name(),
                    what + " before the request was sent: " + safeMessage(e),
                    null,
                    false);
        classified =
            new RetryDecision.Failure(
                RetryDecision.Cause.UNEXPECTED, sent, 0, failure.retryable(), false, Duration.ZERO);
        unknownMessage = what + " after the request was sent";
        unknownCause = null;
      } catch (JsonProcessingException e) {
        failure =
            new TransportException(
                platform, op.name(), "malformed response body: " + e.getOriginalMessage(), e, true);
        unknownMessage = "success answer could not be read: " + e.getOriginalMessage();
        unknownCause = e;
        classified =
            new RetryDecision.Failure(
                RetryDecision.Cause.UNREADABLE_BODY, true, 0, true, false, Duration.ZERO);
      } catch (IOException e) {
        boolean surelyNotSent =
            !ctx.sent()
                || e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
        String what = describe(e);
        failure =
            new TransportException(
                platform,
                op.name(),
                what + (surelyNotSent ? " before the request was sent" : ""),
                e,
                true);
        unknownMessage = what + " after the request was sent";
        unknownCause = e;
        classified =
            new RetryDecision.Failure(
                RetryDecision.Cause.IO_ERROR, !surelyNotSent, 0, true, false, Duration.ZERO);
      } finally {
        if (ctx.sent()) {
          CallPhase.recordSent(create);
        }
        gate.release(permit);
        events.attemptEnded(state);
      }
      boolean canRefresh = tokens != null && !refreshed && ctx.token() != null;
      RetryDecision d =
          RetryDecision.decide(
              classified,
              attempt,
              op,
              canRefresh,
              retryPolicy,
              Duration.between(clock.instant(), deadline));
      if (d.action() == RetryDecision.Action.RETRY) {
        refreshed = true;
        AccessToken fresh = tokens.refreshAfterRejection(ctx.token());
        events.tokenRefresh(state, fresh != null);
        if (fresh != null) {
          attempt--; // the rejected attempt was not processed; it does not count
          continue;
        }
        d =
            RetryDecision.decide(
                classified,
                attempt,
                op,
                false,
                retryPolicy,
                Duration.between(clock.instant(), deadline));
      }
      switch (d.action()) {
        case UNKNOWN -> throw unknown(state, op, unknownMessage, unknownCause, attempt);
        case FAIL -> throw failure.withAttempts(attempt);
        default -> {}
      }
      events.retry(state, attempt, failure, d.delay());
      try {
        sleeper.sleep(d.delay());
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw failure.withAttempts(attempt);
      }
    }
  }

  /**
   * Creates, and calls whose retries a caller drives (upload chunks: the uploader asks the server
   * before any re-send), run on a client with OkHttp's connection-failure retry off, so that a
   * request is never sent twice behind the SDK's back.
   */
  private static boolean noSilentResend(Operation op) {
    return op.kind() == Operation.Kind.CREATE || !op.retried();
  }

  /** A raw exception's message, redacted and bounded, for a typed exception's message. */
  private static String safeMessage(RuntimeException e) {
    String m = e.getMessage();
    if (m == null) {
      return "(no message)";
    }
    m = Redactor.redactText(m);
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  private static String describe(IOException e) {
    if (e instanceof InterruptedIOException) {
      return "timed out";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m != null && m.length() < 120 ? " (" + m + ")" : "");
  }

  private PublishOutcomeUnknownException unknown(
      CallEvents.State state, Operation op, String message, Throwable cause, int attempt) {
    events.unknown(state, attempt, message);
    PublishOutcomeUnknownException e =
        new PublishOutcomeUnknownException(
            platform,
            op.name(),
            message + "; not retried so that nothing is posted twice",
            cause,
            null,
            List.of(),
            null);
    e.withAttempts(attempt);
    return e;
  }

  private final List<Runnable> onClose;

  /**
   * Shuts down the connection pool and dispatcher if this runtime created them, and runs the {@link
   * Builder#onClose} work. Afterwards every call throws {@link IllegalStateException} before
   * anything is sent. Closing twice is harmless.
   */
  @Override
  public void close() {
    if (closed) {
      return; // closing twice is harmless
    }
    closed = true;
    gate.close(accountKey);
    stack.close();
    for (Runnable r : onClose) {
      r.run();
    }
  }

  /** Builds {@link ApiRuntime}. Mutable, not thread-safe. */
  public static final class Builder {
    private final Platform platform;
    private final String module;
    private URI baseUrl;
    private HttpSettings httpSettings = HttpSettings.defaults();
    private TokenProvider tokens;
    private ErrorMapper errorMapper;
    private RateLimitHeaderParser rateLimitParser = RateLimitHeaderParser.NONE;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.unlimited();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private String accountKey = "default";
    private SmoListener listener = SmoListener.NONE;
    private Executor asyncExecutor;
    private final List<Runnable> onClose = new ArrayList<>();
    private String authHeader = "Authorization";
    private String authPrefix = "Bearer ";

    private Builder(Platform platform, String module) {
      this.platform = platform;
      this.module = module;
    }

    /** Sets the API base URL (the platform's host, or the sandbox's). Required. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** Sets HTTP settings. */
    public Builder httpSettings(HttpSettings s) {
      this.httpSettings = requireNonNull(s, "httpSettings == null");
      return this;
    }

    /** Sets the token provider; {@code null} for unauthenticated calls. */
    public Builder tokens(TokenProvider tokens) {
      this.tokens = tokens;
      return this;
    }

    /** Sets the platform's error mapper. Required. */
    public Builder errorMapper(ErrorMapper m) {
      this.errorMapper = m;
      return this;
    }

    /** Sets the platform's rate-limit header parser. */
    public Builder rateLimitParser(RateLimitHeaderParser p) {
      this.rateLimitParser = requireNonNull(p, "rateLimitParser == null");
      return this;
    }

    /** Sets the retry policy. */
    public Builder retryPolicy(RetryPolicy p) {
      this.retryPolicy = requireNonNull(p, "retryPolicy == null");
      return this;
    }

    /** Sets the rate-limit policy. */
    public Builder rateLimitPolicy(RateLimitPolicy p) {
      this.rateLimitPolicy = requireNonNull(p, "rateLimitPolicy == null");
      return this;
    }

    /** Sets the clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets the sleeper (tests inject one that does not sleep). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Sets the account key rate limits are kept under. */
    public Builder accountKey(String accountKey) {
      this.accountKey = requireNonNull(accountKey, "accountKey == null");
      return this;
    }

    /** Sets the listener told of every call, attempt, retry, wait and refresh. Default none. */
    public Builder listener(SmoListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Sets the executor for the client's async variants; {@code null} for the SDK's shared pool of
     * at most 16 daemon threads (the default).
     */
    public Builder asyncExecutor(Executor executor) {
      this.asyncExecutor = executor;
      return this;
    }

    /**
     * Sets the header the token is sent in and what precedes it. Default {@code Authorization:
     * Bearer <token>}; the TikTok API for Business takes {@code Access-Token: <token>}. The header
     * is masked in logs whatever its name when {@code Redactor} knows it as secret.
     *
     * @param header the header name
     * @param prefix what precedes the token value ({@code ""} for none)
     */
    public Builder authHeader(String header, String prefix) {
      this.authHeader = requireNonNull(header, "header == null");
      this.authPrefix = requireNonNull(prefix, "prefix == null");
      return this;
    }

    /**
     * Adds work done when the runtime is closed, after its connection pool (e.g. removing the
     * client's listeners from a shared token provider). Run once per {@link ApiRuntime#close()}
     * call, in the order added.
     */
    public Builder onClose(Runnable action) {
      onClose.add(requireNonNull(action, "action == null"));
      return this;
    }

    /** Returns the runtime. */
    public ApiRuntime build() {
      return new ApiRuntime(this);
    }
  }
}
