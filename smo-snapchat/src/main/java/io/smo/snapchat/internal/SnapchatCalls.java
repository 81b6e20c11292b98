package io.smo.snapchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import java.util.function.Supplier;

/**
 * Runs Snapchat calls through the runtime and turns a 2xx answer whose envelope says {@code
 * "request_status": "ERROR"} into the mapped exception (status 400 unless the envelope names
 * another), as the runtime does for non-2xx answers.
 */
@SmoInternalApi
public final class SnapchatCalls {
  private SnapchatCalls() {}

  /**
   * Runs {@code call} and returns its JSON body (an empty object for an empty body).
   *
   * @throws SmoException as mapped by {@link SnapchatErrorMapper}
   */
  public static JsonNode call(ApiRuntime runtime, Operation op,
      Supplier<retrofit2.Call<JsonNode>> call) {
    ApiResponse<JsonNode> r = runtime.callForResponse(op, call);
    JsonNode body = r.body();
    if (body == null) {
      return runtime.json().createObjectNode();
    }
    if (SnapchatJson.isError(body)) {
      throw runtime.mapFailure(op, 400, r.headers(), body.toString());
    }
    return body;
  }
}
