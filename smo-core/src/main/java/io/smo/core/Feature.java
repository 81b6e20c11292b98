package io.smo.core;

/**
 * An operation or behaviour a platform may or may not offer; {@link Capabilities#features()} lists
 * those it has.
 */
@SmoPublicApi
public enum Feature {
  /** Posts with text and no media. */
  TEXT_ONLY_POSTS,
  /** {@link SocialClient#delete(PostRef)}. */
  DELETE,
  /** {@link SocialClient#metrics(PostRef)}. */
  METRICS,
  /** {@link SocialClient#comments(PostRef)}. */
  COMMENTS,
  /** {@link SocialClient#reply(CommentRef, String)} and replies to posts. */
  REPLY,
  /** {@link ModerationAction#HIDE} and {@link ModerationAction#UNHIDE}. */
  HIDE_COMMENTS,
  /** {@link ModerationAction#DELETE}. */
  DELETE_COMMENTS,
  /** Reply chains ({@link TextOverflow#THREAD}, {@link Post#thread()}). */
  THREADS,
  /** Alt text on images. */
  ALT_TEXT,
  /** Native scheduled publication ({@link Capabilities#nativeScheduling()}). */
  NATIVE_SCHEDULING,
  /** {@link Post#firstComment()}: a comment (on X a self-reply) right after the post. */
  FIRST_COMMENT,
  /** {@link SocialClient#accountInfo()}: followers, following and post count of the account. */
  ACCOUNT_INFO,
  /**
   * Account-wide comment stream as inbox items ({@link
   * io.smo.core.inbox.InboxClient#commentStream()}).
   */
  COMMENT_STREAM,
  /**
   * Reading direct-message conversations ({@link io.smo.core.inbox.InboxClient#conversations()}).
   */
  CONVERSATIONS,
  /** Sending direct messages ({@link io.smo.core.inbox.InboxClient#send}). */
  SEND_MESSAGES,
  /**
   * One private message in answer to a comment ({@link
   * io.smo.core.inbox.InboxClient#privateReply}).
   */
  PRIVATE_REPLIES,
  /**
   * Posts or comments mentioning the account ({@link io.smo.core.inbox.InboxClient#mentions()}).
   */
  MENTIONS,
  /** Meta's {@code HUMAN_AGENT} message tag (replies up to 7 days after the last message). */
  HUMAN_AGENT_TAG
}
