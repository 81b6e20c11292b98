package io.smo.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Platform;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Whole elements an inbox read leaves out reach every listener, even past a failing one. */
class InboxDropEventTest {

  @Test
  void aDropReachesEveryListenerEvenWhenOneFails() {
    List<InboxDropEvent> seen = new CopyOnWriteArrayList<>();
    SmoListener failing =
        new SmoListener() {
          @Override
          public void onInboxDrop(InboxDropEvent event) {
            throw new IllegalStateException("listener bug");
          }
        };
    SmoListener recorder =
        new SmoListener() {
          @Override
          public void onInboxDrop(InboxDropEvent event) {
            seen.add(event);
          }
        };
    InboxDropEvent.report(
        SmoListeners.of(failing, recorder),
        Platform.TWITTER,
        "x-main",
        "mentions",
        "a post without id was skipped");
    assertThat(seen)
        .containsExactly(
            new InboxDropEvent(
                Platform.TWITTER, "x-main", "mentions", "a post without id was skipped"));
    InboxDropEvent.report(SmoListener.NONE, Platform.YOUTUBE, "UC1", "commentThreads.list", "x");
    assertThatThrownBy(() -> new InboxDropEvent(Platform.YOUTUBE, null, "op", "why"))
        .isInstanceOf(NullPointerException.class);
  }
}
