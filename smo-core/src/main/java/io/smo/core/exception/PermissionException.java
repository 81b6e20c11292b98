package io.smo.core.exception;

import io.smo.core.SmoPublicApi;
import java.util.Optional;

/**
 * The token is valid but lacks a permission, scope or role (Meta codes 10 and 200-299, X 403,
 * Google {@code forbidden}/{@code insufficientPermissions}). The message says which, when known.
 */
@SmoPublicApi
public class PermissionException extends PlatformException {
  private static final long serialVersionUID = 1L;

  private final String missing;

  /**
   * Creates the exception.
   *
   * @param details the platform's answer
   * @param missing the scope, permission or role that is missing, or {@code null} when unknown
   */
  public PermissionException(ErrorDetails details, String missing) {
    super(
        missing == null
            ? details
            : details.toBuilder()
                .message(details.message() + " (missing: " + missing + ")")
                .build(),
        false);
    this.missing = missing;
  }

  /** Returns the missing scope, permission or role, if known. */
  public Optional<String> missing() {
    return Optional.ofNullable(missing);
  }
}
