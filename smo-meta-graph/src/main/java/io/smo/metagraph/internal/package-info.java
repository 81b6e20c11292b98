/**
 * Internals of {@code smo-meta-graph}: the generic Graph Retrofit service behind {@code GraphHttp}.
 */
@SmoInternalApi
package io.smo.metagraph.internal;

import io.smo.core.SmoInternalApi;
