/**
 * Internals of smo-youtube: Retrofit services, the Google error mapper, the resumable upload
 * protocol, the quota tracker and the JSON mappers. Not part of the public API.
 */
@SmoInternalApi
package io.smo.youtube.internal;

import io.smo.core.SmoInternalApi;
