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
 * in strict mode a test fails when any request it made broke the official spec.
 *
 * <pre>{@code
 * @SandboxTest(strict = true)
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
}
