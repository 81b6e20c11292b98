package io.smo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code @SandboxTest(isolation = PER_METHOD)}: each test starts from a fresh sandbox's state. */
@SandboxTest(isolation = SandboxTest.Isolation.PER_METHOD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxIsolationTest {
  private static int port;

  @Test
  @Order(1)
  void firstTestCreatesAPost(Sandbox sandbox) throws Exception {
    port = sandbox.port();
    assertThat(new RawHttp(sandbox).tweet("from test 1").status()).isEqualTo(201);
    assertThat(sandbox.created(Platform.TWITTER, "post")).hasSize(1);
  }

  @Test
  @Order(2)
  void secondTestDoesNotSeeIt(Sandbox sandbox) throws Exception {
    assertThat(port).as("test 1 ran first").isNotZero();
    assertThat(sandbox.port()).isEqualTo(port); // same server, state reset
    assertThat(sandbox.created(Platform.TWITTER)).isEmpty();
    assertThat(new RawHttp(sandbox).tweet("from test 2").status()).isEqualTo(201);
    assertThat(sandbox.created(Platform.TWITTER, "post")).hasSize(1);
  }
}
