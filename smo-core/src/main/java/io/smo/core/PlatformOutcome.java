package io.smo.core;

import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import java.util.List;
import java.util.Optional;

/**
 * What happened on one platform when {@link CrossPoster} published a post: PUBLISHED (with the
 * {@link PublishedPost}), FAILED (with the typed exception), UNKNOWN (the request may have taken
 * effect; with what is known), or SKIPPED (offline validation failed; with the violations).
 * Immutable.
 */
@SmoPublicApi
public final class PlatformOutcome {
  /** The four outcomes. */
  public enum Status {
    /** Published. */
    PUBLISHED,
    /** Failed; nothing was published. */
    FAILED,
    /** May or may not have been published; reconcile before trying again. */
    UNKNOWN,
    /** Not attempted: the post breaks the platform's rules. */
    SKIPPED
  }

  private final Platform platform;
  private final Status status;
  private final PublishedPost published;
  private final SmoException error;
  private final List<Violation> violations;
  private final Comment firstComment;
  private final SmoException firstCommentError;
  private final Target target;

  private PlatformOutcome(
      Platform platform,
      Status status,
      PublishedPost published,
      SmoException error,
      List<Violation> violations) {
    this(platform, status, published, error, violations, null, null, null);
  }

  private PlatformOutcome(
      Platform platform,
      Status status,
      PublishedPost published,
      SmoException error,
      List<Violation> violations,
      Comment firstComment,
      SmoException firstCommentError,
      Target target) {
    this.target = target;
    this.platform = platform;
    this.status = status;
    this.published = published;
    this.error = error;
    this.violations = List.copyOf(violations);
    this.firstComment = firstComment;
    this.firstCommentError = firstCommentError;
  }

  /** Returns a PUBLISHED outcome. */
  public static PlatformOutcome published(PublishedPost post) {
    return new PlatformOutcome(post.platform(), Status.PUBLISHED, post, null, List.of());
  }

  /** Returns a FAILED or UNKNOWN outcome, by the exception's type. */
  public static PlatformOutcome failed(Platform platform, SmoException error) {
    Status s = error instanceof PublishOutcomeUnknownException ? Status.UNKNOWN : Status.FAILED;
    return new PlatformOutcome(platform, s, null, error, List.of());
  }

  /** Returns a SKIPPED outcome. */
  public static PlatformOutcome skipped(Platform platform, List<Violation> violations) {
    return new PlatformOutcome(platform, Status.SKIPPED, null, null, violations);
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the status. */
  public Status status() {
    return status;
  }

  /** Returns the published post, for PUBLISHED. */
  public Optional<PublishedPost> published() {
    return Optional.ofNullable(published);
  }

  /** Returns the exception, for FAILED and UNKNOWN. */
  public Optional<SmoException> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Returns a copy of this PUBLISHED outcome with its {@link Post#firstComment() first comment}
   * published.
   *
   * @throws IllegalStateException if this outcome is not PUBLISHED
   */
  public PlatformOutcome withFirstComment(Comment comment) {
    requirePublished();
    return new PlatformOutcome(
        platform,
        status,
        published,
        null,
        violations,
        java.util.Objects.requireNonNull(comment, "comment == null"),
        null,
        target);
  }

  /**
   * Returns a copy of this PUBLISHED outcome whose first comment failed: the post stays PUBLISHED,
   * the failure is reported beside it.
   *
   * @throws IllegalStateException if this outcome is not PUBLISHED
   */
  public PlatformOutcome withFirstCommentError(SmoException error) {
    requirePublished();
    return new PlatformOutcome(
        platform,
        status,
        published,
        null,
        violations,
        null,
        java.util.Objects.requireNonNull(error, "error == null"),
        target);
  }

  private void requirePublished() {
    if (status != Status.PUBLISHED) {
      throw new IllegalStateException(
          "a first comment belongs to a PUBLISHED outcome, not " + status);
    }
  }

  /** Returns the published first comment, if the post had one and it was published. */
  public Optional<Comment> firstComment() {
    return Optional.ofNullable(firstComment);
  }

  /**
   * Returns why the first comment failed, if the post had one and it failed (the post itself is
   * PUBLISHED). A {@link PublishOutcomeUnknownException} means the comment may exist: check before
   * adding it by hand; {@link CrossPoster} does not retry it.
   */
  public Optional<SmoException> firstCommentError() {
    return Optional.ofNullable(firstCommentError);
  }

  /** Returns the violations, for SKIPPED (else empty). */
  public List<Violation> violations() {
    return violations;
  }

  /** Returns a one-line reason for anything not published, or empty for PUBLISHED. */
  public String reason() {
    return switch (status) {
      case PUBLISHED -> "";
      case SKIPPED ->
          violations.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElse("");
      default -> error.getMessage();
    };
  }

  /**
   * Returns the target (platform and account) this outcome belongs to, when known: always for
   * outcomes of a {@link CrossPoster}.
   */
  public Optional<Target> target() {
    return Optional.ofNullable(target);
  }

  /**
   * Returns a copy of this outcome naming its target.
   *
   * @throws IllegalArgumentException if {@code target} is on another platform
   */
  public PlatformOutcome withTarget(Target target) {
    if (target.platform() != platform) {
      throw new IllegalArgumentException(target + " is not on " + platform.displayName());
    }
    if (target.equals(this.target)) {
      return this;
    }
    return new PlatformOutcome(
        platform, status, published, error, violations, firstComment, firstCommentError, target);
  }

  @Override
  public String toString() {
    return (target != null ? target.key() : platform.id())
        + " "
        + status
        + (published != null ? " " + published.ref() : " " + reason())
        + (firstComment != null ? " first comment " + firstComment.ref().id() : "")
        + (firstCommentError != null
            ? " (first comment failed: " + firstCommentError.getMessage() + ")"
            : "");
  }
}
