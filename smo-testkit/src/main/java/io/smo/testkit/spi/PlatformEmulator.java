package io.smo.testkit.spi;

import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.testkit.Fault;
import io.smo.testkit.SandboxCredentials;
import java.util.List;

/**
 * Emulates one platform's HTTP API with state. One class per platform, named {@code
 * io.smo.testkit.emulator.<Platform>Emulator} (e.g. {@code TwitterEmulator}) with a public
 * no-argument constructor; the {@link io.smo.testkit.Sandbox} finds it by that name.
 *
 * <p>The sandbox calls an emulator from one thread at a time (it holds a lock per emulator), so
 * implementations need no synchronization of their own.
 */
@SmoProtectedApi
public interface PlatformEmulator {
  /** Returns the platform. */
  Platform platform();

  /** Returns the credentials the emulator accepts (fixed per seed). */
  SandboxCredentials credentials();

  /**
   * Answers one request with the platform's real wire format, changing state as the platform would.
   * Requests the platform would refuse get the platform's own error body.
   */
  SandboxResponse handle(SandboxRequest request, EmulatorContext context) throws Exception;

  /**
   * Returns the platform's own answer for a fault that needs one ({@code HTTP_429}, {@code
   * HTTP_5XX}, {@code EXPIRED_TOKEN}, {@code DUPLICATE_CONTENT}), or {@code null} to handle the
   * request normally with {@link EmulatorContext#activeFault()} set (e.g. {@code
   * MEDIA_PROCESSING_FAILURE}: the upload is created, then fails processing).
   */
  SandboxResponse faultResponse(Fault.Kind kind, SandboxRequest request, EmulatorContext context);

  /**
   * Checks a request against the platform's official machine-readable description, where one exists
   * (X and Pinterest OpenAPI, YouTube discovery document). Called in strict mode only.
   *
   * @return the mismatches; empty when the request conforms
   */
  default List<String> validateStrict(SandboxRequest request, EmulatorContext context) {
    return List.of();
  }
}
