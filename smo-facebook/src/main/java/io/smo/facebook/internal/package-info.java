/** Internals of the Facebook module: the Graph call helper, mappers and upload protocols. */
@SmoInternalApi
package io.smo.facebook.internal;

import io.smo.core.SmoInternalApi;
