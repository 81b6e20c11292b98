/**
 * Stores that let several instances of an application share what the SDK otherwise keeps per JVM,
 * through one database (PostgreSQL in production, H2 embedded or in tests), with plain JDBC over a
 * {@link javax.sql.DataSource} the application supplies (pooled, e.g. by HikariCP):
 *
 * <ul>
 *   <li>{@link io.smo.jdbc.JdbcRateLimitStore}: one account's rate-limit allowance;
 *   <li>{@link io.smo.jdbc.JdbcTokenStore}: tokens, encrypted at rest, refreshed by exactly one
 *       instance;
 *   <li>{@link io.smo.jdbc.JdbcIdempotencyStore}: the outcome of each cross-post target.
 * </ul>
 *
 * <p>Each store creates its table on start ({@code CREATE TABLE IF NOT EXISTS}) and uses row locks
 * ({@code SELECT ... FOR UPDATE}) for its atomic changes.
 */
package io.smo.jdbc;
