package io.smo.testkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.testkit.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiRequestValidatorTest {
  private static OpenApiRequestValidator x;

  @BeforeAll
  static void load() {
    Path spec = SharedFixtures.require("specs/x-api-v2-openapi.json");
    x = OpenApiRequestValidator.forSpec(spec).build();
  }

  private static SandboxRequest json(
      String method, String path, String query, String body, boolean auth) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    if (body != null) {
      h.put("content-type", List.of("application/json; charset=UTF-8"));
    }
    if (auth) {
      h.put("authorization", List.of("Bearer t"));
    }
    return new SandboxRequest(
        method,
        path,
        query,
        h,
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
        List.of());
  }

  @Test
  void conformingRequestsPass() {
    assertThat(x.validate(json("POST", "/2/tweets", null, "{\"text\":\"hello\"}", true))).isEmpty();
    assertThat(
            x.validate(
                json(
                    "POST",
                    "/2/tweets",
                    null,
                    "{\"text\":\"r\",\"reply\":{\"in_reply_to_tweet_id\":\"123\"},\"reply_settings\":\"following\"}",
                    true)))
        .isEmpty();
    assertThat(x.validate(json("DELETE", "/2/tweets/123", null, null, true))).isEmpty();
    assertThat(
            x.validate(
                json(
                    "GET",
                    "/2/tweets/search/recent",
                    "query=conversation_id%3A1&max_results=10",
                    null,
                    true)))
        .isEmpty();
    assertThat(x.validate(json("PUT", "/2/tweets/123/hidden", null, "{\"hidden\":true}", true)))
        .isEmpty();
  }

  @Test
  void unknownPathOrMethodIsReported() {
    assertThat(x.validate(json("POST", "/2/tweetz", null, "{}", true)))
        .singleElement()
        .asString()
        .contains("validation.request.path.missing");
    assertThat(x.validate(json("PATCH", "/2/tweets/123", null, "{}", true)))
        .singleElement()
        .asString()
        .contains("validation.request.operation.notAllowed");
  }

  @Test
  void missingRequiredParameterIsReported() {
    assertThat(x.validate(json("GET", "/2/tweets/search/recent", "max_results=10", null, true)))
        .anySatisfy(m -> assertThat(m).contains("query"));
  }

  @Test
  void bodyNotMatchingSchemaIsReported() {
    assertThat(x.validate(json("PUT", "/2/tweets/123/hidden", null, "{\"hidden\":\"yes\"}", true)))
        .anySatisfy(m -> assertThat(m).contains("validation.request.body.schema"));
    assertThat(x.validate(json("PUT", "/2/tweets/123/hidden", null, null, true)))
        .anySatisfy(m -> assertThat(m).contains("validation.request.body.missing"));
    assertThat(
            x.validate(
                json(
                    "POST",
                    "/2/tweets",
                    null,
                    "{\"text\":\"a\",\"reply_settings\":\"nobody\"}",
                    true)))
        .isNotEmpty();
  }

  @Test
  void multipartPartsAreValidatedAsAnObject() {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("content-type", List.of("multipart/form-data; boundary=b"));
    h.put("authorization", List.of("Bearer t"));
    List<SandboxRequest.Part> ok =
        List.of(
            new SandboxRequest.Part(
                "segment_index", null, null, "3".getBytes(StandardCharsets.UTF_8)),
            new SandboxRequest.Part(
                "media", "blob", "application/octet-stream", new byte[] {1, 2, 3}));
    assertThat(
            x.validate(
                new SandboxRequest("POST", "/2/media/upload/42/append", null, h, new byte[0], ok)))
        .isEmpty();
    List<SandboxRequest.Part> bad =
        List.of(
            new SandboxRequest.Part(
                "segment_index", null, null, "1000".getBytes(StandardCharsets.UTF_8)),
            new SandboxRequest.Part("media", "blob", "application/octet-stream", new byte[] {1}));
    assertThat(
            x.validate(
                new SandboxRequest("POST", "/2/media/upload/42/append", null, h, new byte[0], bad)))
        .isNotEmpty();
  }

  @Test
  void ignoredKeysAreSilenced() {
    OpenApiRequestValidator lax =
        OpenApiRequestValidator.forSpec(SharedFixtures.require("specs/x-api-v2-openapi.json"))
            .ignoring("validation.request.body.schema")
            .build();
    assertThat(
            lax.validate(json("PUT", "/2/tweets/123/hidden", null, "{\"hidden\":\"yes\"}", true)))
        .isEmpty();
    assertThat(lax.validate(json("POST", "/2/tweetz", null, "{}", true))).isNotEmpty();
  }

  @Test
  void missingDocumentIsRefused() {
    assertThatThrownBy(
            () -> OpenApiRequestValidator.forSpec(Path.of("/nonexistent/openapi.json")).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
