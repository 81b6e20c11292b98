package io.smo.instagram.internal;

import static java.util.Objects.requireNonNull;

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
import io.smo.core.pagination.Paginator;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.instagram.ApiFlavor;
import io.smo.instagram.InstagramCapabilities;
import io.smo.instagram.InstagramClient;
import io.smo.instagram.MediaHost;
import io.smo.instagram.PublishingQuota;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The {@link InstagramClient} implementation: wires the runtime and delegates to {@link
 * InstagramRules}, {@link InstagramPublisher}, {@link InstagramEngagement} and the inbox.
 * Thread-safe.
 */
@SmoInternalApi
public final class DefaultInstagramClient extends BaseSocialClient implements InstagramClient {
  /**
   * What the builder hands over.
   *
   * @param flavor the API flavour
   * @param version the Graph version path ({@code v26.0})
   * @param accountId the configured IG User id, or {@code null} to learn it
   * @param facebookPageId the linked Page (Facebook Login), or {@code null}
   * @param mediaHost the media host, or {@code null}
   * @param resumableVideo whether local videos use the resumable upload
   * @param pollInterval the first wait between container checks
   * @param processingTimeout the longest wait for the containers of one post
   * @param uploadListener upload and container progress
   * @param ownedHttp an HTTP client the builder created for this client (released on {@link
   *     #close()}), or {@code null}
   */
  public record Settings(ApiFlavor flavor, String version, String accountId, String facebookPageId,
      MediaHost mediaHost, boolean resumableVideo, Duration pollInterval,
      Duration processingTimeout, UploadListener uploadListener, OkHttpClient ownedHttp) {}

  private final Settings settings;
  private final String configuredAccountId;
  private volatile String learnedAccountId;
  private final InstagramRules rules;
  private final InstagramPublisher publisher;
  private final InstagramEngagement engagement;

  /**
   * Creates the client.
   *
   * @param runtime the runtime (owned; closed with the client)
   * @param settings the builder's settings
   */
  public DefaultInstagramClient(ApiRuntime runtime, Settings settings) {
    super(runtime, InstagramCapabilities.of(settings.flavor()), settings.accountId() != null
        ? settings.accountId() : "pending");
    this.settings = settings;
    this.configuredAccountId = settings.accountId();
    InstagramApi api = runtime.service(InstagramApi.class);
    this.rules = new InstagramRules(settings.mediaHost() != null, settings.resumableVideo());
    this.publisher = new InstagramPublisher(runtime, api, settings.version(), this::accountId,
        settings.mediaHost(), settings.resumableVideo(), settings.pollInterval(),
        settings.processingTimeout(), settings.uploadListener());
    this.engagement = new InstagramEngagement(runtime, api, settings.version(), this::accountId);
  }

  @Override
  public ApiFlavor flavor() {
    return settings.flavor();
  }

  @Override
  public String apiVersion() {
    return settings.version();
  }

  @Override
  public String accountId() {
    String id = configuredAccountId != null ? configuredAccountId : learnedAccountId;
    if (id == null) {
      synchronized (this) {
        id = learnedAccountId;
        if (id == null) {
          id = engagement.lookupAccountId(settings.flavor(), settings.facebookPageId());
          learnedAccountId = id;
        }
      }
    }
    return id;
  }

  @Override
  public String accountKey() {
    return accountId();
  }

  @Override
  public PublishingQuota publishingQuota() {
    return publisher.publishingQuota();
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
   * Deletes published media ({@code DELETE /{ig-media-id}}), with Facebook Login only.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException with Instagram Login
   */
  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    if (settings.flavor() != ApiFlavor.FACEBOOK_LOGIN) {
      throw unsupported("delete", "Instagram Login has no media delete; Facebook Login has");
    }
    publisher.delete(ref);
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

  @Override
  public Comment reply(CommentRef comment, String text) {
    checkRef(comment);
    checkText(text);
    return engagement.reply(comment, text);
  }

  @Override
  public Comment comment(PostRef post, String text) {
    checkRef(post);
    checkText(text);
    return engagement.comment(post, text);
  }

  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    checkRef(comment);
    requireNonNull(action, "action == null");
    engagement.moderate(comment, action);
  }

  @Override
  public AccountInfo accountInfo() {
    return engagement.accountInfo();
  }

  @Override
  public String inboxUnsupportedReason() {
    return "Instagram conversations, private replies and mentions are not wired in this SDK version";
  }

  /** Closes the runtime and the HTTP client the builder created for this client (if any). */
  @Override
  public void close() {
    try {
      super.close();
    } finally {
      release(settings.ownedHttp());
    }
  }

  /**
   * Shuts down an HTTP client this module created (its dispatcher and pooled connections).
   *
   * @param http the client, or {@code null}
   */
  public static void release(OkHttpClient http) {
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "InstagramClient{" + settings.flavor() + ", " + settings.version() + ", account="
        + (configuredAccountId != null ? configuredAccountId
            : learnedAccountId != null ? learnedAccountId : "(not yet read)") + "}";
  }
}
