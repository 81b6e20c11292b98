package io.smo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** End to end: the sandbox delivers signed events to {@code smo listen}, which prints each once. */
class ListenCmdTest {

  @Test
  void sandboxDeliversSignedEventsToListenWhichPrintsThemAsJson() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        SmoCli.run(
            new String[] {
              "listen",
              "--port",
              Integer.toString(port),
              "--bind",
              "127.0.0.1",
              "--sandbox",
              "--activity",
              "5",
              "--max-events",
              "5",
              "--json"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, stderr);
    assertTrue(stderr.contains("handshakes: meta challenge ok, x crc ok, websub ok"), stderr);
    assertTrue(stderr.contains("/webhooks/meta"), stderr);
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    assertEquals(5, lines.length, out.toString(StandardCharsets.UTF_8));
    Set<String> kinds = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (String line : lines) {
      JsonNode n = new ObjectMapper().readTree(line);
      kinds.add(n.path("kind").asText());
      keys.add(n.path("dedupKey").asText());
      assertTrue(n.has("raw") && n.has("platform") && n.has("account"), line);
    }
    assertEquals(5, keys.size());
    assertEquals(Set.of("comment.created", "message.received", "mention"), kinds);
  }

  @Test
  void withInboxTheEventsAreForwardedToTheUnifiedInboxAndYieldedOnce() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        SmoCli.run(
            new String[] {
              "listen",
              "--port",
              Integer.toString(port),
              "--bind",
              "127.0.0.1",
              "--sandbox",
              "--activity",
              "6",
              "--max-events",
              "6",
              "--json",
              "--inbox"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, stderr);
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    int forwarded = 0;
    Set<String> forwardedIds = new HashSet<>();
    Set<String> inboxRefs = new HashSet<>();
    int inboxRows = 0;
    for (String line : lines) {
      if (line.startsWith("inbox ")) {
        inboxRows++;
        inboxRefs.add(line.split(" ")[4]);
        continue;
      }
      JsonNode n = new ObjectMapper().readTree(line);
      assertTrue(n.has("forwardedToInbox"), line);
      if (n.path("forwardedToInbox").asBoolean()) {
        forwarded++;
        forwardedIds.add(n.path("id").asText());
      }
    }
    assertTrue(forwarded > 0, out.toString(StandardCharsets.UTF_8));
    assertTrue(
        stderr.contains("inbox: " + forwarded + " event(s) forwarded from webhooks"), stderr);
    assertEquals(inboxRows, inboxRefs.size(), "an inbox item was yielded twice: " + out);
    for (String id : forwardedIds) {
      assertTrue(
          inboxRefs.stream().anyMatch(r -> r.contains(id)), id + " not in the inbox: " + out);
    }
  }

  @Test
  void withoutSecretsItSaysWhatToConfigure() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        SmoCli.run(
            new String[] {"listen", "--port", "0"},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());
    assertEquals(2, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("SMO_META_APP_SECRET"));
  }
}
