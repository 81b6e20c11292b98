package io.smo.core.links;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;

/**
 * One link the {@link LinkTagger} looked at, with what it did to it.
 *
 * @param original the link as it was written (text links: exactly the characters of the text)
 * @param tagged the link as published: {@code original} with UTM parameters appended to its query,
 *     or {@code original} itself when {@link #status()} is not {@link Status#TAGGED}
 * @param location where the link was found
 * @param status what the tagger did
 */
@SmoPublicApi
public record TaggedLink(String original, String tagged, Location location, Status status) {

  /** Where in the post a link was found. */
  public enum Location {
    /** {@link io.smo.core.Post#link()}. */
    LINK,
    /** {@link io.smo.core.Post#text()}. */
    TEXT,
    /** One of {@link io.smo.core.Post#thread()}'s parts. */
    THREAD,
    /** {@link io.smo.core.Post#firstComment()}. */
    FIRST_COMMENT
  }

  /** What the tagger did with a link. */
  public enum Status {
    /** UTM parameters were appended. */
    TAGGED,
    /** The link already carried {@code utm_*} parameters; left as it was (never tagged twice). */
    ALREADY_TAGGED,
    /** The link's domain is not one the campaign opted in to; left as it was. */
    NOT_OPTED_IN
  }

  /** Checks the components. */
  public TaggedLink {
    requireNonNull(original, "original == null");
    requireNonNull(tagged, "tagged == null");
    requireNonNull(location, "location == null");
    requireNonNull(status, "status == null");
  }
}
