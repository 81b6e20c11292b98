package io.smo.examples.cli;

import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.SocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.facebook.FacebookClient;
import io.smo.facebook.FacebookOptions;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import java.util.List;
import java.util.Map;

/**
 * Builds each platform's client, against the sandbox or from credentials, and turns a campaign's
 * per-platform overrides into the platform's typed options. The one place that knows every
 * platform module's builder.
 */
final class Platforms {
  private Platforms() {}

  static SocialClient sandboxClient(Platform p, Sandbox sandbox, UploadListener listener) {
    SandboxCredentials c = sandbox.credentials(p);
    switch (p) {
      case FACEBOOK:
        return FacebookClient.builder().baseUrl(sandbox.baseUrl(p)).accessToken(c.accessToken())
            .pageId(c.accountId()).uploadListener(listener).build();
      default:
        throw new IllegalStateException(p.displayName() + " is not wired into the CLI yet");
    }
  }

  static SocialClient credentialClient(Platform p, Map<String, String> c, UploadListener listener) {
    switch (p) {
      case FACEBOOK:
        return FacebookClient.builder().accessToken(need(c, p, "access_token"))
            .pageId(need(c, p, "page_id")).uploadListener(listener).build();
      default:
        throw new IllegalStateException(p.displayName() + " is not wired into the CLI yet");
    }
  }

  static PlatformOptions options(Platform p, Map<String, Object> o) {
    if (o.isEmpty()) {
      return null;
    }
    switch (p) {
      case FACEBOOK: {
        FacebookOptions.Builder b = FacebookOptions.builder();
        if (o.containsKey("reel")) {
          b.asReel(Boolean.TRUE.equals(o.get("reel")));
        }
        if (o.containsKey("videoTitle")) {
          b.videoTitle(String.valueOf(o.get("videoTitle")));
        }
        return b.build();
      }
      default:
        return null;
    }
  }

  static String need(Map<String, String> c, Platform p, String key) {
    String v = c.get(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing credential SMO_" + p.name() + "_"
          + key.toUpperCase(java.util.Locale.ROOT) + " (or " + key + " in " + p.id() + ".properties)");
    }
    return v;
  }

  /**
   * Returns a client used only for offline validation (capabilities and platform rules): it points
   * at an unreachable address and is never called.
   */
  static SocialClient offline(Platform p) {
    Map<String, String> c = new java.util.HashMap<>();
    c.put("access_token", "offline-validation");
    c.put("page_id", "0");
    c.put("ig_user_id", "0");
    c.put("board_id", "0");
    c.put("profile_id", "0");
    c.put("ad_account_id", "0");
    return credentialClient(p, c, UploadListener.NONE);
  }

  static List<Platform> all() {
    return List.of(Platform.values());
  }
}
