/**
 * Webhook helpers for tests: {@link io.smo.testkit.webhooks.WebhookSigner} signs payloads like the
 * platforms do, and {@link io.smo.testkit.webhooks.UnsignedWebhooks} is the test-only switch that
 * lets unsigned fixtures through a real, verifying handler.
 */
@SmoPublicApi
package io.smo.testkit.webhooks;

import io.smo.core.SmoPublicApi;
