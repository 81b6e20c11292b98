/** Streaming, chunked and resumable uploads with progress, and processing-status polling. */
@SmoPublicApi
package io.smo.core.upload;

import io.smo.core.SmoPublicApi;
