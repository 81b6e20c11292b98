/**
 * The SDK's event SPI: a {@link io.smo.core.event.SmoListener} registered on a client builder or
 * a {@code CrossPoster} sees every API call and attempt, retry, rate-limit wait or refusal, token
 * refresh, UNKNOWN outcome, upload progress and cross-post. Metrics and tracing adapters (such as
 * {@code smo-micrometer}) are built on it; the core carries no metrics library.
 */
@SmoPublicApi
package io.smo.core.event;

import io.smo.core.SmoPublicApi;
