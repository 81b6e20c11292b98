package io.smo.core;

import static java.util.Objects.requireNonNull;

import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.UnsupportedFeatureException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Settles a target that a {@link CrossPoster} left UNKNOWN (the request may have taken effect, or
 * its publisher died mid-call) by looking on the platform, and records the verdict in the {@link
 * IdempotencyStore}:
 *
 * <ul>
 *   <li>when the unknown outcome carries an id: it is read back as a post ({@link
 *       SocialClient#metrics}); found means PUBLISHED; not found proves nothing (the id may be an
 *       upload session, a TikTok {@code publish_id} or an Instagram container), so the search below
 *       decides;
 *   <li>otherwise the account's recent posts ({@link SocialClient#recentPosts}) created since the
 *       claim (minus {@link #CLOCK_SLACK}) are searched for the same text (whitespace-insensitive):
 *       found means PUBLISHED; absent from a complete listing means FAILED; a listing cut short
 *       (100 posts) leaves it UNKNOWN.
 * </ul>
 *
 * <p>A platform that cannot list an account's posts leaves it UNKNOWN, with that as the evidence.
 * Thread-safe (stateless).
 *
 * <pre>{@code
 * Reconciler.Result r = Reconciler.reconcile(store, x, post);
 * System.out.println(r.status() + ": " + r.evidence());
 * }</pre>
 */
@SmoPublicApi
public final class Reconciler {
  /** How far before the claim a listed post may have been created (clock differences). */
  public static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

  private static final int LISTING_CAP = 100;

  private Reconciler() {}

  /** The verdict of one target. Immutable. */
  public static final class Result {
    private final Platform platform;
    private final PlatformOutcome.Status status;
    private final PublishedPost published;
    private final String evidence;

    Result(
        Platform platform,
        PlatformOutcome.Status status,
        PublishedPost published,
        String evidence) {
      this.platform = platform;
      this.status = status;
      this.published = published;
      this.evidence = evidence;
    }

    /** Returns the platform. */
    public Platform platform() {
      return platform;
    }

    /** Returns PUBLISHED, FAILED, or UNKNOWN when the platform could not tell. */
    public PlatformOutcome.Status status() {
      return status;
    }

    /** Returns the post found, for PUBLISHED. */
    public Optional<PublishedPost> published() {
      return Optional.ofNullable(published);
    }

    /**
     * Returns what the verdict rests on, in words (post id and creation time, or what was
     * searched).
     */
    public String evidence() {
      return evidence;
    }

    @Override
    public String toString() {
      return platform.id() + " " + status + ": " + evidence;
    }
  }

  /**
   * Settles {@code post}'s target on {@code client}'s account if it stands UNKNOWN (or IN_FLIGHT)
   * in {@code store}; a target in another state is returned as it stands.
   *
   * @param store the CrossPoster's idempotency store
   * @param client the client of the target account
   * @param post the post (its idempotency key and text)
   * @return the verdict with its evidence
   * @throws IllegalArgumentException if the store has no entry for this key and target
   * @throws SmoException if the platform failed while being asked (nothing is recorded then)
   */
  public static Result reconcile(IdempotencyStore store, SocialClient client, Post post) {
    requireNonNull(store, "store == null");
    requireNonNull(client, "client == null");
    requireNonNull(post, "post == null");
    Platform p = client.platform();
    String target = IdempotencyStore.target(p, client.accountKey());
    IdempotencyStore.Entry e =
        store.entries(post.idempotencyKey()).stream()
            .filter(x -> x.target().equals(target))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "nothing recorded for " + post.idempotencyKey() + " on " + target));
    if (e.state() != IdempotencyStore.State.UNKNOWN
        && e.state() != IdempotencyStore.State.IN_FLIGHT) {
      PublishedPost pp =
          e.postId()
              .filter(id -> e.state() == IdempotencyStore.State.PUBLISHED)
              .map(id -> PublishedPost.builder(PostRef.of(p, id)).build())
              .orElse(null);
      return new Result(
          p, PlatformOutcome.Status.valueOf(e.state().name()), pp, "already settled: " + e.state());
    }
    Instant now = client.clock().instant();
    String idNote = "";
    if (e.postId().isPresent()) {
      PostRef ref = PostRef.of(p, e.postId().get());
      try {
        client.metrics(ref);
        return settle(
            store,
            e,
            p,
            PublishedPost.builder(ref).build(),
            now,
            "post " + ref + " (id from the unknown answer) exists on the platform");
      } catch (NotFoundException | io.smo.core.exception.InvalidRequestException nf) {
        // the id an unknown answer carried may be an upload session, a publish_id or a container
        // rather than the post's id: not finding it proves nothing, the account's posts decide
        idNote = "id " + ref.id() + " from the unknown answer is not a readable post; ";
      }
    }
    Instant since = e.updatedAt().minus(CLOCK_SLACK);
    List<AccountPost> listed;
    try {
      listed = client.recentPosts(since);
    } catch (UnsupportedFeatureException u) {
      return new Result(
          p, PlatformOutcome.Status.UNKNOWN, null, idNote + "cannot look it up: " + u.getMessage());
    }
    String wanted = normalize(post.text());
    for (AccountPost a : listed) {
      if (!a.createdAt().isBefore(since) && normalize(a.text()).equals(wanted)) {
        return settle(
            store,
            e,
            p,
            a.post(),
            now,
            idNote
                + "post "
                + a.post().ref()
                + " created at "
                + a.createdAt()
                + " has the same text (searched "
                + listed.size()
                + " posts of the account since "
                + since
                + ")");
      }
    }
    if (listed.size() >= LISTING_CAP) {
      return new Result(
          p,
          PlatformOutcome.Status.UNKNOWN,
          null,
          idNote
              + "no match among the "
              + listed.size()
              + " most recent posts, but the listing may be cut short; look again or check by hand");
    }
    return fail(
        store,
        e,
        p,
        now,
        idNote
            + "no post with the same text among the "
            + listed.size()
            + " posts of the account created since "
            + since);
  }

  private static Result settle(
      IdempotencyStore store,
      IdempotencyStore.Entry e,
      Platform p,
      PublishedPost found,
      Instant now,
      String evidence) {
    store.complete(
        e.with(
            IdempotencyStore.State.PUBLISHED,
            found.id(),
            found.url().map(Object::toString).orElse(null),
            "reconciled: " + evidence,
            now));
    return new Result(p, PlatformOutcome.Status.PUBLISHED, found, evidence);
  }

  private static Result fail(
      IdempotencyStore store, IdempotencyStore.Entry e, Platform p, Instant now, String evidence) {
    store.complete(
        e.with(IdempotencyStore.State.FAILED, null, null, "reconciled: " + evidence, now));
    return new Result(p, PlatformOutcome.Status.FAILED, null, evidence);
  }

  private static String normalize(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }
}
