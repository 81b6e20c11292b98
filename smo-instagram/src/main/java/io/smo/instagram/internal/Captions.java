package io.smo.instagram.internal;

import io.smo.core.SmoInternalApi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what Instagram limits in a caption: hashtags ({@code #word}, at most 30) and
 * {@code @mentions} (at most 20). A hashtag is {@code #} followed by letters, digits or {@code _};
 * a mention is {@code @} followed by a username ({@code [A-Za-z0-9._]}, up to 30) and not preceded
 * by a word character (so e-mail addresses do not count).
 */
@SmoInternalApi
public final class Captions {
  private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#[\\p{L}\\p{N}_]+");
  private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.])@[A-Za-z0-9._]{1,30}");

  private Captions() {}

  /** Returns how many hashtags {@code text} holds. */
  public static int hashtags(String text) {
    return count(HASHTAG, text);
  }

  /** Returns how many @mentions {@code text} holds. */
  public static int mentions(String text) {
    return count(MENTION, text);
  }

  private static int count(Pattern p, String text) {
    if (text == null) {
      return 0;
    }
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
