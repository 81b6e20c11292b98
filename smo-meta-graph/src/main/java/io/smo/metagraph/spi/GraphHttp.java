package io.smo.metagraph.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoProtectedApi;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.metagraph.GraphApiVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Graph calls over the shared runtime: URL building ({@code <base>/<version>/<path>}), form and
 * multipart bodies, JSON parsing with typed failures (a {@code error} inside a 2xx body is mapped
 * too), and pacing before usage reaches 100 percent. Thread-safe.
 */
@SmoProtectedApi
public final class GraphHttp {
  private final ApiRuntime rt;
  private final GraphApiVersion version;

  /**
   * Creates the helper.
   *
   * @param rt the runtime
   * @param version the Graph version for every path
   */
  public GraphHttp(ApiRuntime rt, GraphApiVersion version) {
    this.rt = rt;
    this.version = version;
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
    HttpUrl.Builder b = HttpUrl.get(rt.baseUrl().toString()).newBuilder()
        .addPathSegment(version.path()).addPathSegments(path.replaceAll("^/+", ""));
    query.forEach(b::addQueryParameter);
    return b.build();
  }

  /** GETs a node or edge. */
  public JsonNode get(Operation op, String path, Map<String, String> query) {
    HttpUrl url = url(path, query);
    return send(op, () -> new Request.Builder().url(url).get().build());
  }

  /** GETs a {@code paging.next} URL (re-based on the client's base URL). */
  public JsonNode getNext(Operation op, String nextUrl) {
    HttpUrl url = HttpUrl.get(GraphPaging.rebase(nextUrl, rt.baseUrl()));
    return send(op, () -> new Request.Builder().url(url).get().build());
  }

  /** POSTs a form. */
  public JsonNode post(Operation op, String path, Map<String, String> form) {
    HttpUrl url = url(path, Map.of());
    return send(op, () -> {
      FormBody.Builder fb = new FormBody.Builder();
      form.forEach(fb::add);
      return new Request.Builder().url(url).post(fb.build()).build();
    });
  }

  /** POSTs a multipart form with one file part. */
  public JsonNode postMultipart(Operation op, String path, Map<String, String> form,
      String fileField, String fileName, Supplier<RequestBody> file) {
    HttpUrl url = url(path, Map.of());
    return send(op, () -> {
      MultipartBody.Builder mb = new MultipartBody.Builder().setType(MultipartBody.FORM);
      form.forEach(mb::addFormDataPart);
      mb.addFormDataPart(fileField, fileName, file.get());
      return new Request.Builder().url(url).post(mb.build()).build();
    });
  }

  /** DELETEs a node. */
  public JsonNode delete(Operation op, String path) {
    HttpUrl url = url(path, Map.of());
    return send(op, () -> new Request.Builder().url(url).delete().build());
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
      if (op.kind() == Operation.Kind.CREATE) {
        throw new PublishOutcomeUnknownException(rt.platform(), op.name(),
            "success answer could not be read; not retried so that nothing is posted twice", e,
            null, List.of(), null);
      }
      throw new TransportException(rt.platform(), op.name(), "malformed response body", e, false);
    }
    if (node == null || !node.isObject() && !node.isArray()) {
      if (op.kind() == Operation.Kind.CREATE) {
        throw new PublishOutcomeUnknownException(rt.platform(), op.name(),
            "success answer was not a JSON object", null, null, List.of(), null);
      }
      throw new TransportException(rt.platform(), op.name(), "response body is not a JSON object",
          null, false);
    }
    if (GraphError.parse(node).isPresent()) {
      throw rt.mapFailure(op, r.status() >= 400 ? r.status() : 200, r.headers(), body);
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
