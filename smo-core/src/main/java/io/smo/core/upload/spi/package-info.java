/**
 * The upload SPI platform modules build on (tier: {@link io.smo.core.SmoProtectedApi});
 * applications use the public types of {@code io.smo.core.upload}.
 */
@SmoProtectedApi
package io.smo.core.upload.spi;

import io.smo.core.SmoProtectedApi;
