/**
 * Graph API plumbing shared by {@code smo-facebook} and {@code smo-instagram} (module {@code
 * smo-meta-graph}): the Graph error body and its mapping to the SDK's exceptions, the usage headers
 * ({@code X-App-Usage}, {@code X-Page-Usage}, {@code X-Business-Use-Case-Usage}), cursor paging,
 * {@code appsecret_proof}, the Graph call helper {@link io.smo.metagraph.spi.GraphHttp} and the
 * platform-neutral part of the Messenger Platform inbox (conversations, the Send API, messaging
 * windows, message tags) that Facebook Pages and Instagram accounts share.
 *
 * <p>SPI: public so that the platform modules can use it, not meant for SDK users. It changes only
 * together with {@code smo-facebook} and {@code smo-instagram}, which the BOM keeps aligned.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/guides/error-handling">Graph API
 *     error handling</a>
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting/">Graph API
 *     rate limiting</a>
 * @see <a href="https://developers.facebook.com/docs/messenger-platform">Messenger Platform</a>
 */
@SmoProtectedApi
package io.smo.metagraph.spi;

import io.smo.core.SmoProtectedApi;
