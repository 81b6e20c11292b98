package io.smo.testkit.spi;

import io.smo.core.SmoProtectedApi;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Access and refresh tokens an emulator accepts: the seeded initial pair, tokens issued by refresh
 * (with rotation of the refresh token where the real platform rotates), expiry, and revocation. Not
 * thread-safe (emulators are called one at a time).
 */
@SmoProtectedApi
public final class TokenRegistry {
  /** The result of a refresh grant. */
  public static final class Grant {
    /** The new access token. */
    public final String accessToken;

    /** The refresh token to use next (the same one when not rotating). */
    public final String refreshToken;

    /** The access token's lifetime in seconds. */
    public final long expiresIn;

    Grant(String accessToken, String refreshToken, long expiresIn) {
      this.accessToken = accessToken;
      this.refreshToken = refreshToken;
      this.expiresIn = expiresIn;
    }
  }

  private final String prefix;
  private final Duration lifetime;
  private final boolean rotate;
  private final Map<String, Instant> access = new HashMap<>();
  private final Map<String, Boolean> refresh = new HashMap<>();
  private final String initialAccess;
  private final String initialRefresh;
  private int counter;

  /**
   * Creates a registry.
   *
   * @param prefix token prefix, e.g. {@code "sbx-x"}
   * @param seed the sandbox seed
   * @param lifetime access-token lifetime
   * @param rotate whether a refresh grant issues a new refresh token and retires the old one
   */
  public TokenRegistry(String prefix, long seed, Duration lifetime, boolean rotate) {
    this.prefix = prefix;
    this.lifetime = lifetime;
    this.rotate = rotate;
    initialAccess = prefix + "-access-" + seed;
    initialRefresh = prefix + "-refresh-" + seed;
    access.put(initialAccess, Instant.MAX);
    refresh.put(initialRefresh, true);
  }

  /** Returns the seeded access token (never expires unless {@link #expire(String)} is called). */
  public String initialAccessToken() {
    return initialAccess;
  }

  /** Returns the seeded refresh token. */
  public String initialRefreshToken() {
    return initialRefresh;
  }

  /**
   * Returns why {@code token} is refused ({@code "missing"}, {@code "invalid"}, {@code "expired"}),
   * or {@code null} when valid.
   */
  public String problem(String token, Instant now) {
    if (token == null || token.isEmpty()) {
      return "missing";
    }
    Instant exp = access.get(token);
    if (exp == null) {
      return "invalid";
    }
    return now.isAfter(exp) ? "expired" : null;
  }

  /** Makes {@code token} expired from now on. */
  public void expire(String token) {
    if (access.containsKey(token)) {
      access.put(token, Instant.MIN);
    }
  }

  /** Issues a new access token (e.g. for a code exchange). */
  public Grant issue(Instant now) {
    String a = prefix + "-access-" + ++counter + "-" + Long.toHexString(now.toEpochMilli());
    String r = prefix + "-refresh-" + counter + "-" + Long.toHexString(now.toEpochMilli());
    access.put(a, now.plus(lifetime));
    refresh.put(r, true);
    return new Grant(a, r, lifetime.toSeconds());
  }

  /** Runs a refresh grant; {@code null} when the refresh token is unknown or retired. */
  public Grant refresh(String refreshToken, Instant now) {
    if (refreshToken == null || !Boolean.TRUE.equals(refresh.get(refreshToken))) {
      return null;
    }
    String a = prefix + "-access-" + ++counter + "-" + Long.toHexString(now.toEpochMilli());
    access.put(a, now.plus(lifetime));
    String r = refreshToken;
    if (rotate) {
      refresh.put(refreshToken, false);
      r = prefix + "-refresh-" + counter + "-" + Long.toHexString(now.toEpochMilli());
      refresh.put(r, true);
    }
    return new Grant(a, r, lifetime.toSeconds());
  }

  /** Returns how many refresh grants succeeded. */
  public int issuedCount() {
    return counter;
  }
}
