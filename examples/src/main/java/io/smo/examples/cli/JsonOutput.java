package io.smo.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.Violation;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --json} output of the command line, shared by every command that offers it: one JSON
 * document on stdout (human messages, progress and errors stay on stderr), with every key of a
 * shape always present ({@code null} when it has no value) so scripts can rely on it.
 *
 * <p>Every document starts with {@code "version": 1} (raised only when a key changes meaning or
 * disappears) and {@code "command"}. The shapes are documented in {@code examples/README.md} ("JSON
 * output"). Commands add the option with {@code @CommandLine.Mixin JsonOutput.Flag json;} and build
 * documents with {@link #document(String)}, {@link #violation(Violation)} and {@link
 * #outcome(PlatformOutcome, Session)}.
 */
final class JsonOutput {
  private JsonOutput() {}

  /** The version of the documented shapes. */
  static final int VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The {@code --json} option, to mix into a command. */
  static final class Flag {
    @Option(
        names = "--json",
        description =
            "Print one JSON document on stdout (shape: examples/README.md, \"JSON output\"); messages stay on stderr.")
    boolean json;

    /** Returns whether {@code --json} was given. */
    boolean on() {
      return json;
    }
  }

  /** Returns a new document: {@code {"version": 1, "command": command}}. */
  static ObjectNode document(String command) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("version", VERSION);
    doc.put("command", command);
    return doc;
  }

  /** Returns an empty array, to add objects to. */
  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /**
   * Returns a violation: {@code {"platform", "field", "rule", "actual", "limit", "message"}}
   * ({@code platform} is the platform id, or null for a campaign-wide problem).
   */
  static ObjectNode violation(Violation v) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("platform", v.platform() == null ? null : v.platform().id());
    o.put("field", v.field());
    o.put("rule", v.rule());
    o.put("actual", v.actual());
    o.put("limit", v.limit());
    o.put("message", v.message());
    return o;
  }

  /** Returns the violations as an array of {@link #violation(Violation)} objects. */
  static ArrayNode violations(List<Violation> list) {
    ArrayNode a = array();
    list.forEach(v -> a.add(violation(v)));
    return a;
  }

  /**
   * Returns one publish outcome: {@code {"platform", "outcome", "id", "url", "sandbox", "reason",
   * "violations"}}; {@code outcome} is {@code published}, {@code failed}, {@code unknown} or {@code
   * skipped}; {@code id} and {@code url} are null unless published ({@code url} also when the
   * platform gives none); {@code sandbox} is true when the post exists only in the embedded
   * sandbox; {@code reason} is null when published.
   */
  static ObjectNode outcome(PlatformOutcome o, Session session) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("platform", o.platform().id());
    n.put("outcome", o.status().name().toLowerCase(Locale.ROOT));
    n.put("id", o.published().map(p -> p.id()).orElse(null));
    n.put("url", o.published().flatMap(p -> p.url()).map(Object::toString).orElse(null));
    n.put("sandbox", session != null && session.onSandbox(o.platform()));
    n.put("reason", o.published().isPresent() ? null : o.reason());
    n.set("violations", violations(o.violations()));
    return n;
  }

  /** Returns {@code {"platform", "valid", "violations"}} for a validation report entry. */
  static ObjectNode validation(Platform p, List<Violation> list) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("platform", p.id());
    n.put("valid", list.isEmpty());
    n.set("violations", violations(list));
    return n;
  }

  /** Prints {@code doc} on {@code out} (indented, one document, a final newline). */
  static void print(PrintStream out, Object doc) {
    try {
      out.println(MAPPER.writeValueAsString(doc));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
