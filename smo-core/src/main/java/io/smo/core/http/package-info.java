/**
 * The call runtime platform modules build on (SPI tier, {@link io.smo.core.SmoProtectedApi}): the
 * HTTP stack, the retry decision, error mapping and rate-limit parsing. Applications set HTTP
 * options through the public {@link io.smo.core.HttpSettings}.
 */
@SmoProtectedApi
package io.smo.core.http;

import io.smo.core.SmoProtectedApi;
