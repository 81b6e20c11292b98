/** Lazy cursor pagination. */
@SmoPublicApi
package io.smo.core.pagination;

import io.smo.core.SmoPublicApi;
