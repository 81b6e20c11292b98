package io.smo.tiktok.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.tiktok.CreatorInfo;
import io.smo.tiktok.TikTokOptions;
import io.smo.tiktok.TikTokOptions.Mode;
import io.smo.tiktok.TikTokRateBucket;
import io.smo.tiktok.internal.TikTokDtos.ContentInitRequest;
import io.smo.tiktok.internal.TikTokDtos.CreatorInfoData;
import io.smo.tiktok.internal.TikTokDtos.Envelope;
import io.smo.tiktok.internal.TikTokDtos.InitData;
import io.smo.tiktok.internal.TikTokDtos.PostInfo;
import io.smo.tiktok.internal.TikTokDtos.SourceInfo;
import io.smo.tiktok.internal.TikTokDtos.StatusData;
import io.smo.tiktok.internal.TikTokDtos.StatusRequest;
import io.smo.tiktok.internal.TikTokDtos.VideoInitRequest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import retrofit2.Call;

/**
 * Publishes to TikTok: {@code creator_info} (cached) and the creator checks of {@link TikTokRules}
 * for direct posts, the init call of the post's kind, the FILE_UPLOAD transfer through {@link
 * TikTokUploadProtocol}, and the status poll until TikTok finishes. TikTok has no delete.
 * Thread-safe.
 *
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-get-started">Content Posting
 *     API</a>
 */
@SmoInternalApi
public final class TikTokPublisher {
  private static final Platform P = Platform.TIKTOK;
  private static final Operation CREATOR_INFO =
      Operation.read("creator info", TikTokRateBucket.CREATOR_INFO);
  private static final Operation VIDEO_INIT =
      Operation.create("video init", TikTokRateBucket.VIDEO_INIT);
  private static final Operation INBOX_INIT =
      Operation.create("inbox video init", TikTokRateBucket.INBOX_INIT);
  private static final Operation CONTENT_INIT =
      Operation.create("photo init", TikTokRateBucket.CONTENT_INIT);
  private static final Operation STATUS = Operation.read("publish status", TikTokRateBucket.STATUS);

  private final ApiRuntime runtime;
  private final TikTokApi api;
  private final TikTokRules rules;
  private final UnaryOperator<Operation> keyed;
  private final long chunkSize;
  private final Duration processingTimeout;
  private final Duration pollInterval;
  private final UploadListener listener;
  private final Cache<String, CreatorInfo> creatorCache;

  /**
   * Creates the publisher.
   *
   * @param runtime the client's runtime
   * @param api the v2 service
   * @param rules the offline rules (and the chunk bounds)
   * @param keyed keys an operation to the client's account for rate limiting
   * @param chunkSize the preferred chunk size in bytes
   * @param processingTimeout the longest wait for TikTok to finish a post
   * @param pollInterval the first wait between status polls
   * @param creatorInfoTtl how long {@code creator_info} is reused
   * @param listener upload and processing progress
   */
  public TikTokPublisher(
      ApiRuntime runtime,
      TikTokApi api,
      TikTokRules rules,
      UnaryOperator<Operation> keyed,
      long chunkSize,
      Duration processingTimeout,
      Duration pollInterval,
      Duration creatorInfoTtl,
      UploadListener listener) {
    this.runtime = runtime;
    this.api = api;
    this.rules = rules;
    this.keyed = keyed;
    this.chunkSize = chunkSize;
    this.processingTimeout = processingTimeout;
    this.pollInterval = pollInterval;
    this.listener = listener;
    java.time.Clock clock = runtime.clock();
    this.creatorCache =
        Caffeine.newBuilder()
            .expireAfterWrite(creatorInfoTtl)
            .ticker(() -> clock.millis() * 1_000_000L)
            .maximumSize(4)
            .build();
  }

  /**
   * Returns the creator's posting options, cached.
   *
   * @throws SmoException when TikTok refuses or cannot be reached
   */
  public CreatorInfo creatorInfo() {
    return creatorCache.get(
        "creator",
        k -> {
          CreatorInfoData d =
              TikTokErrorMapper.unwrap(
                  runtime, keyed.apply(CREATOR_INFO), () -> api.creatorInfo(Map.of()));
          return TikTokMapper.creatorInfo(d);
        });
  }

  /**
   * Publishes a post that passed offline validation.
   *
   * @throws ValidationException if the creator's options refuse it (nothing was sent)
   * @throws PublishOutcomeUnknownException if the post may exist but its outcome was lost
   * @throws SmoException on other failures
   */
  public PublishedPost publish(Post post) {
    TikTokOptions o =
        post.options(TikTokOptions.class).orElseGet(() -> TikTokOptions.builder().build());
    boolean direct = o.mode() == Mode.DIRECT_POST;
    CreatorInfo creator = null;
    if (direct) {
      creator = creatorInfo();
      List<Violation> v = rules.creatorViolations(post, o, creator);
      if (!v.isEmpty()) {
        throw new ValidationException(P, v);
      }
    }
    Media first = post.media().get(0);
    String name = first.describe();
    ChunkedUploader.notify(
        listener,
        new UploadProgress(
            P, name, UploadState.STARTING, 0, Math.max(0, first.sizeBytes()), null, null));
    String publishId;
    long total = 0;
    if (first.kind() == MediaKind.VIDEO) {
      PostInfo info = direct ? TikTokMapper.videoPostInfo(post.text(), o, creator) : null;
      if (first.sourceType() == Media.SourceType.URL) {
        SourceInfo si =
            new SourceInfo(
                "PULL_FROM_URL",
                null,
                null,
                null,
                first.url().orElseThrow().toString(),
                null,
                null);
        publishId =
            init(direct ? VIDEO_INIT : INBOX_INIT, new VideoInitRequest(info, si)).publishId();
      } else {
        Path file = first.file().orElseThrow();
        try {
          total = Files.size(file);
        } catch (IOException e) {
          throw new TransportException(P, "publish", "cannot read " + file.getFileName(), e, false);
        }
        TikTokUploadProtocol.ChunkPlan plan =
            TikTokUploadProtocol.ChunkPlan.of(total, chunkSize, rules.chunkRules());
        SourceInfo si =
            new SourceInfo(
                "FILE_UPLOAD", total, plan.chunkSize(), plan.chunkCount(), null, null, null);
        InitData init = init(direct ? VIDEO_INIT : INBOX_INIT, new VideoInitRequest(info, si));
        publishId = init.publishId();
        if (init.uploadUrl() == null || init.uploadUrl().isBlank()) {
          throw new PublishOutcomeUnknownException(
              P, "publish", "TikTok gave no upload_url", null, null, List.of(), publishId);
        }
        upload(file, total, first.mimeType(), init.uploadUrl(), plan, publishId);
      }
    } else {
      List<String> urls = new ArrayList<>();
      for (Media m : post.media()) {
        urls.add(m.url().orElseThrow().toString());
      }
      PostInfo info = TikTokMapper.photoPostInfo(post.text(), o, direct ? creator : null);
      SourceInfo si =
          new SourceInfo(
              "PULL_FROM_URL",
              null,
              null,
              null,
              null,
              o.photoCoverIndex().isPresent() ? o.photoCoverIndex().getAsInt() : 0,
              urls);
      publishId =
          init(
                  CONTENT_INIT,
                  new ContentInitRequest(
                      info, si, direct ? "DIRECT_POST" : "MEDIA_UPLOAD", "PHOTO"))
              .publishId();
    }
    StatusData done = awaitPublished(publishId, total);
    return TikTokMapper.published(publishId, done, creator, runtime.clock().instant());
  }

  private InitData init(Operation op, Object body) {
    Supplier<Call<Envelope<InitData>>> call;
    if (op == VIDEO_INIT) {
      call = () -> api.videoInit((VideoInitRequest) body);
    } else if (op == INBOX_INIT) {
      call = () -> api.inboxVideoInit((VideoInitRequest) body);
    } else {
      call = () -> api.contentInit((ContentInitRequest) body);
    }
    InitData d = TikTokErrorMapper.unwrap(runtime, keyed.apply(op), call);
    if (d == null || d.publishId() == null || d.publishId().isBlank()) {
      throw new PublishOutcomeUnknownException(
          P,
          op.name(),
          "TikTok answered the init without a publish_id",
          null,
          null,
          List.of(),
          null);
    }
    return d;
  }

  private void upload(
      Path file,
      long total,
      String mime,
      String uploadUrl,
      TikTokUploadProtocol.ChunkPlan plan,
      String publishId) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      TikTokUploadProtocol protocol =
          new TikTokUploadProtocol(
              runtime,
              uploadUrl,
              plan,
              () -> Optional.ofNullable(status(publishId).uploadedBytes()).orElse(0L));
      ChunkedUploader.LastChunkWatch watch = new ChunkedUploader.LastChunkWatch(protocol);
      try {
        ChunkedUploader.upload(
            P,
            file.getFileName().toString(),
            ch,
            total,
            MediaType.parse(mime),
            watch,
            listener,
            runtime.retryPolicy(),
            runtime.sleeper());
      } catch (SmoException e) {
        if (watch.mayBeComplete(e)) {
          // a direct post publishes once the file is complete: it may exist now
          throw new PublishOutcomeUnknownException(
              P,
              "publish",
              "the last chunk was sent but its"
                  + " answer and the upload status were lost; the post may be published",
              e,
              null,
              List.of(),
              publishId);
        }
        throw e;
      }
    } catch (IOException e) {
      throw new TransportException(P, "upload", "cannot read " + file.getFileName(), e, false);
    }
  }

  private StatusData awaitPublished(String publishId, long total) {
    try {
      return ProcessingPoller.poll(
          P,
          "publish status",
          publishId,
          () -> TikTokMapper.processing(status(publishId), total),
          processingTimeout,
          pollInterval,
          runtime.clock(),
          runtime.sleeper(),
          listener,
          total);
    } catch (MediaProcessingException e) {
      if (!e.retryable()) {
        throw e; // TikTok said FAILED
      }
      throw new PublishOutcomeUnknownException(
          P,
          "publish",
          "TikTok had not finished the post within "
              + processingTimeout
              + "; it may still be published",
          e,
          null,
          List.of(),
          publishId);
    } catch (SmoException e) {
      throw new PublishOutcomeUnknownException(
          P,
          "publish",
          "the post was initialised but its" + " status could not be read: " + e.getMessage(),
          e,
          null,
          List.of(),
          publishId);
    }
  }

  /**
   * Fetches a publish status once ({@code POST /v2/post/publish/status/fetch/}).
   *
   * @throws SmoException when TikTok refuses or cannot be reached
   */
  public StatusData status(String publishId) {
    return TikTokErrorMapper.unwrap(
        runtime, keyed.apply(STATUS), () -> api.status(new StatusRequest(publishId)));
  }
}
