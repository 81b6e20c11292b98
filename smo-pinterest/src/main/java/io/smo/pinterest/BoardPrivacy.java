package io.smo.pinterest;

import io.smo.core.SmoPublicApi;
import java.util.Locale;

/**
 * Who can see a board and the Pins on it (Pinterest {@code BoardPrivacy}). Pinterest has no per-Pin
 * audience: a Pin is as visible as its board.
 *
 * @see <a href="https://developers.pinterest.com/docs/api/v5/boards-create/">Create board</a>
 */
@SmoPublicApi
public enum BoardPrivacy {
  /** Everyone. */
  PUBLIC,
  /** Only the owner and ads (ad-only boards become protected). */
  PROTECTED,
  /** Only the owner and collaborators; needs the {@code boards:write_secret} scope. */
  SECRET,
  /** A value this SDK version does not know; see {@link Board#privacyAsString()}. */
  UNKNOWN;

  /** Returns the constant for a wire value, {@link #UNKNOWN} for {@code null} or unknown values. */
  public static BoardPrivacy fromWire(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }
}
