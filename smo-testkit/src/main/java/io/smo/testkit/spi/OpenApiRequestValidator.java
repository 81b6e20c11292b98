package io.smo.testkit.spi;

import static java.util.Objects.requireNonNull;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.SmoProtectedApi;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a {@link SandboxRequest} against an official OpenAPI 3 description (a JSON or YAML file),
 * for an emulator's {@link PlatformEmulator#validateStrict strict mode}. Platform-neutral: any
 * emulator whose platform publishes an OpenAPI document can use it (X, Pinterest...).
 *
 * <p>What is checked (by Atlassian's {@code swagger-request-validator-core}, which parses the
 * document with swagger-parser and validates schemas with a JSON-schema validator):
 *
 * <ul>
 *   <li>the path (below the document's server base path) and the method exist;
 *   <li>required path, query and header parameters are present and match their schemas;
 *   <li>a required request body is present, its content type is one the operation accepts, and a
 *       JSON body matches the request schema ({@code required}, types, enums, patterns, {@code
 *       additionalProperties: false}...);
 *   <li>a {@code multipart/form-data} body is checked as the object its parts form: each part
 *       without a file name becomes a property (parsed as a JSON number or boolean when it looks
 *       like one, else a string), each file part a base64 string, then the object is validated
 *       against the multipart schema;
 *   <li>the security requirement, for {@code http} and {@code apiKey} schemes (e.g. an {@code
 *       Authorization} header for bearer auth), unless ignored; an operation that also accepts an
 *       {@code oauth2} scheme passes, since the library cannot check those.
 * </ul>
 *
 * <p>Each mismatch becomes one line {@code "<METHOD> <path>: <message key>: <message>"}; an empty
 * list means the request conforms. Warnings (e.g. unknown query parameters) are not reported.
 * Message keys can be silenced with {@link Builder#ignoring(String...)} (e.g. {@code
 * "validation.request.security.missing"}); see the library's {@code messages.properties} for the
 * keys.
 *
 * <p>Parsing a large document takes a second or two, so instances are cached per file and options
 * ({@link #shared(EmulatorContext, String)} and {@link Builder#build()} return the cached one).
 * Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * // in an emulator: the description travels in the test kit (BundledSpecs)
 * public List<String> validateStrict(SandboxRequest req, EmulatorContext ctx) {
 *   return OpenApiRequestValidator.bundled("specs/x-api-v2-openapi.json").validate(req);
 * }
 * }</pre>
 *
 * @see <a
 *     href="https://bitbucket.org/atlassian/swagger-request-validator">swagger-request-validator</a>
 */
@SmoProtectedApi
public final class OpenApiRequestValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, OpenApiRequestValidator> CACHE = new ConcurrentHashMap<>();

  /** Synthetic content type under which a multipart body, turned into an object, is validated. */
  private static final String MULTIPART_AS_JSON = "application/x-smo-multipart-parts+json";

  private final Path spec;
  private final OpenApiInteractionValidator delegate;

  /**
   * Options for one validator; obtain with {@link #forSpec(Path)} or {@link #forBundled(String)}.
   * Not thread-safe.
   */
  public static final class Builder {
    private final Path spec;
    private final String bundled;
    private String basePath;
    private final Set<String> ignored = new LinkedHashSet<>();

    private Builder(Path spec) {
      this.spec = requireNonNull(spec, "spec").toAbsolutePath().normalize();
      this.bundled = null;
    }

    private Builder(String bundled) {
      this.bundled = requireNonNull(bundled, "name");
      this.spec = Path.of(bundled).getFileName();
    }

    /**
     * Overrides the base path that precedes the document's paths in {@link SandboxRequest#path()}
     * (default: the path of the document's first {@code servers} URL, e.g. {@code /v5} for {@code
     * https://api.pinterest.com/v5}, empty for {@code https://api.x.com}).
     *
     * @param basePath e.g. {@code "/v5"}, or {@code ""} for none
     * @return this builder
     */
    public Builder basePath(String basePath) {
      this.basePath = requireNonNull(basePath, "basePath");
      return this;
    }

    /**
     * Silences message keys (and every key below them, e.g. {@code "validation.request.security"}).
     *
     * @param messageKeys the library's message keys
     * @return this builder
     */
    public Builder ignoring(String... messageKeys) {
      for (String k : messageKeys) {
        ignored.add(requireNonNull(k, "messageKey"));
      }
      return this;
    }

    /**
     * Returns the validator (cached per file and options).
     *
     * @throws IllegalArgumentException when the file is missing or not an OpenAPI document
     * @throws IllegalStateException when a {@linkplain #forBundled(String) bundled} document is not
     *     on the class path
     */
    public OpenApiRequestValidator build() {
      String key =
          (bundled != null ? "bundled:" + bundled : spec.toString())
              + "|"
              + basePath
              + "|"
              + ignored;
      return CACHE.computeIfAbsent(key, k -> new OpenApiRequestValidator(this));
    }
  }

  private OpenApiRequestValidator(Builder b) {
    if (b.bundled == null && !Files.isRegularFile(b.spec)) {
      throw new IllegalArgumentException("OpenAPI document not found: " + b.spec);
    }
    this.spec = b.spec;
    LevelResolver.Builder levels = LevelResolver.create();
    for (String k : b.ignored) {
      levels.withLevel(k, ValidationReport.Level.IGNORE);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed =
        b.bundled != null
            ? new OpenAPIV3Parser().readContents(BundledSpecs.read(b.bundled), null, options)
            : new OpenAPIV3Parser().readLocation(b.spec.toUri().toString(), null, options);
    OpenAPI api = parsed == null ? null : parsed.getOpenAPI();
    if (api == null || api.getPaths() == null) {
      throw new IllegalArgumentException(
          "cannot load OpenAPI document "
              + b.spec
              + ": "
              + (parsed == null ? "unreadable" : parsed.getMessages()));
    }
    addMultipartAsJson(api);
    dedupeParameterEnums(api);
    OpenApiInteractionValidator.Builder vb =
        OpenApiInteractionValidator.createFor(api).withLevelResolver(levels.build());
    if (b.basePath != null) {
      vb.withBasePathOverride(b.basePath.isEmpty() ? "/" : b.basePath);
    }
    try {
      this.delegate = vb.build();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot load OpenAPI document " + b.spec + ": " + e.getMessage(), e);
    }
  }

  /**
   * Lets a multipart body be checked as JSON: every operation accepting {@code multipart/form-data}
   * also accepts {@link #MULTIPART_AS_JSON} with the same schema.
   */
  private static void addMultipartAsJson(OpenAPI api) {
    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        RequestBody body = op.getRequestBody();
        if (body == null || body.getContent() == null) {
          continue;
        }
        MediaType multipart = body.getContent().get("multipart/form-data");
        if (multipart != null && multipart.getSchema() != null) {
          body.getContent()
              .addMediaType(MULTIPART_AS_JSON, new MediaType().schema(multipart.getSchema()));
        }
      }
    }
  }

  /**
   * Removes repeated enum values from parameter schemas (the X description lists {@code
   * attachments.media_keys} twice in the DM {@code expansions} enum, which the JSON-schema
   * validator refuses as an invalid schema, so no DM request could be checked at all).
   */
  private static void dedupeParameterEnums(OpenAPI api) {
    java.util.List<io.swagger.v3.oas.models.parameters.Parameter> params =
        new java.util.ArrayList<>();
    if (api.getComponents() != null && api.getComponents().getParameters() != null) {
      params.addAll(api.getComponents().getParameters().values());
    }
    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        if (op.getParameters() != null) {
          params.addAll(op.getParameters());
        }
      }
    }
    for (io.swagger.v3.oas.models.parameters.Parameter p : params) {
      dedupe(p.getSchema());
      if (p.getSchema() != null) {
        dedupe(p.getSchema().getItems());
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void dedupe(io.swagger.v3.oas.models.media.Schema schema) {
    if (schema != null && schema.getEnum() != null) {
      java.util.List values =
          new java.util.ArrayList(new java.util.LinkedHashSet(schema.getEnum()));
      if (values.size() != schema.getEnum().size()) {
        schema.setEnum(values);
      }
    }
  }

  /**
   * Starts the options of a validator for one OpenAPI 3 document.
   *
   * @param specFile the document (JSON or YAML)
   * @return a builder
   */
  public static Builder forSpec(Path specFile) {
    return new Builder(specFile);
  }

  /**
   * Starts the options of a validator for a document the test kit carries ({@link BundledSpecs}).
   *
   * @param name e.g. {@code "specs/x-api-v2-openapi.json"}
   * @return a builder
   */
  public static Builder forBundled(String name) {
    return new Builder(name);
  }

  /**
   * Returns the default validator for a document the test kit carries ({@link BundledSpecs}),
   * whatever the working directory. Strict mode uses this: it never silently checks nothing.
   *
   * @param name e.g. {@code "specs/x-api-v2-openapi.json"}
   * @return the cached validator
   * @throws IllegalStateException when the document is not on the class path
   * @throws IllegalArgumentException when it is not an OpenAPI document
   */
  public static OpenApiRequestValidator bundled(String name) {
    return forBundled(name).build();
  }

  /**
   * Returns the default validator for a document: the copy the test kit carries when there is one
   * ({@link #bundled(String)}), else the shared folder's file; empty when neither exists.
   *
   * @param context the emulator context ({@link EmulatorContext#sharedDir()})
   * @param relativePath e.g. {@code "specs/x-api-v2-openapi.json"}
   * @return the cached validator, if the document exists
   * @throws IllegalArgumentException when the file exists but is not an OpenAPI document
   */
  public static Optional<OpenApiRequestValidator> shared(
      EmulatorContext context, String relativePath) {
    if (BundledSpecs.class
            .getClassLoader()
            .getResource(
                BundledSpecs.RESOURCE_DIR
                    + relativePath.substring(relativePath.lastIndexOf('/') + 1))
        != null) {
      return Optional.of(bundled(relativePath));
    }
    return context
        .sharedDir()
        .map(d -> d.resolve(relativePath))
        .filter(Files::isRegularFile)
        .map(p -> forSpec(p).build());
  }

  /** Returns the document this validator checks against (for a bundled one, its file name). */
  public Path spec() {
    return spec;
  }

  /**
   * Validates one request.
   *
   * @param request the request as the emulator received it
   * @return one line per error, {@code "<METHOD> <path>: <key>: <message>"}; empty when it conforms
   */
  public List<String> validate(SandboxRequest request) {
    Request.Method method;
    try {
      method = Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return List.of(request.method() + " " + request.path() + ": unknown HTTP method");
    }
    SimpleRequest.Builder rb = new SimpleRequest.Builder(method, request.path());
    request.query().forEach(rb::withQueryParam);
    String contentType = request.header("content-type").orElse(null);
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equals("content-type")) {
                rb.withHeader(name, values);
              }
            });
    if (contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      rb.withContentType(MULTIPART_AS_JSON);
      rb.withBody(multipartAsJson(request));
    } else {
      if (contentType != null) {
        rb.withContentType(contentType);
      }
      if (request.body().length > 0) {
        rb.withBody(request.body());
      }
    }
    ValidationReport report = delegate.validateRequest(rb.build());
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        out.add(
            request.method() + " " + request.path() + ": " + m.getKey() + ": " + m.getMessage());
      }
    }
    return out;
  }

  private static String multipartAsJson(SandboxRequest request) {
    ObjectNode o = JSON.createObjectNode();
    for (SandboxRequest.Part p : request.parts()) {
      if (p.fileName().isPresent()
          || p.contentType().filter(c -> !c.startsWith("text/")).isPresent()) {
        o.put(p.name(), Base64.getEncoder().encodeToString(p.body()));
        continue;
      }
      String text = p.text();
      JsonNode parsed = null;
      if (text.matches("-?\\d+(\\.\\d+)?|true|false")) {
        try {
          parsed = JSON.readTree(text);
        } catch (java.io.IOException e) {
          parsed = null;
        }
      }
      if (parsed != null) {
        o.set(p.name(), parsed);
      } else {
        o.put(p.name(), text);
      }
    }
    return o.toString();
  }

  @Override
  public String toString() {
    return "OpenApiRequestValidator[" + spec.getFileName() + "]";
  }
}
