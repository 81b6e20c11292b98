package io.smo.core.inbox;

import io.smo.core.SmoPublicApi;
import io.smo.core.exception.SmoException;
import java.util.Map;

/**
 * One poll of a {@link UnifiedInbox}: iterate it once (oldest first, lazily; sources are read when
 * iteration starts), then take its {@link #checkpoint()}, which holds exactly what was consumed, so
 * stopping early loses nothing.
 */
@SmoPublicApi
public interface InboxPoll extends Iterable<InboxItem> {
  /** Returns the checkpoint after the items consumed so far. */
  InboxCheckpoint checkpoint();

  /** Returns the sources ({@code platform:account:kind}) that failed during this poll, with why. */
  Map<String, SmoException> errors();
}
