/**
 * Verified webhooks from Meta (Facebook Pages, Instagram, Messenger), X, TikTok and YouTube
 * (WebSub): one framework-free {@link io.smo.webhooks.WebhookHandler} per platform, a {@link
 * io.smo.webhooks.Webhooks} router that serves them all on one endpoint, and a small {@link
 * io.smo.webhooks.WebhookServer} on the JDK's HTTP server.
 */
@SmoPublicApi
package io.smo.webhooks;

import io.smo.core.SmoPublicApi;
