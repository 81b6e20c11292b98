/** Retry and rate-limit policies and the rate-limit state platforms report. */
@SmoPublicApi
package io.smo.core.resilience;

import io.smo.core.SmoPublicApi;
