/**
 * Graph API plumbing shared by {@code smo-facebook} and {@code smo-instagram}: the API version,
 * the Graph error body and its mapping to the SDK's exceptions, the usage headers ({@code
 * X-App-Usage}, {@code X-Page-Usage}, {@code X-Business-Use-Case-Usage}), cursor paging and
 * {@code appsecret_proof}.
 *
 * <p>Protected API: public so that {@code smo-instagram} can use it, not meant for SDK users.
 * Signatures only grow (new members are added, existing ones are not changed).
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/guides/error-handling">Graph API error handling</a>
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting/">Graph API rate limiting</a>
 */
@SmoProtectedApi
package io.smo.facebook.graph;

import io.smo.core.SmoProtectedApi;
