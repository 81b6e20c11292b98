package io.smo.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code smo-core} SPI that platform modules use (HTTP runtime, error mappers, upload
 * protocols). It changes only together with every platform module, which the BOM keeps aligned;
 * users should not depend on it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface SmoProtectedApi {}
