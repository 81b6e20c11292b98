package io.smo.core.internal;

import io.smo.core.Post;
import io.smo.core.SmoInternalApi;
import io.smo.core.SocialClient;
import java.util.function.Supplier;

/**
 * Marks, on the calling thread, a post that {@code CrossPoster} has just validated against a client
 * and found valid, so that the client's {@code publish} does not validate it a second time
 * (validation may read every media file's header). The mark names the exact client and post
 * instances; anything else (another client, a copy of the post, a nested publish) validates as
 * usual, and the mark is consumed by the first check.
 */
@SmoInternalApi
public final class Prevalidated {
  private static final ThreadLocal<Prevalidated> CURRENT = new ThreadLocal<>();

  private final SocialClient client;
  private final Post post;

  private Prevalidated(SocialClient client, Post post) {
    this.client = client;
    this.post = post;
  }

  /**
   * Runs {@code body} with {@code post} marked as validated for {@code client}.
   *
   * @param <T> what {@code body} returns
   * @param client the client that validated the post
   * @param post the post it found valid
   * @param body the publish call
   * @return what {@code body} returned
   */
  public static <T> T run(SocialClient client, Post post, Supplier<T> body) {
    Prevalidated previous = CURRENT.get();
    CURRENT.set(new Prevalidated(client, post));
    try {
      return body.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /**
   * Returns whether {@code post} was marked as validated for {@code client} on this thread, and
   * clears the mark.
   *
   * @param client the publishing client
   * @param post the post it is asked to publish
   * @return whether validation may be skipped
   */
  @SuppressWarnings(
      "ReferenceEquality") // identity on purpose: only this very client and post object
  public static boolean consume(SocialClient client, Post post) {
    Prevalidated p = CURRENT.get();
    if (p == null || p.client != client || p.post != post) {
      return false;
    }
    CURRENT.remove();
    return true;
  }
}
