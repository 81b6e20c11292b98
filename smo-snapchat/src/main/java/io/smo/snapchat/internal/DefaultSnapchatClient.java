package io.smo.snapchat.internal;

import static java.util.Objects.requireNonNull;

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
import io.smo.snapchat.SnapchatCapabilities;
import io.smo.snapchat.SnapchatClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@link SnapchatClient} implementation: wires the runtime, the two Retrofit services
 * (Marketing API and Public Profile API hosts) and the parts ({@link SnapchatRules}, {@link
 * SnapchatPublisher}, {@link SnapchatEngagement}, {@link SnapchatUploadProtocol}) and delegates to
 * them. Immutable and thread-safe.
 */
@SmoInternalApi
public final class DefaultSnapchatClient extends BaseSocialClient implements SnapchatClient {
  /**
   * The builder's settings.
   *
   * @param profileId the Public Profile id, or {@code null}
   * @param adAccountId the ad account id, or {@code null}
   * @param profileBaseUrl the Public Profile API host
   * @param chunkSize the upload part size (and the largest single upload) in bytes
   * @param processingTimeout the longest wait for uploaded media to become READY
   * @param pollInterval the first wait between media status polls
   * @param uploadListener upload progress
   */
  public record Settings(
      String profileId,
      String adAccountId,
      URI profileBaseUrl,
      long chunkSize,
      Duration processingTimeout,
      Duration pollInterval,
      UploadListener uploadListener) {
    /** Checks the values. */
    public Settings {
      if (profileId == null && adAccountId == null) {
        throw new IllegalArgumentException("profileId and adAccountId are both null");
      }
      requireNonNull(profileBaseUrl, "profileBaseUrl == null");
      requireNonNull(processingTimeout, "processingTimeout == null");
      requireNonNull(pollInterval, "pollInterval == null");
      requireNonNull(uploadListener, "uploadListener == null");
    }
  }

  private final Settings settings;
  private final SnapchatRules rules;
  private final SnapchatPublisher publisher;
  private final SnapchatEngagement engagement;

  /**
   * Creates the client.
   *
   * @param runtime the runtime (owned: closed with the client)
   * @param settings the builder's settings
   */
  public DefaultSnapchatClient(ApiRuntime runtime, Settings settings) {
    super(
        runtime,
        SnapchatCapabilities.get(),
        settings.profileId() != null ? settings.profileId() : settings.adAccountId());
    this.settings = settings;
    SnapchatApi adsApi = runtime.service(SnapchatApi.class);
    SnapchatApi profileApi = runtime.service(SnapchatApi.class, settings.profileBaseUrl());
    SnapchatUploadProtocol upload =
        new SnapchatUploadProtocol(
            runtime,
            adsApi,
            profileApi,
            settings.chunkSize(),
            settings.uploadListener(),
            settings.processingTimeout(),
            settings.pollInterval());
    this.rules = new SnapchatRules(settings.profileId(), settings.adAccountId(), runtime.clock());
    this.publisher =
        new SnapchatPublisher(
            runtime, adsApi, profileApi, upload, settings.profileId(), settings.adAccountId());
    this.engagement =
        new SnapchatEngagement(
            runtime, adsApi, profileApi, settings.profileId(), settings.adAccountId());
  }

  @Override
  public String accountId() {
    return accountKey();
  }

  @Override
  public Optional<String> adAccountId() {
    return Optional.ofNullable(settings.adAccountId());
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
   * Deletes a promoted post's ad; see {@link SnapchatPublisher#delete}.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException for organic posts
   */
  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    publisher.delete(ref, SnapchatEngagement.kind(ref));
  }

  /** Reads ad stats or organic insights; see {@link SnapchatEngagement#metrics}. */
  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    return engagement.metrics(ref);
  }

  @Override
  public Paginator<PostRef> promotedPosts() {
    return engagement.promotedPosts();
  }

  /**
   * Snapchat reports no account figures this SDK can read.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException always
   */
  @Override
  public AccountInfo accountInfo() {
    throw SnapchatEngagement.accountInfoUnsupported();
  }

  /**
   * Returns why this client offers no inbox: no official comment, DM or mention API for organic
   * Snapchat content was found ({@code engagement-and-measurement.md} §2.5, a negative result).
   */
  @Override
  public String inboxUnsupportedReason() {
    return "Snapchat has no public API for comments, direct messages or mentions of organic content";
  }

  @Override
  public String toString() {
    return "SnapchatClient{" + accountKey() + "}";
  }
}
