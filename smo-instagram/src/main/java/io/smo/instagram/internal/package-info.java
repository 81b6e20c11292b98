/**
 * Internals of {@code smo-instagram}: the Retrofit API, wire DTOs, mappers, the error-mapper
 * additions for Instagram codes, container polling and the resumable video upload protocol. Not
 * part of the public API; may change in any release.
 */
@SmoInternalApi
package io.smo.instagram.internal;

import io.smo.core.SmoInternalApi;
