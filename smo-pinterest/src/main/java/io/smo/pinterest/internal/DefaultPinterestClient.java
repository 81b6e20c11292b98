package io.smo.pinterest.internal;

import io.smo.core.AccountInfo;
import io.smo.core.EngagementMetrics;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.http.ApiRuntime;
import io.smo.core.pagination.Paginator;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.pinterest.Board;
import io.smo.pinterest.BoardPrivacy;
import io.smo.pinterest.PinterestCapabilities;
import io.smo.pinterest.PinterestClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link PinterestClient} implementation: wires the runtime and delegates to {@link
 * PinterestRules} (validation), {@link PinterestPublisher} (Pins, boards, videos through {@link
 * PinterestUploadProtocol}) and {@link PinterestEngagement} (analytics, account figures and
 * username). Immutable and thread-safe.
 */
@SmoInternalApi
public final class DefaultPinterestClient extends BaseSocialClient implements PinterestClient {
  /** The metric types {@link #metrics} asks for. */
  public static final String METRIC_TYPES = PinterestEngagement.METRIC_TYPES;

  private final String defaultBoardId;
  private final PinterestRules rules;
  private final PinterestEngagement engagement;
  private final PinterestPublisher publisher;

  /**
   * Creates the client.
   *
   * @param runtime the runtime (owned: closed with the client)
   * @param accountId the account's Pinterest username, or {@code null} to read it from {@code GET
   *     /v5/user_account} when first needed
   * @param defaultBoardId the default board, or {@code null}
   * @param processingTimeout the longest wait for video processing
   * @param pollInterval the first wait between status polls
   * @param listener upload progress listener
   */
  public DefaultPinterestClient(
      ApiRuntime runtime,
      String accountId,
      String defaultBoardId,
      Duration processingTimeout,
      Duration pollInterval,
      UploadListener listener) {
    super(
        runtime,
        PinterestCapabilities.get(),
        accountId != null ? accountId : io.smo.core.Platform.PINTEREST.id());
    PinterestApi api = runtime.service(PinterestApi.class);
    this.defaultBoardId = defaultBoardId;
    this.rules = new PinterestRules(defaultBoardId);
    this.engagement = new PinterestEngagement(runtime, api, accountId);
    PinterestUploadProtocol uploads =
        new PinterestUploadProtocol(
            runtime, api, processingTimeout, pollInterval, listener, engagement::keyed);
    this.publisher = new PinterestPublisher(runtime, api, rules, uploads, engagement::keyed);
  }

  /**
   * Returns the account's Pinterest username: the one given to the builder, else read once with
   * {@code GET /v5/user_account} and kept.
   *
   * @throws io.smo.core.exception.SmoException if that call fails
   */
  @Override
  public String accountKey() {
    return engagement.accountId();
  }

  @Override
  public String accountId() {
    return engagement.accountId();
  }

  @Override
  public Optional<String> defaultBoardId() {
    return Optional.ofNullable(defaultBoardId);
  }

  @Override
  protected List<Violation> platformViolations(Post post) {
    return rules.violations(post);
  }

  @Override
  protected PublishedPost doPublish(Post post) {
    return publisher.publish(post);
  }

  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    publisher.delete(ref);
  }

  /**
   * Reads the account's figures: {@code GET /v5/user_account} ({@code follower_count}, {@code
   * following_count}, {@code pin_count}; {@code monthly_views} and {@code board_count} in raw).
   */
  @Override
  public AccountInfo accountInfo() {
    return engagement.accountInfo();
  }

  @Override
  public EngagementMetrics metrics(PostRef ref) {
    LocalDate today = LocalDate.ofInstant(runtime.clock().instant(), ZoneOffset.UTC);
    return metrics(ref, today.minusDays(PinterestCapabilities.ANALYTICS_MAX_DAYS_BACK - 1), today);
  }

  @Override
  public EngagementMetrics metrics(PostRef ref, LocalDate startDate, LocalDate endDate) {
    checkRef(ref);
    Objects.requireNonNull(startDate, "startDate == null");
    Objects.requireNonNull(endDate, "endDate == null");
    rules.checkAnalyticsWindow(
        startDate, endDate, LocalDate.ofInstant(runtime.clock().instant(), ZoneOffset.UTC));
    return engagement.metrics(ref, startDate, endDate);
  }

  @Override
  public Paginator<Board> boards() {
    return publisher.boards();
  }

  @Override
  public Board createBoard(String name, String description, BoardPrivacy privacy) {
    rules.checkBoard(name, privacy);
    return publisher.createBoard(name, description, privacy);
  }

  /**
   * Returns why this client offers no inbox: the v5 description has no comment, message or
   * engagement-webhook endpoint ({@code engagement-and-measurement.md} \u00a72.5).
   */
  @Override
  public String inboxUnsupportedReason() {
    return "Pinterest API v5 has no comment, message or mention endpoints (no organic engagement API)";
  }

  /** Names the account when known (never calls the platform) and the default board. */
  @Override
  public String toString() {
    String id = engagement.knownAccountId();
    return "PinterestClient{"
        + (id != null ? id : io.smo.core.Platform.PINTEREST.id())
        + (defaultBoardId != null ? ", board=" + defaultBoardId : "")
        + "}";
  }
}
