package io.smo.facebook.internal;

import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.facebook.FacebookOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a Page post must follow beyond core's {@code PostValidator}, checked offline (no I/O):
 * audience targeting, Reels, link previews. Stateless.
 */
@SmoInternalApi
public final class FacebookRules {
  private FacebookRules() {}

  /**
   * Returns the Facebook-only violations of a post (offline): its audience against {@link
   * Targeting}, a Reel being exactly one video, a link preview not mixed with media.
   *
   * @param post the post
   * @return the violations, empty when none
   */
  public static List<Violation> violations(Post post) {
    FacebookOptions o = post.options(FacebookOptions.class).orElse(null);
    List<Violation> out = new ArrayList<>(Targeting.violations(post.audience(), o));
    if (o != null
        && o.asReel()
        && (post.media().size() != 1 || post.media().get(0).kind() != MediaKind.VIDEO)) {
      out.add(
          Violation.of(
              Platform.FACEBOOK,
              "options.asReel",
              "reel-single-video",
              post.media().size(),
              1,
              "a Reel is exactly one video"));
    }
    if (post.link().isPresent() && !post.media().isEmpty()) {
      out.add(
          Violation.of(
              Platform.FACEBOOK,
              "link",
              "link-with-media",
              post.link().get(),
              null,
              "a Page post carries either a link preview or media, not both"));
    }
    return out;
  }
}
