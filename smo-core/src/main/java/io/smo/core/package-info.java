/**
 * The platform-neutral model (posts, media, audiences, engagement), the client SPI, offline
 * validation and cross-posting.
 */
@SmoPublicApi
package io.smo.core;
