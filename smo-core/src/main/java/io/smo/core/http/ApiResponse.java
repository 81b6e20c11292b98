package io.smo.core.http;

import io.smo.core.SmoProtectedApi;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A successful answer: status, headers and the parsed body ({@code null} for empty bodies).
 *
 * @param <T> the body type
 */
@SmoProtectedApi
public final class ApiResponse<T> {
  private final int status;
  private final Headers headers;
  private final T body;

  /**
   * Creates a response.
   *
   * @param status HTTP status (2xx, or 308 for resumable-upload progress)
   * @param headers response headers
   * @param body parsed body, or {@code null}
   */
  public ApiResponse(int status, Headers headers, T body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the headers. */
  public Headers headers() {
    return headers;
  }

  /** Returns a header's value, if present. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** Returns the body, or {@code null} for an empty one. */
  public T body() {
    return body;
  }
}
