package io.smo.scheduler.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.AgeRange;
import io.smo.core.Audience;
import io.smo.core.Gender;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.Post;
import io.smo.core.ReplyPolicy;
import io.smo.core.SmoInternalApi;
import io.smo.core.TextOverflow;
import io.smo.core.Visibility;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Stores a {@link Post} as JSON and reads it back, so a scheduled post survives restarts.
 *
 * <p>Per-platform options are stored generically from the conventions every options class follows
 * (an accessor per setting, a static {@code builder()} whose setter has the accessor's name): each
 * accessor's value is written, and read back through the builder setter of the same name. {@link
 * #checkRoundTrip(Post)} proves at schedule time that a post's options survive the trip.
 */
@SmoInternalApi
public final class PostCodec {
  private static final Set<String> SKIP =
      Set.of(
          "platform",
          "toBuilder",
          "toString",
          "hashCode",
          "getClass",
          "equals",
          "notify",
          "notifyAll",
          "wait");

  private final ObjectMapper json;

  /** Creates a codec writing with {@code json}. */
  public PostCodec(ObjectMapper json) {
    this.json = json;
  }

  /** Encodes a post. */
  public String encode(Post post) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("text", post.text());
    ArrayNode media = o.putArray("media");
    for (Media m : post.media()) {
      ObjectNode n = media.addObject();
      n.put("source", m.sourceType().name());
      m.file().ifPresent(f -> n.put("path", f.toAbsolutePath().toString()));
      m.url().ifPresent(u -> n.put("url", u.toString()));
      m.bytes().ifPresent(b -> n.put("bytes", Base64.getEncoder().encodeToString(b)));
      if (m.sourceType() == Media.SourceType.URL) {
        n.put("kind", m.kind().name());
      }
      m.altText().ifPresent(a -> n.put("alt", a));
    }
    post.link().ifPresent(l -> o.put("link", l.toString()));
    Audience a = post.audience();
    ObjectNode an = o.putObject("audience");
    an.put("visibility", a.visibility().name());
    an.put("replyPolicy", a.replyPolicy().name());
    strings(an.putArray("countries"), a.countries());
    strings(an.putArray("regions"), a.regions());
    strings(an.putArray("cities"), a.cities());
    ArrayNode langs = an.putArray("languages");
    a.languages().forEach(l -> langs.add(l.toLanguageTag()));
    a.ageRange()
        .ifPresent(
            r -> {
              r.min().ifPresent(v -> an.put("ageMin", v));
              r.max().ifPresent(v -> an.put("ageMax", v));
            });
    ArrayNode genders = an.putArray("genders");
    a.genders().forEach(g -> genders.add(g.name()));
    strings(an.putArray("interests"), a.interests());
    an.put("dropUnsupported", a.dropUnsupported());
    post.scheduledAt().ifPresent(s -> o.put("scheduledAt", s.toString()));
    o.put("idempotencyKey", post.idempotencyKey());
    o.put("textOverflow", post.textOverflow().name());
    strings(o.putArray("thread"), post.thread());
    ObjectNode opts = o.putObject("options");
    for (Map.Entry<Platform, PlatformOptions> e : post.allOptions().entrySet()) {
      ObjectNode on = opts.putObject(e.getKey().name());
      on.put("class", e.getValue().getClass().getName());
      on.set("values", encodeOptions(e.getValue()));
    }
    return o.toString();
  }

  /**
   * Decodes a post.
   *
   * @throws IllegalArgumentException if the JSON or an options class cannot be read
   */
  public Post decode(String text) {
    try {
      JsonNode o = json.readTree(text);
      Post.Builder b = Post.builder().text(o.path("text").asText(""));
      for (JsonNode n : o.path("media")) {

        Media m =
            switch (Media.SourceType.valueOf(n.path("source").asText())) {
              case FILE -> Media.fromFile(Path.of(n.path("path").asText()));
              case URL ->
                  Media.fromUrl(
                      URI.create(n.path("url").asText()),
                      MediaKind.valueOf(n.path("kind").asText()));
              default -> Media.fromBytes(Base64.getDecoder().decode(n.path("bytes").asText()));
            };
        if (n.hasNonNull("alt")) {
          m = m.withAltText(n.get("alt").asText());
        }
        b.addMedia(m);
      }
      if (o.hasNonNull("link")) {
        b.link(URI.create(o.get("link").asText()));
      }
      JsonNode an = o.path("audience");
      Audience.Builder ab =
          Audience.builder()
              .visibility(Visibility.valueOf(an.path("visibility").asText("PUBLIC")))
              .replyPolicy(ReplyPolicy.valueOf(an.path("replyPolicy").asText("EVERYONE")))
              .countries(list(an.path("countries")))
              .regions(list(an.path("regions")))
              .cities(list(an.path("cities")))
              .interests(list(an.path("interests")))
              .dropUnsupported(an.path("dropUnsupported").asBoolean(false));
      List<Locale> langs = new ArrayList<>();
      for (String t : list(an.path("languages"))) {
        langs.add(Locale.forLanguageTag(t));
      }
      ab.languages(langs);
      List<Gender> genders = new ArrayList<>();
      for (String g : list(an.path("genders"))) {
        genders.add(Gender.valueOf(g));
      }
      ab.genders(genders);
      if (an.has("ageMin") && an.has("ageMax")) {
        ab.ageRange(AgeRange.of(an.get("ageMin").asInt(), an.get("ageMax").asInt()));
      } else if (an.has("ageMin")) {
        ab.ageRange(AgeRange.atLeast(an.get("ageMin").asInt()));
      }
      b.audience(ab.build());
      if (o.hasNonNull("scheduledAt")) {
        b.scheduledAt(Instant.parse(o.get("scheduledAt").asText()));
      }
      b.idempotencyKey(o.path("idempotencyKey").asText());
      b.textOverflow(TextOverflow.valueOf(o.path("textOverflow").asText("REJECT")));
      b.thread(list(o.path("thread")));
      for (JsonNode on : o.path("options")) {
        b.option(decodeOptions(on.path("class").asText(), on.path("values")));
      }
      return b.build();
    } catch (RuntimeException | java.io.IOException | ReflectiveOperationException e) {
      throw new IllegalArgumentException("stored post cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Checks that the post's options survive encoding and decoding unchanged.
   *
   * @return the platforms whose options cannot be stored; empty when all can
   */
  public List<Platform> checkRoundTrip(Post post) {
    List<Platform> bad = new ArrayList<>();
    for (Map.Entry<Platform, PlatformOptions> e : post.allOptions().entrySet()) {
      try {
        JsonNode first = encodeOptions(e.getValue());
        PlatformOptions back = decodeOptions(e.getValue().getClass().getName(), first);
        if (!first.equals(encodeOptions(back))) {
          bad.add(e.getKey());
        }
      } catch (RuntimeException | ReflectiveOperationException ex) {
        bad.add(e.getKey());
      }
    }
    return bad;
  }

  private static void strings(ArrayNode a, Collection<String> values) {
    values.forEach(a::add);
  }

  private static List<String> list(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(n -> out.add(n.asText()));
    return out;
  }

  private ObjectNode encodeOptions(PlatformOptions options) {
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    for (Method m : options.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || SKIP.contains(m.getName())
          || m.getDeclaringClass() == Object.class
          || m.getReturnType() == void.class) {
        continue;
      }
      Object v;
      try {
        v = m.invoke(options);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("cannot read option " + m.getName(), e);
      }
      JsonNode n = encodeValue(v);
      if (n != null) {
        values.set(m.getName(), n);
      }
    }
    return values;
  }

  private JsonNode encodeValue(Object v) {
    if (v instanceof Optional) {
      return ((Optional<?>) v).map(this::encodeValue).orElse(null);
    }
    if (v instanceof OptionalInt optionalInt) {
      return optionalInt.isPresent() ? json.valueToTree(optionalInt.getAsInt()) : null;
    }
    if (v instanceof OptionalLong optionalLong) {
      return optionalLong.isPresent() ? json.valueToTree(optionalLong.getAsLong()) : null;
    }
    if (v instanceof OptionalDouble optionalDouble) {
      return optionalDouble.isPresent() ? json.valueToTree(optionalDouble.getAsDouble()) : null;
    }
    if (v == null) {
      return null;
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return json.valueToTree(v);
    }
    if (v instanceof Enum) {
      return JsonNodeFactory.instance.textNode(((Enum<?>) v).name());
    }
    if (v instanceof Instant
        || v instanceof Duration
        || v instanceof URI
        || v instanceof LocalDate) {
      return JsonNodeFactory.instance.textNode(v.toString());
    }
    if (v instanceof Path path) {
      return JsonNodeFactory.instance.textNode(path.toAbsolutePath().toString());
    }
    if (v instanceof Locale locale) {
      return JsonNodeFactory.instance.textNode(locale.toLanguageTag());
    }
    if (v instanceof Collection) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      for (Object e : (Collection<?>) v) {
        JsonNode n = encodeValue(e);
        if (n == null) {
          throw new IllegalArgumentException("unsupported element " + e);
        }
        a.add(n);
      }
      return a;
    }
    if (v instanceof Map) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        o.set(String.valueOf(e.getKey()), encodeValue(e.getValue()));
      }
      return o;
    }
    throw new IllegalArgumentException(
        "option value of type " + v.getClass().getName() + " cannot be stored");
  }

  private PlatformOptions decodeOptions(String className, JsonNode values)
      throws ReflectiveOperationException {
    Class<?> c = Class.forName(className);
    Method builderFactory = c.getMethod("builder");
    Object builder = builderFactory.invoke(null);
    var it = values.fields();
    while (it.hasNext()) {
      var e = it.next();
      boolean applied = false;
      for (Method m : builder.getClass().getMethods()) {
        if (!m.getName().equals(e.getKey()) || m.getParameterCount() != 1) {
          continue;
        }
        try {
          Object arg =
              convert(e.getValue(), m.getParameterTypes()[0], m.getGenericParameterTypes()[0]);
          m.invoke(builder, arg);
          applied = true;
          break;
        } catch (IllegalArgumentException | java.lang.reflect.InvocationTargetException ex) {
          // try the next overload
        }
      }
      if (!applied && e.getValue().isArray()) {
        // a plural accessor with a singular adder, e.g. userTags() and userTag(UserTag)
        String singular =
            e.getKey().endsWith("s") ? e.getKey().substring(0, e.getKey().length() - 1) : null;
        for (Method m : builder.getClass().getMethods()) {
          if (singular != null && m.getName().equals(singular) && m.getParameterCount() == 1) {
            try {
              for (JsonNode item : e.getValue()) {
                m.invoke(
                    builder,
                    convert(item, m.getParameterTypes()[0], m.getGenericParameterTypes()[0]));
              }
              applied = true;
              break;
            } catch (IllegalArgumentException | java.lang.reflect.InvocationTargetException ex) {
              // try the next overload
            }
          }
        }
      }
      if (!applied
          && (e.getValue().isArray() || e.getValue().isObject())
          && e.getValue().isEmpty()) {
        applied = true; // an empty collection is the builder's default
      }
      if (!applied) {
        throw new IllegalArgumentException(
            "no builder setter for option " + e.getKey() + " of " + className);
      }
    }
    return (PlatformOptions) builder.getClass().getMethod("build").invoke(builder);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object convert(JsonNode n, Class<?> type, Type generic) {
    if (type == String.class) {
      if (!n.isTextual()) {
        throw new IllegalArgumentException("not text");
      }
      return n.asText();
    }
    if (type == int.class || type == Integer.class) {
      requireNumber(n);
      return n.asInt();
    }
    if (type == long.class || type == Long.class) {
      requireNumber(n);
      return n.asLong();
    }
    if (type == double.class || type == Double.class) {
      requireNumber(n);
      return n.asDouble();
    }
    if (type == boolean.class || type == Boolean.class) {
      if (!n.isBoolean()) {
        throw new IllegalArgumentException("not boolean");
      }
      return n.asBoolean();
    }
    if (type.isEnum()) {
      return Enum.valueOf((Class) type, n.asText());
    }
    if (type == Instant.class) {
      return Instant.parse(n.asText());
    }
    if (type == Duration.class) {
      return Duration.parse(n.asText());
    }
    if (type == URI.class) {
      return URI.create(n.asText());
    }
    if (type == LocalDate.class) {
      return LocalDate.parse(n.asText());
    }
    if (type == Path.class) {
      return Path.of(n.asText());
    }
    if (type == Locale.class) {
      return Locale.forLanguageTag(n.asText());
    }
    if (Collection.class.isAssignableFrom(type) && n.isArray()) {
      Type elem =
          generic instanceof ParameterizedType parameterizedType
              ? parameterizedType.getActualTypeArguments()[0]
              : String.class;
      Class<?> ec = elem instanceof Class ? (Class<?>) elem : String.class;
      Collection<Object> out =
          Set.class.isAssignableFrom(type) ? new LinkedHashSet<>() : new ArrayList<>();
      for (JsonNode e : n) {
        out.add(convert(e, ec, ec));
      }
      return out;
    }
    if (Map.class.isAssignableFrom(type) && n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      Type vt =
          generic instanceof ParameterizedType parameterizedType
              ? parameterizedType.getActualTypeArguments()[1]
              : String.class;
      Class<?> vc = vt instanceof Class ? (Class<?>) vt : String.class;
      n.fields().forEachRemaining(e -> out.put(e.getKey(), convert(e.getValue(), vc, vc)));
      return out;
    }
    if (type.isArray() && n.isArray()) {
      Class<?> component = type.getComponentType();
      Object array = java.lang.reflect.Array.newInstance(component, n.size());
      for (int i = 0; i < n.size(); i++) {
        java.lang.reflect.Array.set(array, i, convert(n.get(i), component, component));
      }
      return array;
    }
    throw new IllegalArgumentException("cannot convert to " + type.getName());
  }

  private static void requireNumber(JsonNode n) {
    if (!n.isNumber()) {
      throw new IllegalArgumentException("not a number");
    }
  }
}
