/**
 * Pinterest API v5 for the SMO SDK: {@link io.smo.pinterest.PinterestClient} publishes image,
 * carousel and video Pins to a board, deletes them, reads their analytics, and lists and creates
 * boards. Follows <a href="https://developers.pinterest.com/docs/api/v5/">the Pinterest API v5
 * reference</a>.
 */
@SmoPublicApi
package io.smo.pinterest;

import io.smo.core.SmoPublicApi;
