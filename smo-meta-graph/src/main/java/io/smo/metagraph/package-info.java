/**
 * The Meta Graph API as applications see it: {@link io.smo.metagraph.GraphApiVersion}, the Graph
 * version a Facebook or Instagram client calls ({@code FacebookClient.builder().apiVersion(...)}).
 * The plumbing platform modules share lives in {@link io.smo.metagraph.spi}.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/guides/versioning">Graph API
 *     versioning</a>
 */
@SmoPublicApi
package io.smo.metagraph;

import io.smo.core.SmoPublicApi;
