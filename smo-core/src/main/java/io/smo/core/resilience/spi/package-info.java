/**
 * The resilience SPI platform modules build on (tier: {@link io.smo.core.SmoProtectedApi});
 * applications use the public types of {@code io.smo.core.resilience}.
 */
@SmoProtectedApi
package io.smo.core.resilience.spi;

import io.smo.core.SmoProtectedApi;
