/** Media inspection: format detection from content, dimensions and video duration. */
@SmoPublicApi
package io.smo.core.media;

import io.smo.core.SmoPublicApi;
