package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * Where a post goes: one account on one platform, such as a Facebook Page ({@code
 * facebook:1234567890}), an Instagram professional account (its IG user id), an X account (its user
 * id), a YouTube channel (its channel id), a TikTok creator ({@code open_id}), a Pinterest account
 * (its username) or a Snapchat Public Profile (its profile id). Immutable; equal when platform and
 * account are equal.
 *
 * <p>{@link #toString()} and {@link #key()} give {@code platform:account}, which {@link
 * #parse(String)} reads back. An organisation usually has several targets per platform (a global
 * Page and regional Pages); every publishing API of the SDK keeps outcomes, idempotency memory and
 * rate limits per target, never per platform.
 */
@SmoPublicApi
public final class Target implements Comparable<Target> {
  private final Platform platform;
  private final String account;

  private Target(Platform platform, String account) {
    this.platform = requireNonNull(platform, "platform == null");
    requireNonNull(account, "account == null");
    String prefix = platform.id() + ":";
    String a = account.startsWith(prefix) ? account.substring(prefix.length()) : account;
    if (a.isBlank()) {
      throw new IllegalArgumentException("account is blank");
    }
    this.account = a;
  }

  /**
   * Returns the target of {@code account} on {@code platform}. An account already written as {@code
   * platform:account} is accepted and stored without the prefix.
   *
   * @throws IllegalArgumentException if the account is blank
   */
  public static Target of(Platform platform, String account) {
    return new Target(platform, account);
  }

  /**
   * Returns the target a client publishes to ({@link SocialClient#accountKey()} on its platform).
   *
   * @throws io.smo.core.exception.SmoException if the client must ask the platform who it is and
   *     that call fails
   */
  public static Target of(SocialClient client) {
    return new Target(client.platform(), client.accountKey());
  }

  /**
   * Parses {@code platform:account} (e.g. {@code x:2244994945} or {@code facebook:1234567890}).
   *
   * @throws IllegalArgumentException if there is no colon or the platform is unknown
   */
  public static Target parse(String text) {
    int i = text.indexOf(':');
    if (i <= 0 || i == text.length() - 1) {
      throw new IllegalArgumentException("expected platform:account, got '" + text + "'");
    }
    return of(Platform.fromId(text.substring(0, i)), text.substring(i + 1));
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the account on the platform (Page id, IG user id, X user id, channel id...). */
  public String account() {
    return account;
  }

  /** Returns {@code platform:account}. */
  public String key() {
    return platform.id() + ":" + account;
  }

  @Override
  public int compareTo(Target o) {
    int c = platform.compareTo(o.platform);
    return c != 0 ? c : account.compareTo(o.account);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Target target
        && target.platform == platform
        && target.account.equals(account);
  }

  @Override
  public int hashCode() {
    return Objects.hash(platform, account);
  }

  /** Returns {@code platform:account}. */
  @Override
  public String toString() {
    return key();
  }
}
