package io.smo.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smo.core.SmoPublicApi;
import java.util.Objects;

/**
 * One target of a campaign in its {@link CampaignResults}: where it went (platform, account,
 * segment), what happened, and the published post. Platforms are kept as written so a record
 * naming a platform this SDK does not know is still read (and reported as such).
 *
 * @param platform the platform id ({@code facebook}, {@code twitter}, ...; {@code x} is read as twitter)
 * @param account the account ({@code "default"} when the campaign has one per platform)
 * @param segment the segment or variant ({@code "default"} when none)
 * @param status PUBLISHED, FAILED, UNKNOWN or SKIPPED (as {@link io.smo.core.PlatformOutcome.Status})
 * @param postId the published post's id, or {@code null}
 * @param url the public URL, or {@code null}
 * @param publishedAt when it went public (ISO-8601 UTC), or {@code null}
 * @param shortLink the shortener's link id (e.g. {@code bit.ly/3xYz}) standing for this target, or {@code null}
 * @param sandbox whether the post was made on the SMO sandbox (not a real platform)
 * @param reason why it was not published, or {@code null}
 */
@SmoPublicApi
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultTarget(String platform, String account, String segment, String status, String postId,
    String url, String publishedAt, String shortLink, boolean sandbox, String reason) {

  /** Normalises the components: blank account and segment become {@code "default"}. */
  public ResultTarget {
    Objects.requireNonNull(platform, "platform == null");
    account = account == null || account.isBlank() ? "default" : account;
    segment = segment == null || segment.isBlank() ? "default" : segment;
    status = status == null ? "PUBLISHED" : status;
  }

  /** Returns {@code platform:account/segment}, the target's name in reports. */
  public String label() {
    return platform + ":" + account + "/" + segment;
  }
}
