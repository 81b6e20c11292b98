/**
 * Internals of the Snapchat module: the Retrofit API, error mapper, media encryption, upload
 * protocols, targeting and stats mappers. Not a public API; may change without notice.
 */
@SmoInternalApi
package io.smo.snapchat.internal;

import io.smo.core.SmoInternalApi;
