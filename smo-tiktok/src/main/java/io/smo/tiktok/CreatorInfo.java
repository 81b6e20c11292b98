package io.smo.tiktok;

import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What TikTok allows this creator to post right now, from {@code
 * /v2/post/publish/creator_info/query/}: the privacy levels on offer, whether the creator turned
 * comments, duets or stitches off, and the longest video they may post. TikTok requires apps to
 * read it before every direct post and to offer only these choices. Immutable.
 *
 * @param username the creator's username ({@code creator_username})
 * @param nickname the creator's display name ({@code creator_nickname})
 * @param avatarUrl the avatar URL ({@code creator_avatar_url}), or {@code null}
 * @param privacyLevelOptions the privacy levels TikTok offers; unknown values are dropped
 * @param commentDisabled whether the creator disabled comments
 * @param duetDisabled whether the creator disabled duets
 * @param stitchDisabled whether the creator disabled stitches
 * @param maxVideoPostDuration the longest video the creator may post, or {@code null} when not
 *     reported
 * @see <a
 *     href="https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info">Query
 *     Creator Info</a>
 */
@SmoPublicApi
public record CreatorInfo(
    String username,
    String nickname,
    String avatarUrl,
    List<TikTokOptions.PrivacyLevel> privacyLevelOptions,
    boolean commentDisabled,
    boolean duetDisabled,
    boolean stitchDisabled,
    Duration maxVideoPostDuration) {

  /** Copies the list. */
  public CreatorInfo {
    privacyLevelOptions = List.copyOf(privacyLevelOptions);
  }

  /** Returns the longest video the creator may post, if reported. */
  public Optional<Duration> maxVideoDuration() {
    return Optional.ofNullable(maxVideoPostDuration);
  }
}
