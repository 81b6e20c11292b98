package io.smo.core.internal;

import io.smo.core.SmoInternalApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs calls through SLF4J logger {@code io.smo.http} with every secret redacted: DEBUG, one line
 * per call (method, redacted URL, status, milliseconds); TRACE, also headers (secret headers
 * masked) and up to 4 KiB of textual bodies, redacted. Binary and multipart bodies are never
 * logged, and the full upload body is never buffered.
 */
@SmoInternalApi
public final class HttpLoggingInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("io.smo.http");
  private static final long MAX_BODY = 4096;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    String url = Redactor.redactUrl(request.url().toString());
    if (LOG.isTraceEnabled()) {
      LOG.trace(
          "--> {} {}\n{}{}",
          request.method(),
          url,
          headers(request.headers()),
          requestBody(request.body()));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.debug("<-- {} {} failed: {}", request.method(), url, e.getClass().getSimpleName());
      throw e;
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    LOG.debug("<-- {} {} {} ({} ms)", response.code(), request.method(), url, ms);
    if (LOG.isTraceEnabled()) {
      String body = "";
      ResponseBody rb = response.body();
      if (rb != null && isText(rb.contentType())) {
        body = Redactor.redactText(response.peekBody(MAX_BODY).string());
      }
      LOG.trace("<-- headers\n{}{}", headers(response.headers()), body);
    }
    return response;
  }

  private static String headers(Headers headers) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      s.append(name)
          .append(": ")
          .append(
              Redactor.isSecretHeader(name) ? Redactor.MASK : Redactor.redactText(headers.value(i)))
          .append('\n');
    }
    return s.toString();
  }

  private static String requestBody(RequestBody body) throws IOException {
    if (body == null
        || !isText(body.contentType())
        || body.contentLength() > MAX_BODY
        || body.isOneShot()
        || body.isDuplex()) {
      return body == null ? "" : "(" + body.contentLength() + "-byte body)";
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return Redactor.redactText(buffer.readString(StandardCharsets.UTF_8));
  }

  private static boolean isText(MediaType type) {
    if (type == null) {
      return false;
    }
    String t = type.type() + "/" + type.subtype();
    return type.type().equals("text") || t.contains("json") || t.contains("x-www-form-urlencoded");
  }
}
