package io.smo.core.links;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;

/**
 * A link the {@link LinkTagger} kept out of tagging because it is malformed, with the reason. The
 * post keeps such a link exactly as written.
 *
 * @param link the characters as written
 * @param location where it was found
 * @param reason why it was not tagged, for people (e.g. {@code "host 'foo..bar.com' is not a valid
 *     domain name"})
 */
@SmoPublicApi
public record LinkProblem(String link, TaggedLink.Location location, String reason) {

  /** Checks the components. */
  public LinkProblem {
    requireNonNull(link, "link == null");
    requireNonNull(location, "location == null");
    requireNonNull(reason, "reason == null");
  }

  @Override
  public String toString() {
    return location.name().toLowerCase(java.util.Locale.ROOT) + " link '" + link + "': " + reason;
  }
}
