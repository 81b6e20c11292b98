/** The emulator SPI of the sandbox: requests, responses, context. */
@SmoProtectedApi
package io.smo.testkit.spi;

import io.smo.core.SmoProtectedApi;
