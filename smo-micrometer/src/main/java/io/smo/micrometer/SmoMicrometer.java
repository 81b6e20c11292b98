package io.smo.micrometer;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.smo.core.PlatformOutcome;
import io.smo.core.event.ApiCall;
import io.smo.core.event.AttemptEvent;
import io.smo.core.event.CallResult;
import io.smo.core.event.CrossPostEvent;
import io.smo.core.event.InboxDropEvent;
import io.smo.core.event.RateLimitEvent;
import io.smo.core.event.RetryEvent;
import io.smo.core.event.SchedulerRunEvent;
import io.smo.core.event.SmoListener;
import io.smo.core.event.TokenRefreshEvent;
import io.smo.core.event.UnknownOutcomeEvent;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns the SDK's events into Micrometer meters and, when an {@link ObservationRegistry} is given,
 * one {@link Observation} {@value #OBSERVATION} per API call, started under the caller's current
 * observation (so that a tracing bridge shows one span per call, child of the caller's span) and
 * kept current on the calling thread while the call runs.
 *
 * <p>Tags are bounded: {@code platform} (e.g. {@code twitter}), {@code operation} (the SDK's fixed
 * operation names), {@code kind}, {@code outcome} and a few fixed-set tags per meter; never post
 * ids, text or tokens. The SDK account key is a tag only when {@link Builder#accountTag(boolean)}
 * is on (keys are chosen by the application, which must keep them few). Timers publish no
 * percentiles unless {@link Builder#percentiles(double...)} or {@link
 * Builder#percentileHistogram(boolean)} asks for them. Thread-safe.
 *
 * <pre>{@code
 * SmoMicrometer metrics = SmoMicrometer.builder(meterRegistry)
 *     .observationRegistry(observationRegistry).build();
 * TwitterClient x = TwitterClient.builder().accessToken(token).listener(metrics).build();
 * }</pre>
 */
public final class SmoMicrometer implements SmoListener {
  /** The observation name of an API call. */
  public static final String OBSERVATION = "smo.api.call";

  /** Timer of whole API calls, retries and waits included. */
  public static final String CALLS = "smo.api.calls";

  /** Counter of HTTP attempts. */
  public static final String ATTEMPTS = "smo.api.attempts";

  /** Counter of retries. */
  public static final String RETRIES = "smo.api.retries";

  /** Timer of rate-limit waits. */
  public static final String RATE_LIMIT_WAITS = "smo.api.ratelimit.waits";

  /** Counter of rate-limit refusals. */
  public static final String RATE_LIMIT_REFUSALS = "smo.api.ratelimit.refusals";

  /** Counter of token refreshes after a rejection. */
  public static final String TOKEN_REFRESHES = "smo.api.token.refreshes";

  /** Counter of creates with an unknown outcome. */
  public static final String UNKNOWN_OUTCOMES = "smo.api.unknown.outcomes";

  /** Counter of request body bytes. */
  public static final String BYTES_SENT = "smo.api.bytes.sent";

  /** Counter of response body bytes (as declared by the server). */
  public static final String BYTES_RECEIVED = "smo.api.bytes.received";

  /** Counter of finished media uploads. */
  public static final String UPLOADS = "smo.uploads";

  /** Distribution of the size of uploaded media. */
  public static final String UPLOAD_BYTES = "smo.upload.bytes";

  /** Timer of cross-posts. */
  public static final String CROSS_POSTS = "smo.crosspost";

  /** Counter of cross-post target outcomes. */
  public static final String CROSS_POST_TARGETS = "smo.crosspost.targets";

  /** Counter of scheduler runs. */
  public static final String SCHEDULER_RUNS = "smo.scheduler.runs";

  /** Counter of elements inbox reads left out whole ({@link InboxDropEvent}). */
  public static final String INBOX_DROPPED = "smo.inbox.dropped";

  private static final Object OBS_KEY = new Object();
  private static final Object SCOPE_KEY = new Object();

  private final MeterRegistry registry;
  private final ObservationRegistry observations;
  private final boolean accountTag;
  private final double[] percentiles;
  private final boolean histogram;

  private SmoMicrometer(Builder b) {
    registry = b.registry;
    observations = b.observations;
    accountTag = b.accountTag;
    percentiles = b.percentiles;
    histogram = b.histogram;
  }

  /** Returns a builder recording into {@code registry}. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(requireNonNull(registry, "registry == null"));
  }

  /** Returns meters in {@code registry}, no observations, no percentiles, no account tag. */
  public static SmoMicrometer of(MeterRegistry registry) {
    return builder(registry).build();
  }

  private Tags callTags(ApiCall call) {
    Tags t =
        Tags.of(
            "platform",
            call.platform().id(),
            "operation",
            call.operation(),
            "kind",
            call.kind().name().toLowerCase(Locale.ROOT));
    return accountTag ? t.and("account", call.account()) : t;
  }

  private Timer timer(String name, String description, Tags tags) {
    Timer.Builder b = Timer.builder(name).description(description).tags(tags);
    if (percentiles.length > 0) {
      b.publishPercentiles(percentiles);
    }
    if (histogram) {
      b.publishPercentileHistogram();
    }
    return b.register(registry);
  }

  private void count(String name, String description, Tags tags, double amount) {
    Counter.builder(name).description(description).tags(tags).register(registry).increment(amount);
  }

  @Override
  public void onCallStart(ApiCall call) {
    if (observations.isNoop()) {
      return;
    }
    Observation o =
        Observation.createNotStarted(OBSERVATION, observations)
            .contextualName("smo " + call.platform().id() + " " + call.operation())
            .lowCardinalityKeyValue("platform", call.platform().id())
            .lowCardinalityKeyValue("operation", call.operation())
            .lowCardinalityKeyValue("kind", call.kind().name().toLowerCase(Locale.ROOT))
            .highCardinalityKeyValue("account", call.account())
            .start();
    call.attribute(OBS_KEY, o);
    call.attribute(SCOPE_KEY, o.openScope());
  }

  @Override
  public void onAttempt(AttemptEvent e) {
    Tags tags = callTags(e.call()).and("outcome", e.outcome().tagValue());
    count(ATTEMPTS, "HTTP attempts of SMO API calls", tags, 1);
    Tags bytes = callTags(e.call());
    if (e.bytesSent() > 0) {
      Counter.builder(BYTES_SENT)
          .baseUnit("bytes")
          .description("request body bytes")
          .tags(bytes)
          .register(registry)
          .increment((double) e.bytesSent());
    }
    if (e.bytesReceived() > 0) {
      Counter.builder(BYTES_RECEIVED)
          .baseUnit("bytes")
          .description("response body bytes")
          .tags(bytes)
          .register(registry)
          .increment((double) e.bytesReceived());
    }
  }

  @Override
  public void onRetry(RetryEvent e) {
    count(
        RETRIES,
        "retries of SMO API calls",
        callTags(e.call()).and("reason", e.reason().tagValue()),
        1);
    event(e.call(), "retry");
  }

  @Override
  public void onRateLimit(RateLimitEvent e) {
    Tags tags = callTags(e.call()).and("source", e.source().tagValue());
    if (e.action() == RateLimitEvent.Action.WAITED) {
      timer(RATE_LIMIT_WAITS, "time SMO API calls waited for rate limits", tags)
          .record(e.duration());
      event(e.call(), "ratelimit.wait");
    } else {
      count(RATE_LIMIT_REFUSALS, "SMO API calls refused by a rate limit", tags, 1);
    }
  }

  @Override
  public void onTokenRefresh(TokenRefreshEvent e) {
    count(
        TOKEN_REFRESHES,
        "token refreshes after the platform rejected a token",
        Tags.of(
            "platform",
            e.call().platform().id(),
            "result",
            e.refreshed() ? "refreshed" : "refused"),
        1);
    event(e.call(), e.refreshed() ? "token.refreshed" : "token.refused");
  }

  @Override
  public void onUnknownOutcome(UnknownOutcomeEvent e) {
    count(
        UNKNOWN_OUTCOMES,
        "creates that may or may not have taken effect (reconcile)",
        Tags.of("platform", e.call().platform().id(), "operation", e.call().operation()),
        1);
  }

  @Override
  public void onCallEnd(ApiCall call, CallResult result) {
    timer(
            CALLS,
            "SMO API calls, retries and waits included",
            callTags(call).and("outcome", result.outcome().tagValue()))
        .record(result.duration());
    Object o = call.attribute(OBS_KEY);
    if (o instanceof Observation obs) {
      if (call.attribute(SCOPE_KEY) instanceof Observation.Scope scope) {
        scope.close();
      }
      obs.lowCardinalityKeyValue("outcome", result.outcome().tagValue());
      obs.highCardinalityKeyValue("attempts", String.valueOf(result.attempts()));
      if (result.error() != null) {
        obs.error(result.error());
      }
      obs.stop();
    }
  }

  private static void event(ApiCall call, String name) {
    Object o = call.attribute(OBS_KEY);
    if (o instanceof Observation observation) {
      observation.event(Observation.Event.of("smo." + name));
    }
  }

  @Override
  public void onUpload(UploadProgress p) {
    if (p.state() != UploadState.READY && p.state() != UploadState.FAILED) {
      return;
    }
    String outcome = p.state().name().toLowerCase(Locale.ROOT);
    count(
        UPLOADS,
        "finished media uploads",
        Tags.of("platform", p.platform().id(), "outcome", outcome),
        1);
    if (p.state() == UploadState.READY && p.totalBytes() > 0) {
      DistributionSummary.builder(UPLOAD_BYTES)
          .baseUnit("bytes")
          .description("uploaded media sizes")
          .tags("platform", p.platform().id())
          .register(registry)
          .record((double) p.totalBytes());
    }
  }

  @Override
  public void onCrossPost(CrossPostEvent e) {
    timer(CROSS_POSTS, "cross-posts, all targets", Tags.empty()).record(e.duration());
    e.result()
        .outcomes()
        .forEach(
            (platform, o) ->
                count(
                    CROSS_POST_TARGETS,
                    "cross-post target outcomes",
                    Tags.of("platform", platform.id(), "status", status(o.status())),
                    1));
  }

  @Override
  public void onSchedulerRun(SchedulerRunEvent e) {
    count(
        SCHEDULER_RUNS,
        "scheduled targets run",
        Tags.of("platform", e.platform().id(), "status", e.status()),
        1);
  }

  /** Counts an inbox drop, tagged by platform and operation (and account when enabled). */
  @Override
  public void onInboxDrop(InboxDropEvent e) {
    Tags t = Tags.of("platform", e.platform().id(), "operation", e.operation());
    count(
        INBOX_DROPPED,
        "elements of inbox reads left out whole",
        accountTag ? t.and("account", e.account()) : t,
        1);
  }

  private static String status(PlatformOutcome.Status s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  /** Builds {@link SmoMicrometer}. Mutable, not thread-safe. */
  public static final class Builder {
    private final MeterRegistry registry;
    private ObservationRegistry observations = ObservationRegistry.NOOP;
    private boolean accountTag;
    private double[] percentiles = new double[0];
    private boolean histogram;

    private Builder(MeterRegistry registry) {
      this.registry = registry;
    }

    /**
     * Also records one Observation per API call. Default {@link ObservationRegistry#NOOP} (none).
     */
    public Builder observationRegistry(ObservationRegistry observations) {
      this.observations = requireNonNull(observations, "observations == null");
      return this;
    }

    /**
     * Adds the SDK account key as an {@code account} tag on call meters. Default off: turn it on
     * only when the application has a small fixed set of accounts.
     */
    public Builder accountTag(boolean accountTag) {
      this.accountTag = accountTag;
      return this;
    }

    /**
     * Publishes these client-side percentiles (each in [0, 1]) on the timers. Default none.
     *
     * @throws IllegalArgumentException if a value is outside [0, 1]
     */
    public Builder percentiles(double... percentiles) {
      for (double p : percentiles) {
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("percentile must be in [0, 1]: " + p);
        }
      }
      this.percentiles = Arrays.copyOf(percentiles, percentiles.length);
      return this;
    }

    /** Publishes percentile histogram buckets on the timers. Default off. */
    public Builder percentileHistogram(boolean histogram) {
      this.histogram = histogram;
      return this;
    }

    /** Returns the binder. */
    public SmoMicrometer build() {
      return new SmoMicrometer(this);
    }
  }

  @Override
  public String toString() {
    return "SmoMicrometer[" + registry.getClass().getSimpleName() + "]";
  }
}
