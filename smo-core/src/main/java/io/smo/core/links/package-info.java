/**
 * Campaign link tracking: {@link io.smo.core.links.LinkTagger} adds UTM parameters per (campaign,
 * segment, target) to a post's link and the URLs in its text, and the {@link
 * io.smo.core.links.LinkShortener} SPI creates one short link per (post, target, variant) and reads
 * its clicks back.
 */
@SmoPublicApi
package io.smo.core.links;

import io.smo.core.SmoPublicApi;
