package io.smo.testkit.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.SmoProtectedApi;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an emulator answers: status, headers and body. Build with the static factories. */
@SmoProtectedApi
public final class SandboxResponse {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;

  private SandboxResponse(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** Returns a JSON answer; {@code body} is a Jackson tree, a map, a list or a JSON string. */
  public static SandboxResponse json(int status, Object body) {
    byte[] bytes;
    if (body instanceof String string) {
      bytes = string.getBytes(StandardCharsets.UTF_8);
    } else {
      try {
        bytes = JSON.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json; charset=UTF-8");
    return new SandboxResponse(status, h, bytes);
  }

  /** Returns an answer with no body. */
  public static SandboxResponse empty(int status) {
    return new SandboxResponse(status, new LinkedHashMap<>(), new byte[0]);
  }

  /** Returns a plain-text answer. */
  public static SandboxResponse text(int status, String text) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "text/plain; charset=UTF-8");
    return new SandboxResponse(status, h, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns a copy with one more header. */
  public SandboxResponse header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new SandboxResponse(status, h, body);
  }

  /** Returns a copy with more headers. */
  public SandboxResponse headers(Map<String, String> more) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(more);
    return new SandboxResponse(status, h, body);
  }

  /** Returns the status. */
  public int status() {
    return status;
  }

  /** Returns the headers. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Returns the body. */
  public byte[] body() {
    return body;
  }

  /** Returns the body as text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
