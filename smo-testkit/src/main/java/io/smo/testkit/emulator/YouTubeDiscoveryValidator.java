package io.smo.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.SmoProtectedApi;
import io.smo.testkit.spi.BundledSpecs;
import io.smo.testkit.spi.SandboxRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks YouTube requests against Google's discovery documents ({@code
 * specs/youtube-data-api-v3-discovery.json} and {@code specs/youtube-analytics-v2-discovery.json}):
 * the method exists for the HTTP method and path (media-upload paths {@code /upload/...} and {@code
 * /resumable/upload/...} included), required parameters are present, every query parameter is the
 * method's or a global one, {@code part} values are properties of the method's resource, and enum
 * parameters carry a listed value. Requests the documents do not describe (the OAuth token
 * endpoint, PUTs to an upload session URI) are skipped. The documents travel inside the test kit
 * ({@link BundledSpecs}). Not thread-safe (the sandbox calls it under the emulator's lock).
 */
@SmoProtectedApi
public final class YouTubeDiscoveryValidator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One method of a discovery document. */
  private static final class Method {
    final String id;
    final JsonNode node;
    final JsonNode globals;
    final Set<String> parts;

    Method(String id, JsonNode node, JsonNode globals, Set<String> parts) {
      this.id = id;
      this.node = node;
      this.globals = globals;
      this.parts = parts;
    }
  }

  private final Map<String, Method> methods = new HashMap<>();
  private final boolean loaded;

  /**
   * Loads the documents the test kit carries ({@link BundledSpecs}).
   *
   * @throws IllegalStateException when they are not on the class path
   */
  public YouTubeDiscoveryValidator() {
    walk(JSON_READ.apply(BundledSpecs.read("specs/youtube-data-api-v3-discovery.json")));
    walk(JSON_READ.apply(BundledSpecs.read("specs/youtube-analytics-v2-discovery.json")));
    loaded = true;
  }

  private static final java.util.function.Function<String, JsonNode> JSON_READ =
      text -> {
        try {
          return JSON.readTree(text);
        } catch (IOException e) {
          throw new IllegalStateException("unreadable discovery document in the test kit", e);
        }
      };

  private void walk(JsonNode doc) {
    walk(doc, doc.path("resources"));
  }

  /**
   * Loads the documents from {@code sharedDir/specs}.
   *
   * @param sharedDir the shared folder, or empty to check nothing
   */
  public YouTubeDiscoveryValidator(Optional<Path> sharedDir) {
    boolean any = false;
    if (sharedDir.isPresent()) {
      any |= load(sharedDir.get().resolve("specs/youtube-data-api-v3-discovery.json"));
      any |= load(sharedDir.get().resolve("specs/youtube-analytics-v2-discovery.json"));
    }
    loaded = any;
  }

  /** Returns whether a document was found. */
  public boolean loaded() {
    return loaded;
  }

  private boolean load(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      JsonNode doc = JSON.readTree(file.toFile());
      walk(doc, doc.path("resources"));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void walk(JsonNode doc, JsonNode resources) {
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      JsonNode res = it.next().getValue();
      for (Iterator<Map.Entry<String, JsonNode>> ms = res.path("methods").fields();
          ms.hasNext(); ) {
        JsonNode m = ms.next().getValue();
        Method method = new Method(m.path("id").asText(), m, doc.path("parameters"), parts(doc, m));
        String http = m.path("httpMethod").asText();
        methods.put(http + " /" + m.path("path").asText(), method);
        for (JsonNode proto : m.path("mediaUpload").path("protocols")) {
          String p = proto.path("path").asText("");
          if (!p.isEmpty()) {
            methods.put(http + " " + (p.startsWith("/") ? p : "/" + p), method);
          }
        }
      }
      walk(doc, res.path("resources"));
    }
  }

  /** Returns the properties of the method's resource: request schema, else the response's items. */
  private static Set<String> parts(JsonNode doc, JsonNode m) {
    JsonNode schemas = doc.path("schemas");
    String ref = m.path("request").path("$ref").asText("");
    if (ref.isEmpty()) {
      ref = m.path("response").path("$ref").asText("");
      JsonNode items =
          schemas.path(ref).path("properties").path("items").path("items").path("$ref");
      if (items.isTextual()) {
        ref = items.asText();
      }
    }
    Set<String> out = new LinkedHashSet<>();
    schemas.path(ref).path("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /**
   * Validates one request.
   *
   * @param r the request (path below {@code /youtube})
   * @return the mismatches; empty when it conforms or is not described
   */
  public List<String> validate(SandboxRequest r) {
    List<String> out = new ArrayList<>();
    if (!loaded || r.path().equals("/token") || r.query().containsKey("upload_id")) {
      return out;
    }
    Method m = methods.get(r.method() + " " + r.path());
    if (m == null) {
      out.add("no discovery method for " + r.method() + " " + r.path());
      return out;
    }
    JsonNode params = m.node.path("parameters");
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().path("required").asBoolean(false) && !r.query().containsKey(e.getKey())) {
        out.add(m.id + ": required parameter '" + e.getKey() + "' is missing");
      }
    }
    for (Map.Entry<String, List<String>> q : r.query().entrySet()) {
      JsonNode spec = params.has(q.getKey()) ? params.get(q.getKey()) : m.globals.get(q.getKey());
      if (spec == null) {
        out.add(m.id + ": unknown parameter '" + q.getKey() + "'");
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String v : q.getValue()) {
        if (spec.path("repeated").asBoolean(false) || q.getKey().equals("part")) {
          for (String x : v.split(",", -1)) {
            values.add(x.trim());
          }
        } else {
          values.add(v);
        }
      }
      if (q.getKey().equals("part") && !m.parts.isEmpty()) {
        for (String v : values) {
          if (!m.parts.contains(v)) {
            out.add(m.id + ": unknown part '" + v + "' (known: " + m.parts + ")");
          }
        }
      }
      JsonNode en = spec.path("enum");
      if (en.isArray()) {
        Set<String> allowed = new LinkedHashSet<>();
        en.forEach(x -> allowed.add(x.asText()));
        for (String v : values) {
          if (!allowed.contains(v)) {
            out.add(
                m.id + ": parameter '" + q.getKey() + "' has value '" + v + "' not in " + allowed);
          }
        }
      }
      String type = spec.path("type").asText("");
      for (String v : values) {
        if (type.equals("boolean") && !v.equals("true") && !v.equals("false")) {
          out.add(m.id + ": parameter '" + q.getKey() + "' must be a boolean, got '" + v + "'");
        }
        if (type.equals("integer") && !v.matches("-?\\d+")) {
          out.add(m.id + ": parameter '" + q.getKey() + "' must be an integer, got '" + v + "'");
        }
      }
    }
    return out;
  }
}
