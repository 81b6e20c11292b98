package io.smo.core.links;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;

/**
 * What one short link stands for: a post (its idempotency key), a target (platform and account) and
 * a variant (segment). A {@link LinkShortener} creates one short link per key, so clicks are
 * attributed to the post, target and variant that earned them (not to whichever post used a link
 * first, the problem Sprinklr users report).
 *
 * @param post the post's idempotency key
 * @param platform the target platform
 * @param account the target account ({@code "default"} when the campaign has one per platform)
 * @param variant the segment or variant ({@code "default"} when none)
 */
@SmoPublicApi
public record ShortLinkKey(String post, Platform platform, String account, String variant) {

  /** Checks the components; blank account or variant become {@code "default"}. */
  public ShortLinkKey {
    requireNonNull(post, "post == null");
    requireNonNull(platform, "platform == null");
    account = account == null || account.isBlank() ? "default" : account;
    variant = variant == null || variant.isBlank() ? "default" : variant;
  }

  /** Returns {@code post|platform|account|variant}, a stable string form. */
  @Override
  public String toString() {
    return post + "|" + platform.id() + "|" + account + "|" + variant;
  }
}
