package io.smo.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.auth.TokenProvider;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.ErrorMapper;
import io.smo.core.http.Operation;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.core.resilience.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * Per-call overhead: the SDK's full call path (ApiRuntime: auth and User-Agent interceptors,
 * redacting logging interceptor, send tracking, client-side rate limiter, retry loop, rate-limit
 * header parsing, error mapper, Retrofit + Jackson, mapping to {@link EngagementMetrics}) against a
 * hand-written OkHttp + Jackson call doing the same request and the same mapping, both against the
 * same loopback stub.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallOverheadBenchmark {
  /** The X v2 tweet lookup, as a platform module would declare it. */
  public interface TweetsApi {
    @GET("2/tweets/{id}")
    Call<TweetEnvelope> tweet(@Path("id") String id);
  }

  /** DTO. */
  public static final class TweetEnvelope {
    @JsonProperty("data")
    public Tweet data;
  }

  /** DTO. */
  public static final class Tweet {
    @JsonProperty("id")
    public String id;

    @JsonProperty("text")
    public String text;

    @JsonProperty("public_metrics")
    public Metrics metrics;
  }

  /** DTO. */
  public static final class Metrics {
    @JsonProperty("like_count")
    public long likes;

    @JsonProperty("retweet_count")
    public long retweets;

    @JsonProperty("reply_count")
    public long replies;

    @JsonProperty("impression_count")
    public long impressions;
  }

  static final Operation READ =
      Operation.read("tweet lookup", io.smo.twitter.TwitterRateBucket.TWEETS_READ);

  static final RateLimitHeaderParser PARSER =
      (h, op, now) -> {
        String remaining = h.get("x-rate-limit-remaining");
        if (remaining == null) {
          return Optional.empty();
        }
        String limit = h.get("x-rate-limit-limit");
        String reset = h.get("x-rate-limit-reset");
        return Optional.of(
            RateLimitSnapshot.builder(Platform.TWITTER, now)
                .scope(RateLimitSnapshot.Scope.USER)
                .bucket(op.bucket())
                .limit(limit == null ? null : Long.valueOf(limit))
                .remaining(Long.valueOf(remaining))
                .resetAt(reset == null ? null : Instant.ofEpochSecond(Long.parseLong(reset)))
                .build());
      };

  static final ErrorMapper MAPPER =
      f ->
          f.status() == 429
              ? new RateLimitException(
                  f.details().build(), ErrorMapper.retryAfter(f).orElse(Duration.ZERO))
              : new InvalidRequestException(f.details().build());

  LoopbackStub stub;
  ApiRuntime runtime;
  TweetsApi api;
  OkHttpClient raw;
  ObjectMapper json;
  String url;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    stub = new LoopbackStub();
    runtime =
        ApiRuntime.builder(Platform.TWITTER, "smo-bench")
            .baseUrl(URI.create(stub.baseUrl()))
            .tokens(TokenProvider.of("bench-token"))
            .errorMapper(MAPPER)
            .rateLimitParser(PARSER)
            .retryPolicy(RetryPolicy.defaults())
            // a real client-side limiter on the path, with a cap the benchmark never reaches
            .rateLimitPolicy(
                RateLimitPolicy.builder()
                    .bucket(
                        io.smo.twitter.TwitterRateBucket.TWEETS_READ,
                        1_000_000_000,
                        Duration.ofSeconds(1))
                    .build())
            .build();
    api = runtime.service(TweetsApi.class);
    raw =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS))
            .build();
    json =
        new ObjectMapper()
            .configure(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                false);
    url = stub.baseUrl() + "2/tweets/1849000000000000001";
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    runtime.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    stub.close();
  }

  static EngagementMetrics map(Tweet t) {
    return EngagementMetrics.builder(PostRef.of(Platform.TWITTER, t.id))
        .put(EngagementMetrics.Metric.LIKES, t.metrics.likes)
        .put(EngagementMetrics.Metric.SHARES, t.metrics.retweets)
        .put(EngagementMetrics.Metric.COMMENTS, t.metrics.replies)
        .put(EngagementMetrics.Metric.IMPRESSIONS, t.metrics.impressions)
        .build();
  }

  /** The SDK path. */
  @Benchmark
  public EngagementMetrics sdk() {
    return map(runtime.call(READ, () -> api.tweet("1849000000000000001")).data);
  }

  /** The hand-written OkHttp + Jackson path. */
  @Benchmark
  public EngagementMetrics handWritten() throws IOException {
    Request req =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer bench-token")
            .header("User-Agent", "bench")
            .build();
    try (Response r = raw.newCall(req).execute()) {
      if (!r.isSuccessful()) {
        throw new IOException("HTTP " + r.code());
      }
      return map(json.readValue(r.body().byteStream(), TweetEnvelope.class).data);
    }
  }
}
