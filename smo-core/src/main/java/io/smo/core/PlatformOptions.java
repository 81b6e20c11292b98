package io.smo.core;

/**
 * Typed per-post options of one platform (a YouTube title, a Pinterest board, a TikTok privacy
 * level...). Each platform module defines one implementation, {@code <Platform>Options}; a {@link
 * Post} holds at most one per platform.
 *
 * <p>Implementations are immutable.
 */
@SmoPublicApi
public interface PlatformOptions {
  /** Returns the platform these options apply to. */
  Platform platform();
}
