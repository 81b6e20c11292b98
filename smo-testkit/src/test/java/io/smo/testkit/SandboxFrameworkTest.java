package io.smo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Platform;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as a server: ports, base URLs, routing of unknown and not-emulated platforms,
 * describe.
 */
class SandboxFrameworkTest {
  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean canBind(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void startsOnAFreeLoopbackPortAndFreesItOnClose() throws Exception {
    int port;
    try (Sandbox a = Sandbox.start();
        Sandbox b = Sandbox.start()) {
      port = a.port();
      assertThat(port).isPositive();
      assertThat(b.port()).isPositive().isNotEqualTo(port);
      assertThat(canBind(port)).as("port in use while running").isFalse();
      assertThat(new RawHttp(a).get(Platform.TWITTER, "2/users/me").status()).isEqualTo(200);
    }
    assertThat(canBind(port)).as("port freed by close").isTrue();
  }

  @Test
  void listensOnTheRequestedPort() throws Exception {
    int port = freePort();
    try (Sandbox s = Sandbox.builder().port(port).build()) {
      assertThat(s.port()).isEqualTo(port);
      assertThat(s.baseUrl(Platform.FACEBOOK))
          .hasToString("http://127.0.0.1:" + port + "/facebook/");
    }
  }

  @Test
  void builderRejectsPortsOutOfRange() {
    assertThatThrownBy(() -> Sandbox.builder().port(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sandbox.builder().port(65536))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void baseUrlIsLoopbackPortAndPlatformId() {
    try (Sandbox s = Sandbox.builder().seed(7).build()) {
      for (Platform p : Platform.values()) {
        assertThat(s.baseUrl(p)).hasToString("http://127.0.0.1:" + s.port() + "/" + p.id() + "/");
      }
      assertThat(s.strict()).isFalse();
    }
  }

  @Test
  void unknownPlatformPrefixIs404() throws Exception {
    try (Sandbox s = Sandbox.start()) {
      RawHttp.Answer a = new RawHttp(s).raw("/myspace/v1/posts");
      assertThat(a.status()).isEqualTo(404);
      assertThat(a.body())
          .contains("sandbox_error")
          .contains("unknown platform prefix in /myspace/v1/posts");
      assertThat(new RawHttp(s).raw("/").status()).isEqualTo(404);
    }
  }

  @Test
  void platformWithoutEmulatorIs501() throws Exception {
    try (Sandbox s = Sandbox.start()) {
      Optional<Platform> missing =
          Arrays.stream(Platform.values()).filter(p -> !s.emulates(p)).findFirst();
      Assumptions.assumeTrue(
          missing.isPresent(), "every platform is emulated now: nothing answers 501");
      Platform p = missing.get();
      RawHttp.Answer a = new RawHttp(s).get(p, "anything");
      assertThat(a.status()).isEqualTo(501);
      assertThat(a.body()).contains(p.id() + " is not emulated");
      assertThatThrownBy(() -> s.credentials(p))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not emulated");
      assertThatThrownBy(() -> s.emulator(p)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void emulatedPlatformsHaveCredentialsAndEmulators() {
    try (Sandbox s = Sandbox.start()) {
      for (Platform p : new Platform[] {Platform.TWITTER, Platform.FACEBOOK}) {
        assertThat(s.emulates(p)).isTrue();
        assertThat(s.emulator(p).platform()).isEqualTo(p);
        assertThat(s.credentials(p).accessToken()).isNotBlank();
        assertThat(s.credentials(p).toString()).doesNotContain(s.credentials(p).accessToken());
      }
    }
  }

  @Test
  void describeListsEveryPlatformWithUrlAndTokenOrNotEmulated() {
    try (Sandbox s = Sandbox.start()) {
      String d = SandboxMain.describe(s);
      assertThat(d).startsWith("SMO sandbox listening on 127.0.0.1:" + s.port() + "\n");
      assertThat(d.lines().count()).isEqualTo(1 + Platform.values().length);
      for (Platform p : Platform.values()) {
        String line =
            d.lines().filter(l -> l.trim().startsWith(p.id() + " ")).findFirst().orElseThrow();
        assertThat(line).contains(s.baseUrl(p).toString());
        if (s.emulates(p)) {
          assertThat(line)
              .contains("token=" + s.credentials(p).accessToken())
              .contains("account=" + s.credentials(p).accountId());
        } else {
          assertThat(line).endsWith("(not emulated)");
        }
      }
    }
  }
}
