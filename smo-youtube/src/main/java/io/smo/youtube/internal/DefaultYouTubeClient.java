package io.smo.youtube.internal;

import io.smo.core.AccountInfo;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.http.ApiRuntime;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.pagination.Paginator;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.youtube.YouTubeCapabilities;
import io.smo.youtube.YouTubeClient;
import io.smo.youtube.YouTubeModerationStatus;
import io.smo.youtube.YouTubeQuota;
import io.smo.youtube.YouTubeVideoUpdate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@link YouTubeClient} implementation: wires the runtime and delegates to {@link
 * YouTubeRules}, {@link YouTubePublisher}, {@link YouTubeEngagement} and {@link YouTubeInbox}.
 * Immutable and thread-safe (the quota tracker is synchronized).
 */
@SmoInternalApi
public final class DefaultYouTubeClient extends BaseSocialClient implements YouTubeClient {
  /**
   * The client's YouTube-specific settings.
   *
   * @param analyticsBaseUrl the Analytics API base URL
   * @param quota the quota account
   * @param chunkSize the upload chunk in bytes (a multiple of 256 KiB)
   * @param processingTimeout the longest wait for processing
   * @param pollInterval the first wait between processing polls
   * @param listener the upload progress listener
   * @param analytics whether to query Analytics ({@code null}: when the token's scopes allow)
   * @param accountId the channel id, or {@code null} to learn the token's channel on first use
   */
  public record Settings(
      URI analyticsBaseUrl,
      YouTubeQuota quota,
      long chunkSize,
      Duration processingTimeout,
      Duration pollInterval,
      UploadListener listener,
      Boolean analytics,
      String accountId) {}

  private final YouTubePublisher publisher;
  private final YouTubeEngagement engagement;
  private final YouTubeInbox inbox;
  private final QuotaTracker quota;

  /** Creates the client over {@code runtime} (owned: closed with the client). */
  public DefaultYouTubeClient(ApiRuntime runtime, Settings settings) {
    super(
        runtime,
        YouTubeCapabilities.get(),
        settings.accountId() != null ? settings.accountId() : "mine");
    YouTubeApi api = runtime.service(YouTubeApi.class);
    YouTubeApi analyticsApi = runtime.service(YouTubeApi.class, settings.analyticsBaseUrl());
    this.quota = new QuotaTracker(settings.quota(), runtime.clock());
    this.publisher = new YouTubePublisher(runtime, api, quota, settings);
    this.engagement = new YouTubeEngagement(runtime, api, analyticsApi, quota, settings);
    this.inbox = new YouTubeInbox(runtime, api, quota, engagement, this::accountKey);
  }

  /**
   * Returns the channel id: the one given to the builder's {@code accountId}, else the token's
   * channel read once with {@code channels.list part=id mine=true} and kept.
   *
   * @throws io.smo.core.exception.SmoException if that call fails or the token has no channel
   */
  @Override
  public String accountKey() {
    return engagement.channelId();
  }

  @Override
  public String accountId() {
    return engagement.channelId();
  }

  @Override
  protected List<Violation> platformViolations(Post post) {
    return YouTubeRules.violations(post);
  }

  @Override
  protected PublishedPost doPublish(Post post) {
    return publisher.publish(post);
  }

  @Override
  public void updateVideo(PostRef video, YouTubeVideoUpdate update) {
    checkRef(video);
    YouTubeRules.checkUpdate(update);
    publisher.updateVideo(video, update);
  }

  @Override
  public void setThumbnail(PostRef video, Path image) {
    checkRef(video);
    YouTubeRules.checkThumbnail(image);
    publisher.uploadThumbnail(video.id(), image);
  }

  @Override
  public String addToPlaylist(PostRef video, String playlistId) {
    checkRef(video);
    YouTubeRules.checkPlaylistId(playlistId);
    return publisher.insertPlaylistItem(video.id(), playlistId);
  }

  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    publisher.delete(ref);
  }

  @Override
  public void setModerationStatus(
      CommentRef comment, YouTubeModerationStatus status, boolean banAuthor) {
    checkRef(comment);
    YouTubeRules.checkModeration(status, banAuthor);
    engagement.setModerationStatus(comment, status, banAuthor);
  }

  @Override
  public long quotaUsed() {
    return quota.used();
  }

  @Override
  public long quotaRemaining() {
    return quota.remaining();
  }

  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    return engagement.metrics(ref);
  }

  @Override
  public Paginator<Comment> comments(PostRef ref) {
    checkRef(ref);
    return engagement.comments(ref);
  }

  /**
   * Reads the channel's figures: {@code channels.list part=snippet,statistics mine=true} ({@code
   * statistics.subscriberCount}, absent when {@code hiddenSubscriberCount}; {@code videoCount};
   * {@code viewCount} in raw). YouTube reports no following count.
   */
  @Override
  public AccountInfo accountInfo() {
    return engagement.accountInfo();
  }

  @Override
  public Comment comment(PostRef post, String text) {
    checkRef(post);
    checkText(text);
    return engagement.comment(post, text);
  }

  @Override
  public Comment reply(CommentRef comment, String text) {
    checkRef(comment);
    checkText(text);
    return engagement.reply(comment, text);
  }

  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    checkRef(comment);
    engagement.moderate(comment, action);
  }

  /**
   * Lists the comments on every video of the channel, newest first (see {@link YouTubeInbox}):
   * top-level comments and the replies the threads carry are items; a comment is answered when the
   * channel replied in its thread after it. Answer with {@link #answer}, moderate with {@link
   * #moderate} on {@link InboxComment#commentRef()} (UNHIDE publishes a held comment).
   */
  @Override
  public Paginator<InboxComment> commentStream() {
    return inbox.commentStream();
  }

  /**
   * Answers an inbox comment with a public reply; YouTube threads are one level deep, so a reply
   * item is answered in its thread (a reply to its top-level comment).
   */
  @Override
  public InboxItem answer(InboxItem item, String text) {
    checkOwnItem(item);
    if (item instanceof InboxComment c) {
      checkText(text);
      return inbox.answer(c, text);
    }
    return super.answer(item, text);
  }

  @Override
  public String toString() {
    String id = engagement.knownChannelId();
    return "YouTubeClient{" + (id == null ? "mine" : id) + ", " + runtime.baseUrl() + "}";
  }
}
