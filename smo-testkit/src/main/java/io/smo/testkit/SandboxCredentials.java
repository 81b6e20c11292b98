package io.smo.testkit;

import io.smo.core.SmoPublicApi;
import java.util.Map;

/**
 * Working test credentials for one emulated platform: an access token the sandbox accepts, a
 * refresh token, client id and secret for its OAuth endpoints, and the account id to publish as
 * (Page id, IG user id, channel id, board id, ad account...). {@link #toString()} hides secrets.
 */
@SmoPublicApi
public final class SandboxCredentials {
  private final String accessToken;
  private final String refreshToken;
  private final String clientId;
  private final String clientSecret;
  private final String accountId;
  private final Map<String, String> extra;

  /**
   * Creates credentials.
   *
   * @param accessToken a valid access token
   * @param refreshToken a valid refresh token
   * @param clientId the OAuth client id
   * @param clientSecret the OAuth client secret
   * @param accountId the account to act as
   * @param extra platform-specific ids (e.g. keys {@code "boardId"}, {@code "adAccountId"})
   */
  public SandboxCredentials(
      String accessToken,
      String refreshToken,
      String clientId,
      String clientSecret,
      String accountId,
      Map<String, String> extra) {
    this.accessToken = accessToken;
    this.refreshToken = refreshToken;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.accountId = accountId;
    this.extra = Map.copyOf(extra);
  }

  /** Returns the access token. */
  public String accessToken() {
    return accessToken;
  }

  /** Returns the refresh token. */
  public String refreshToken() {
    return refreshToken;
  }

  /** Returns the OAuth client id. */
  public String clientId() {
    return clientId;
  }

  /** Returns the OAuth client secret. */
  public String clientSecret() {
    return clientSecret;
  }

  /** Returns the account id to act as. */
  public String accountId() {
    return accountId;
  }

  /** Returns a platform-specific id, or {@code null}. */
  public String extra(String name) {
    return extra.get(name);
  }

  /** Returns all platform-specific ids. */
  public Map<String, String> extras() {
    return extra;
  }

  @Override
  public String toString() {
    return "SandboxCredentials{account="
        + accountId
        + ", clientId="
        + clientId
        + ", extras="
        + extra
        + "}";
  }
}
