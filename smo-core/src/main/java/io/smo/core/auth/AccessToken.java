package io.smo.core.auth;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An OAuth 2.0 access token with its expiry, refresh token and granted scopes. Immutable.
 *
 * <p>The value is stripped of surrounding white space (a trailing newline from a file or an
 * environment variable) and must then be printable ASCII, as an HTTP header needs; anything else is
 * refused when the token is built, with a message that does not echo the token.
 *
 * <p>Neither the access token nor the refresh token appears in {@link #toString()}: it prints a
 * fingerprint (the last 4 characters' hash) only.
 */
@SmoPublicApi
public final class AccessToken {
  private final String value;
  private final String tokenType;
  private final Instant expiresAt;
  private final String refreshToken;
  private final Instant refreshTokenExpiresAt;
  private final Set<String> scopes;

  private AccessToken(Builder b) {
    value = requireNonNull(b.value, "value == null").strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("access token is blank");
    }
    int bad = firstInvalidChar(value);
    if (bad >= 0) {
      // the message never echoes the token
      throw new IllegalArgumentException(
          "access token holds a character that cannot be sent in"
              + " an HTTP header (at position "
              + bad
              + " of "
              + value.length()
              + ")");
    }
    tokenType = b.tokenType;
    expiresAt = b.expiresAt;
    refreshToken = b.refreshToken == null || b.refreshToken.isBlank() ? null : b.refreshToken;
    refreshTokenExpiresAt = b.refreshTokenExpiresAt;
    scopes = Set.copyOf(b.scopes);
  }

  /**
   * Returns the index of the first character of {@code s} that an HTTP header value cannot carry
   * (outside printable ASCII {@code 0x21..0x7E}), or -1 when there is none.
   */
  static int firstInvalidChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return i;
      }
    }
    return -1;
  }

  /** Returns a token that never expires as far as the SDK knows (a fixed token). */
  public static AccessToken of(String value) {
    return builder(value).build();
  }

  /** Returns a builder for token {@code value}. */
  public static Builder builder(String value) {
    Builder b = new Builder();
    b.value = value;
    return b;
  }

  /** Returns a builder holding these values. */
  public Builder toBuilder() {
    Builder b = builder(value);
    b.tokenType = tokenType;
    b.expiresAt = expiresAt;
    b.refreshToken = refreshToken;
    b.refreshTokenExpiresAt = refreshTokenExpiresAt;
    b.scopes = scopes;
    return b;
  }

  /** Returns the secret token value; never log it. */
  public String value() {
    return value;
  }

  /** Returns the token type, normally {@code Bearer}. */
  public String tokenType() {
    return tokenType;
  }

  /** Returns when the token expires (UTC), if known. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /** Returns the refresh token, if any; never log it. */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /** Returns when the refresh token expires (UTC), if known. */
  public Optional<Instant> refreshTokenExpiresAt() {
    return Optional.ofNullable(refreshTokenExpiresAt);
  }

  /** Returns the granted scopes (empty when the server did not say). */
  public Set<String> scopes() {
    return scopes;
  }

  /** Returns whether the token expires within {@code skew} of {@code now}. */
  public boolean expiresWithin(Instant now, Duration skew) {
    return expiresAt != null && !now.plus(skew).isBefore(expiresAt);
  }

  /** Returns a non-reversible fingerprint for logs: {@code tok#<hash>}. */
  public String fingerprint() {
    return "tok#" + Integer.toHexString(value.hashCode());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken accessToken
        && value.equals(accessToken.value)
        && Objects.equals(refreshToken, accessToken.refreshToken)
        && Objects.equals(expiresAt, accessToken.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, refreshToken, expiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken{"
        + fingerprint()
        + ", expiresAt="
        + expiresAt
        + ", refreshToken="
        + (refreshToken != null ? "present" : "none")
        + ", scopes="
        + scopes
        + "}";
  }

  /** Builds {@link AccessToken}. Mutable, not thread-safe. */
  public static final class Builder {
    private String value;
    private String tokenType = "Bearer";
    private Instant expiresAt;
    private String refreshToken;
    private Instant refreshTokenExpiresAt;
    private Set<String> scopes = Set.of();

    private Builder() {}

    /** Sets the token type. Default {@code Bearer}. */
    public Builder tokenType(String tokenType) {
      this.tokenType = requireNonNull(tokenType, "tokenType == null");
      return this;
    }

    /** Sets the expiry (UTC). */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    /** Sets the refresh token; blank means none. */
    public Builder refreshToken(String refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /** Sets the refresh token's expiry (UTC). */
    public Builder refreshTokenExpiresAt(Instant at) {
      this.refreshTokenExpiresAt = at;
      return this;
    }

    /** Sets the granted scopes. */
    public Builder scopes(Set<String> scopes) {
      this.scopes = Set.copyOf(scopes);
      return this;
    }

    /** Returns an immutable token. */
    public AccessToken build() {
      return new AccessToken(this);
    }
  }
}
