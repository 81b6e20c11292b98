package io.smo.core;

/** What {@link SocialClient#moderate(CommentRef, ModerationAction)} does to a comment. */
@SmoPublicApi
public enum ModerationAction {
  /** Hide it from everyone but its author (Facebook, Instagram, X hide reply). */
  HIDE,
  /** Show a hidden comment again. */
  UNHIDE,
  /** Delete it permanently. */
  DELETE
}
