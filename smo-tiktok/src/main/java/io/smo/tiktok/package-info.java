/**
 * TikTok for the SMO SDK: the Content Posting API (direct post and upload to inbox, video and
 * photo) and the Display API (video metrics), with Login Kit OAuth 2.0.
 *
 * <p>Entry point: {@link io.smo.tiktok.TikTokClient}. Per-post settings: {@link
 * io.smo.tiktok.TikTokOptions}. Limits: {@link io.smo.tiktok.TikTokCapabilities}. Docs: <a
 * href="https://developers.tiktok.com/doc/content-posting-api-get-started">Content Posting API</a>.
 */
@SmoPublicApi
package io.smo.tiktok;

import io.smo.core.SmoPublicApi;
