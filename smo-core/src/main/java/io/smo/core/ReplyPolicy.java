package io.smo.core;

/** Who may reply to a post (X {@code reply_settings}; comment switches elsewhere). */
@SmoPublicApi
public enum ReplyPolicy {
  /** Anyone (the default). */
  EVERYONE,
  /** Accounts the author follows (X {@code following}). */
  FOLLOWING,
  /** Only accounts mentioned in the post (X {@code mentionedUsers}). */
  MENTIONED_ONLY,
  /** Subscribers of the author (X {@code subscribers}). */
  SUBSCRIBERS,
  /** Verified accounts (X {@code verified}). */
  VERIFIED,
  /** Nobody: comments turned off (TikTok {@code disable_comment}, YouTube has no API switch). */
  NOBODY
}
