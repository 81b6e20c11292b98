package io.smo.core;

/**
 * Who may see a post. Each platform maps what it honours and declares the rest in {@link
 * Capabilities}.
 */
@SmoPublicApi
public enum Visibility {
  /** Everyone (the default). */
  PUBLIC,
  /** The account's followers or friends only (TikTok FOLLOWER_OF_CREATOR, ...). */
  FOLLOWERS,
  /** Followers who follow back (TikTok MUTUAL_FOLLOW_FRIENDS). */
  MUTUAL_FOLLOWERS,
  /** Reachable by link, not listed (YouTube unlisted). */
  UNLISTED,
  /** Only the account itself (YouTube private, TikTok SELF_ONLY). */
  PRIVATE
}
