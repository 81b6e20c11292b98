package io.smo.core;

import java.util.Locale;

/** The social platforms the SDK publishes to. Each has its own module, {@code smo-<id>}. */
@SmoPublicApi
public enum Platform {
  /** Facebook Pages over the Graph API ({@code smo-facebook}). */
  FACEBOOK("facebook", "Facebook"),
  /** Instagram professional accounts over the Instagram Graph API ({@code smo-instagram}). */
  INSTAGRAM("instagram", "Instagram"),
  /** X (formerly Twitter) API v2 ({@code smo-twitter}). */
  TWITTER("twitter", "X"),
  /** YouTube Data API v3 ({@code smo-youtube}). */
  YOUTUBE("youtube", "YouTube"),
  /** TikTok Content Posting API and Display API ({@code smo-tiktok}). */
  TIKTOK("tiktok", "TikTok"),
  /** Pinterest API v5 ({@code smo-pinterest}). */
  PINTEREST("pinterest", "Pinterest"),
  /** Snapchat Public Profile API and Marketing API ({@code smo-snapchat}). */
  SNAPCHAT("snapchat", "Snapchat");

  private final String id;
  private final String displayName;

  Platform(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /**
   * Returns the lower-case identifier used in module names, URLs and CLI flags, e.g. {@code
   * "twitter"}.
   */
  public String id() {
    return id;
  }

  /** Returns the platform's brand name for people, e.g. {@code "X"}. */
  public String displayName() {
    return displayName;
  }

  /**
   * Parses an identifier such as {@code "x"}, {@code "twitter"} or {@code "FACEBOOK"}.
   *
   * @throws IllegalArgumentException if no platform has that name
   */
  public static Platform fromId(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("x")) {
      return TWITTER;
    }
    for (Platform p : values()) {
      if (p.id.equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown platform: " + name);
  }
}
