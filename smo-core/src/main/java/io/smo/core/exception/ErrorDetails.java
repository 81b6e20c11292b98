package io.smo.core.exception;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateLimitSnapshot;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a platform said when it refused a call: HTTP status, platform error code and subcode,
 * message, trace id, the rate-limit state of that response and a short, redacted body snippet.
 * Immutable; carried by every {@link PlatformException}. Contains no secret.
 */
@SmoPublicApi
public final class ErrorDetails {
  private final Platform platform;
  private final String operation;
  private final int httpStatus;
  private final String errorCode;
  private final String errorSubcode;
  private final String message;
  private final String traceId;
  private final String bodySnippet;
  private final RateLimitSnapshot rateLimit;

  private ErrorDetails(Builder b) {
    platform = b.platform;
    operation = b.operation;
    httpStatus = b.httpStatus;
    errorCode = b.errorCode;
    errorSubcode = b.errorSubcode;
    message = b.message == null ? "" : b.message;
    traceId = b.traceId;
    bodySnippet = b.bodySnippet;
    rateLimit = b.rateLimit;
  }

  /** Returns a builder for an error of {@code platform} during {@code operation}. */
  public static Builder builder(Platform platform, String operation) {
    Builder b = new Builder();
    b.platform = platform;
    b.operation = operation;
    return b;
  }

  /** Returns a builder holding these values. */
  public Builder toBuilder() {
    Builder b = builder(platform, operation);
    b.httpStatus = httpStatus;
    b.errorCode = errorCode;
    b.errorSubcode = errorSubcode;
    b.message = message;
    b.traceId = traceId;
    b.bodySnippet = bodySnippet;
    b.rateLimit = rateLimit;
    return b;
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the SDK operation, e.g. {@code "publish"}. */
  public String operation() {
    return operation;
  }

  /** Returns the HTTP status, or 0 when the error came inside a 2xx body. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Returns the platform error code (Meta {@code code}, X problem {@code type}, Google {@code
   * reason}...), if any.
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** Returns the platform error subcode (Meta {@code error_subcode}), if any. */
  public Optional<String> errorSubcode() {
    return Optional.ofNullable(errorSubcode);
  }

  /** Returns the platform's message (may be empty). */
  public String message() {
    return message;
  }

  /**
   * Returns the platform trace id (Meta {@code fbtrace_id}, TikTok {@code log_id}, ...), if any.
   */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /** Returns up to 500 characters of the response body with secrets redacted, if any. */
  public Optional<String> bodySnippet() {
    return Optional.ofNullable(bodySnippet);
  }

  /** Returns the rate-limit state of the failed response, if the platform sent one. */
  public Optional<RateLimitSnapshot> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  /** Returns the status as an int-optional (absent for 0). */
  OptionalInt status() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** Returns a one-line summary: status, code, subcode, message and trace id. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    if (httpStatus != 0) {
      s.append("HTTP ").append(httpStatus);
    }
    if (errorCode != null) {
      s.append(s.length() > 0 ? " " : "").append("code=").append(errorCode);
    }
    if (errorSubcode != null) {
      s.append(" subcode=").append(errorSubcode);
    }
    if (!message.isEmpty()) {
      s.append(s.length() > 0 ? ": " : "").append(message);
    }
    if (traceId != null) {
      s.append(" (trace ").append(traceId).append(')');
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return summary();
  }

  /** Builds {@link ErrorDetails}. Mutable, not thread-safe. */
  public static final class Builder {
    private Platform platform;
    private String operation;
    private int httpStatus;
    private String errorCode;
    private String errorSubcode;
    private String message;
    private String traceId;
    private String bodySnippet;
    private RateLimitSnapshot rateLimit;

    private Builder() {}

    /** Sets the HTTP status (0 for an error inside a 2xx body). */
    public Builder httpStatus(int httpStatus) {
      this.httpStatus = httpStatus;
      return this;
    }

    /** Sets the platform error code. */
    public Builder errorCode(Object errorCode) {
      this.errorCode = errorCode == null ? null : String.valueOf(errorCode);
      return this;
    }

    /** Sets the platform error subcode. */
    public Builder errorSubcode(Object errorSubcode) {
      this.errorSubcode = errorSubcode == null ? null : String.valueOf(errorSubcode);
      return this;
    }

    /** Sets the platform message. */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /** Sets the trace id. */
    public Builder traceId(String traceId) {
      this.traceId = traceId;
      return this;
    }

    /** Sets the (already redacted) body snippet; longer than 500 characters is cut. */
    public Builder bodySnippet(String bodySnippet) {
      this.bodySnippet =
          bodySnippet == null
              ? null
              : bodySnippet.length() > 500 ? bodySnippet.substring(0, 500) + "…" : bodySnippet;
      return this;
    }

    /** Sets the rate-limit state of the response. */
    public Builder rateLimit(RateLimitSnapshot rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    /** Returns an immutable snapshot. */
    public ErrorDetails build() {
      return new ErrorDetails(this);
    }
  }
}
