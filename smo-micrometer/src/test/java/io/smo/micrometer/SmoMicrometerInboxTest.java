package io.smo.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smo.core.Platform;
import io.smo.core.event.InboxDropEvent;
import org.junit.jupiter.api.Test;

/** Inbox drops are counted by platform and operation, the account only when asked. */
class SmoMicrometerInboxTest {

  @Test
  void inboxDropsAreCounted() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SmoMicrometer binder = SmoMicrometer.of(meters);
    binder.onInboxDrop(
        new InboxDropEvent(Platform.YOUTUBE, "UC1", "commentThreads.list", "a reply without id"));
    binder.onInboxDrop(
        new InboxDropEvent(Platform.YOUTUBE, "UC2", "commentThreads.list", "a reply without id"));
    assertThat(
            meters
                .get(SmoMicrometer.INBOX_DROPPED)
                .tag("platform", "youtube")
                .tag("operation", "commentThreads.list")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(meters.get(SmoMicrometer.INBOX_DROPPED).counter().getId().getTag("account"))
        .isNull();
  }
}
