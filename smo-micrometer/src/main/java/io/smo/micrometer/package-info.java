/**
 * Micrometer meters and Observations for the SDK's {@link io.smo.core.event.SmoListener} events:
 * register a {@link io.smo.micrometer.SmoMicrometer} on a client builder, a {@code CrossPoster} or
 * a {@code PostScheduler}. Meter names and tags are listed in the module's README.
 */
@SmoPublicApi
package io.smo.micrometer;

import io.smo.core.SmoPublicApi;
