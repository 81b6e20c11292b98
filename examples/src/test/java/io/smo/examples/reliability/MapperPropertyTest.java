package io.smo.examples.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SocialClient;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ErrorMapper;
import io.smo.core.http.HttpFailure;
import io.smo.core.http.Operation;
import io.smo.instagram.internal.InstagramErrorMapper;
import io.smo.metagraph.spi.GraphErrorMapper;
import io.smo.pinterest.internal.PinterestErrorMapper;
import io.smo.snapchat.internal.SnapchatErrorMapper;
import io.smo.testkit.SharedFixtures;
import io.smo.tiktok.internal.TikTokErrorMapper;
import io.smo.twitter.internal.TwitterErrorMapper;
import io.smo.youtube.internal.YouTubeErrorMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The permanent guard of "every failure typed": real response bodies from {@code
 * ../shared/fixtures} (and a built-in corpus when that folder is absent), mutated — truncated,
 * values nulled, types swapped, numbers made huge, emptied, replaced by HTML error pages or
 * garbage, served with the wrong content type and any status — are fed to every platform's error
 * mapper directly, and to every platform client's response mappers through its public calls
 * (publish, metrics, comments) on a local server. Only {@link SmoException} subtypes may come out,
 * and nothing may hang (each call is bounded). Tries are bounded so the class runs in well under a
 * minute.
 */
class MapperPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Platform> SEVEN =
      List.of(
          Platform.FACEBOOK,
          Platform.INSTAGRAM,
          Platform.TWITTER,
          Platform.YOUTUBE,
          Platform.TIKTOK,
          Platform.PINTEREST,
          Platform.SNAPCHAT);
  private static final String HTML =
      "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
          + "<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response.</p></body></html>";

  static List<String> corpus;
  static WireMockServer wm;

  @BeforeContainer
  static void start() throws IOException {
    List<String> bodies = new ArrayList<>();
    Path dir = SharedFixtures.dir().map(d -> d.resolve("fixtures")).orElse(null);
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f :
            files
                .filter(p -> p.toString().endsWith(".json"))
                .sorted()
                .collect(Collectors.toList())) {
          String s = Files.readString(f);
          if (s.length() < 200_000) {
            bodies.add(s);
          }
        }
      }
    }
    if (bodies.isEmpty()) { // hermetic fallback: a few shapes of each family
      bodies.add("{\"data\":{\"id\":\"1\",\"text\":\"hi\"}}");
      bodies.add("{\"id\":\"1_2\",\"post_id\":\"1_2\",\"success\":true}");
      bodies.add("{\"error\":{\"message\":\"x\",\"code\":1,\"is_transient\":false}}");
      bodies.add(
          "{\"data\":{\"publish_id\":\"p\",\"upload_url\":\"http://localhost/u\"},\"error\":{\"code\":\"ok\"}}");
      bodies.add("{\"items\":[{\"id\":\"v\",\"status\":{\"uploadStatus\":\"processed\"}}]}");
    }
    corpus = bodies;
    wm =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(8));
    wm.start();
  }

  @AfterContainer
  static void stop() {
    if (wm != null) {
      wm.stop();
    }
  }

  // ---- mutations --------------------------------------------------------------------------

  /** Returns the mutated body for {@code fixture} under {@code mutation} with {@code seed}. */
  static String mutate(int fixture, int mutation, long seed) {
    String body = corpus.get(Math.floorMod(fixture, corpus.size()));
    Random r = new Random(seed);
    switch (mutation) {
      case 0:
        return body;
      case 1:
        return body.substring(0, r.nextInt(Math.max(1, body.length())));
      case 2:
        return "";
      case 3:
        return HTML;
      case 4:
        return body.replaceAll(
            "-?\\d+(\\.\\d+)?",
            r.nextBoolean()
                ? "99999999999999999999999999"
                : r.nextBoolean() ? "1e400" : "-9223372036854775809");
      case 5:
        return List.of(
                "null",
                "[]",
                "{}",
                "0",
                "\"ok\"",
                "true",
                "{\"data\":null}",
                "{\"data\":[]}",
                "{\"error\":{}}",
                "{\"error\":null}",
                "{\"errors\":[{}]}")
            .get(r.nextInt(11));
      case 6:
        {
          byte[] b = new byte[r.nextInt(64)];
          r.nextBytes(b);
          return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
      default:
        return mutateTree(body, mutation, r);
    }
  }

  private static String mutateTree(String body, int mutation, Random r) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return body;
    }
    if (root == null || !root.isContainerNode()) {
      return body;
    }
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    int changes = 1 + r.nextInt(4);
    for (int i = 0; i < changes; i++) {
      JsonNode c = containers.get(r.nextInt(containers.size()));
      JsonNode replacement = replacement(mutation, r);
      if (c.isObject() && c.size() > 0) {
        List<String> names = new ArrayList<>();
        c.fieldNames().forEachRemaining(names::add);
        ((ObjectNode) c).set(names.get(r.nextInt(names.size())), replacement);
      } else if (c.isArray() && c.size() > 0) {
        ((ArrayNode) c).set(r.nextInt(c.size()), replacement);
      }
    }
    return root.toString();
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.elements().forEachRemaining(c -> collect(c, out));
    }
  }

  private static JsonNode replacement(int mutation, Random r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (mutation == 7) {
      return f.nullNode();
    }
    switch (r.nextInt(8)) {
      case 0:
        return f.numberNode(Long.MAX_VALUE);
      case 1:
        return f.numberNode(-1);
      case 2:
        return f.textNode("");
      case 3:
        return f.arrayNode().add(f.objectNode());
      case 4:
        return f.objectNode().put("id", 7);
      case 5:
        return f.booleanNode(true);
      case 6:
        return f.numberNode(new java.math.BigDecimal("1e400"));
      default:
        return f.textNode("not-a-" + r.nextInt(100));
    }
  }

  @Provide
  Arbitrary<Integer> mutations() {
    return Arbitraries.integers().between(0, 9);
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.of(
        200, 200, 201, 202, 204, 206, 308, 400, 401, 403, 404, 409, 410, 413, 429, 500, 502, 503,
        504);
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(
        "application/json",
        "application/json; charset=UTF-8",
        "text/html",
        "text/plain",
        "application/octet-stream");
  }

  @Provide
  Arbitrary<String> retryAfters() {
    return Arbitraries.of(
        "", "2", "0", "-5", "abc", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "1e9");
  }

  @Provide
  Arbitrary<Platform> platforms() {
    return Arbitraries.of(SEVEN);
  }

  // ---- error mappers ----------------------------------------------------------------------

  static ErrorMapper mapper(Platform p) {
    switch (p) {
      case FACEBOOK:
        return new GraphErrorMapper(Platform.FACEBOOK);
      case INSTAGRAM:
        return new InstagramErrorMapper();
      case TWITTER:
        return new TwitterErrorMapper();
      case YOUTUBE:
        return new YouTubeErrorMapper();
      case TIKTOK:
        return new TikTokErrorMapper();
      case PINTEREST:
        return new PinterestErrorMapper();
      default:
        return new SnapchatErrorMapper();
    }
  }

  @Property(tries = 800)
  void errorMappersGiveOnlyTypedExceptions(
      @ForAll("platforms") Platform p,
      @ForAll int fixture,
      @ForAll("mutations") int mutation,
      @ForAll long seed,
      @ForAll("statuses") int status,
      @ForAll("retryAfters") String retryAfter) {
    String body = mutate(fixture, mutation, seed);
    Map<String, List<String>> headers = new TreeMap<>();
    if (!retryAfter.isEmpty()) {
      headers.put("retry-after", List.of(retryAfter));
      headers.put("x-rate-limit-reset", List.of(retryAfter));
      headers.put("x-ratelimit-reset", List.of(retryAfter));
    }
    HttpFailure f =
        new HttpFailure(
            p,
            Operation.create("publish"),
            status >= 400 ? status : 200,
            headers,
            body,
            null,
            Instant.parse("2026-06-01T10:00:00Z"));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          ErrorMapper m = mapper(p);
          SmoException e = m.map(f);
          if (e == null) {
            throw new AssertionError(p + " mapper returned null for " + abbreviate(body));
          }
          m.notProcessed(f);
          e.getMessage();
        },
        () -> p + " mapper hung on " + abbreviate(body));
  }

  // ---- response mappers through the public calls ------------------------------------------

  @Property(tries = 400)
  void publicCallsGiveOnlyTypedExceptions(
      @ForAll("platforms") Platform p,
      @ForAll int fixture,
      @ForAll("mutations") int mutation,
      @ForAll long seed,
      @ForAll("statuses") int status,
      @ForAll("contentTypes") String contentType,
      @ForAll("operations") String operation) {
    String body = mutate(fixture, mutation, seed);
    wm.resetAll();
    ResponseDefinitionBuilder answer =
        aResponse().withStatus(status).withHeader("Content-Type", contentType);
    if (status != 204) {
      answer.withBody(body);
    }
    if (status == 308) {
      answer.withHeader("Range", "bytes=0-99");
    }
    wm.stubFor(any(anyUrl()).willReturn(answer));
    HttpSettings http =
        HttpSettings.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(2))
            .build();
    try {
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () -> {
            try (SocialClient c =
                Clients.client(
                    p,
                    URI.create(wm.baseUrl() + "/"),
                    "fuzz-token-123456",
                    "17841400000000000",
                    p == Platform.PINTEREST ? "549755885175" : "profile-1",
                    "adaccount-1",
                    http,
                    media -> URI.create("https://cdn.example.com/photo.jpg"))) {
              PostRef ref = PostRef.of(p, "17841400000000000_123456789");
              switch (operation) {
                case "publish":
                  c.publish(Clients.post(p, "fuzz " + seed));
                  break;
                case "metrics":
                  c.metrics(ref);
                  break;
                default:
                  long unused = c.comments(ref).stream().limit(3).count(); // drives the pages
              }
            } catch (SmoException expected) {
              // typed: fine
            }
          },
          () -> p + " " + operation + " hung on HTTP " + status + " " + abbreviate(body));
    } catch (Throwable t) {
      if (t instanceof AssertionError
          && t.getMessage() != null
          && t.getMessage().contains("hung")) {
        throw (AssertionError) t;
      }
      throw new AssertionError(
          p
              + " "
              + operation
              + " threw "
              + t
              + " on HTTP "
              + status
              + " "
              + contentType
              + " "
              + abbreviate(body),
          t);
    }
  }

  @Provide
  Arbitrary<String> operations() {
    return Arbitraries.of("publish", "metrics", "comments");
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
