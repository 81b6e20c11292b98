/**
 * What platform modules build their clients on (SPI tier, {@link io.smo.core.SmoProtectedApi}): the
 * base client. The settings every builder shares are in the public {@link
 * io.smo.core.ClientBuilder}.
 */
@SmoProtectedApi
package io.smo.core.spi;

import io.smo.core.SmoProtectedApi;
