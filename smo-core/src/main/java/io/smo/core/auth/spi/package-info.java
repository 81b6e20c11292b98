/**
 * The auth SPI platform modules build on (tier: {@link io.smo.core.SmoProtectedApi}); applications
 * use the public types of {@code io.smo.core.auth}.
 */
@SmoProtectedApi
package io.smo.core.auth.spi;

import io.smo.core.SmoProtectedApi;
