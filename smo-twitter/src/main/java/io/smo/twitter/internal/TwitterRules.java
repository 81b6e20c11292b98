package io.smo.twitter.internal;

import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.ReplyPolicy;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.exception.ValidationException;
import io.smo.twitter.TwitterCapabilities;
import io.smo.twitter.TwitterOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * X's rules for a post beyond the shared capability checks: no media fetched from URLs, alt text at
 * most {@link TwitterCapabilities#MAX_ALT_TEXT} characters, no "nobody may reply" setting, no media
 * with a quoted post, replies within the weighted length. No I/O; stateless.
 *
 * @see <a href="https://docs.x.com/x-api/posts/manage-tweets/introduction">Manage posts</a>
 */
@SmoInternalApi
public final class TwitterRules {
  private static final Platform P = Platform.TWITTER;

  /** Creates the rules. */
  public TwitterRules() {}

  /** Returns the X-specific violations of {@code post} (empty when it is acceptable). */
  public List<Violation> violations(Post post) {
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < post.media().size(); i++) {
      Media m = post.media().get(i);
      if (m.sourceType() == Media.SourceType.URL) {
        out.add(
            Violation.of(
                P,
                "media[" + i + "]",
                "media-source",
                "URL",
                null,
                "X does not fetch media from URLs; give a file or bytes"));
      }
      String field = "media[" + i + "].altText";
      m.altText()
          .filter(a -> a.codePointCount(0, a.length()) > TwitterCapabilities.MAX_ALT_TEXT)
          .ifPresent(
              a ->
                  out.add(
                      Violation.of(
                          P,
                          field,
                          "max-length",
                          a.codePointCount(0, a.length()),
                          TwitterCapabilities.MAX_ALT_TEXT,
                          "alt text is too long")));
    }
    Optional<TwitterOptions> o = post.options(TwitterOptions.class);
    boolean override = o.flatMap(TwitterOptions::replySettings).isPresent();
    if (!override
        && post.audience().replyPolicy() == ReplyPolicy.NOBODY
        && !post.audience().dropUnsupported()) {
      out.add(
          Violation.of(
              P,
              "audience.replyPolicy",
              "reply-policy-unsupported",
              ReplyPolicy.NOBODY,
              null,
              "X cannot turn replies off; the narrowest setting is " + "MENTIONED_ONLY"));
    }
    if (o.isPresent() && o.get().quoteTweetId().isPresent() && !post.media().isEmpty()) {
      out.add(
          Violation.of(
              P,
              "options.twitter.quote",
              "quote-with-media",
              null,
              null,
              "X does not accept media together with a quoted post"));
    }
    return out;
  }

  /**
   * Checks a reply's text against X's weighted length (the caller has checked it is not blank).
   *
   * @throws ValidationException if it is too long
   */
  public void checkReply(String text) {
    if (!TwitterCapabilities.get().textLimit().get().fits(text)) {
      throw ValidationException.of(
          P,
          "text",
          "max-length",
          TwitterCapabilities.weightedLength(text),
          TwitterCapabilities.MAX_WEIGHTED_LENGTH,
          "reply is too long, counted as X weighted length");
    }
  }
}
