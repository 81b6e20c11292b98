package io.smo.tiktok.internal;

import static java.util.Objects.requireNonNull;

import io.smo.core.AccountInfo;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.pagination.Paginator;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.tiktok.CreatorInfo;
import io.smo.tiktok.TikTokBusinessAccount;
import io.smo.tiktok.TikTokCapabilities;
import io.smo.tiktok.TikTokClient;
import java.time.Duration;
import java.util.List;

/**
 * The {@link TikTokClient} implementation: wires the runtime, the Retrofit service and the parts
 * ({@link TikTokRules}, {@link TikTokPublisher}, {@link TikTokEngagement}) and delegates to them.
 * Immutable and thread-safe.
 */
@SmoInternalApi
public final class DefaultTikTokClient extends BaseSocialClient implements TikTokClient {
  /**
   * The builder's settings.
   *
   * @param accountId the creator's {@code open_id}, or {@code null} to learn it from {@code
   *     user/info}
   * @param chunkSize the preferred upload chunk size in bytes
   * @param processingTimeout the longest wait for TikTok to finish a post
   * @param pollInterval the first wait between status polls
   * @param creatorInfoTtl how long {@code creator_info} is reused
   * @param uploadListener upload and processing progress
   * @param business the TikTok API for Business option that turns comments on, or {@code null}
   */
  public record Settings(
      String accountId,
      long chunkSize,
      Duration processingTimeout,
      Duration pollInterval,
      Duration creatorInfoTtl,
      UploadListener uploadListener,
      TikTokBusinessAccount business) {
    /** Checks the values. */
    public Settings {
      requireNonNull(processingTimeout, "processingTimeout == null");
      requireNonNull(pollInterval, "pollInterval == null");
      requireNonNull(creatorInfoTtl, "creatorInfoTtl == null");
      requireNonNull(uploadListener, "uploadListener == null");
      if (chunkSize < 1) {
        throw new IllegalArgumentException("chunkSize < 1: " + chunkSize);
      }
    }
  }

  private final Settings settings;
  private final TikTokRules rules;
  private final TikTokPublisher publisher;
  private final TikTokEngagement engagement;
  private final TikTokInbox inbox;
  private final ApiRuntime businessRuntime;
  private volatile String accountId;

  /**
   * Creates the client with TikTok's chunk bounds.
   *
   * @param runtime the runtime (owned: closed with the client)
   * @param settings the builder's settings
   */
  public DefaultTikTokClient(ApiRuntime runtime, Settings settings) {
    this(runtime, null, settings, TikTokUploadProtocol.ChunkPlan.Rules.TIKTOK);
  }

  /**
   * Creates the client with TikTok's chunk bounds and the TikTok API for Business.
   *
   * @param runtime the Content Posting and Display APIs' runtime (owned: closed with the client)
   * @param businessRuntime the TikTok API for Business runtime, its token in {@code Access-Token}
   *     (owned), or {@code null} when {@link Settings#business()} is
   * @param settings the builder's settings
   */
  public DefaultTikTokClient(ApiRuntime runtime, ApiRuntime businessRuntime, Settings settings) {
    this(runtime, businessRuntime, settings, TikTokUploadProtocol.ChunkPlan.Rules.TIKTOK);
  }

  private DefaultTikTokClient(
      ApiRuntime runtime,
      ApiRuntime businessRuntime,
      Settings settings,
      TikTokUploadProtocol.ChunkPlan.Rules chunkRules) {
    super(
        runtime,
        settings.business() != null
            ? TikTokCapabilities.withBusinessComments()
            : TikTokCapabilities.get(),
        settings.accountId() != null ? settings.accountId() : Platform.TIKTOK.id());
    this.settings = settings;
    this.accountId = settings.accountId();
    TikTokApi api = runtime.service(TikTokApi.class);
    this.rules = new TikTokRules(chunkRules);
    this.publisher =
        new TikTokPublisher(
            runtime,
            api,
            rules,
            this::keyed,
            settings.chunkSize(),
            settings.processingTimeout(),
            settings.pollInterval(),
            settings.creatorInfoTtl(),
            settings.uploadListener());
    if ((settings.business() == null) != (businessRuntime == null)) {
      throw new IllegalArgumentException("business settings and runtime go together");
    }
    this.businessRuntime = businessRuntime;
    this.engagement =
        new TikTokEngagement(
            runtime, api, this::keyed, publisher::status, settings.business(), businessRuntime);
    this.inbox = new TikTokInbox(engagement, this::accountKey, () -> runtime.clock().instant());
  }

  /**
   * Returns a client like {@code client} whose uploads obey {@code chunkRules} instead of TikTok's.
   * <b>For tests against the sandbox only</b>, whose emulator can be told the same smaller bounds
   * so that chunking runs on small files; TikTok itself refuses any other bounds. The returned
   * client takes over {@code client}'s runtime: close only the returned one.
   *
   * @param client a client built by {@link TikTokClient#builder()}
   * @param chunkRules the bounds
   * @throws IllegalArgumentException if {@code client} was not built by this module
   */
  public static TikTokClient withChunkRules(
      TikTokClient client, TikTokUploadProtocol.ChunkPlan.Rules chunkRules) {
    if (!(client instanceof DefaultTikTokClient d)) {
      throw new IllegalArgumentException("not a client of this module: " + client);
    }
    return new DefaultTikTokClient(
        d.runtime, d.businessRuntime, d.settings, requireNonNull(chunkRules, "chunkRules == null"));
  }

  /** Keys {@code op} to the account for rate limiting once its id is known. */
  private Operation keyed(Operation op) {
    String id = accountId;
    return id == null ? op : op.forAccount(id);
  }

  @Override
  public String accountId() {
    String id = accountId;
    if (id == null) {
      synchronized (this) {
        if (accountId == null) {
          accountId = engagement.openId();
        }
        id = accountId;
      }
    }
    return id;
  }

  /**
   * Returns the creator's {@code open_id} ({@link #accountId()}): given to the builder, or read
   * once from {@code GET /v2/user/info/}.
   *
   * @throws io.smo.core.exception.SmoException if it had to be read and the call failed
   */
  @Override
  public String accountKey() {
    return accountId();
  }

  @Override
  public CreatorInfo creatorInfo() {
    return publisher.creatorInfo();
  }

  @Override
  protected List<Violation> platformViolations(Post post) {
    return rules.violations(post);
  }

  @Override
  protected PublishedPost doPublish(Post post) {
    return publisher.publish(post);
  }

  /**
   * Reads view, like, comment and share counts ({@code /v2/video/query/}); see {@link
   * TikTokEngagement#metrics(PostRef)}.
   */
  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    return engagement.metrics(ref);
  }

  /**
   * Reads the creator's figures from {@code /v2/user/info/}; see {@link
   * TikTokEngagement#accountInfo()}.
   */
  @Override
  public AccountInfo accountInfo() {
    AccountInfo info = engagement.accountInfo();
    if (accountId == null && !info.id().isEmpty()) {
      synchronized (this) {
        if (accountId == null) {
          accountId = info.id();
        }
      }
    }
    return info;
  }

  /**
   * TikTok's APIs cannot delete posts. @throws io.smo.core.exception.UnsupportedFeatureException
   * always
   */
  @Override
  public void delete(PostRef ref) {
    throw unsupported("delete", "TikTok's Content Posting API has no delete endpoint");
  }

  /**
   * Lists a video's comments through the TikTok API for Business; see {@link
   * TikTokEngagement#comments(PostRef)}.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException without {@link
   *     TikTokClient.Builder#businessAccount}, with {@link TikTokEngagement#NO_COMMENTS}
   */
  @Override
  public Paginator<Comment> comments(PostRef ref) {
    return engagement.comments(ref);
  }

  /**
   * Replies as the account through the TikTok API for Business; see {@link
   * TikTokEngagement#reply(CommentRef, String)}.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException without {@link
   *     TikTokClient.Builder#businessAccount}
   */
  @Override
  public Comment reply(CommentRef comment, String text) {
    try {
      return engagement.reply(comment, text);
    } finally {
      inbox.invalidate();
    }
  }

  /**
   * Comments as the account through the TikTok API for Business; see {@link
   * TikTokEngagement#comment(PostRef, String)}.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException without {@link
   *     TikTokClient.Builder#businessAccount}
   */
  @Override
  public Comment comment(PostRef post, String text) {
    try {
      return engagement.comment(post, text);
    } finally {
      inbox.invalidate();
    }
  }

  /**
   * Hides, unhides or deletes (own comments only) through the TikTok API for Business; see {@link
   * TikTokEngagement#moderate(CommentRef, ModerationAction)}.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException without {@link
   *     TikTokClient.Builder#businessAccount}
   */
  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    try {
      engagement.moderate(comment, action);
    } finally {
      inbox.invalidate(); // a hide does not change the video's comment count
    }
  }

  /**
   * Returns the comments on the account's newest videos, newest first; see {@link TikTokInbox}.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException without {@link
   *     TikTokClient.Builder#businessAccount}
   */
  @Override
  public Paginator<InboxComment> commentStream() {
    return inbox.commentStream();
  }

  /**
   * Answers an inbox comment with a public reply (a reply item in its thread); TikTok has no other
   * kind of inbox item here.
   *
   * @throws io.smo.core.exception.ValidationException if the item is another account's, or the text
   *     is empty or over 150 characters; nothing was sent
   */
  @Override
  public InboxItem answer(InboxItem item, String text) {
    checkOwnItem(item);
    if (item instanceof InboxComment c) {
      return inbox.answer(c, text);
    }
    return super.answer(item, text);
  }

  /**
   * Returns why this client offers no messages or mentions (and, without {@link
   * TikTokClient.Builder#businessAccount}, no comments): the Content Posting and Display APIs read
   * none; Business Messaging facts are UNCONFIRMED ({@code engagement-and-measurement.md} §0 rows
   * 15 and 17, §2.4).
   */
  @Override
  public String inboxUnsupportedReason() {
    String messaging =
        "TikTok Business Messaging (48-hour window) is known only from Chatwoot's code and"
            + " third-party SDKs, too unconfirmed to emulate, and the Business API's mention"
            + " and webhook event names are unconfirmed";
    return settings.business() != null
        ? "this client reads the comments of the TikTok Business account only; " + messaging
        : "the Content Posting and Display APIs have no comments, messages or mentions;"
            + " comments of a TikTok Business account need"
            + " TikTokClient.builder().businessAccount(...) (TikTok API for Business); "
            + messaging;
  }

  /** Closes the runtimes (the Business API's too) and their connection pools. */
  @Override
  public void close() {
    try {
      super.close();
    } finally {
      if (businessRuntime != null) {
        businessRuntime.close();
      }
    }
  }

  @Override
  public String toString() {
    String id = accountId;
    return "TikTokClient{" + (id != null ? id : "account id not read yet") + "}";
  }
}
