/**
 * Events of the SDK, in two families. The event SPI: a {@link io.smo.core.event.SmoListener}
 * registered on a client builder, a {@code CrossPoster} or a {@code PostScheduler} sees every API
 * call and attempt, retry, rate-limit wait or refusal, token refresh, UNKNOWN outcome, upload
 * progress, cross-post and scheduler run. Metrics and tracing adapters (such as {@code
 * smo-micrometer}) are built on it; the core carries no metrics library. And platform-neutral
 * real-time engagement events ({@link io.smo.core.event.EngagementEvent}), produced by the webhook
 * handlers of {@code smo-webhooks}, with the {@link io.smo.core.event.EventDeduplicator} SPI that
 * hands each event to the application once.
 */
@SmoPublicApi
package io.smo.core.event;

import io.smo.core.SmoPublicApi;
