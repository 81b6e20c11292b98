/** Scheduler internals: post storage codec and JDBC tables. */
@SmoInternalApi
package io.smo.scheduler.internal;

import io.smo.core.SmoInternalApi;
