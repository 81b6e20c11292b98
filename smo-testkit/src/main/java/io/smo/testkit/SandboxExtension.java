package io.smo.testkit;

import io.smo.core.SmoPublicApi;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link SandboxTest}: one sandbox per test class (closed when the
 * class's tests are done), injected as a parameter; faults cleared after each test; with {@link
 * SandboxTest.Isolation#PER_METHOD} the sandbox is {@linkplain Sandbox#reset() reset} before each
 * test; strict-mode mismatches fail the test that caused them.
 */
@SmoPublicApi
public final class SandboxExtension
    implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(SandboxExtension.class);

  /** Creates the extension (JUnit does). */
  public SandboxExtension() {}

  /**
   * Closes the sandbox with the class's store. AutoCloseable for JUnit 5.13+ (which warns about
   * CloseableResource alone), CloseableResource for older JUnit 5 releases; closed once either way.
   */
  private static final class Holder
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final Sandbox sandbox;

    Holder(Sandbox sandbox) {
      this.sandbox = sandbox;
    }

    @Override
    public void close() {
      sandbox.close();
    }
  }

  private static SandboxTest config(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    while (testClass.getEnclosingClass() != null
        && !testClass.isAnnotationPresent(SandboxTest.class)) {
      testClass = testClass.getEnclosingClass();
    }
    return testClass.getAnnotation(SandboxTest.class);
  }

  private static Sandbox sandbox(ExtensionContext context) {
    SandboxTest cfg = config(context);
    boolean strict = cfg != null && cfg.strict();
    long seed = cfg != null ? cfg.seed() : 42;
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NS)
        .getOrComputeIfAbsent(
            Holder.class,
            k -> new Holder(Sandbox.builder().strict(strict).seed(seed).build()),
            Holder.class)
        .sandbox;
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == Sandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return sandbox(e);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    SandboxTest cfg = config(context);
    if (cfg != null && cfg.isolation() == SandboxTest.Isolation.PER_METHOD) {
      sandbox(context).reset();
    }
    sandbox(context).clearStrictViolations();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Sandbox s = sandbox(context);
    s.clearFaults();
    List<String> v = s.strictViolations();
    s.clearStrictViolations();
    if (!v.isEmpty()) {
      throw new AssertionError(
          "requests broke the official spec (strict sandbox):\n  " + String.join("\n  ", v));
    }
  }
}
