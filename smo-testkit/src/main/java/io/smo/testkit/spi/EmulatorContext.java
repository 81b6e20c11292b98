package io.smo.testkit.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.testkit.Fault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** What the sandbox offers an emulator: time, ids, its own base URL, records and faults. */
@SmoProtectedApi
public interface EmulatorContext {
  /** Returns the current instant (the sandbox's clock). */
  Instant now();

  /** Returns the sandbox's seed (deterministic ids, metrics and comments). */
  long seed();

  /**
   * Returns the next numeric id of this platform's sequence, as digits (e.g. {@code
   * 1790000000000000001}).
   */
  String nextId();

  /** Returns the absolute base URL of this platform on the sandbox, ending with {@code /}. */
  URI baseUrl();

  /** Records something really created, for {@link io.smo.testkit.Sandbox#created(Platform)}. */
  void recordCreated(String kind, String id, JsonNode body);

  /** Records a deletion, so {@code created} no longer lists it. */
  void recordDeleted(String id);

  /** Returns the fault being applied to this request, when the emulator asked to handle it. */
  Optional<Fault.Kind> activeFault();

  /** Returns a shared Jackson mapper. */
  ObjectMapper json();

  /** Returns whether the sandbox runs in strict mode. */
  boolean strict();

  /** Returns the folder of the shared specs and fixtures, when present. */
  Optional<Path> sharedDir();

  /**
   * Returns the id of the account added with {@link io.smo.testkit.Sandbox#addAccount} that makes
   * the current request, or empty for the main account. The sandbox already gives the emulator the
   * main account's token and ids; an emulator needs this only for per-account rules (X's
   * duplicate-content check).
   */
  default Optional<String> account() {
    return Optional.empty();
  }
}
