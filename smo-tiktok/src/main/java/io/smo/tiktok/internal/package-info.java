/**
 * TikTok internals: Retrofit API, DTOs, mappers, error mapper, chunk plan and upload protocol. Not
 * public API: may change in any release.
 */
@SmoInternalApi
package io.smo.tiktok.internal;

import io.smo.core.SmoInternalApi;
