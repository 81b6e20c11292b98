package io.smo.core.inbox;

import io.smo.core.SmoPublicApi;

/** Who wrote an inbox item, seen from the account the inbox belongs to. */
@SmoPublicApi
public enum Direction {
  /** Written by someone else to (or about) the account: what the inbox is for. */
  INBOUND,
  /** Written by the account itself (its own answers, echoes of its messages). */
  OUTBOUND
}
