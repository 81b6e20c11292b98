/**
 * Facebook Pages over the Graph API: {@link io.smo.facebook.FacebookClient} publishes text, link,
 * photo, multi-photo, video and Reel posts to a Page (natively scheduled when asked), reads
 * engagement and moderates comments.
 *
 * @see <a href="https://developers.facebook.com/docs/pages-api/posts">Pages API: posts</a>
 */
@SmoPublicApi
package io.smo.facebook;

import io.smo.core.SmoPublicApi;
