/** HTTP settings (public) and the call runtime platform modules build on (protected SPI). */
@SmoPublicApi
package io.smo.core.http;

import io.smo.core.SmoPublicApi;
