/**
 * Internals of the X client: Retrofit API, mappers, error mapper, rate-limit parser, upload
 * protocol.
 */
@SmoInternalApi
package io.smo.twitter.internal;

import io.smo.core.SmoInternalApi;
