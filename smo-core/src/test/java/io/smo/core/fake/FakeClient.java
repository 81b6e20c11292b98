package io.smo.core.fake;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smo.core.Capabilities;
import io.smo.core.ClientBuilder;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.MediaKind;
import io.smo.core.MediaRule;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.ErrorMapper;
import io.smo.core.http.HttpFailure;
import io.smo.core.http.Operation;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * A tiny platform client built the way platform modules build theirs (ApiRuntime + BaseSocialClient
 * + ClientBuilder), talking to WireMock:
 *
 * <ul>
 *   <li>{@code POST {base}/posts} {@code {"text": ...}} → {@code {"id": ...}} (a CREATE, bucket
 *       "posts");
 *   <li>{@code GET {base}/posts/{id}} → {@code {"id": ..., "likes": n}} (a READ, bucket "reads");
 *   <li>{@code GET {base}/posts/{id}/comments?cursor=} → {@code {"data": [...], "next": ...}}.
 * </ul>
 *
 * <p>Errors: 401 → AuthenticationException, 404 → NotFound, 429 → RateLimitException with the
 * Retry-After, 5xx → retryable PlatformException, other → InvalidRequestException. Rate-limit
 * headers: {@code x-rate-limit-limit/remaining/reset} (reset in epoch seconds, X's style).
 */
public final class FakeClient extends BaseSocialClient {
  /** Creating a post. */
  public static final Operation CREATE = Operation.create("create post", "posts");

  /** Reading a post. */
  public static final Operation READ = Operation.read("read post", "reads");

  /** Listing comments. */
  public static final Operation COMMENTS = Operation.read("list comments", "reads");

  /** The fake API. */
  public interface Api {
    @POST("posts")
    Call<PostDto> create(@Body Map<String, Object> body);

    @GET("posts/{id}")
    Call<PostDto> get(@Path("id") String id);

    @GET("posts/{id}/comments")
    Call<CommentsDto> comments(@Path("id") String id, @Query("cursor") String cursor);
  }

  /** A post as the fake API answers it. */
  public static final class PostDto {
    @JsonProperty("id")
    public String id;

    @JsonProperty("likes")
    public Long likes;
  }

  /** A comment page. */
  public static final class CommentsDto {
    @JsonProperty("data")
    public List<Map<String, String>> data = List.of();

    @JsonProperty("next")
    public String next;
  }

  private final Api api;

  private FakeClient(ApiRuntime runtime, Capabilities caps, String accountKey) {
    super(runtime, caps, accountKey);
    this.api = runtime.service(Api.class);
  }

  /** Returns a builder for {@code platform} (default X-like capabilities). */
  public static Builder builder(Platform platform) {
    return new Builder(platform);
  }

  /** Returns the runtime (tests call raw operations on it). */
  public ApiRuntime runtime() {
    return runtime;
  }

  /** Returns the Retrofit service. */
  public Api api() {
    return api;
  }

  @Override
  protected PublishedPost doPublish(Post post) {
    PostDto d = runtime.call(CREATE, () -> api.create(Map.of("text", post.text())));
    return PublishedPost.builder(PostRef.of(platform(), d.id))
        .publishedAt(clock().instant())
        .build();
  }

  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    PostDto d = runtime.call(READ, () -> api.get(ref.id()));
    return EngagementMetrics.builder(ref)
        .put(EngagementMetrics.Metric.LIKES, d.likes)
        .retrievedAt(clock().instant())
        .build();
  }

  @Override
  public Paginator<Comment> comments(PostRef ref) {
    checkRef(ref);
    return Paginator.of(
        cursor -> {
          CommentsDto page = runtime.call(COMMENTS, () -> api.comments(ref.id(), cursor));
          List<Comment> items =
              page.data.stream()
                  .map(
                      c ->
                          Comment.builder(CommentRef.of(platform(), c.get("id")))
                              .text(c.get("text"))
                              .build())
                  .collect(Collectors.toList());
          return Page.of(items, page.next);
        });
  }

  /** The default capabilities: text 280 X-weighted, up to 4 images, threads. */
  public static Capabilities defaultCapabilities(Platform p) {
    return Capabilities.builder(p)
        .textLimit(TextLimit.of("text", 280, TextCounting.X_WEIGHTED))
        .maxMediaItems(4)
        .mediaRule(MediaRule.builder(MediaKind.IMAGE).maxCount(4).maxBytes(5_000_000).build())
        .build();
  }

  /** Maps fake API failures to the SDK's exceptions. */
  public static final class Mapper implements ErrorMapper {
    @Override
    public SmoException map(HttpFailure f) {
      switch (f.status()) {
        case 401:
          return new AuthenticationException(f.details().message("token rejected").build());
        case 404:
          return new NotFoundException(f.details().message("no such post").build());
        case 429:
          return new RateLimitException(
              f.details().message("too many requests").build(),
              ErrorMapper.retryAfter(f).orElse(Duration.ZERO));
        default:
          if (f.status() >= 500) {
            return new PlatformException(f.details().message("server error").build(), true);
          }
          return new InvalidRequestException(f.details().message("bad request").build());
      }
    }
  }

  /** Parses {@code x-rate-limit-*} headers. */
  public static final RateLimitHeaderParser PARSER =
      (headers, op, now) -> {
        String remaining = headers.get("x-rate-limit-remaining");
        if (remaining == null) {
          return Optional.empty();
        }
        String limit = headers.get("x-rate-limit-limit");
        String reset = headers.get("x-rate-limit-reset");
        return Optional.of(
            RateLimitSnapshot.builder(Platform.TWITTER, now)
                .scope(RateLimitSnapshot.Scope.USER)
                .bucket(op.bucket())
                .limit(limit == null ? null : Long.parseLong(limit))
                .remaining(Long.parseLong(remaining))
                .resetAt(reset == null ? null : Instant.ofEpochSecond(Long.parseLong(reset)))
                .build());
      };

  /** Builds {@link FakeClient}. */
  public static final class Builder extends ClientBuilder<Builder> {
    private final Platform platform;
    private Capabilities capabilities;
    private String accountKey = "acct-1";

    private Builder(Platform platform) {
      this.platform = platform;
      this.capabilities = defaultCapabilities(platform);
    }

    /** Replaces the capabilities. */
    public Builder capabilities(Capabilities caps) {
      this.capabilities = caps;
      return this;
    }

    /** Sets the account key. */
    public Builder account(String accountKey) {
      this.accountKey = accountKey;
      return this;
    }

    /** Builds the client. */
    public FakeClient build() {
      ApiRuntime rt =
          runtime(
              platform,
              "smo-fake",
              URI.create("https://api.fake.invalid/"),
              new Mapper(),
              PARSER,
              RateLimitPolicy.unlimited(),
              accountKey);
      return new FakeClient(rt, capabilities, accountKey);
    }
  }
}
