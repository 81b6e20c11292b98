package io.smo.metagraph.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoProtectedApi;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.metagraph.GraphApiVersion;
import io.smo.metagraph.internal.GraphService;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * Graph calls over the shared runtime: URL building ({@code <base>/<version>/<path>}), form and
 * multipart bodies, JSON parsing with typed failures (a {@code error} inside a 2xx body is mapped
 * too), and pacing before usage reaches 100 percent. Thread-safe.
 */
@SmoProtectedApi
public final class GraphHttp {
  private final ApiRuntime rt;
  private final GraphApiVersion version;
  private final String versionPath;
  private final GraphService service;

  /**
   * Creates the helper.
   *
   * @param rt the runtime
   * @param version the Graph version for every path
   */
  public GraphHttp(ApiRuntime rt, GraphApiVersion version) {
    this.rt = rt;
    this.version = version;
    this.versionPath = version.path();
    this.service = rt.service(GraphService.class);
  }

  /** Returns the runtime. */
  public ApiRuntime runtime() {
    return rt;
  }

  /** Returns the version. */
  public GraphApiVersion version() {
    return version;
  }

  /** Returns {@code <base>/<version>/<path>} with query parameters. */
  public HttpUrl url(String path, Map<String, String> query) {
    HttpUrl.Builder b =
        HttpUrl.get(rt.baseUrl().toString())
            .newBuilder()
            .addPathSegment(version.path())
            .addPathSegments(path.replaceAll("^/+", ""));
    query.forEach(b::addQueryParameter);
    return b.build();
  }

  /**
   * GETs a node or edge ({@code <base>/<version>/<path>?query}). The body is read with Jackson from
   * the response bytes, never copied through a {@code String}.
   */
  public JsonNode get(Operation op, String path, Map<String, String> query) {
    String p = trim(path);
    return call(op, () -> service.get(versionPath, p, query));
  }

  /** GETs a {@code paging.next} URL (re-based on the client's base URL). */
  public JsonNode getNext(Operation op, String nextUrl) {
    String url = GraphPaging.rebase(nextUrl, rt.baseUrl());
    return call(op, () -> service.get(url));
  }

  /** POSTs a form. */
  public JsonNode post(Operation op, String path, Map<String, String> form) {
    String p = trim(path);
    return call(op, () -> service.post(versionPath, p, form));
  }

  /** POSTs a multipart form with one file part. */
  public JsonNode postMultipart(
      Operation op,
      String path,
      Map<String, String> form,
      String fileField,
      String fileName,
      Supplier<RequestBody> file) {
    HttpUrl url = url(path, Map.of());
    return send(
        op,
        () -> {
          MultipartBody.Builder mb = new MultipartBody.Builder().setType(MultipartBody.FORM);
          form.forEach(mb::addFormDataPart);
          mb.addFormDataPart(fileField, fileName, file.get());
          return new Request.Builder().url(url).post(mb.build()).build();
        });
  }

  /** DELETEs a node. */
  public JsonNode delete(Operation op, String path) {
    String p = trim(path);
    return call(op, () -> service.delete(versionPath, p));
  }

  private static String trim(String path) {
    int i = 0;
    while (i < path.length() && path.charAt(i) == '/') {
      i++;
    }
    return path.substring(i);
  }

  /**
   * Runs a Retrofit call answering raw bytes (a platform module's own Graph service, or the generic
   * one behind {@link #get}, {@link #post} and {@link #delete}) through the runtime (rate limits,
   * retries, error mapping), paced like every Graph call, and parses the answer with the rules of
   * {@link #parse(Operation, ApiResponse)}, reading the bytes as a stream.
   *
   * @param op the operation
   * @param call makes a fresh call for each attempt
   * @return the parsed body
   * @throws io.smo.core.exception.SmoException typed per the Graph error mapper; a malformed body
   *     as {@link TransportException} (a read) or {@link PublishOutcomeUnknownException} (a create)
   */
  public JsonNode call(Operation op, Supplier<retrofit2.Call<ResponseBody>> call) {
    pace();
    ApiResponse<ResponseBody> r = rt.callForResponse(op, call);
    JsonNode node;
    try (ResponseBody body = r.body()) {
      node =
          body == null || body.contentLength() == 0 ? null : rt.json().readTree(body.byteStream());
    } catch (IOException e) {
      throw malformed(op, e);
    }
    return check(
        op,
        r.status(),
        r.headers(),
        node == null || node.isMissingNode() ? rt.json().createObjectNode() : node);
  }

  /**
   * Sends a request and parses the JSON answer.
   *
   * @param op the operation
   * @param request builds the request for each attempt
   * @param acceptedStatuses extra statuses returned as answers
   * @return the parsed body
   */
  public JsonNode send(Operation op, Supplier<Request> request, int... acceptedStatuses) {
    pace();
    ApiResponse<String> r = rt.execute(op, request, true, acceptedStatuses);
    return parse(op, r);
  }

  /** Parses an answer: a Graph error inside it is mapped; unreadable JSON is typed. */
  public JsonNode parse(Operation op, ApiResponse<String> r) {
    String body = r.body() == null ? "" : r.body();
    JsonNode node;
    try {
      node = rt.json().readTree(body.isEmpty() ? "{}" : body);
    } catch (IOException e) {
      throw malformed(op, e);
    }
    return check(op, r.status(), r.headers(), node);
  }

  private RuntimeException malformed(Operation op, IOException e) {
    if (op.kind() == Operation.Kind.CREATE) {
      return new PublishOutcomeUnknownException(
          rt.platform(),
          op.name(),
          "success answer could not be read; not retried so that nothing is posted twice",
          e,
          null,
          List.of(),
          null);
    }
    return new TransportException(rt.platform(), op.name(), "malformed response body", e, false);
  }

  private JsonNode check(Operation op, int status, okhttp3.Headers headers, JsonNode node) {
    if (node == null || (!node.isObject() && !node.isArray())) {
      if (op.kind() == Operation.Kind.CREATE) {
        throw new PublishOutcomeUnknownException(
            rt.platform(),
            op.name(),
            "success answer was not a JSON object",
            null,
            null,
            List.of(),
            null);
      }
      throw new TransportException(
          rt.platform(), op.name(), "response body is not a JSON object", null, false);
    }
    if (node.isObject() && node.has("error") && GraphError.parse(node).isPresent()) {
      // rare (an error inside a 2xx): the error node alone is written out for the mapper
      throw rt.mapFailure(op, status >= 400 ? status : 200, headers, node.toString());
    }
    return node;
  }

  private void pace() {
    Duration d = GraphRateLimitParser.pacingDelay(rt.lastRateLimit().orElse(null));
    if (!d.isZero()) {
      try {
        rt.sleeper().sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
