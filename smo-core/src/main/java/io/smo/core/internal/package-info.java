/** Implementation details of smo-core; not API. */
@SmoInternalApi
package io.smo.core.internal;

import io.smo.core.SmoInternalApi;
