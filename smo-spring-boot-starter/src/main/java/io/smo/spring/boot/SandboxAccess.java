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

  /** Returns a platform-specific sandbox value ({@code profileId}, {@code boardId}...), or null. */
  String extra(Platform platform, String name);
}
