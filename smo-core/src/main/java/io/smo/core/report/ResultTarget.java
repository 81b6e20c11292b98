package io.smo.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smo.core.SmoPublicApi;
import java.util.Objects;

/**
 * One target of a campaign in its {@link CampaignResults}: where it went (platform, account,
 * segment), what happened, and the published post. Platforms are kept as written so a record naming
 * a platform this SDK does not know is still read (and reported as such).
 *
 * @param platform the platform id ({@code facebook}, {@code twitter}, ...; {@code x} is read as
 *     twitter)
 * @param account the account ({@code "default"} when the campaign has one per platform)
 * @param segment the segment or variant ({@code "default"} when none)
 * @param status PUBLISHED, FAILED, UNKNOWN or SKIPPED (as {@link
 *     io.smo.core.PlatformOutcome.Status})
 * @param postId the published post's id, or {@code null}
 * @param url the public URL, or {@code null}
 * @param publishedAt when it went public (ISO-8601 UTC), or {@code null}
 * @param shortLink the shortener's link id (e.g. {@code bit.ly/3xYz}) standing for this target, or
 *     {@code null}
 * @param sandbox whether the post was made on the SMO sandbox (not a real platform)
 * @param reason why it was not published, or {@code null}
 * @param attributes the post ref's attributes ({@link io.smo.core.PostRef#attributes()}; Snapchat
 *     needs its {@code kind} to read figures), possibly empty
 */
@SmoPublicApi
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ResultTarget(
    String platform,
    String account,
    String segment,
    String status,
    String postId,
    String url,
    String publishedAt,
    String shortLink,
    boolean sandbox,
    String reason,
    java.util.Map<String, String> attributes) {

  /** Normalises the components: blank account and segment become {@code "default"}. */
  public ResultTarget {
    Objects.requireNonNull(platform, "platform == null");
    account = account == null || account.isBlank() ? "default" : account;
    segment = segment == null || segment.isBlank() ? "default" : segment;
    status = status == null ? "PUBLISHED" : status;
    attributes = attributes == null ? java.util.Map.of() : java.util.Map.copyOf(attributes);
  }

  /**
   * Creates a target whose post ref has no attributes.
   *
   * @param platform the platform id
   * @param account the account, or {@code null} for {@code "default"}
   * @param segment the segment, or {@code null} for {@code "default"}
   * @param status the publish status
   * @param postId the post id, or {@code null}
   * @param url the URL, or {@code null}
   * @param publishedAt when it went public, or {@code null}
   * @param shortLink the short link id, or {@code null}
   * @param sandbox whether it was made on the sandbox
   * @param reason why not published, or {@code null}
   */
  public ResultTarget(
      String platform,
      String account,
      String segment,
      String status,
      String postId,
      String url,
      String publishedAt,
      String shortLink,
      boolean sandbox,
      String reason) {
    this(
        platform,
        account,
        segment,
        status,
        postId,
        url,
        publishedAt,
        shortLink,
        sandbox,
        reason,
        null);
  }

  /** Returns a copy pointing at another post (same target). */
  public ResultTarget withPost(String postId, java.util.Map<String, String> attributes) {
    return new ResultTarget(
        platform,
        account,
        segment,
        status,
        postId,
        url,
        publishedAt,
        shortLink,
        sandbox,
        reason,
        attributes);
  }

  /** Returns {@code platform:account/segment}, the target's name in reports. */
  public String label() {
    return platform + ":" + account + "/" + segment;
  }
}
