/**
 * Platform-neutral real-time engagement events ({@link io.smo.core.event.EngagementEvent}),
 * produced by the webhook handlers of {@code smo-webhooks}, and the {@link
 * io.smo.core.event.EventDeduplicator} SPI that hands each event to the application once.
 */
@SmoPublicApi
package io.smo.core.event;

import io.smo.core.SmoPublicApi;
