/** Text length counting (including X's weighted length), truncation and thread splitting. */
@SmoPublicApi
package io.smo.core.text;

import io.smo.core.SmoPublicApi;
