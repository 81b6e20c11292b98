/**
 * Instagram professional accounts (Business and Creator) over the Instagram Graph API: the {@link
 * io.smo.instagram.InstagramClient} publishes images, Reels, carousels and Stories through media
 * containers, reads insights, and lists, answers, hides and deletes comments.
 *
 * <p>Documentation followed: <a
 * href="https://developers.facebook.com/docs/instagram-platform/content-publishing">Content
 * publishing</a>, <a
 * href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media">IG
 * User media</a>.
 */
@SmoPublicApi
package io.smo.instagram;

import io.smo.core.SmoPublicApi;
