/**
 * X (Twitter) API v2 client: {@link io.smo.twitter.TwitterClient} (publish text, media with alt
 * text and threads, delete, metrics, replies through conversation search, hide/unhide replies),
 * {@link io.smo.twitter.TwitterOptions}, {@link io.smo.twitter.TwitterCapabilities} and the OAuth
 * 2.0 PKCE helper {@link io.smo.twitter.TwitterOAuth}.
 *
 * @see <a href="https://docs.x.com/x-api/introduction">X API v2</a>
 */
@SmoPublicApi
package io.smo.twitter;

import io.smo.core.SmoPublicApi;
