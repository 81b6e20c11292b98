/** What platform modules build their clients on: the shared builder settings and base client. */
@SmoPublicApi
package io.smo.core.spi;

import io.smo.core.SmoPublicApi;
