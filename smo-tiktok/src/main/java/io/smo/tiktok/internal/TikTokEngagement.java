package io.smo.tiktok.internal;

import io.smo.core.AccountInfo;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.tiktok.TikTokRateBucket;
import io.smo.tiktok.internal.TikTokDtos.StatusData;
import io.smo.tiktok.internal.TikTokDtos.UserInfoData;
import io.smo.tiktok.internal.TikTokDtos.Video;
import io.smo.tiktok.internal.TikTokDtos.VideoListData;
import io.smo.tiktok.internal.TikTokDtos.VideoQueryRequest;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * TikTok's engagement through the Display API: video metrics ({@code /v2/video/query/}), the
 * creator's figures and {@code open_id} ({@code /v2/user/info/}). Comments, replies and moderation
 * are not in the Content Posting or Display API: {@link #commentsUnsupported} says so. Thread-safe.
 *
 * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-video-query">Query Videos</a>
 * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info">Get User Info</a>
 */
@SmoInternalApi
public final class TikTokEngagement {
  /**
   * Why this client has no comments: the reason carried by every comment operation's {@link
   * UnsupportedFeatureException}.
   */
  public static final String NO_COMMENTS =
      "the Content Posting and Display APIs this client uses"
          + " have no comments; comments of TikTok Business accounts are only in the separate TikTok"
          + " API for Business (business-api.tiktok.com, its own app, token and business_id), whose"
          + " comment paths are confirmed by an independent SDK only and are not called by this SDK";

  private static final Platform P = Platform.TIKTOK;
  private static final Operation VIDEO_QUERY =
      Operation.read("video query", TikTokRateBucket.VIDEO_QUERY);
  private static final Operation USER_INFO =
      Operation.read("account info", TikTokRateBucket.USER_INFO);

  private final ApiRuntime runtime;
  private final TikTokApi api;
  private final UnaryOperator<Operation> keyed;
  private final Function<String, StatusData> status;

  /**
   * Creates the engagement part.
   *
   * @param runtime the client's runtime
   * @param api the v2 service
   * @param keyed keys an operation to the client's account for rate limiting
   * @param status reads a publish status (for refs whose post id is still pending)
   */
  public TikTokEngagement(
      ApiRuntime runtime,
      TikTokApi api,
      UnaryOperator<Operation> keyed,
      Function<String, StatusData> status) {
    this.runtime = runtime;
    this.api = api;
    this.keyed = keyed;
    this.status = status;
  }

  /**
   * Reads view, like, comment and share counts ({@code /v2/video/query/}, scope {@code
   * video.list}). For a ref whose post id is still pending moderation, the status is read again
   * first.
   *
   * @throws ValidationException if TikTok has not yet given the post id
   * @throws NotFoundException if TikTok does not return the video (deleted, or not the creator's)
   * @throws SmoException on other failures
   */
  public EngagementMetrics metrics(PostRef ref) {
    String id = ref.id();
    if ("true".equals(ref.attributes().get("postIdPending"))) {
      StatusData s = status.apply(ref.attributes().getOrDefault("publishId", id));
      id =
          TikTokMapper.postId(s)
              .orElseThrow(
                  () ->
                      ValidationException.of(
                          P,
                          "ref",
                          "post-id-pending",
                          ref,
                          null,
                          "TikTok has not given the post id yet (moderation pending"
                              + " or the post is private or still in the inbox)"));
    }
    String videoId = id;
    VideoListData d =
        TikTokErrorMapper.unwrap(
            runtime,
            keyed.apply(VIDEO_QUERY),
            () -> api.videoQuery(TikTokApi.VIDEO_FIELDS, VideoQueryRequest.of(List.of(videoId))));
    Video v =
        d == null || d.videos() == null
            ? null
            : d.videos().stream().filter(x -> videoId.equals(x.id())).findFirst().orElse(null);
    if (v == null) {
      throw new NotFoundException(
          ErrorDetails.builder(P, "metrics")
              .httpStatus(200)
              .message("video " + videoId + " not returned by video/query")
              .build());
    }
    return TikTokMapper.metrics(
        PostRef.of(P, videoId, ref.attributes()), v, runtime.clock().instant());
  }

  /**
   * Reads the creator's figures: {@code GET /v2/user/info/?fields=open_id,union_id,display_name,
   * username,follower_count,following_count,likes_count,video_count}. The counts need scope {@code
   * user.info.stats}; without it TikTok leaves them out and they stay absent.
   *
   * @throws SmoException on failure
   */
  public AccountInfo accountInfo() {
    UserInfoData data =
        TikTokErrorMapper.unwrap(
            runtime, keyed.apply(USER_INFO), () -> api.userInfo(TikTokApi.USER_FIELDS));
    return TikTokMapper.accountInfo(data == null ? null : data.user(), runtime.clock().instant());
  }

  /**
   * Reads the creator's {@code open_id} ({@code GET /v2/user/info/?fields=open_id}, scope {@code
   * user.info.basic}).
   *
   * @throws PlatformException if the answer names no {@code open_id}
   * @throws SmoException on other failures
   */
  public String openId() {
    UserInfoData data =
        TikTokErrorMapper.unwrap(runtime, USER_INFO, () -> api.userInfo(TikTokApi.OPEN_ID_FIELDS));
    String id = data == null || data.user() == null ? null : data.user().openId();
    if (id == null || id.isBlank()) {
      throw new PlatformException(
          ErrorDetails.builder(P, "account")
              .httpStatus(200)
              .message("GET /v2/user/info/ named no open_id")
              .build(),
          false);
    }
    return id;
  }

  /**
   * Returns the refusal of a comment operation: TikTok's Content Posting and Display APIs have no
   * comments ({@link #NO_COMMENTS}).
   *
   * @param operation the SDK operation ({@code comments}, {@code reply}, {@code comment}, {@code
   *     moderate})
   */
  public static UnsupportedFeatureException commentsUnsupported(String operation) {
    return new UnsupportedFeatureException(P, operation, NO_COMMENTS);
  }
}
