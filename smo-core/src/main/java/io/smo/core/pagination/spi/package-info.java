/**
 * The pagination SPI platform modules build on (tier: {@link io.smo.core.SmoProtectedApi});
 * applications use the public types of {@code io.smo.core.pagination}.
 */
@SmoProtectedApi
package io.smo.core.pagination.spi;

import io.smo.core.SmoProtectedApi;
