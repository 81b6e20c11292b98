/**
 * {@link io.smo.bitly.BitlyLinkShortener}: the {@link io.smo.core.links.LinkShortener} over Bitly
 * API v4.
 */
@SmoPublicApi
package io.smo.bitly;

import io.smo.core.SmoPublicApi;
