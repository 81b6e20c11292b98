package io.smo.spring.boot;

import io.smo.core.Platform;
import java.net.URI;

/**
 * Where an account without credentials points when the sandbox is on: the sandbox's base URL and
 * credentials per platform. A bean of this type is made from smo-testkit's {@code Sandbox} by
 * {@link SmoSandboxAutoConfiguration}; the client factory needs no testkit class.
 */
public interface SandboxAccess {
  /** Returns the sandbox's base URL for {@code platform}. */
  URI baseUrl(Platform platform);

  /** Returns the sandbox's access token for {@code platform}. */
  String accessToken(Platform platform);

  /** Returns the sandbox's account id for {@code platform} (Page id, IG user id, open_id...). */
  String accountId(Platform platform);

  /**
   * Returns the access token of the sandbox account named {@code account} on {@code platform}: each
   * configured account gets its own sandbox account (own token, own id), so two accounts of one
   * platform are two targets. Default: the platform's main account.
   */
  default String accessToken(Platform platform, String account) {
    return accessToken(platform);
  }

  /**
   * Returns the account id of the sandbox account named {@code account}, see {@link
   * #accessToken(Platform, String)}.
   */
  default String accountId(Platform platform, String account) {
    return accountId(platform);
  }

  /** Returns a platform-specific sandbox value ({@code profileId}, {@code boardId}...), or null. */
  String extra(Platform platform, String name);
}
