/**
 * The SDK's unchecked exception hierarchy, rooted in {@link io.smo.core.exception.SmoException}.
 */
@SmoPublicApi
package io.smo.core.exception;

import io.smo.core.SmoPublicApi;
