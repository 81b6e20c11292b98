package io.smo.core.exception;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A post or argument broke one or more rules; thrown before any network call. {@link #violations()}
 * lists every violation at once (platform, field, rule, actual value, limit).
 */
@SmoPublicApi
public class ValidationException extends SmoException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param platform the platform, or {@code null} when the violations span several
   * @param violations at least one violation
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public ValidationException(Platform platform, List<Violation> violations) {
    super(platform, "validate", describe(violations), null, false);
    this.violations = List.copyOf(violations);
  }

  /** Returns a validation exception with one violation. */
  public static ValidationException of(
      Platform platform, String field, String rule, Object actual, Object limit, String message) {
    return new ValidationException(
        platform, List.of(Violation.of(platform, field, rule, actual, limit, message)));
  }

  private static String describe(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations is empty");
    }
    return violations.size()
        + " violation"
        + (violations.size() == 1 ? "" : "s")
        + ": "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /** Returns every violation found, in the order found. */
  public List<Violation> violations() {
    return violations;
  }
}
