package io.smo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import org.junit.jupiter.api.Test;

/**
 * {@link Sandbox#reset()}: a sandbox in use answers like a fresh one afterwards, on the same port.
 */
class SandboxResetTest {
  @Test
  void resetForgetsStateFaultsAndViolationsAndRestartsIds() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().seed(7).build();
        Sandbox fresh = Sandbox.builder().seed(7).build()) {
      RawHttp http = new RawHttp(sandbox);
      int port = sandbox.port();
      String token = sandbox.credentials(Platform.TWITTER).accessToken();
      RawHttp.Answer first = http.tweet("before reset");
      assertThat(first.status()).isEqualTo(201);
      String firstId = sandbox.created(Platform.TWITTER, "post").get(0).id();
      sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.HTTP_5XX).times(5));

      sandbox.reset();

      assertThat(sandbox.port()).isEqualTo(port);
      assertThat(sandbox.credentials(Platform.TWITTER).accessToken()).isEqualTo(token);
      assertThat(sandbox.created(Platform.TWITTER)).isEmpty();
      // X answers a lookup of an unknown post with 200 and an errors array
      assertThat(http.get(Platform.TWITTER, "2/tweets/" + firstId).body())
          .doesNotContain("before reset")
          .contains("errors");
      // the fault is gone and ids start again where a fresh sandbox of the same seed starts
      assertThat(http.tweet("after reset").status()).isEqualTo(201);
      assertThat(new RawHttp(fresh).tweet("fresh").status()).isEqualTo(201);
      assertThat(sandbox.created(Platform.TWITTER, "post").get(0).id())
          .isEqualTo(fresh.created(Platform.TWITTER, "post").get(0).id())
          .isEqualTo(firstId);
    }
  }

  @Test
  void resetForgetsStrictViolations() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().strict(true).build()) {
      // the first strict request parses the X description (seconds on a busy machine)
      new RawHttp(sandbox, java.time.Duration.ofSeconds(120)).tweet("ok");
      sandbox.reset();
      assertThat(sandbox.strictViolations()).isEmpty();
    }
  }
}
