package io.smo.examples.cli;

import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.SocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.facebook.FacebookClient;
import io.smo.facebook.FacebookOptions;
import io.smo.instagram.ApiFlavor;
import io.smo.instagram.InstagramClient;
import io.smo.instagram.InstagramOptions;
import io.smo.instagram.MediaHost;
import io.smo.pinterest.PinterestClient;
import io.smo.pinterest.PinterestOptions;
import io.smo.snapchat.SnapchatClient;
import io.smo.snapchat.SnapchatOptions;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.emulator.InstagramEmulator;
import io.smo.tiktok.TikTokBusinessAccount;
import io.smo.tiktok.TikTokClient;
import io.smo.tiktok.TikTokOptions;
import io.smo.twitter.TwitterClient;
import io.smo.twitter.TwitterOptions;
import io.smo.youtube.YouTubeClient;
import io.smo.youtube.YouTubeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Builds each platform's client, against the sandbox or from credentials, and turns a campaign's
 * per-platform overrides into the platform's typed options. The one place that knows every platform
 * module's builder.
 */
final class Platforms {
  private Platforms() {}

  static SocialClient sandboxClient(Platform p, Sandbox sandbox, UploadListener listener) {
    SandboxCredentials c = sandbox.credentials(p);
    return switch (p) {
      case FACEBOOK ->
          FacebookClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .accountId(c.accountId())
              .uploadListener(listener)
              .build();
      case TWITTER ->
          TwitterClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .uploadListener(listener)
              .build();
      case INSTAGRAM ->
          InstagramClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .accountId(c.accountId())
              .mediaHost(sandboxHost(sandbox))
              .uploadListener(listener)
              .build();
      case SNAPCHAT ->
          SnapchatClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .accountId(c.extra("profileId"))
              .adAccountId(c.extra("adAccountId"))
              .uploadListener(listener)
              .build();
      // the sandbox's creator is also a Business account: its comments come through the TikTok
      // API for Business, the explicit option a real account turns on with business_id and
      // business_access_token in its credentials
      case TIKTOK ->
          TikTokClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .accountId(c.accountId())
              .businessAccount(
                  TikTokBusinessAccount.builder()
                      .businessId(c.extra("businessId"))
                      .accessToken(c.extra("businessAccessToken"))
                      .baseUrl(URI.create(sandbox.baseUrl(p) + "open_api/v1.3/"))
                      .build())
              .uploadListener(listener)
              .build();
      case YOUTUBE ->
          YouTubeClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .pollInterval(java.time.Duration.ofMillis(200))
              .uploadListener(listener)
              .build();
      case PINTEREST ->
          PinterestClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .defaultBoardId(c.extra("boardId"))
              .uploadListener(listener)
              .build();
      default ->
          throw new IllegalStateException(p.displayName() + " is not wired into the CLI yet");
    };
  }

  /** The sandbox's stand-in for a CDN: Instagram pulls image containers from public URLs. */
  private static MediaHost sandboxHost(Sandbox sandbox) {
    InstagramEmulator emulator = (InstagramEmulator) sandbox.emulator(Platform.INSTAGRAM);
    return (Media media) -> {
      try {
        byte[] bytes =
            media.bytes().isPresent()
                ? media.bytes().get()
                : Files.readAllBytes(media.file().orElseThrow());
        String name = media.file().map(f -> f.getFileName().toString()).orElse("upload.bin");
        return emulator.hostMedia(sandbox.baseUrl(Platform.INSTAGRAM), name, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  static SocialClient credentialClient(Platform p, Map<String, String> c, UploadListener listener) {
    return switch (p) {
      case FACEBOOK ->
          FacebookClient.builder()
              .accessToken(need(c, p, "access_token"))
              .accountId(need(c, p, "page_id"))
              .uploadListener(listener)
              .build();
      case TWITTER ->
          c.get("user_id") != null
              ? TwitterClient.builder()
                  .accessToken(need(c, p, "access_token"))
                  .accountId(c.get("user_id"))
                  .uploadListener(listener)
                  .build()
              : TwitterClient.builder()
                  .accessToken(need(c, p, "access_token"))
                  .uploadListener(listener)
                  .build();
      // no MediaHost: the client then refuses local images offline, as a violation, before
      // anything is sent (Instagram pulls images from public URLs: use url: media)
      case INSTAGRAM -> {
        InstagramClient.Builder b =
            InstagramClient.builder()
                .accessToken(need(c, p, "access_token"))
                .accountId(need(c, p, "ig_user_id"))
                .uploadListener(listener);
        // Facebook Login (a Page token and the linked Page): messaging through the Page, and the
        // mention lookups that complete a webhook mention in `smo listen --inbox`
        if (c.get("facebook_page_id") != null) {
          b.flavor(ApiFlavor.FACEBOOK_LOGIN).facebookPageId(c.get("facebook_page_id"));
        }
        yield b.build();
      }
      case SNAPCHAT ->
          SnapchatClient.builder()
              .accessToken(need(c, p, "access_token"))
              .accountId(need(c, p, "profile_id"))
              .uploadListener(listener)
              .build();
      case TIKTOK -> {
        TikTokClient.Builder b =
            TikTokClient.builder().accessToken(need(c, p, "access_token")).uploadListener(listener);
        if (c.get("business_id") != null || c.get("business_access_token") != null) {
          b.businessAccount(
              TikTokBusinessAccount.builder()
                  .businessId(need(c, p, "business_id"))
                  .accessToken(need(c, p, "business_access_token"))
                  .build());
        }
        yield b.build();
      }
      case YOUTUBE ->
          YouTubeClient.builder()
              .accessToken(need(c, p, "access_token"))
              .uploadListener(listener)
              .build();
      case PINTEREST -> {
        PinterestClient.Builder b =
            PinterestClient.builder()
                .accessToken(need(c, p, "access_token"))
                .uploadListener(listener);
        if (c.get("board_id") != null) {
          b.defaultBoardId(c.get("board_id"));
        }
        yield b.build();
      }
      default ->
          throw new IllegalStateException(p.displayName() + " is not wired into the CLI yet");
    };
  }

  /** The override keys each platform takes ({@code media} is read by {@link Campaign#mediaFor}). */
  private static final Map<Platform, List<String>> KEYS =
      Map.of(
          Platform.FACEBOOK, List.of("media", "reel", "videoTitle"),
          Platform.TWITTER, List.of("media", "quote", "replySettings"),
          Platform.INSTAGRAM, List.of("media", "format", "collaborators"),
          Platform.TIKTOK,
              List.of(
                  "media",
                  "privacyLevel",
                  "disableComment",
                  "disableDuet",
                  "disableStitch",
                  "brandContent",
                  "brandOrganic",
                  "aiGenerated"),
          Platform.YOUTUBE,
              List.of("media", "title", "tags", "categoryId", "madeForKids", "playlistId"),
          Platform.PINTEREST, List.of("media", "board", "title", "link", "altText"),
          Platform.SNAPCHAT, List.of("media", "destination", "title"));

  /**
   * Turns a campaign's overrides for one platform into its typed options.
   *
   * @throws InvalidOption for a key the platform does not take (a typo would otherwise be dropped
   *     silently) or a value of the wrong type
   */
  static PlatformOptions options(Platform p, Map<String, Object> o) {
    if (o.isEmpty()) {
      return null;
    }
    List<String> known = KEYS.getOrDefault(p, List.of("media"));
    for (Map.Entry<String, Object> e : o.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new InvalidOption(
            io.smo.core.Violation.of(
                p,
                "options." + p.id() + "." + e.getKey(),
                "unknown-option",
                e.getValue(),
                known,
                "not an option for " + p.displayName()));
      }
    }
    return switch (p) {
      case FACEBOOK -> {
        FacebookOptions.Builder b = FacebookOptions.builder();
        if (o.containsKey("reel")) {
          b.asReel(flag(p, "reel", o.get("reel")));
        }
        if (o.containsKey("videoTitle")) {
          b.videoTitle(String.valueOf(o.get("videoTitle")));
        }
        yield b.build();
      }
      case TWITTER -> {
        TwitterOptions.Builder b = TwitterOptions.builder();
        if (o.containsKey("quote")) {
          b.quote(String.valueOf(o.get("quote")));
        }
        if (o.containsKey("replySettings")) {
          b.replySettings(
              choice(
                  TwitterOptions.ReplySettings.class, p, "replySettings", o.get("replySettings")));
        }
        yield b.build();
      }
      case INSTAGRAM -> {
        InstagramOptions.Builder b = InstagramOptions.builder();
        if (o.containsKey("format")) {
          b.format(choice(InstagramOptions.Format.class, p, "format", o.get("format")));
        }
        if (o.get("collaborators") instanceof List) {
          List<String> names = new java.util.ArrayList<>();
          ((List<?>) o.get("collaborators")).forEach(x -> names.add(String.valueOf(x)));
          b.collaborators(names);
        }
        yield b.build();
      }
      case TIKTOK -> {
        TikTokOptions.Builder b = TikTokOptions.builder();
        if (o.containsKey("privacyLevel")) {
          b.privacyLevel(
              choice(TikTokOptions.PrivacyLevel.class, p, "privacyLevel", o.get("privacyLevel")));
        }
        for (String sw :
            List.of(
                "disableComment",
                "disableDuet",
                "disableStitch",
                "brandContent",
                "brandOrganic",
                "aiGenerated")) {
          if (o.containsKey(sw)) {
            boolean v = flag(p, sw, o.get(sw));
            switch (sw) {
              case "disableComment" -> b.disableComment(v);
              case "disableDuet" -> b.disableDuet(v);
              case "disableStitch" -> b.disableStitch(v);
              case "brandContent" -> b.brandContent(v);
              case "brandOrganic" -> b.brandOrganic(v);
              default -> b.aiGenerated(v);
            }
          }
        }
        yield b.build();
      }
      case YOUTUBE -> {
        YouTubeOptions.Builder b = YouTubeOptions.builder();
        if (o.containsKey("title")) {
          b.title(String.valueOf(o.get("title")));
        }
        if (o.get("tags") instanceof List) {
          List<String> tags = new java.util.ArrayList<>();
          ((List<?>) o.get("tags")).forEach(t -> tags.add(String.valueOf(t)));
          b.tags(tags);
        }
        if (o.containsKey("categoryId")) {
          b.categoryId(String.valueOf(o.get("categoryId")));
        }
        if (o.containsKey("madeForKids")) {
          b.selfDeclaredMadeForKids(flag(p, "madeForKids", o.get("madeForKids")));
        }
        if (o.containsKey("playlistId")) {
          b.playlistId(String.valueOf(o.get("playlistId")));
        }
        yield b.build();
      }
      case PINTEREST -> {
        PinterestOptions.Builder b = PinterestOptions.builder();
        if (o.containsKey("board")) {
          b.boardId(String.valueOf(o.get("board")));
        }
        if (o.containsKey("title")) {
          b.title(String.valueOf(o.get("title")));
        }
        if (o.containsKey("link")) {
          b.link(java.net.URI.create(String.valueOf(o.get("link"))));
        }
        if (o.containsKey("altText")) {
          b.altText(String.valueOf(o.get("altText")));
        }
        yield b.build();
      }
      case SNAPCHAT -> {
        SnapchatOptions.Builder b = SnapchatOptions.builder();
        if (o.containsKey("destination")) {
          b.destination(
              choice(SnapchatOptions.Destination.class, p, "destination", o.get("destination")));
        }
        if (o.containsKey("title")) {
          b.title(String.valueOf(o.get("title")));
        }
        yield b.build();
      }
      default -> null;
    };
  }

  /**
   * Reads an enum option, with a message naming the option and the allowed values when wrong.
   *
   * @throws IllegalArgumentException if the value is not one of the constants
   */
  static <E extends Enum<E>> E choice(Class<E> type, Platform p, String key, Object value) {
    String v = String.valueOf(value).trim().toUpperCase(java.util.Locale.ROOT);
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw new InvalidOption(
          io.smo.core.Violation.of(
              p,
              "options." + p.id() + "." + key,
              "one-of",
              value,
              java.util.Arrays.toString(type.getEnumConstants()),
              "not one of " + p.displayName() + "'s values"));
    }
  }

  /**
   * Reads a true/false option; a quoted {@code "true"}, {@code yes-please} or a number is refused
   * rather than read as false.
   *
   * @throws InvalidOption if the value is not a YAML boolean
   */
  static boolean flag(Platform p, String key, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new InvalidOption(
        io.smo.core.Violation.of(
            p,
            "options." + p.id() + "." + key,
            "boolean",
            value,
            "true, false",
            "must be true or false (unquoted)"));
  }

  /** A campaign override the platform's options cannot take; reported as a violation. */
  static final class InvalidOption extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final transient io.smo.core.Violation violation;

    InvalidOption(io.smo.core.Violation violation) {
      super(violation.toString());
      this.violation = violation;
    }
  }

  static String need(Map<String, String> c, Platform p, String key) {
    String v = c.get(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(
          "missing credential SMO_"
              + p.name()
              + "_"
              + key.toUpperCase(java.util.Locale.ROOT)
              + " (or "
              + key
              + " in "
              + p.id()
              + ".properties)");
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
    c.put("user_id", "0");
    if (p == Platform.INSTAGRAM) {
      // validate the campaign's content, not where its files live: hosting is checked when posting
      return InstagramClient.builder()
          .accessToken(c.get("access_token"))
          .accountId("0")
          .mediaHost(
              media -> {
                throw new IllegalStateException("offline validation never uploads");
              })
          .build();
    }
    return credentialClient(p, c, UploadListener.NONE);
  }

  static List<Platform> all() {
    return List.of(Platform.values());
  }
}
