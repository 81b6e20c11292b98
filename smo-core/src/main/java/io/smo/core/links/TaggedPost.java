package io.smo.core.links;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.Violation;
import java.util.List;

/**
 * What {@link LinkTagger#tag(Post, Platform, String)} returns: the post to publish on one target,
 * every link it looked at, and the malformed links it kept out. Immutable.
 *
 * <p>Validate the tagged post, not the original: tagging makes links longer, and every platform but
 * X counts a URL's full length ({@link #validate(SocialClient)}).
 *
 * @param post the post with tagged links (same idempotency key as the original)
 * @param platform the target it was tagged for
 * @param links every well-formed link found, in order: the post link, then text, thread and
 *     first-comment links
 * @param problems the malformed links, left as written
 */
@SmoPublicApi
public record TaggedPost(
    Post post, Platform platform, List<TaggedLink> links, List<LinkProblem> problems) {

  /** Checks and copies the components. */
  public TaggedPost {
    requireNonNull(post, "post == null");
    requireNonNull(platform, "platform == null");
    links = List.copyOf(links);
    problems = List.copyOf(problems);
  }

  /** Returns how many links were tagged. */
  public long taggedCount() {
    return links.stream().filter(l -> l.status() == TaggedLink.Status.TAGGED).count();
  }

  /**
   * Validates the tagged post offline with {@code client} (its platform's limits, counted on the
   * tagged text: X counts every URL as 23 characters, the others count the full URL).
   *
   * @param client the target's client
   * @return every violation; empty when the tagged post can be published
   * @throws IllegalArgumentException if {@code client} is for another platform
   */
  public List<Violation> validate(SocialClient client) {
    if (client.platform() != platform) {
      throw new IllegalArgumentException(
          "post tagged for " + platform + ", client is " + client.platform());
    }
    return client.validate(post);
  }
}
