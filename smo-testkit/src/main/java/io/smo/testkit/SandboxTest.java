package io.smo.testkit;

import io.smo.core.SmoPublicApi;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link Sandbox} per test class and injects it into test methods, constructors and
 * lifecycle methods that declare a {@code Sandbox} parameter. Faults are cleared after each test;
 * in strict mode a test fails when any request it made broke the official spec. By default what one
 * test creates stays visible to the next ({@link Isolation#PER_CLASS}); {@code isolation =
 * PER_METHOD} resets the sandbox before each test.
 *
 * <pre>{@code
 * @SandboxTest(strict = true, isolation = SandboxTest.Isolation.PER_METHOD)
 * class MyPublishingTest {
 *   @Test
 *   void postsOnce(Sandbox sandbox) { ... }
 * }
 * }</pre>
 */
@SmoPublicApi
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SandboxExtension.class)
public @interface SandboxTest {
  /** Whether requests are validated against the official specs. Default false. */
  boolean strict() default false;

  /** The seed of ids, metrics and comments. Default 42. */
  long seed() default 42;

  /** Whether tests of the class share the sandbox's state. Default {@link Isolation#PER_CLASS}. */
  Isolation isolation() default Isolation.PER_CLASS;

  /** How much of the sandbox's state one test sees of another's. */
  enum Isolation {
    /** One sandbox per class; what a test creates stays for the next tests (faults are cleared). */
    PER_CLASS,
    /**
     * The same server, {@linkplain Sandbox#reset() reset} before each test: every test starts from
     * a fresh sandbox's state (same port, same seed, same credentials).
     */
    PER_METHOD
  }
}
