package io.smo.core.internal;

import io.smo.core.SmoInternalApi;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text bound for logs and exception messages: access and refresh tokens,
 * client secrets, {@code appsecret_proof}, authorization codes and PKCE verifiers, in query
 * strings, form bodies and JSON; {@code Authorization}-type headers; and whole query strings of
 * signed URLs (S3 {@code X-Amz-Signature}, Google {@code Signature}).
 */
@SmoInternalApi
public final class Redactor {
  /** What a redacted value is replaced by. */
  public static final String MASK = "[REDACTED]";

  private static final String NAMES =
      "access_token|refresh_token|client_secret|appsecret_proof|auth_code"
          + "|code_verifier|code|fb_exchange_token|input_token|id_token|upload_token|token|password"
          + "|oauth_token|oauth_token_secret|oauth_signature|api_key|key|secret";
  private static final Pattern QUERY =
      Pattern.compile("(?i)([?&;]|^|\\s)(" + NAMES + ")=([^&\\s\"']*)");
  private static final Pattern JSON =
      Pattern.compile(
          "(?i)(\"(?:"
              + NAMES
              + "|accessToken|refreshToken|clientSecret)\"\\s*:\\s*\")([^\"]*)(\"|\\z)");
  private static final Pattern BEARER =
      Pattern.compile("(?i)\\b(Bearer|OAuth|Basic)\\s+[A-Za-z0-9._~+/=-]+");
  private static final Pattern SIGNED_URL =
      Pattern.compile(
          "(?i)(https?://[^\\s\"'?]+)\\?[^\\s\"']*(X-Amz-Signature|X-Goog-Signature|Signature|sig)=[^\\s\"']*");
  private static final Set<String> SECRET_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-upload-token",
          "x-api-key",
          "access-token");

  private Redactor() {}

  /** Returns whether a header's value must be hidden. */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Returns {@code text} with every known secret pattern masked. */
  public static String redactText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = SIGNED_URL.matcher(text).replaceAll("$1?" + MASK);
    s = QUERY.matcher(s).replaceAll("$1$2=" + Matcher.quoteReplacement(MASK));
    s = JSON.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
    s = BEARER.matcher(s).replaceAll("$1 " + Matcher.quoteReplacement(MASK));
    return s;
  }

  /**
   * Returns {@code text} with every occurrence of the given secret values masked (the client's own
   * access token, refresh token, client secret...), wherever a server echoed them, then every known
   * secret pattern ({@link #redactText}). Values shorter than 6 characters are ignored (too short
   * to be secrets, and masking them would garble the text).
   *
   * @param text the text, or {@code null}
   * @param secrets the secret values; {@code null} elements are ignored
   * @return the redacted text
   */
  public static String redactSecrets(String text, Iterable<String> secrets) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text;
    if (secrets != null) {
      for (String secret : secrets) {
        if (secret != null && secret.length() >= 6) {
          s = s.replace(secret, MASK);
        }
      }
    }
    return redactText(s);
  }

  /** Returns a URL with secret query parameters (and signed query strings) masked. */
  public static String redactUrl(String url) {
    return redactText(url);
  }
}
