/**
 * Internals of the Pinterest module: Retrofit API, DTOs, mappers, error mapper, rate-limit parser,
 * uploads.
 */
@SmoInternalApi
package io.smo.pinterest.internal;

import io.smo.core.SmoInternalApi;
