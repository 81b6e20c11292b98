package io.smo.core.spi;

import static java.util.Objects.requireNonNull;

import io.smo.core.Capabilities;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PostValidator;
import io.smo.core.PublishedPost;
import io.smo.core.SmoProtectedApi;
import io.smo.core.SocialClient;
import io.smo.core.Violation;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.internal.CallPhase;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every platform client shares: {@link #publish(Post)} validates offline (core rules plus
 * {@link #platformViolations(Post)}), adapts the post (truncation), then calls {@link
 * #doPublish(Post)} and stamps unknown outcomes with the post's idempotency key; references are
 * checked to belong to this platform; unsupported operations throw {@link
 * UnsupportedFeatureException}. Subclasses are immutable and thread-safe.
 */
@SmoProtectedApi
public abstract class BaseSocialClient implements SocialClient, io.smo.core.inbox.InboxClient {
  /** The call runtime. */
  protected final ApiRuntime runtime;

  private final Capabilities capabilities;
  private final String accountKey;

  /**
   * Creates the client.
   *
   * @param runtime the runtime (owned by this client; closed with it)
   * @param capabilities the platform's capabilities
   * @param accountKey the account this client acts for
   */
  protected BaseSocialClient(ApiRuntime runtime, Capabilities capabilities, String accountKey) {
    this.runtime = requireNonNull(runtime, "runtime == null");
    this.capabilities = requireNonNull(capabilities, "capabilities == null");
    this.accountKey = requireNonNull(accountKey, "accountKey == null");
  }

  @Override
  public Platform platform() {
    return capabilities.platform();
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public String accountKey() {
    return accountKey;
  }

  @Override
  public Clock clock() {
    return runtime.clock();
  }

  @Override
  public List<Violation> validate(Post post) {
    requireNonNull(post, "post == null");
    List<Violation> all = new ArrayList<>(PostValidator.validate(post, capabilities, clock()));
    all.addAll(platformViolations(post));
    return all;
  }

  /** Returns the platform's own offline violations (options, field limits). Default none. */
  protected List<Violation> platformViolations(Post post) {
    return List.of();
  }

  @Override
  public final PublishedPost publish(Post post) {
    // a CrossPoster validated this very post against this client just before: once is enough
    List<Violation> violations =
        io.smo.core.internal.Prevalidated.consume(this, post) ? List.of() : validate(post);
    if (!violations.isEmpty()) {
      throw new ValidationException(platform(), violations);
    }
    Post adapted = PostValidator.adapt(post, capabilities);
    io.smo.core.event.SmoListener previous =
        io.smo.core.internal.CallEvents.enterPublish(runtime.listener());
    CallPhase phase = CallPhase.begin();
    try {
      return doPublish(adapted);
    } catch (PublishOutcomeUnknownException e) {
      throw e.idempotencyKey().isPresent()
          ? e
          : e.withContext(post.idempotencyKey(), e.publishedParts());
    } catch (SmoException e) {
      throw e;
    } catch (RuntimeException e) {
      RuntimeException typed = typedByPhase("publish", e, phase);
      if (typed instanceof PublishOutcomeUnknownException publishOutcomeUnknownException) {
        throw publishOutcomeUnknownException.withContext(post.idempotencyKey(), List.of());
      }
      throw typed;
    } finally {
      phase.end();
      io.smo.core.internal.CallEvents.exitPublish(previous);
    }
  }

  /**
   * Types a raw exception that escaped a public call (a response mapper's {@code
   * NullPointerException} on an odd answer, a transport's {@code IllegalStateException}) by how far
   * the call got: after a create was sent or accepted it is {@link PublishOutcomeUnknownException}
   * (the post may exist); after any other request a non-retryable {@link PlatformException} (the
   * answer could not be used); before any request, {@code IllegalArgumentException} and {@code
   * NullPointerException} are the caller's own bad arguments and pass unchanged, anything else is a
   * non-retryable {@link TransportException}.
   *
   * @param operation the SDK operation
   * @param e the raw exception
   * @param phase the phase record of the call
   * @return the exception to throw
   */
  private RuntimeException typedByPhase(String operation, RuntimeException e, CallPhase phase) {
    String what = e.getClass().getSimpleName();
    if (phase.createAccepted() || phase.createSent()) {
      return new PublishOutcomeUnknownException(
          platform(),
          operation,
          what
              + " after the platform "
              + (phase.createAccepted() ? "accepted" : "was sent")
              + " a create; not retried so that"
              + " nothing is posted twice",
          null,
          null,
          List.of(),
          null);
    }
    if (phase.requestSent()) {
      return new PlatformException(
          ErrorDetails.builder(platform(), operation)
              .message("the platform's answer could not be used (" + what + ")")
              .build(),
          false);
    }
    if (e instanceof IllegalArgumentException || e instanceof NullPointerException) {
      return e;
    }
    return new TransportException(
        platform(), operation, what + " before any request was sent", null, false);
  }

  /** Publishes a post that passed validation and adaptation. */
  protected abstract PublishedPost doPublish(Post post);

  /**
   * Checks that {@code ref} belongs to this platform.
   *
   * @throws ValidationException if it names another platform
   */
  protected final void checkRef(PostRef ref) {
    requireNonNull(ref, "ref == null");
    if (ref.platform() != platform()) {
      throw ValidationException.of(
          platform(),
          "ref",
          "platform-mismatch",
          ref,
          platform(),
          "reference is for " + ref.platform().displayName());
    }
  }

  /**
   * Checks that {@code ref} belongs to this platform.
   *
   * @throws ValidationException if it names another platform
   */
  protected final void checkRef(CommentRef ref) {
    requireNonNull(ref, "ref == null");
    if (ref.platform() != platform()) {
      throw ValidationException.of(
          platform(),
          "ref",
          "platform-mismatch",
          ref,
          platform(),
          "reference is for " + ref.platform().displayName());
    }
  }

  /**
   * Checks reply or comment text is not blank.
   *
   * @throws ValidationException if blank
   */
  protected final void checkText(String text) {
    if (text == null || text.isBlank()) {
      throw ValidationException.of(platform(), "text", "not-empty", text, null, "text is empty");
    }
  }

  /** Returns an {@link UnsupportedFeatureException} for {@code operation}. */
  protected final UnsupportedFeatureException unsupported(String operation, String reason) {
    return new UnsupportedFeatureException(platform(), operation, reason);
  }

  @Override
  public void delete(PostRef ref) {
    throw unsupported("delete", "the API has no delete endpoint");
  }

  @Override
  public EngagementMetrics metrics(PostRef ref) {
    throw unsupported("metrics", "the API reports no post metrics");
  }

  @Override
  public Paginator<Comment> comments(PostRef ref) {
    throw unsupported("comments", "the API has no comments endpoint");
  }

  @Override
  public Comment reply(CommentRef comment, String text) {
    throw unsupported("reply", "the API cannot reply to comments");
  }

  @Override
  public Comment comment(PostRef post, String text) {
    throw unsupported("comment", "the API cannot comment on posts");
  }

  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    throw unsupported(
        "moderate " + action.name().toLowerCase(java.util.Locale.ROOT),
        "the API cannot moderate comments");
  }

  /**
   * Returns the executor set with {@code asyncExecutor(...)} on the builder, else the SDK's pool.
   */
  @Override
  public java.util.concurrent.Executor asyncExecutor() {
    return runtime.asyncExecutor();
  }

  @Override
  public Optional<RateLimitSnapshot> lastRateLimit() {
    return runtime.lastRateLimit();
  }

  @Override
  public void close() {
    runtime.close();
  }
}
