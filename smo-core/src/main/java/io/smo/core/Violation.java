package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * One broken rule found by offline validation: which platform, which field, which rule, the actual
 * value and the limit. Immutable.
 *
 * <p>Field names are paths into the post: {@code text}, {@code media[0]}, {@code
 * audience.countries}, {@code options.youtube.title}... Rule names are stable identifiers such as
 * {@code max-length}, {@code media-format}, {@code video-duration}.
 */
@SmoPublicApi
public final class Violation {
  private final Platform platform;
  private final String field;
  private final String rule;
  private final String actual;
  private final String limit;
  private final String message;

  private Violation(
      Platform platform, String field, String rule, String actual, String limit, String message) {
    this.platform = platform;
    this.field = requireNonNull(field, "field == null");
    this.rule = requireNonNull(rule, "rule == null");
    this.actual = actual;
    this.limit = limit;
    this.message = requireNonNull(message, "message == null");
  }

  /**
   * Returns a violation.
   *
   * @param platform the platform whose rule is broken, or {@code null} for platform-neutral rules
   * @param field the field path, e.g. {@code "text"}
   * @param rule the rule id, e.g. {@code "max-length"}
   * @param actual the actual value (shortened), or {@code null}
   * @param limit the limit, or {@code null}
   * @param message a sentence for people
   */
  public static Violation of(
      Platform platform, String field, String rule, Object actual, Object limit, String message) {
    return new Violation(
        platform,
        field,
        rule,
        actual == null ? null : shorten(String.valueOf(actual)),
        limit == null ? null : String.valueOf(limit),
        message);
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  /** Returns the platform, or {@code null} for a platform-neutral rule. */
  public Platform platform() {
    return platform;
  }

  /** Returns the field path. */
  public String field() {
    return field;
  }

  /** Returns the rule id. */
  public String rule() {
    return rule;
  }

  /** Returns the actual value (shortened to 80 characters), or {@code null}. */
  public String actual() {
    return actual;
  }

  /** Returns the limit, or {@code null}. */
  public String limit() {
    return limit;
  }

  /** Returns the explanation. */
  public String message() {
    return message;
  }

  /** Returns a copy attributed to {@code platform}. */
  public Violation withPlatform(Platform platform) {
    return new Violation(platform, field, rule, actual, limit, message);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Violation v)) {
      return false;
    }

    return platform == v.platform
        && field.equals(v.field)
        && rule.equals(v.rule)
        && Objects.equals(actual, v.actual)
        && Objects.equals(limit, v.limit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(platform, field, rule, actual, limit);
  }

  @Override
  public String toString() {
    return (platform == null ? "" : platform.id() + " ")
        + field
        + " ["
        + rule
        + "] "
        + message
        + (actual != null
            ? " (actual: " + actual + (limit != null ? ", limit: " + limit : "") + ")"
            : limit != null ? " (limit: " + limit + ")" : "");
  }
}
