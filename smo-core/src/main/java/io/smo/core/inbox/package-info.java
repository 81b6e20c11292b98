/**
 * The inbox: what the audience sends to an account (comments, direct messages, mentions), as one
 * neutral model ({@link io.smo.core.inbox.InboxItem} and its three kinds), the per-client SPI
 * ({@link io.smo.core.inbox.InboxClient}) and the unified inbox across platforms and accounts.
 *
 * <p>Facts and sources: {@code ../shared/platforms/engagement-and-measurement.md} §2 and §2.6.
 */
@SmoPublicApi
package io.smo.core.inbox;

import io.smo.core.SmoPublicApi;
