package io.smo.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Platform;
import io.smo.core.event.SmoListener;
import io.smo.core.event.TokenRefreshEvent;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.fake.FakeClient;
import io.smo.core.fake.FakeTime;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Proactive refreshes inside {@link RefreshingTokenProvider} reach the listeners (#23). */
class ProactiveRefreshEventsTest {
  final FakeTime time = new FakeTime();
  final InMemoryTokenStore store = new InMemoryTokenStore();
  final List<TokenRefreshEvent> events = new CopyOnWriteArrayList<>();
  final SmoListener listener =
      new SmoListener() {
        @Override
        public void onTokenRefresh(TokenRefreshEvent event) {
          events.add(event);
        }
      };

  void storeExpired() {
    store.save(
        "acct-1",
        AccessToken.builder("old-access")
            .refreshToken("r1")
            .expiresAt(FakeTime.START.minusSeconds(1))
            .build());
  }

  @Test
  void aProactiveRefreshIsReportedOnceWithTheAccountAndNoToken() {
    storeExpired();
    AtomicInteger asked = new AtomicInteger();
    RefreshingTokenProvider p =
        RefreshingTokenProvider.builder(
                "acct-1",
                store,
                t -> {
                  asked.incrementAndGet();
                  return AccessToken.builder("new-access")
                      .expiresAt(FakeTime.START.plusSeconds(3600))
                      .build();
                })
            .clock(time)
            .platform(Platform.TWITTER)
            .listener(listener)
            .build();

    assertThat(p.token().value()).isEqualTo("new-access");
    assertThat(p.token().value()).isEqualTo("new-access"); // cached: no second refresh

    assertThat(asked).hasValue(1);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.refreshed()).isTrue();
              assertThat(e.call().platform()).isEqualTo(Platform.TWITTER);
              assertThat(e.call().account()).isEqualTo("acct-1");
              assertThat(e.call().operation()).isEqualTo("token-refresh");
              assertThat(e.toString()).doesNotContain("new-access").doesNotContain("r1");
            });
  }

  @Test
  void aRefusedRefreshIsReportedOnceAndNotAskedAgain() {
    storeExpired();
    AtomicInteger asked = new AtomicInteger();
    RefreshingTokenProvider p =
        RefreshingTokenProvider.builder(
                "acct-1",
                store,
                t -> {
                  asked.incrementAndGet();
                  throw new AuthenticationException(
                      ErrorDetails.builder(Platform.TWITTER, "refresh token")
                          .message("invalid_grant")
                          .build());
                })
            .clock(time)
            .platform(Platform.TWITTER)
            .listener(listener)
            .build();

    assertThatThrownBy(p::token).isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(p::token).isInstanceOf(AuthenticationException.class);

    assertThat(asked).hasValue(1);
    assertThat(events).singleElement().satisfies(e -> assertThat(e.refreshed()).isFalse());
  }

  @Test
  void aClientsListenersSeeTheProactiveRefreshesOfItsProvider() {
    storeExpired();
    RefreshingTokenProvider p =
        refreshingToNewAccess(); // no platform, no listener on the provider itself
    try (FakeClient c =
        FakeClient.builder(Platform.YOUTUBE)
            .baseUrl(URI.create("http://127.0.0.1:9/"))
            .tokenProvider(p)
            .clock(time)
            .listener(listener)
            .build()) {
      assertThat(p.token().value()).isEqualTo("new-access");
    }
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.refreshed()).isTrue();
              assertThat(e.call().platform()).isEqualTo(Platform.YOUTUBE);
            });
  }

  /** A provider without platform or listener that refreshes to "new-access" for an hour. */
  RefreshingTokenProvider refreshingToNewAccess() {
    return RefreshingTokenProvider.builder(
            "acct-1",
            store,
            t ->
                AccessToken.builder("new-access")
                    .expiresAt(FakeTime.START.plusSeconds(3600))
                    .build())
        .clock(time)
        .build();
  }

  @Test
  void clientsSharingAProviderDoNotPileUpListenersAndAreToldOnce() {
    storeExpired();
    RefreshingTokenProvider p = refreshingToNewAccess();
    for (int i = 0; i < 100; i++) { // a client per request, each closed: nothing accumulates
      FakeClient.builder(Platform.YOUTUBE)
          .baseUrl(URI.create("http://127.0.0.1:9/"))
          .tokenProvider(p)
          .listener(listener)
          .build()
          .close();
    }
    assertThat(p.listenerCount()).isZero();
    FakeClient a =
        FakeClient.builder(Platform.YOUTUBE)
            .baseUrl(URI.create("http://127.0.0.1:9/"))
            .tokenProvider(p)
            .clock(time)
            .listener(listener)
            .build();
    FakeClient b =
        FakeClient.builder(Platform.YOUTUBE)
            .baseUrl(URI.create("http://127.0.0.1:9/"))
            .tokenProvider(p)
            .clock(time)
            .listener(listener)
            .build();
    assertThat(p.listenerCount()).isEqualTo(1); // the same listener, told once
    a.close();
    a.close(); // twice is harmless: b still has it
    assertThat(p.listenerCount()).isEqualTo(1);
    assertThat(p.token().value()).isEqualTo("new-access");
    assertThat(events).hasSize(1);
    b.close();
    assertThat(p.listenerCount()).isZero();
  }

  @Test
  void aFailingListenerNeverBreaksTheRefresh() {
    storeExpired();
    RefreshingTokenProvider p =
        RefreshingTokenProvider.builder(
                "acct-1",
                store,
                t ->
                    AccessToken.builder("new-access")
                        .expiresAt(FakeTime.START.plusSeconds(3600))
                        .build())
            .clock(time)
            .platform(Platform.TWITTER)
            .listener(
                new SmoListener() {
                  @Override
                  public void onTokenRefresh(TokenRefreshEvent event) {
                    throw new IllegalStateException("listener bug");
                  }
                })
            .build();
    assertThat(p.token().value()).isEqualTo("new-access");
  }
}
