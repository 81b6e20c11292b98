package io.smo.core.event;

import io.smo.core.SmoPublicApi;

/**
 * A create may or may not have taken effect (the SDK throws {@code PublishOutcomeUnknownException}
 * and does not retry): the caller must reconcile.
 *
 * @param call the call
 * @param attempt the attempt whose effect is unknown
 * @param reason a human-readable reason (free text: never use it as a metric tag)
 */
@SmoPublicApi
public record UnknownOutcomeEvent(ApiCall call, int attempt, String reason) {}
