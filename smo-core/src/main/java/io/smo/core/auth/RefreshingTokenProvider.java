package io.smo.core.auth;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.event.ApiCall;
import io.smo.core.event.SmoListener;
import io.smo.core.event.TokenRefreshEvent;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.http.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TokenProvider} for one account that caches its valid token (Caffeine, until {@link
 * Builder#refreshSkew(Duration) shortly before expiry}), refreshes proactively before expiry and
 * reactively once after a rejection, runs one refresh at a time however many threads ask, and
 * persists every new token through a {@link TokenStore}: a rotated refresh token is saved together
 * with its access token, and a stored refresh token is never replaced by an empty one.
 *
 * <p>Refreshes go through {@link TokenStore#refresh}, under the store's lock of the account: with a
 * store shared by several instances, exactly one of them calls the token endpoint and the others
 * read the rotated token. A refused refresh is remembered for the refresh token it was refused for:
 * later calls fail at once with an {@code AuthenticationException} and do not ask the token
 * endpoint again until another refresh token is stored (by a new authorization).
 *
 * <p>Proactive refreshes (a token about to expire, refreshed before any call is rejected) are
 * reported to the {@linkplain Builder#listener(SmoListener) listeners} as a {@link
 * TokenRefreshEvent} for operation {@code "token-refresh"}: {@code refreshed} true when the
 * endpoint gave a fresh token, false when it refused. A client built with this provider adds its
 * own listeners here too, so a metrics binder registered on the client sees them. Refreshes after a
 * rejection are reported by the call that was rejected, once.
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * TokenProvider tokens = RefreshingTokenProvider.builder("page-123", store, oauthFlow::refresh).build();
 * }</pre>
 */
@SmoPublicApi
public final class RefreshingTokenProvider implements TokenProvider {
  private final String accountKey;
  private final TokenStore store;
  private final TokenRefresher refresher;
  private final Clock clock;
  private final Duration skew;
  private final Platform platform;
  private final Cache<String, AccessToken> cache;
  private final AtomicReference<String> rejectedValue = new AtomicReference<>();
  private final AtomicReference<Refusal> refusal = new AtomicReference<>();
  private final List<Registered> listeners = new CopyOnWriteArrayList<>();
  private final java.util.Map<Registered, Integer> added = new java.util.HashMap<>();
  private static final Logger LOG = LoggerFactory.getLogger(RefreshingTokenProvider.class);

  /** A listener with the platform its events name. */
  private record Registered(Platform platform, SmoListener listener) {}

  private RefreshingTokenProvider(Builder b) {
    for (SmoListener l : b.listeners) {
      listeners.add(new Registered(b.platform, l));
    }
    accountKey = b.accountKey;
    store = b.store;
    refresher = b.refresher;
    clock = b.clock;
    skew = b.skew;
    platform = b.platform;
    cache =
        Caffeine.newBuilder()
            .maximumSize(1)
            .ticker(() -> clock.millis() * 1_000_000L)
            .expireAfter(
                new Expiry<String, AccessToken>() {
                  @Override
                  public long expireAfterCreate(String key, AccessToken token, long currentTime) {
                    return token
                        .expiresAt()
                        .map(
                            at ->
                                Math.max(
                                    0, Duration.between(clock.instant().plus(skew), at).toNanos()))
                        .orElse(Long.MAX_VALUE);
                  }

                  @Override
                  public long expireAfterUpdate(
                      String key, AccessToken token, long currentTime, long currentDuration) {
                    return expireAfterCreate(key, token, currentTime);
                  }

                  @Override
                  public long expireAfterRead(
                      String key, AccessToken token, long currentTime, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
  }

  /**
   * Returns a builder.
   *
   * @param accountKey the account the token belongs to (the {@link TokenStore} key)
   * @param store where tokens are loaded from and saved to; must hold an initial token
   * @param refresher how a token is refreshed
   */
  public static Builder builder(String accountKey, TokenStore store, TokenRefresher refresher) {
    return new Builder(accountKey, store, refresher);
  }

  /**
   * Adds a listener told of proactive refreshes, its events naming {@code platform} when the
   * provider was built without one. Client builders call this with their own listeners and close
   * the registration when the client is closed, so that a provider shared by many clients does not
   * collect their listeners. The same listener added twice is told once; it stays until every
   * registration of it is closed.
   *
   * @param platform the platform the events name if the builder set none
   * @param listener the listener; its failures are logged, never thrown
   * @return the registration; closing it (more than once is harmless) removes this addition
   */
  public Registration addListener(Platform platform, SmoListener listener) {
    requireNonNull(platform, "platform == null");
    requireNonNull(listener, "listener == null");
    if (listener == SmoListener.NONE) {
      return () -> {};
    }
    Registered r = new Registered(this.platform != null ? this.platform : platform, listener);
    synchronized (added) {
      if (added.merge(r, 1, Integer::sum) == 1 && !listeners.contains(r)) {
        listeners.add(r);
      }
    }
    java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        synchronized (added) {
          Integer n = added.get(r);
          if (n != null && n <= 1) {
            added.remove(r);
            listeners.remove(r);
          } else if (n != null) {
            added.put(r, n - 1);
          }
        }
      }
    };
  }

  /** Returns how many distinct listeners are told of refreshes (for tests and diagnostics). */
  public int listenerCount() {
    return listeners.size();
  }

  /** A listener added with {@link #addListener}; {@link #close()} removes it. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    /** Removes the listener added (once; later calls do nothing). */
    @Override
    void close();
  }

  private void tellRefresh(Instant startedAt, boolean refreshed) {
    for (Registered r : listeners) {
      if (r.platform() == null) {
        continue; // no platform known to name in the event
      }
      try {
        r.listener()
            .onTokenRefresh(
                new TokenRefreshEvent(
                    new ApiCall(
                        r.platform(),
                        accountKey,
                        "token-refresh",
                        Operation.Kind.CREATE,
                        startedAt),
                    refreshed));
      } catch (RuntimeException e) {
        LOG.warn("SMO listener {} failed on a token refresh event: {}", r.listener(), e.toString());
      }
    }
  }

  @Override
  public AccessToken token() {
    return cache.get(accountKey, k -> loadOrRefresh());
  }

  @Override
  public AccessToken refreshAfterRejection(AccessToken rejected) {
    synchronized (this) {
      AccessToken current = cache.getIfPresent(accountKey);
      if (current != null && !current.value().equals(rejected.value())) {
        return current; // another thread already refreshed
      }
      rejectedValue.set(rejected.value());
      cache.invalidate(accountKey);
    }
    return token();
  }

  private AccessToken loadOrRefresh() {
    AccessToken stored = store.load(accountKey).orElseThrow(this::noToken);
    Instant now = clock.instant();
    if (!stale(stored, now)) {
      return stored;
    }
    Refusal refused = refusal.get();
    if (refused != null && refused.matches(stored)) {
      throw refused.error; // the same refusal, however many callers wait: never asked again
    }
    Instant startedAt = now;
    boolean proactive = rejectedValue.get() == null;
    AtomicBoolean asked = new AtomicBoolean();
    try {
      AccessToken kept =
          store.refresh(
              accountKey,
              current -> {
                if (current == null) {
                  throw noToken();
                }
                if (!stale(current, clock.instant())) {
                  return current; // another thread or instance refreshed meanwhile
                }
                if (current.refreshToken().isEmpty()) {
                  throw new AuthenticationException(
                      ErrorDetails.builder(platform, "refresh token")
                          .message(
                              "access token for account "
                                  + accountKey
                                  + (current.value().equals(rejectedValue.get())
                                      ? " was rejected"
                                      : " expired")
                                  + " and there is no refresh token")
                          .build());
                }
                asked.set(true);
                AccessToken fresh = refresher.refresh(current);
                if (fresh.refreshToken().isEmpty()) {
                  fresh =
                      fresh.toBuilder()
                          .refreshToken(current.refreshToken().get())
                          .refreshTokenExpiresAt(current.refreshTokenExpiresAt().orElse(null))
                          .build();
                }
                return fresh;
              });
      rejectedValue.set(null);
      refusal.set(null);
      if (proactive && asked.get()) {
        tellRefresh(startedAt, true);
      }
      return kept;
    } catch (AuthenticationException e) {
      if (proactive && asked.get()) {
        tellRefresh(startedAt, false);
      }
      AccessToken now2 = store.load(accountKey).orElse(stored);
      refusal.set(new Refusal(now2.refreshToken().orElse(null), e));
      throw e;
    }
  }

  private boolean stale(AccessToken t, Instant now) {
    return t.value().equals(rejectedValue.get()) || t.expiresWithin(now, skew);
  }

  private AuthenticationException noToken() {
    return new AuthenticationException(
        ErrorDetails.builder(platform, "authenticate")
            .message("no token stored for account " + accountKey + "; authorize first")
            .build());
  }

  /** A refused refresh, remembered for the refresh token it was refused for. */
  private static final class Refusal {
    private final String refreshToken;
    private final AuthenticationException error;

    Refusal(String refreshToken, AuthenticationException error) {
      this.refreshToken = refreshToken;
      this.error = error;
    }

    boolean matches(AccessToken stored) {
      return java.util.Objects.equals(refreshToken, stored.refreshToken().orElse(null));
    }
  }

  @Override
  public String toString() {
    return "RefreshingTokenProvider{" + accountKey + "}";
  }

  /** Builds {@link RefreshingTokenProvider}. Mutable, not thread-safe. */
  public static final class Builder {
    private final String accountKey;
    private final TokenStore store;
    private final TokenRefresher refresher;
    private Clock clock = Clock.systemUTC();
    private Duration skew = Duration.ofSeconds(60);
    private Platform platform;
    private final List<SmoListener> listeners = new java.util.ArrayList<>();

    private Builder(String accountKey, TokenStore store, TokenRefresher refresher) {
      this.accountKey = requireNonNull(accountKey, "accountKey == null");
      this.store = requireNonNull(store, "store == null");
      this.refresher = requireNonNull(refresher, "refresher == null");
    }

    /** Sets the clock. Default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets how long before expiry a token is refreshed. Default 60 s. */
    public Builder refreshSkew(Duration skew) {
      requireNonNull(skew, "skew == null");
      if (skew.isNegative()) {
        throw new IllegalArgumentException("skew < 0: " + skew);
      }
      this.skew = skew;
      return this;
    }

    /** Sets the platform named in errors. */
    public Builder platform(Platform platform) {
      this.platform = platform;
      return this;
    }

    /**
     * Adds a listener told of proactive refreshes (success or refusal). Needs {@link
     * #platform(Platform)} for the events to name their platform; a client built with this provider
     * adds its listeners with its platform on its own.
     */
    public Builder listener(SmoListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /** Returns the provider. */
    public RefreshingTokenProvider build() {
      return new RefreshingTokenProvider(this);
    }
  }
}
