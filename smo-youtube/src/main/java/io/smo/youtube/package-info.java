/**
 * YouTube Data API v3 and YouTube Analytics API v2 for the SMO SDK: {@link
 * io.smo.youtube.YouTubeClient} publishes videos through Google's resumable upload protocol (with
 * native scheduling, thumbnails and playlist insertion), reads statistics and analytics, lists,
 * answers and moderates comments, and keeps a client-side account of the project's daily quota.
 *
 * <p>Reference: https://developers.google.com/youtube/v3/docs and
 * https://developers.google.com/youtube/analytics/reference.
 */
@SmoPublicApi
package io.smo.youtube;

import io.smo.core.SmoPublicApi;
