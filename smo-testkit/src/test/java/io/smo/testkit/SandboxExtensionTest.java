package io.smo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.smo.core.Platform;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * {@link SandboxTest} / {@link SandboxExtension}: one sandbox per class injected into the
 * constructor, lifecycle methods and tests; faults cleared after each test; strict-mode mismatches
 * fail the test that caused them (checked by calling the extension directly).
 */
@SandboxTest(seed = 1234)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxExtensionTest {
  private static Sandbox firstSeen;
  private final Sandbox fromConstructor;
  private Sandbox fromBeforeEach;

  SandboxExtensionTest(Sandbox sandbox) {
    this.fromConstructor = sandbox;
  }

  @BeforeEach
  void before(Sandbox sandbox) {
    fromBeforeEach = sandbox;
  }

  @Test
  @Order(1)
  void injectsTheClassSandboxEverywhere(Sandbox sandbox) throws Exception {
    firstSeen = sandbox;
    assertThat(sandbox).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
    assertThat(sandbox.strict()).isFalse();
    // the annotation's seed reaches the emulators (tokens are derived from it)
    try (Sandbox seeded = Sandbox.builder().seed(1234).build()) {
      assertThat(sandbox.credentials(Platform.TWITTER).accessToken())
          .isEqualTo(seeded.credentials(Platform.TWITTER).accessToken());
    }
    // a fault left over for the next test: the extension must clear it after this one
    sandbox.inject(Platform.TWITTER, Fault.of(Fault.Kind.HTTP_5XX).times(10));
    assertThat(new RawHttp(sandbox).get(Platform.TWITTER, "2/users/me").status()).isEqualTo(503);
  }

  @Test
  @Order(2)
  void theNextTestGetsTheSameSandboxWithFaultsCleared(Sandbox sandbox) throws Exception {
    assertThat(firstSeen).as("test 1 ran first").isNotNull();
    assertThat(sandbox).isSameAs(firstSeen).isSameAs(fromConstructor);
    assertThat(new RawHttp(sandbox).get(Platform.TWITTER, "2/users/me").status()).isEqualTo(200);
  }

  /** Stands for a user's test class in strict mode. */
  @SandboxTest(strict = true)
  static final class StrictUserTest {
    @SuppressWarnings("unused")
    void method(Sandbox sandbox, String other) {}
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ExtensionContext context(Class<?> testClass, Map<Object, Object> store) {
    ExtensionContext ctx = mock(ExtensionContext.class);
    ExtensionContext.Store s = mock(ExtensionContext.Store.class);
    when(ctx.getRequiredTestClass()).thenReturn((Class) testClass);
    when(ctx.getTestMethod()).thenReturn(Optional.empty());
    when(ctx.getParent()).thenReturn(Optional.empty());
    when(ctx.getStore(any())).thenReturn(s);
    when(s.getOrComputeIfAbsent(any(), any(Function.class), any(Class.class)))
        .thenAnswer(
            inv ->
                store.computeIfAbsent(
                    inv.getArgument(0),
                    k -> ((Function<Object, Object>) inv.getArgument(1)).apply(k)));
    return ctx;
  }

  private static ParameterContext parameter(int index) throws Exception {
    Parameter p =
        StrictUserTest.class.getDeclaredMethod("method", Sandbox.class, String.class)
            .getParameters()[index];
    ParameterContext pc = mock(ParameterContext.class);
    when(pc.getParameter()).thenReturn(p);
    return pc;
  }

  @Test
  @Order(3)
  void resolvesOnlySandboxParameters() throws Exception {
    SandboxExtension ext = new SandboxExtension();
    ExtensionContext ctx = context(StrictUserTest.class, new HashMap<>());
    assertThat(ext.supportsParameter(parameter(0), ctx)).isTrue();
    assertThat(ext.supportsParameter(parameter(1), ctx)).isFalse();
  }

  @Test
  @Order(4)
  void strictViolationsFailTheTestThenAreForgottenWithTheFaults() throws Exception {
    SharedFixtures.require("specs/x-api-v2-openapi.json");
    SandboxExtension ext = new SandboxExtension();
    ExtensionContext ctx = context(StrictUserTest.class, new HashMap<>());
    Sandbox s = (Sandbox) ext.resolveParameter(parameter(0), ctx);
    try {
      assertThat(s.strict()).isTrue();
      assertThat(ext.resolveParameter(parameter(0), ctx)).as("one per class").isSameAs(s);
      ext.beforeEach(ctx);
      s.inject(Platform.TWITTER, Fault.of(Fault.Kind.HTTP_5XX).times(3));
      RawHttp http = new RawHttp(s);
      // a path X's OpenAPI description does not have
      RawHttp.Answer a = http.get(Platform.TWITTER, "2/tweetz");
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.body()).contains("sandbox_strict_violation");
      assertThat(s.strictViolations())
          .singleElement()
          .asString()
          .startsWith("twitter GET /2/tweetz: ");

      assertThatThrownBy(() -> ext.afterEach(ctx))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("requests broke the official spec (strict sandbox)")
          .hasMessageContaining("twitter GET /2/tweetz");
      assertThat(s.strictViolations()).isEmpty();
      assertThat(http.get(Platform.TWITTER, "2/users/me").status())
          .as("faults cleared")
          .isEqualTo(200);
      assertThatCode(() -> ext.afterEach(ctx)).as("a clean test passes").doesNotThrowAnyException();
    } finally {
      s.close();
    }
  }

  @Test
  @Order(5)
  void beforeEachForgetsViolationsOfEarlierWork() throws Exception {
    SharedFixtures.require("specs/x-api-v2-openapi.json");
    SandboxExtension ext = new SandboxExtension();
    ExtensionContext ctx = context(StrictUserTest.class, new HashMap<>());
    Sandbox s = (Sandbox) ext.resolveParameter(parameter(0), ctx);
    try {
      new RawHttp(s).get(Platform.TWITTER, "2/tweetz");
      assertThat(s.strictViolations()).hasSize(1);
      ext.beforeEach(ctx);
      assertThat(s.strictViolations()).isEmpty();
      assertThatCode(() -> ext.afterEach(ctx)).doesNotThrowAnyException();
    } finally {
      s.close();
    }
  }
}
