package io.smo.core;

import static java.util.Objects.requireNonNull;

import io.smo.core.auth.TokenProvider;
import io.smo.core.event.SmoListener;
import io.smo.core.event.SmoListeners;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.ErrorMapper;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.resilience.Sleeper;
import io.smo.core.upload.UploadListener;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The settings every platform client builder shares: credentials, base-URL override, HTTP settings,
 * retry and rate-limit policies, clock and sleeper. Each {@code <Platform>Client.Builder} extends
 * it and adds its own settings. Mutable and not thread-safe; {@code build()} takes a snapshot and
 * fails fast on missing or bad values.
 *
 * @param <B> the concrete builder type
 */
@SmoPublicApi
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  private TokenProvider tokenProvider;
  private URI baseUrl;
  private HttpSettings httpSettings = HttpSettings.defaults();
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private RateLimitPolicy rateLimitPolicy;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.SYSTEM;
  private UploadListener uploadListener = UploadListener.NONE;
  private final List<SmoListener> listeners = new ArrayList<>();
  private String accountId;
  private Long chunkSize;
  private Duration processingTimeout;
  private Duration pollInterval;
  private Executor asyncExecutor;

  /** Creates a builder with the defaults. */
  protected ClientBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Uses one fixed access token (no refresh). Surrounding white space (a trailing newline) is
   * stripped.
   *
   * @throws IllegalArgumentException if blank, or holding a character an HTTP header cannot carry
   *     (non-ASCII, control characters, inner spaces); the message does not echo the token
   */
  public B accessToken(String accessToken) {
    requireNonNull(accessToken, "accessToken == null");
    if (accessToken.isBlank()) {
      throw new IllegalArgumentException("accessToken is blank");
    }
    this.tokenProvider = TokenProvider.of(accessToken);
    return self();
  }

  /** Uses a token provider (e.g. {@link io.smo.core.auth.RefreshingTokenProvider}). */
  public B tokenProvider(TokenProvider tokenProvider) {
    this.tokenProvider = requireNonNull(tokenProvider, "tokenProvider == null");
    return self();
  }

  /**
   * Overrides the API base URL (the sandbox, a proxy, a test server). Default: the platform's
   * production host.
   *
   * @throws IllegalArgumentException if not absolute http(s)
   */
  public B baseUrl(URI baseUrl) {
    requireNonNull(baseUrl, "baseUrl == null");
    if (baseUrl.getScheme() == null || !baseUrl.getScheme().startsWith("http")) {
      throw new IllegalArgumentException("baseUrl must be absolute http(s): " + baseUrl);
    }
    this.baseUrl = baseUrl;
    return self();
  }

  /**
   * Sets HTTP settings (timeouts, proxy, shared OkHttpClient). Default {@link
   * HttpSettings#defaults()}.
   */
  public B httpSettings(HttpSettings httpSettings) {
    this.httpSettings = requireNonNull(httpSettings, "httpSettings == null");
    return self();
  }

  /**
   * Edits the HTTP settings, e.g. {@code b.httpSettings(h ->
   * h.readTimeout(Duration.ofSeconds(5)))}.
   */
  public B httpSettings(Consumer<HttpSettings.Builder> edit) {
    HttpSettings.Builder b = httpSettings.toBuilder();
    edit.accept(b);
    return httpSettings(b.build());
  }

  /** Sets the retry policy. Default {@link RetryPolicy#defaults()}. */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
    return self();
  }

  /** Sets the rate-limit policy. Default: the platform's documented caps. */
  public B rateLimitPolicy(RateLimitPolicy rateLimitPolicy) {
    this.rateLimitPolicy = requireNonNull(rateLimitPolicy, "rateLimitPolicy == null");
    return self();
  }

  /** Sets the clock (UTC instants for scheduling windows and token expiry). Default system UTC. */
  public B clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock == null");
    return self();
  }

  /** Sets the sleeper used for back-off and polling waits (tests inject a fake). */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = requireNonNull(sleeper, "sleeper == null");
    return self();
  }

  /**
   * Sets the listener told of every media upload's progress: bytes sent of total, then the
   * platform's processing states, then ready or failed. Default: none.
   */
  public B uploadListener(UploadListener uploadListener) {
    this.uploadListener = requireNonNull(uploadListener, "uploadListener == null");
    return self();
  }

  /**
   * Adds a listener told of every API call, attempt, retry, rate-limit wait or refusal, token
   * refresh, UNKNOWN outcome and upload progress of the client (see {@link SmoListener}). May be
   * called more than once; listener failures are logged and never break a call.
   */
  public B listener(SmoListener listener) {
    listeners.add(requireNonNull(listener, "listener == null"));
    return self();
  }

  /**
   * Sets the platform's id of the account this client acts as: the Page id (Facebook), the
   * Instagram professional account id, the X user id, the YouTube channel id, the TikTok {@code
   * open_id}, the Pinterest username, the Snapchat public profile id. One name for the same setting
   * in every module. When not set, the client learns it from the platform on its first call that
   * needs it (never a constant), see each client's {@code accountId()}.
   *
   * @throws IllegalArgumentException if blank
   */
  public B accountId(String accountId) {
    requireNonNull(accountId, "accountId == null");
    if (accountId.isBlank()) {
      throw new IllegalArgumentException("accountId is blank");
    }
    this.accountId = accountId.strip();
    return self();
  }

  /**
   * Sets the size of each upload chunk (segment, part) in bytes for the platform's chunked or
   * resumable upload. Each platform checks it against its documented bounds in {@code build()}
   * (YouTube: a multiple of 256 KiB; TikTok: 5 MB to 64 MB; X: at most 5 MB...). Default: the
   * platform's recommended size.
   *
   * @throws IllegalArgumentException if not positive
   */
  public B chunkSize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("chunkSize must be positive: " + bytes);
    }
    this.chunkSize = bytes;
    return self();
  }

  /**
   * Sets how long a publish waits for the platform to finish processing uploaded media (video
   * transcoding, container status) before failing with {@code MediaProcessingException}. Default:
   * the platform's own.
   *
   * @throws IllegalArgumentException if zero or negative
   */
  public B processingTimeout(Duration timeout) {
    requireNonNull(timeout, "timeout == null");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("processingTimeout must be positive: " + timeout);
    }
    this.processingTimeout = timeout;
    return self();
  }

  /**
   * Sets the interval between two processing-status checks while waiting for uploaded media.
   * Default: the platform's own (and a server-given {@code check_after_secs} wins when longer).
   *
   * @throws IllegalArgumentException if zero or negative
   */
  public B pollInterval(Duration interval) {
    requireNonNull(interval, "interval == null");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + interval);
    }
    this.pollInterval = interval;
    return self();
  }

  /**
   * Sets the executor the client's async variants ({@code publishAsync}, {@code metricsAsync}) run
   * on. The SDK never shuts it down. Default: the SDK's own shared pool of at most 16 daemon
   * threads (idle threads end after 60 s), never {@code ForkJoinPool.commonPool()}, since the calls
   * block on I/O and back-off sleeps.
   */
  public B asyncExecutor(Executor executor) {
    this.asyncExecutor = requireNonNull(executor, "asyncExecutor == null");
    return self();
  }

  /** Returns the account id set with {@link #accountId(String)}, or {@code null}. */
  protected String accountIdSetting() {
    return accountId;
  }

  /**
   * Returns the chunk size set with {@link #chunkSize(long)}, or {@code defaultBytes}.
   *
   * @param defaultBytes the platform's default in bytes
   */
  protected long chunkSizeOr(long defaultBytes) {
    return chunkSize != null ? chunkSize : defaultBytes;
  }

  /**
   * Returns the processing timeout set with {@link #processingTimeout(Duration)}, or the default.
   *
   * @param defaultTimeout the platform's default
   */
  protected Duration processingTimeoutOr(Duration defaultTimeout) {
    return processingTimeout != null ? processingTimeout : defaultTimeout;
  }

  /**
   * Returns the poll interval set with {@link #pollInterval(Duration)}, or the default.
   *
   * @param defaultInterval the platform's default
   */
  protected Duration pollIntervalOr(Duration defaultInterval) {
    return pollInterval != null ? pollInterval : defaultInterval;
  }

  /** Returns the listeners combined ({@link SmoListener#NONE} when none was added). */
  protected SmoListener listener() {
    return SmoListeners.of(listeners);
  }

  /**
   * Returns the upload listener ({@link UploadListener#NONE} when none was set). Progress reaches
   * the {@link #listener(SmoListener) listeners} too, through {@code ChunkedUploader.notify} while
   * the client publishes.
   */
  protected UploadListener uploadListener() {
    return uploadListener;
  }

  /** Returns the token provider, or {@code null} when none was set. */
  protected TokenProvider tokenProvider() {
    return tokenProvider;
  }

  /** Returns the clock. */
  protected Clock clock() {
    return clock;
  }

  /** Returns the sleeper. */
  protected Sleeper sleeper() {
    return sleeper;
  }

  /** Returns the retry policy. */
  protected RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Returns the base URL override, or {@code null}. */
  protected URI baseUrlOverride() {
    return baseUrl;
  }

  /** Returns the HTTP settings. */
  protected HttpSettings httpSettings() {
    return httpSettings;
  }

  /**
   * Builds the shared runtime for a platform client.
   *
   * @param platform the platform
   * @param module the module name for the User-Agent
   * @param defaultBaseUrl the production base URL
   * @param errorMapper the platform's error mapper
   * @param parser the platform's rate-limit header parser
   * @param defaultRateLimits the platform's documented caps, used unless the user set a policy
   * @param accountKey the account rate limits are kept under
   * @throws IllegalStateException if no credentials were set
   */
  protected ApiRuntime runtime(
      Platform platform,
      String module,
      URI defaultBaseUrl,
      ErrorMapper errorMapper,
      RateLimitHeaderParser parser,
      RateLimitPolicy defaultRateLimits,
      String accountKey) {
    if (tokenProvider == null) {
      throw new IllegalStateException(
          platform.displayName()
              + " client needs credentials: call accessToken(...) or tokenProvider(...)");
    }
    return runtimeBuilder(
            platform,
            module,
            baseUrl != null ? baseUrl : defaultBaseUrl,
            tokenProvider,
            errorMapper,
            parser,
            defaultRateLimits,
            accountKey)
        .build();
  }

  /**
   * Returns a runtime builder with this builder's shared settings (HTTP settings, retry and
   * rate-limit policies, clock, sleeper, listeners, async executor) for an API base and token: the
   * client's own ({@link #runtime}), or another API of the same platform with its own token (the
   * TikTok API for Business beside the Content Posting API). The caller may set more (e.g. {@link
   * ApiRuntime.Builder#authHeader}) before building; the listeners a {@link
   * io.smo.core.auth.RefreshingTokenProvider} tells of its refreshes are removed when the runtime
   * is closed.
   *
   * @param platform the platform
   * @param module the module name for the User-Agent
   * @param baseUrl the API base
   * @param tokens the API's token provider
   * @param errorMapper the API's error mapper
   * @param parser its rate-limit header parser
   * @param defaultRateLimits its documented caps, used unless the user set a policy
   * @param accountKey the account rate limits are kept under
   * @return the builder
   */
  protected ApiRuntime.Builder runtimeBuilder(
      Platform platform,
      String module,
      URI baseUrl,
      io.smo.core.auth.TokenProvider tokens,
      ErrorMapper errorMapper,
      RateLimitHeaderParser parser,
      RateLimitPolicy defaultRateLimits,
      String accountKey) {
    ApiRuntime.Builder rb = ApiRuntime.builder(platform, module);
    if (tokens instanceof io.smo.core.auth.RefreshingTokenProvider refreshing) {
      // proactive refreshes reach our listeners while the client is open; closing the client
      // removes them, so a provider shared by many clients does not collect them
      rb.onClose(refreshing.addListener(platform, listener())::close);
    }
    return rb.baseUrl(baseUrl)
        .httpSettings(httpSettings)
        .tokens(tokens)
        .errorMapper(errorMapper)
        .rateLimitParser(parser)
        .retryPolicy(retryPolicy)
        .rateLimitPolicy(rateLimitPolicy != null ? rateLimitPolicy : defaultRateLimits)
        .clock(clock)
        .sleeper(sleeper)
        .accountKey(accountKey)
        .listener(listener())
        .asyncExecutor(asyncExecutor);
  }
}
