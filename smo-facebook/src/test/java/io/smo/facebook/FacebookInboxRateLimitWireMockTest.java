package io.smo.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.event.RateLimitEvent;
import io.smo.core.event.SmoListener;
import io.smo.core.inbox.InboxCheckpoint;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxPoll;
import io.smo.core.inbox.UnifiedInbox;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A unified-inbox poll of a Page paces its Conversations API reads at 2 calls per second (Graph
 * rate limiting, {@link FacebookRateBucket#CONVERSATIONS}): six pages of conversations take at
 * least two and a half seconds of the client's clock, every wait is the SDK's own and reported.
 */
@WireMockTest
class FacebookInboxRateLimitWireMockTest {
  static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

  /** A clock the sleeper moves forward. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static String page(WireMockRuntimeInfo wm, int n, int pages) {
    String at = T0.minusSeconds(60L * n).toString().replace("Z", "+0000");
    String next =
        n + 1 < pages
            ? ",\"next\":\""
                + wm.getHttpBaseUrl()
                + "/v26.0/111/conversations?platform=messenger&after=p"
                + (n + 1)
                + "\""
            : "";
    return "{\"data\":[{\"id\":\"t_"
        + n
        + "\",\"updated_time\":\""
        + at
        + "\",\"participants\":{\"data\":[{\"name\":\"P"
        + n
        + "\",\"id\":\"90"
        + n
        + "\"},{\"name\":\"Page\",\"id\":\"111\"}]},\"messages\":{\"data\":[{\"id\":\"m_"
        + n
        + "\",\"created_time\":\""
        + at
        + "\",\"from\":{\"name\":\"P"
        + n
        + "\",\"id\":\"90"
        + n
        + "\"},\"message\":\"hello "
        + n
        + "\"}]}}],\"paging\":{\"cursors\":{\"after\":\"p"
        + (n + 1)
        + "\"}"
        + next
        + "}}";
  }

  @Test
  void conversationsPagesAreReadAtTwoCallsPerSecond(WireMockRuntimeInfo wm) {
    int pages = 6;
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111/conversations"))
                .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson(page(wm, 0, pages))));
    for (int n = 1; n < pages; n++) {
      wm.getWireMock()
          .register(
              get(urlPathEqualTo("/v26.0/111/conversations"))
                  .withQueryParam("after", equalTo("p" + n))
                  .willReturn(okJson(page(wm, n, pages))));
    }
    MutableClock clock = new MutableClock(T0);
    List<Duration> sleeps = new CopyOnWriteArrayList<>();
    List<RateLimitEvent> limits = new CopyOnWriteArrayList<>();
    try (FacebookClient fb =
        FacebookClient.builder()
            .accountId("111")
            .accessToken("page-token")
            .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
            .clock(clock)
            .sleeper(
                d -> {
                  sleeps.add(d);
                  clock.advance(d);
                })
            .listener(
                new SmoListener() {
                  @Override
                  public void onRateLimit(RateLimitEvent event) {
                    limits.add(event);
                  }
                })
            .build()) {
      UnifiedInbox inbox =
          UnifiedInbox.builder()
              .add(fb)
              .filter(
                  io.smo.core.inbox.InboxFilter.builder()
                      .kinds(List.of(io.smo.core.inbox.InboxItemKind.MESSAGE))
                      .build())
              .clock(clock)
              .build();
      InboxPoll poll = inbox.poll(InboxCheckpoint.start(inbox.id()));
      List<InboxItem> items = new ArrayList<>();
      poll.forEach(items::add);
      assertThat(poll.errors()).isEmpty();
      assertThat(items).hasSize(pages);
    }
    wm.getWireMock().verifyThat(pages, getRequestedFor(urlPathEqualTo("/v26.0/111/conversations")));
    Duration waited = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    // 6 calls at 2 per second: the 3rd to 6th wait for the window, 2 s at least in all
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(limits)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(RateLimitEvent.Action.WAITED);
              assertThat(e.source()).isEqualTo(RateLimitEvent.Source.CLIENT);
              assertThat(e.call().operation()).isEqualTo("conversations");
            });
  }
}
