package io.smo.twitter.internal;

import io.smo.core.Capabilities;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.TextOverflow;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.text.TextFitting;
import io.smo.core.upload.UploadListener;
import io.smo.twitter.TwitterCapabilities;
import io.smo.twitter.TwitterOptions;
import io.smo.twitter.TwitterRateBucket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Publishing on X: media through {@link TwitterUploadProtocol}, then one {@code POST /2/tweets} per
 * part (a reply chain for threads), and {@code DELETE /2/tweets/{id}}. A create is never retried
 * once it may have been posted; a thread that fails after its first part throws {@link
 * PublishOutcomeUnknownException} listing the parts already posted. Thread-safe.
 *
 * @see <a href="https://docs.x.com/x-api/posts/manage-tweets/introduction">Manage posts</a>
 */
@SmoInternalApi
public final class TwitterPublisher {
  private final ApiRuntime runtime;
  private final TwitterApi api;
  private final TwitterUploadProtocol uploads;
  private final UploadListener listener;
  private final Supplier<String> knownAccount;

  /**
   * Creates the publisher.
   *
   * @param runtime the runtime
   * @param api the Retrofit service
   * @param uploads the media upload protocol
   * @param listener upload progress listener
   * @param knownAccount the account's X user id when known (rate limits are kept under it), else
   *     {@code null}
   */
  public TwitterPublisher(
      ApiRuntime runtime,
      TwitterApi api,
      TwitterUploadProtocol uploads,
      UploadListener listener,
      Supplier<String> knownAccount) {
    this.runtime = runtime;
    this.api = api;
    this.uploads = uploads;
    this.listener = listener;
    this.knownAccount = knownAccount;
  }

  private Operation keyed(Operation op) {
    String id = knownAccount.get();
    return id == null ? op : op.forAccount(id);
  }

  /**
   * Publishes a validated post: uploads its media, then posts its parts as a reply chain.
   *
   * @throws PublishOutcomeUnknownException when a later part fails or an answer names no id
   * @throws SmoException when the first part fails
   */
  public PublishedPost publish(Post post) {
    Capabilities caps = TwitterCapabilities.get();
    List<String> parts = new ArrayList<>();
    if (post.textOverflow() == TextOverflow.THREAD
        && caps.textLimit().isPresent()
        && !caps.textLimit().get().fits(post.text())) {
      parts.addAll(TextFitting.splitNumbered(post.text(), caps.textLimit().get()));
    } else {
      parts.add(post.text());
    }
    parts.addAll(post.thread());

    List<String> mediaIds = new ArrayList<>();
    for (Media m : post.media()) {
      mediaIds.add(uploads.upload(m, listener));
    }
    Optional<TwitterOptions> opts = post.options(TwitterOptions.class);
    String replySettings =
        opts.flatMap(TwitterOptions::replySettings)
            .or(() -> TwitterCapabilities.replySettings(post.audience().replyPolicy()))
            .flatMap(TwitterOptions.ReplySettings::wireValue)
            .orElse(null);

    List<PostRef> published = new ArrayList<>();
    String previous = null;
    for (int i = 0; i < parts.size(); i++) {
      String text = parts.get(i).isEmpty() ? null : parts.get(i);
      TwitterDtos.CreateTweetRequest body;
      if (i == 0) {
        TwitterDtos.MediaIds media =
            mediaIds.isEmpty() ? null : new TwitterDtos.MediaIds(List.copyOf(mediaIds));
        String quote = null;
        TwitterDtos.ReplyTo reply = null;
        Boolean ai = null;
        Boolean paid = null;
        if (opts.isPresent()) {
          TwitterOptions o = opts.get();
          quote = o.quoteTweetId().orElse(null);
          if (o.inReplyToTweetId().isPresent()) {
            reply =
                new TwitterDtos.ReplyTo(
                    o.inReplyToTweetId().get(),
                    o.excludeReplyUserIds().isEmpty()
                        ? null
                        : List.copyOf(o.excludeReplyUserIds()));
          }
          ai = o.madeWithAi() ? Boolean.TRUE : null;
          paid = o.paidPartnership() ? Boolean.TRUE : null;
        }
        body =
            new TwitterDtos.CreateTweetRequest(text, media, quote, reply, ai, paid, replySettings);
      } else {
        body =
            new TwitterDtos.CreateTweetRequest(
                text,
                null,
                null,
                new TwitterDtos.ReplyTo(previous, null),
                null,
                null,
                replySettings);
      }
      String id;
      try {
        id = create(body);
      } catch (PublishOutcomeUnknownException e) {
        throw e.withContext(post.idempotencyKey(), published);
      } catch (SmoException e) {
        if (published.isEmpty()) {
          throw e;
        }
        PublishOutcomeUnknownException partial =
            new PublishOutcomeUnknownException(
                Platform.TWITTER,
                "publish",
                "thread part "
                    + (i + 1)
                    + " of "
                    + parts.size()
                    + " failed after "
                    + published.size()
                    + " part(s) were posted: "
                    + e.getMessage(),
                e,
                post.idempotencyKey(),
                published,
                null);
        partial.withAttempts(e.attempts());
        throw partial;
      }
      published.add(PostRef.of(Platform.TWITTER, id));
      previous = id;
    }
    PostRef root = published.get(0);
    return PublishedPost.builder(root)
        .url(TwitterMapper.url(root.id()))
        .publishedAt(runtime.clock().instant())
        .parts(published)
        .build();
  }

  /**
   * Posts one {@code POST /2/tweets} body and returns the new id.
   *
   * @throws PublishOutcomeUnknownException if the answer names no id and no error
   */
  public String create(TwitterDtos.CreateTweetRequest body) {
    Operation op = keyed(Operation.create("publish", TwitterRateBucket.TWEETS_CREATE));
    ApiResponse<TwitterDtos.Envelope<TwitterDtos.Created>> r =
        runtime.callForResponse(op, () -> api.createTweet(body));
    TwitterDtos.Envelope<TwitterDtos.Created> b = r.body();
    String id = b == null || b.data() == null || b.data().id() == null ? "" : b.data().id();
    if (id.isEmpty()) {
      if (b != null && b.hasErrors()) {
        throw runtime.mapFailure(op, r.status(), r.headers(), errorBody(runtime, b));
      }
      throw new PublishOutcomeUnknownException(
          Platform.TWITTER,
          "publish",
          "the create answer carries no post id; not retried so that nothing is posted twice",
          null,
          null,
          List.of(),
          null);
    }
    return id;
  }

  /** Uploads one media item (already validated) and returns its media id. */
  public String upload(Media media) {
    return uploads.upload(media, listener);
  }

  /** {@code DELETE /2/tweets/{id}}; a 200 carrying only errors is mapped as a failure. */
  public void delete(PostRef ref) {
    Operation op = keyed(Operation.write("delete", TwitterRateBucket.TWEETS_DELETE));
    ApiResponse<TwitterDtos.Envelope<TwitterDtos.Deleted>> r =
        runtime.callForResponse(op, () -> api.deleteTweet(ref.id()));
    failOnErrorsWithoutData(runtime, op, r);
  }

  /** Throws the mapped failure when an answer carries {@code errors} and no {@code data}. */
  static void failOnErrorsWithoutData(
      ApiRuntime runtime, Operation op, ApiResponse<? extends TwitterDtos.Envelope<?>> r) {
    TwitterDtos.Envelope<?> b = r.body();
    if (b != null && b.data() == null && b.hasErrors()) {
      throw runtime.mapFailure(op, r.status(), r.headers(), errorBody(runtime, b));
    }
  }

  /**
   * Renders an answer's {@code errors} back to JSON for the error mapper ({@code {}} when it has
   * none).
   */
  static String errorBody(ApiRuntime runtime, TwitterDtos.Envelope<?> b) {
    if (b == null || b.errors() == null) {
      return "{}";
    }
    try {
      return runtime.json().writeValueAsString(Map.of("errors", b.errors()));
    } catch (IOException e) {
      return "";
    }
  }
}
