package io.smo.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.testkit.spi.BundledSpecs;
import io.smo.testkit.spi.EmulatorContext;
import io.smo.testkit.spi.PlatformEmulator;
import io.smo.testkit.spi.SandboxRequest;
import io.smo.testkit.spi.SandboxResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local sandbox that emulates, with state, the HTTP APIs the SDK uses on Facebook, Instagram, X,
 * YouTube, TikTok, Pinterest and Snapchat: an embedded WireMock 3 server on a loopback port, one
 * stateful emulator per platform under {@code /<platform>/} (e.g. {@code
 * http://127.0.0.1:PORT/twitter/2/tweets}).
 *
 * <p>Creates take effect and can be read back; uploads follow each platform's protocol; metrics
 * grow deterministically from the seed; rate-limit headers count down in each platform's format.
 * {@link #inject(Platform, Fault)} scripts faults; {@link #created(Platform)} lists what was really
 * created. In strict mode, requests are checked against the platform's official machine-readable
 * description where one exists, and mismatches are answered with 400 and collected in {@link
 * #strictViolations()}.
 *
 * <p>Thread-safe. Close it to free the port.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *   TwitterClient x = TwitterClient.builder()
 *       .baseUrl(sandbox.baseUrl(Platform.TWITTER))
 *       .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
 *       .build();
 *   x.publish(Post.builder().text("hello").build());
 *   assertThat(sandbox.created(Platform.TWITTER)).hasSize(1);
 * }
 * }</pre>
 */
@SmoPublicApi
public final class Sandbox implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer server;
  private final long seed;
  private final boolean strict;
  private final Clock clock;
  private final Map<Platform, PlatformEmulator> emulators = new EnumMap<>(Platform.class);
  private final Map<Platform, Object> locks = new EnumMap<>(Platform.class);
  private final Map<Platform, AtomicLong> ids = new EnumMap<>(Platform.class);
  private final Map<Platform, List<Created>> created = new EnumMap<>(Platform.class);
  private final List<Fault> faults = new ArrayList<>();
  private final Map<Fault, Platform> faultPlatforms = new LinkedHashMap<>();
  private final Map<Fault, Integer> faultUses = new LinkedHashMap<>();
  private final List<String> strictViolations = new CopyOnWriteArrayList<>();
  private final Optional<Path> sharedDir = SharedFixtures.dir();
  private volatile SandboxWebhooks webhooks;
  private final Map<Platform, List<Account>> accounts = new EnumMap<>(Platform.class);
  private final ThreadLocal<String> currentAccount = new ThreadLocal<>();

  /**
   * One account added with {@link #addAccount}: its own token and id, standing in for the main one.
   */
  private static final class Account {
    final String name;
    final String id;
    final String token;
    final SandboxCredentials credentials;

    Account(String name, String id, String token, SandboxCredentials credentials) {
      this.name = name;
      this.id = id;
      this.token = token;
      this.credentials = credentials;
    }
  }

  private Sandbox(Builder b) {
    seed = b.seed;
    strict = b.strict;
    clock = b.clock;
    for (Platform p : Platform.values()) {
      locks.put(p, new Object());
      ids.put(p, new AtomicLong(firstId(seed)));
      created.put(p, new CopyOnWriteArrayList<>());
      PlatformEmulator e = load(p);
      if (e != null) {
        emulators.put(p, e);
      }
    }
    if (strict) {
      BundledSpecs.requireAll(); // strict mode never silently checks nothing
    }
    WireMockConfiguration cfg =
        WireMockConfiguration.options()
            .bindAddress("127.0.0.1")
            .port(b.port)
            .disableRequestJournal()
            .gzipDisabled(true)
            .containerThreads(Math.max(20, b.threads))
            .jettyIdleTimeout(120_000L)
            .jettyAcceptors(1)
            // start-up time: the sandbox never proxies, so skip building WireMock's Apache proxy
            // client and its trust store (a quarter of a cold start), and never reads stub files
            .httpClientFactory(NO_PROXY_CLIENT)
            .mappingSource(NO_MAPPING_FILES)
            .extensions(new Router());
    server = new WireMockServer(cfg);
    server.stubFor(
        WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(404)));
    server.start();
  }

  /** The sandbox answers everything itself: WireMock's proxy client is never used. */
  private static final HttpClientFactory NO_PROXY_CLIENT =
      (options, trustAll, trustedHosts, useSystemProperties) ->
          request -> {
            throw new IOException("the sandbox does not proxy");
          };

  /** The sandbox's only stub is added in code: no mapping files are read or written. */
  private static final MappingsSource NO_MAPPING_FILES =
      new MappingsSource() {
        @Override
        public void loadMappingsInto(StubMappings stubMappings) {}

        @Override
        public void save(List<StubMapping> stubMappings) {}

        @Override
        public void save(StubMapping stubMapping) {}

        @Override
        public void remove(StubMapping stubMapping) {}

        @Override
        public void removeAll() {}
      };

  private static PlatformEmulator load(Platform p) {
    String name = p.name().charAt(0) + p.name().substring(1).toLowerCase(Locale.ROOT);
    if (p == Platform.YOUTUBE) {
      name = "YouTube";
    } else if (p == Platform.TIKTOK) {
      name = "TikTok";
    }
    try {
      Class<?> c = Class.forName("io.smo.testkit.emulator." + name + "Emulator");
      return (PlatformEmulator) c.getConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the " + p + " emulator", e);
    }
  }

  /** Starts a sandbox on a free loopback port with the default seed, not strict. */
  public static Sandbox start() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the port. */
  public int port() {
    return server.port();
  }

  /**
   * Returns the base URL a client of {@code platform} should use, e.g. {@code
   * http://127.0.0.1:PORT/twitter/}.
   */
  public URI baseUrl(Platform platform) {
    return URI.create("http://127.0.0.1:" + server.port() + "/" + platform.id() + "/");
  }

  /** Returns whether {@code platform} is emulated. */
  public boolean emulates(Platform platform) {
    return emulators.containsKey(platform);
  }

  /**
   * Returns working credentials for {@code platform}.
   *
   * @throws IllegalArgumentException if the platform is not emulated
   */
  public SandboxCredentials credentials(Platform platform) {
    return emulator(platform).credentials();
  }

  /**
   * Adds an account to {@code platform}'s emulator and returns its credentials: its own access
   * token and its own account id (a Facebook Page id, an IG user id, an X user id, a channel
   * id...), of the same shape as the main account's. Requests made with that token act as that
   * account: what they create is recorded with {@link Created#account()} equal to the returned
   * {@link SandboxCredentials#accountId()}, ids in answers carry the account's id where the main
   * account's would appear, and {@code GET /2/users/me} (X) names it. Adding the same name again
   * returns the same account.
   *
   * @param platform the platform
   * @param name a name for the account ({@code uk}, {@code support}...), shown in {@link
   *     SandboxCredentials#extra(String)} {@code "name"}
   * @return the account's credentials
   * @throws IllegalArgumentException if the platform is not emulated or the name is blank
   */
  public SandboxCredentials addAccount(Platform platform, String name) {
    SandboxCredentials main = emulator(platform).credentials();
    if (requireNonNull(name, "name == null").isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    synchronized (accounts) {
      List<Account> list = accounts.computeIfAbsent(platform, k -> new CopyOnWriteArrayList<>());
      for (Account a : list) {
        if (a.name.equals(name)) {
          return a.credentials;
        }
      }
      int n = list.size() + 1;
      String mainId = main.accountId();
      String id;
      if (mainId != null && mainId.chars().allMatch(Character::isDigit) && mainId.length() > 4) {
        String num = String.valueOf(n);
        id = "9" + "0".repeat(mainId.length() - 1 - num.length()) + num;
      } else {
        id = "sbxacct" + n + name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
      }
      String token = "sbx-acct-" + platform.id() + "-" + n + "-" + Long.toHexString(seed);
      Map<String, String> extras = new LinkedHashMap<>();
      main.extras()
          .forEach(
              (k, v) -> extras.put(k, mainId != null && v != null ? v.replace(mainId, id) : v));
      extras.put("name", name);
      if (platform == Platform.SNAPCHAT) {
        extras.put("profileId", id);
      }
      SandboxCredentials c =
          new SandboxCredentials(
              token, main.refreshToken(), main.clientId(), main.clientSecret(), id, extras);
      list.add(new Account(name, id, token, c));
      return c;
    }
  }

  /** Returns the credentials of every account added to {@code platform}, in the order added. */
  public List<SandboxCredentials> accounts(Platform platform) {
    List<SandboxCredentials> out = new ArrayList<>();
    accounts.getOrDefault(platform, List.of()).forEach(a -> out.add(a.credentials));
    return out;
  }

  /** Returns what {@code account} (an account id) created on {@code platform}, oldest first. */
  public List<Created> created(Platform platform, String kind, String account) {
    List<Created> out = new ArrayList<>();
    for (Created c : created(platform, kind)) {
      if (account.equals(c.account())) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Returns the emulator of {@code platform}, for platform-specific test hooks.
   *
   * @throws IllegalArgumentException if the platform is not emulated
   */
  public PlatformEmulator emulator(Platform platform) {
    PlatformEmulator e = emulators.get(requireNonNull(platform, "platform == null"));
    if (e == null) {
      throw new IllegalArgumentException(
          platform.displayName() + " is not emulated by this sandbox");
    }
    return e;
  }

  /** Scripts a fault for the next matching requests of {@code platform}. */
  public void inject(Platform platform, Fault fault) {
    synchronized (faults) {
      faults.add(requireNonNull(fault, "fault == null"));
      faultPlatforms.put(fault, platform);
      faultUses.put(fault, 0);
    }
  }

  /** Removes every scripted fault not used up yet. */
  public void clearFaults() {
    synchronized (faults) {
      faults.clear();
      faultPlatforms.clear();
      faultUses.clear();
    }
  }

  /** Returns what was really created on {@code platform} and not deleted since, oldest first. */
  public List<Created> created(Platform platform) {
    return Collections.unmodifiableList(new ArrayList<>(created.get(platform)));
  }

  /**
   * Returns what was really created of one kind ({@code post}, {@code media}, {@code comment}...).
   */
  public List<Created> created(Platform platform, String kind) {
    List<Created> out = new ArrayList<>();
    for (Created c : created.get(platform)) {
      if (c.kind().equals(kind)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Returns whether strict mode is on. */
  public boolean strict() {
    return strict;
  }

  /** Returns the strict-mode mismatches seen so far ("platform METHOD path: problem"). */
  public List<String> strictViolations() {
    return List.copyOf(strictViolations);
  }

  /** Forgets the strict-mode mismatches seen so far. */
  public void clearStrictViolations() {
    strictViolations.clear();
  }

  /**
   * Returns the sandbox to the state it started in, on the same port and with the same seed: what
   * every emulator holds (posts, media, upload sessions, comments, tokens issued, rate-limit
   * windows), {@link #created(Platform) what was created}, scripted faults and strict-mode
   * mismatches are forgotten, and ids start again from the seed, so the next test sees exactly what
   * a fresh sandbox would show. {@link #credentials(Platform) Credentials} stay valid (they derive
   * from the seed); emulator objects are replaced, so fetch them again with {@link
   * #emulator(Platform)} after a reset. Call it between tests, with no request in flight.
   */
  public void reset() {
    clearFaults();
    accounts.clear(); // accounts added with addAccount(...) are gone too, as in a fresh sandbox
    clearStrictViolations();
    for (Platform p : Platform.values()) {
      synchronized (locks.get(p)) {
        ids.get(p).set(firstId(seed));
        created.get(p).clear();
        PlatformEmulator e = load(p);
        if (e != null) {
          emulators.put(p, e);
        }
      }
    }
  }

  private static long firstId(long seed) {
    return 1_790_000_000_000_000_000L + (Math.floorMod(seed, 1000L) * 1_000_000L);
  }

  /**
   * Turns webhook mode on: from now on the emulators deliver signed events to {@code callbackUrl}
   * ({@code <callback>/meta}, {@code /x}, {@code /tiktok}, {@code /youtube}) when comments, posts,
   * messages or mentions happen. Calling it again replaces the callback.
   *
   * @param callbackUrl the base URL of the receiver, e.g. {@code http://127.0.0.1:8080/webhooks/}
   * @return the webhook mode's controls (duplicate, reorder, delay, re-send, handshakes)
   * @since 0.2
   */
  public SandboxWebhooks webhooks(URI callbackUrl) {
    requireNonNull(callbackUrl, "callbackUrl == null");
    SandboxWebhooks old = webhooks;
    if (old != null) {
      old.close();
    }
    webhooks = new SandboxWebhooks(this, callbackUrl, seed, clock);
    return webhooks;
  }

  /** Stops the server. */
  @Override
  public void close() {
    SandboxWebhooks w = webhooks;
    if (w != null) {
      w.close();
    }
    server.stop();
  }

  private Fault takeFault(Platform platform, String method, String path) {
    synchronized (faults) {
      for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
        Fault f = it.next();
        if (faultPlatforms.get(f) == platform && f.matches(method, path)) {
          int used = faultUses.merge(f, 1, Integer::sum);
          if (used >= f.times()) {
            it.remove();
            faultPlatforms.remove(f);
            faultUses.remove(f);
          }
          return f;
        }
      }
      return null;
    }
  }

  private final class Context implements EmulatorContext {
    private final Platform platform;
    private final Fault.Kind active;

    Context(Platform platform, Fault.Kind active) {
      this.platform = platform;
      this.active = active;
    }

    @Override
    public Instant now() {
      return clock.instant();
    }

    @Override
    public long seed() {
      return seed;
    }

    @Override
    public String nextId() {
      return Long.toString(ids.get(platform).incrementAndGet());
    }

    @Override
    public URI baseUrl() {
      return Sandbox.this.baseUrl(platform);
    }

    @Override
    public void recordCreated(String kind, String id, JsonNode body) {
      String acct = currentAccount.get();
      created
          .get(platform)
          .add(
              new Created(
                  platform,
                  kind,
                  id,
                  body,
                  clock.instant(),
                  acct != null ? acct : emulators.get(platform).credentials().accountId()));
      SandboxWebhooks w = webhooks;
      if (w != null) {
        w.created(platform, kind, id, body);
      }
    }

    @Override
    public void recordDeleted(String id) {
      created.get(platform).removeIf(c -> c.id().equals(id));
    }

    @Override
    public Optional<String> account() {
      return Optional.ofNullable(currentAccount.get());
    }

    @Override
    public Optional<Fault.Kind> activeFault() {
      return Optional.ofNullable(active);
    }

    @Override
    public ObjectMapper json() {
      return JSON;
    }

    @Override
    public boolean strict() {
      return strict;
    }

    @Override
    public Optional<Path> sharedDir() {
      return sharedDir;
    }
  }

  private final class Router implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "smo-sandbox-router";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request r = event.getRequest();
      String url = r.getUrl();
      int q = url.indexOf('?');
      String path = q < 0 ? url : url.substring(0, q);
      String rawQuery = q < 0 ? null : url.substring(q + 1);
      String[] segs = path.split("/", 3);
      Platform platform = null;
      for (Platform p : Platform.values()) {
        if (segs.length > 1 && p.id().equals(segs[1])) {
          platform = p;
        }
      }
      if (platform == null) {
        return plain(404, "{\"sandbox_error\":\"unknown platform prefix in " + path + "\"}");
      }
      PlatformEmulator emulator = emulators.get(platform);
      if (emulator == null) {
        return plain(501, "{\"sandbox_error\":\"" + platform.id() + " is not emulated\"}");
      }
      String sub = segs.length > 2 ? "/" + segs[2] : "/";
      String method = r.getMethod().getName();
      Map<String, List<String>> headers = headers(r);
      byte[] body = r.getBody();
      List<SandboxRequest.Part> parts = parts(r);
      Account acct = accountOf(platform, rawQuery, headers, body, parts);
      String mainId = null;
      if (acct != null) {
        // the added account stands in for the main one: the emulator sees the main token and id
        SandboxCredentials main = emulator.credentials();
        mainId = main.accountId();
        String[] from = {acct.token, acct.id};
        String[] to = {main.accessToken(), mainId};
        sub = swap(sub, from, to);
        rawQuery = rawQuery == null ? null : swap(rawQuery, from, to);
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, v.stream().map(x -> swap(x, from, to)).toList()));
        headers = h;
        if (body != null && body.length > 0 && parts.isEmpty() && isText(body)) {
          body =
              swap(new String(body, StandardCharsets.UTF_8), from, to)
                  .getBytes(StandardCharsets.UTF_8);
        }
        List<SandboxRequest.Part> ps = new ArrayList<>();
        for (SandboxRequest.Part pt : parts) {
          ps.add(
              isText(pt.body()) && pt.body().length < 4096
                  ? new SandboxRequest.Part(
                      pt.name(),
                      pt.fileName().orElse(null),
                      pt.contentType().orElse(null),
                      swap(pt.text(), from, to).getBytes(StandardCharsets.UTF_8))
                  : pt);
        }
        parts = ps;
      }
      currentAccount.set(acct == null ? null : acct.id);
      try {
        ResponseDefinition def =
            serve(platform, emulator, method, sub, rawQuery, headers, body, parts);
        if (acct != null
            && mainId != null
            && def.getByteBody() != null
            && def.getByteBody().length > 0
            && isText(def.getByteBody())) {
          String text =
              new String(def.getByteBody(), StandardCharsets.UTF_8).replace(mainId, acct.id);
          return ResponseDefinitionBuilder.like(def)
              .withBody(text.getBytes(StandardCharsets.UTF_8))
              .build();
        }
        return def;
      } finally {
        currentAccount.remove();
      }
    }

    private ResponseDefinition serve(
        Platform platform,
        PlatformEmulator emulator,
        String method,
        String sub,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        List<SandboxRequest.Part> parts) {
      SandboxRequest request = new SandboxRequest(method, sub, rawQuery, headers, body, parts);

      if (strict) {
        List<String> problems;
        try {
          problems = emulator.validateStrict(request, new Context(platform, null));
        } catch (RuntimeException e) {
          // e.g. a description missing from the class path: fail loudly, never pass unchecked
          String why = "strict mode could not check the request: " + e.getMessage();
          strictViolations.add(platform.id() + " " + method + " " + sub + ": " + why);
          return toDefinition(SandboxResponse.json(500, Map.of("sandbox_strict_error", why)));
        }
        if (!problems.isEmpty()) {
          for (String p : problems) {
            strictViolations.add(platform.id() + " " + method + " " + sub + ": " + p);
          }
          return toDefinition(
              SandboxResponse.json(400, Map.of("sandbox_strict_violation", problems)));
        }
      }

      Fault fault = takeFault(platform, method, sub);
      Fault.Kind kind = fault == null ? null : fault.kind();
      if (kind == Fault.Kind.CONNECTION_RESET) {
        return ResponseDefinitionBuilder.responseDefinition()
            .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)
            .build();
      }
      if (kind == Fault.Kind.MALFORMED_JSON) {
        return plain(200, "<html>this is not JSON</html>");
      }
      if (kind == Fault.Kind.TRUNCATED_JSON) {
        return plain(200, "{\"data\":{\"id\":\"12");
      }
      try {
        SandboxResponse resp;
        synchronized (locks.get(platform)) {
          Context ctx = new Context(platform, kind);
          resp = null;
          if (kind != null && kind != Fault.Kind.DELAY && kind != Fault.Kind.CREATED_THEN_RESET) {
            resp = emulator.faultResponse(kind, request, ctx);
          }
          if (resp == null) {
            resp = emulator.handle(request, ctx);
          }
        }
        if (kind == Fault.Kind.CREATED_THEN_RESET) {
          return ResponseDefinitionBuilder.responseDefinition()
              .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)
              .build();
        }
        ResponseDefinition def = toDefinition(resp);
        if (kind == Fault.Kind.DELAY) {
          return ResponseDefinitionBuilder.like(def)
              .withFixedDelay((int) fault.delay().toMillis())
              .build();
        }
        return def;
      } catch (Exception e) {
        return plain(
            500,
            "{\"sandbox_error\":\"emulator failed: "
                + String.valueOf(e).replace("\"", "'").replace("\\", "/")
                + "\"}");
      }
    }
  }

  /** Returns the added account whose token the request carries, if any. */
  private Account accountOf(
      Platform platform,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body,
      List<SandboxRequest.Part> parts) {
    List<Account> list = accounts.get(platform);
    if (list == null || list.isEmpty()) {
      return null;
    }
    StringBuilder where = new StringBuilder();
    where.append(rawQuery == null ? "" : rawQuery).append('\n');
    headers.forEach((k, v) -> where.append(v).append('\n'));
    if (body != null && body.length > 0 && body.length < 1_000_000 && isText(body)) {
      where.append(new String(body, StandardCharsets.UTF_8));
    }
    for (SandboxRequest.Part pt : parts) {
      if (pt.body().length < 4096 && isText(pt.body())) {
        where.append('\n').append(pt.text());
      }
    }
    String all = where.toString();
    for (Account a : list) {
      if (all.contains(a.token)) {
        return a;
      }
    }
    return null;
  }

  private static String swap(String s, String[] from, String[] to) {
    String out = s;
    for (int i = 0; i < from.length; i++) {
      if (from[i] != null && to[i] != null) {
        out = out.replace(from[i], to[i]);
      }
    }
    return out;
  }

  private static boolean isText(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  private static Map<String, List<String>> headers(Request r) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    HttpHeaders all = r.getHeaders();
    if (all != null) {
      for (HttpHeader header : all.all()) {
        h.put(header.key().toLowerCase(Locale.ROOT), header.values());
      }
    }
    return h;
  }

  private static List<SandboxRequest.Part> parts(Request r) {
    if (!r.isMultipart()) {
      return List.of();
    }
    List<SandboxRequest.Part> out = new ArrayList<>();
    for (Request.Part p : r.getParts()) {
      HttpHeader ct = p.getHeader("Content-Type");
      out.add(
          new SandboxRequest.Part(
              p.getName(),
              p.getFileName(),
              ct != null && ct.isPresent() ? ct.firstValue() : null,
              p.getBody().asBytes()));
    }
    return out;
  }

  private static ResponseDefinition plain(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static ResponseDefinition toDefinition(SandboxResponse resp) {
    ResponseDefinitionBuilder b =
        ResponseDefinitionBuilder.responseDefinition().withStatus(resp.status());
    resp.headers().forEach(b::withHeader);
    if (resp.body().length > 0) {
      b.withBody(resp.body());
    }
    return b.build();
  }

  /** Builds a {@link Sandbox}. Mutable, not thread-safe. */
  public static final class Builder {
    private int port;
    private boolean strict;
    private long seed = 42;
    private Clock clock = Clock.systemUTC();
    private int threads = 20;

    private Builder() {}

    /** Sets the port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Turns strict mode on: requests are checked against the official specs. Default off. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Sets the seed of ids, metrics and comments. Default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the clock. Default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets the server's worker threads. Default 20. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Starts the sandbox. */
    public Sandbox build() {
      return new Sandbox(this);
    }
  }
}
