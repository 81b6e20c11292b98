/** {@link io.smo.bitly.BitlyLinkShortener}: the {@link io.smo.core.links.LinkShortener} over Bitly API v4. */
package io.smo.bitly;
