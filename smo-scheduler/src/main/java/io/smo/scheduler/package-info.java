/**
 * Scheduling posts across platforms: native where possible, persistent db-scheduler jobs elsewhere.
 */
@SmoPublicApi
package io.smo.scheduler;

import io.smo.core.SmoPublicApi;
