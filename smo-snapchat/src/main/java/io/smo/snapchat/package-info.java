/**
 * Snapchat for the SMO SDK: organic Stories, Saved Stories and Spotlight through the allow-listed
 * Public Profile API, and targeted (paid) distribution through the Marketing API.
 *
 * <p>Entry point: {@link io.smo.snapchat.SnapchatClient}. Per-post settings: {@link
 * io.smo.snapchat.SnapchatOptions}. Limits: {@link io.smo.snapchat.SnapchatCapabilities}. OAuth:
 * {@link io.smo.snapchat.SnapchatOAuth}.
 *
 * @see <a
 *     href="https://developers.snap.com/api/marketing-api/Public-Profile-API/Introduction">Public
 *     Profile API</a>
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/media">Marketing API:
 *     media</a>
 */
@SmoPublicApi
package io.smo.snapchat;

import io.smo.core.SmoPublicApi;
