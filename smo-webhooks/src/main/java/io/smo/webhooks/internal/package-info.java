/** Signature primitives and payload parsers behind the webhook handlers. Not public API. */
@SmoInternalApi
package io.smo.webhooks.internal;

import io.smo.core.SmoInternalApi;
