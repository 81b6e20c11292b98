package io.smo.pinterest.internal;

import io.smo.core.AccountInfo;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.PlatformException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.pinterest.PinterestRateBucket;
import java.time.LocalDate;
import java.util.Map;

/**
 * Engagement on Pinterest: Pin analytics ({@code GET /v5/pins/{id}/analytics}), the account's
 * figures and its username ({@code GET /v5/user_account}, read once when not configured). Pinterest
 * v5 has no comment API. Thread-safe.
 *
 * @see <a href="https://developers.pinterest.com/docs/api/v5/pins-analytics/">Pin analytics</a>
 * @see <a href="https://developers.pinterest.com/docs/api/v5/user_account-get/">Get user
 *     account</a>
 */
@SmoInternalApi
public final class PinterestEngagement {
  /** The metric types {@link #metrics} asks for. */
  public static final String METRIC_TYPES =
      "IMPRESSION,OUTBOUND_CLICK,PIN_CLICK,SAVE,SAVE_RATE,"
          + "TOTAL_COMMENTS,TOTAL_REACTIONS,VIDEO_MRC_VIEW";

  private final ApiRuntime runtime;
  private final PinterestApi api;
  private volatile String accountId;

  /**
   * Creates the engagement part.
   *
   * @param runtime the runtime
   * @param api the Retrofit service
   * @param accountId the account's Pinterest username, or {@code null} to read it from {@code GET
   *     /v5/user_account} when first needed
   */
  public PinterestEngagement(ApiRuntime runtime, PinterestApi api, String accountId) {
    this.runtime = runtime;
    this.api = api;
    this.accountId = accountId;
  }

  /** Returns the account's username when given or already learned, else {@code null}. */
  public String knownAccountId() {
    return accountId;
  }

  /** Keys {@code op} to the account for rate limiting once the account is known. */
  public Operation keyed(Operation op) {
    String id = accountId;
    return id == null ? op : op.forAccount(id);
  }

  /**
   * Returns the account's Pinterest username: the configured one, else read once with {@code GET
   * /v5/user_account} and kept.
   *
   * @throws PlatformException if the answer names no username
   * @throws io.smo.core.exception.SmoException if the call fails
   */
  public String accountId() {
    String id = accountId;
    if (id == null) {
      synchronized (this) {
        if (accountId == null) {
          PinterestDtos.Account a =
              runtime.call(
                  Operation.read("account", PinterestRateBucket.ORG_READ), api::userAccount);
          learn(a);
          if (accountId == null) {
            throw new PlatformException(
                ErrorDetails.builder(Platform.PINTEREST, "account")
                    .message("GET /v5/user_account named no username")
                    .build(),
                false);
          }
        }
        id = accountId;
      }
    }
    return id;
  }

  private synchronized void learn(PinterestDtos.Account a) {
    if (accountId == null && a != null && a.username() != null && !a.username().isBlank()) {
      accountId = a.username();
    }
  }

  /**
   * Reads the account's figures: {@code GET /v5/user_account} ({@code follower_count}, {@code
   * following_count}, {@code pin_count}; {@code monthly_views} and {@code board_count} in raw);
   * learns the username when not known yet.
   */
  public AccountInfo accountInfo() {
    PinterestDtos.Account a =
        runtime.call(
            keyed(Operation.read("account info", PinterestRateBucket.ORG_READ)), api::userAccount);
    learn(a);
    return PinterestMapper.accountInfo(
        a != null ? a : new PinterestDtos.Account(null, null, null, null, null, null, null, null),
        runtime.clock().instant());
  }

  /** Reads a Pin's analytics for a checked window (all app types, no split). */
  public EngagementMetrics metrics(PostRef ref, LocalDate startDate, LocalDate endDate) {
    Map<String, PinterestDtos.PinAnalytics> r =
        runtime.call(
            keyed(Operation.read("metrics", PinterestRateBucket.ORG_ANALYTICS)),
            () ->
                api.pinAnalytics(
                    ref.id(), startDate.toString(), endDate.toString(), METRIC_TYPES, "ALL"));
    if (r == null) {
      throw new io.smo.core.exception.TransportException(
          Platform.PINTEREST, "metrics", "analytics answer is not an object", null, true);
    }
    return PinterestMapper.metrics(ref, r, runtime.clock().instant());
  }
}
