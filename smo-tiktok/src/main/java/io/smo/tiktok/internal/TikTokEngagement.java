package io.smo.tiktok.internal;

import io.smo.core.AccountInfo;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
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
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.tiktok.TikTokBusinessAccount;
import io.smo.tiktok.TikTokRateBucket;
import io.smo.tiktok.internal.TikTokDtos.BusinessComment;
import io.smo.tiktok.internal.TikTokDtos.BusinessCommentCreate;
import io.smo.tiktok.internal.TikTokDtos.BusinessCommentList;
import io.smo.tiktok.internal.TikTokDtos.BusinessDelete;
import io.smo.tiktok.internal.TikTokDtos.BusinessHide;
import io.smo.tiktok.internal.TikTokDtos.BusinessReplyCreate;
import io.smo.tiktok.internal.TikTokDtos.BusinessVideo;
import io.smo.tiktok.internal.TikTokDtos.BusinessVideoList;
import io.smo.tiktok.internal.TikTokDtos.StatusData;
import io.smo.tiktok.internal.TikTokDtos.UserInfoData;
import io.smo.tiktok.internal.TikTokDtos.Video;
import io.smo.tiktok.internal.TikTokDtos.VideoListData;
import io.smo.tiktok.internal.TikTokDtos.VideoQueryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * TikTok's engagement through the Display API: video metrics ({@code /v2/video/query/}), the
 * creator's figures and {@code open_id} ({@code /v2/user/info/}); and, with a {@link
 * TikTokBusinessAccount}, comments through the TikTok API for Business ({@code business/comment/*}
 * on {@code business-api.tiktok.com/open_api/v1.3/}: list, reply, comment, hide, delete). Without
 * it, comment operations throw {@link #commentsUnsupported}. Thread-safe.
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
      "the Content Posting and Display APIs have no comments; comments of TikTok Business"
          + " accounts are in the separate TikTok API for Business (its own app, token and"
          + " business_id): turn them on with TikTokClient.builder().businessAccount(...)";

  private static final Platform P = Platform.TIKTOK;
  private static final Operation VIDEO_QUERY =
      Operation.read("video query", TikTokRateBucket.VIDEO_QUERY);
  private static final Operation USER_INFO =
      Operation.read("account info", TikTokRateBucket.USER_INFO);

  private final ApiRuntime runtime;
  private final TikTokApi api;
  private final UnaryOperator<Operation> keyed;
  private final Function<String, StatusData> status;
  private final TikTokBusinessAccount business;
  private final TikTokApi businessApi;
  private final ApiRuntime businessRuntime;

  /** Comments per Business API page (TikTok's maximum). */
  static final int MAX_COMMENTS_PER_PAGE = 30;

  private static final Operation BUSINESS_LIST =
      Operation.read("comments", TikTokRateBucket.BUSINESS_READ);
  private static final Operation BUSINESS_REPLIES =
      Operation.read("comment replies", TikTokRateBucket.BUSINESS_READ);
  private static final Operation BUSINESS_VIDEOS =
      Operation.read("business videos", TikTokRateBucket.BUSINESS_READ);
  private static final Operation BUSINESS_REPLY =
      Operation.create("reply", TikTokRateBucket.BUSINESS_WRITE);
  private static final Operation BUSINESS_COMMENT =
      Operation.create("comment", TikTokRateBucket.BUSINESS_WRITE);
  private static final Operation BUSINESS_HIDE =
      Operation.write("moderate", TikTokRateBucket.BUSINESS_WRITE);
  private static final Operation BUSINESS_DELETE =
      Operation.write("delete comment", TikTokRateBucket.BUSINESS_WRITE);

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
    this(runtime, api, keyed, status, null, null);
  }

  /**
   * Creates the engagement part with TikTok API for Business comments.
   *
   * @param runtime the client's runtime
   * @param api the v2 service
   * @param keyed keys an operation to the client's account for rate limiting
   * @param status reads a publish status (for refs whose post id is still pending)
   * @param business the Business API option, or {@code null} when comments are off
   * @param businessRuntime the Business API's runtime (its token in {@code Access-Token}, refreshed
   *     after a rejection like any client's), or {@code null} when comments are off
   */
  public TikTokEngagement(
      ApiRuntime runtime,
      TikTokApi api,
      UnaryOperator<Operation> keyed,
      Function<String, StatusData> status,
      TikTokBusinessAccount business,
      ApiRuntime businessRuntime) {
    this.runtime = runtime;
    this.api = api;
    this.keyed = keyed;
    this.status = status;
    this.business = business;
    this.businessRuntime = businessRuntime;
    this.businessApi = businessRuntime == null ? null : businessRuntime.service(TikTokApi.class);
  }

  // ------------------------------------------------------------ TikTok API for Business comments

  /** Returns whether Business API comments are on ({@link TikTokBusinessAccount} given). */
  public boolean businessComments() {
    return business != null;
  }

  /** Returns the failure-safe listener of the Business API runtime (the client's listeners). */
  io.smo.core.event.SmoListener listener() {
    return businessRuntime != null ? businessRuntime.listener() : runtime.listener();
  }

  /** Returns the Business API option, or {@code null}. */
  TikTokBusinessAccount business() {
    return business;
  }

  /** Returns the service bound to the Business API base, or {@code null}. */
  TikTokApi businessApi() {
    return businessApi;
  }

  /**
   * Lists the comments on one of the account's videos, public and hidden ({@code status=ALL}), 30
   * per page, each top-level comment followed by its replies: the up to 3 TikTok includes ({@code
   * include_replies=true}), or all of them ({@code reply/list/}) when it has more. TikTok may
   * return fewer than 30 even when more exist.
   *
   * @throws UnsupportedFeatureException without {@link TikTokBusinessAccount}
   * @throws ValidationException if the ref is not a TikTok video id
   * @throws SmoException on failure
   */
  public Paginator<Comment> comments(PostRef ref) {
    requireBusiness("comments");
    String videoId = videoId(ref);
    return Paginator.of(
        cursor -> {
          BusinessCommentList page = commentPage(videoId, cursor, true);
          List<Comment> out = new ArrayList<>();
          for (BusinessComment c : items(page)) {
            add(out, TikTokMapper.businessComment(c, videoId));
            for (BusinessComment r : replies(videoId, c)) {
              add(out, TikTokMapper.businessComment(r, videoId));
            }
          }
          return Page.of(out, nextCursor(page));
        });
  }

  /**
   * Returns a listed top-level comment's replies: the up to 3 TikTok included, or all of them from
   * {@code business/comment/reply/list/} when it has more.
   */
  List<BusinessComment> replies(String videoId, BusinessComment top) {
    if (top == null) {
      return List.of();
    }
    List<BusinessComment> included = top.replyList() == null ? List.of() : top.replyList();
    long count = top.replies() == null ? 0 : top.replies();
    if (count <= included.size() || top.commentId() == null) {
      return included;
    }
    List<BusinessComment> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      BusinessCommentList page = replyPage(videoId, top.commentId(), cursor);
      all.addAll(items(page));
      String next = nextCursor(page);
      cursor = next == null || next.equals(cursor) ? null : next;
      pages++;
    } while (cursor != null && pages < MAX_PAGES);
    return all;
  }

  /** At most this many pages (of 30) are read per list: 30,000 comments. */
  static final int MAX_PAGES = 1000;

  /** Reads one page of {@code business/comment/list/}. */
  BusinessCommentList commentPage(String videoId, String cursor, boolean includeReplies) {
    String businessId = business.businessId();
    return TikTokErrorMapper.unwrapBusiness(
        businessRuntime,
        BUSINESS_LIST,
        () ->
            businessApi.businessComments(
                businessId,
                videoId,
                "ALL",
                includeReplies,
                cursorValue(cursor),
                MAX_COMMENTS_PER_PAGE));
  }

  /** Reads one page of {@code business/comment/reply/list/}. */
  BusinessCommentList replyPage(String videoId, String commentId, String cursor) {
    String businessId = business.businessId();
    return TikTokErrorMapper.unwrapBusiness(
        businessRuntime,
        BUSINESS_REPLIES,
        () ->
            businessApi.businessReplies(
                businessId, videoId, commentId, "ALL", cursorValue(cursor), MAX_COMMENTS_PER_PAGE));
  }

  /**
   * Replies to a comment as the account ({@code business/comment/reply/create/}). A create: never
   * re-sent after it may have been processed (TikTok takes no idempotency key).
   *
   * @throws UnsupportedFeatureException without {@link TikTokBusinessAccount}
   * @throws ValidationException if the text is empty or over 150 characters, or the ref has no
   *     video id; nothing was sent
   * @throws io.smo.core.exception.PublishOutcomeUnknownException if the reply may have been posted
   * @throws SmoException on other failures
   */
  public Comment reply(CommentRef comment, String text) {
    requireBusiness("reply");
    String[] ids = split(comment);
    checkText(text);
    BusinessComment c =
        TikTokErrorMapper.unwrapBusiness(
            businessRuntime,
            BUSINESS_REPLY,
            () ->
                businessApi.businessReply(
                    new BusinessReplyCreate(business.businessId(), ids[0], ids[1], text)));
    return created(c, ids[0], text, ids[0] + TikTokMapper.COMMENT_REF_SEPARATOR + ids[1]);
  }

  /**
   * Comments on one of the account's videos as the account ({@code business/comment/create/}). A
   * create, never re-sent after it may have been processed.
   *
   * @throws UnsupportedFeatureException without {@link TikTokBusinessAccount}
   * @throws ValidationException if the text is empty or over 150 characters; nothing was sent
   * @throws io.smo.core.exception.PublishOutcomeUnknownException if the comment may have been
   *     posted
   * @throws SmoException on other failures
   */
  public Comment comment(PostRef post, String text) {
    requireBusiness("comment");
    String videoId = videoId(post);
    checkText(text);
    BusinessComment c =
        TikTokErrorMapper.unwrapBusiness(
            businessRuntime,
            BUSINESS_COMMENT,
            () ->
                businessApi.businessCreateComment(
                    new BusinessCommentCreate(business.businessId(), videoId, text)));
    return created(c, videoId, text, null);
  }

  /**
   * Hides or unhides a comment ({@code business/comment/hide/}), or deletes one of the account's
   * own comments ({@code business/comment/delete/}; TikTok deletes no one else's).
   *
   * @throws UnsupportedFeatureException without {@link TikTokBusinessAccount}
   * @throws ValidationException if the ref has no video id; nothing was sent
   * @throws SmoException on failure
   */
  public void moderate(CommentRef comment, ModerationAction action) {
    requireBusiness("moderate");
    java.util.Objects.requireNonNull(action, "action == null");
    String[] ids = split(comment);
    String businessId = business.businessId();
    if (action == ModerationAction.DELETE) {
      TikTokErrorMapper.unwrapBusiness(
          businessRuntime,
          BUSINESS_DELETE,
          () -> businessApi.businessDelete(new BusinessDelete(businessId, ids[1])));
      return;
    }
    String verb = action == ModerationAction.HIDE ? "HIDE" : "UNHIDE";
    TikTokErrorMapper.unwrapBusiness(
        businessRuntime,
        BUSINESS_HIDE,
        () -> businessApi.businessHide(new BusinessHide(businessId, ids[0], ids[1], verb)));
  }

  /**
   * Reads the account's newest videos ({@code business/video/list/}, 20 per page) up to {@code
   * limit}, newest first.
   */
  List<BusinessVideo> recentVideos(int limit) {
    String businessId = business.businessId();
    List<BusinessVideo> out = new ArrayList<>();
    String cursor = null;
    int emptyPages = 0;
    while (out.size() < limit) {
      String c = cursor;
      BusinessVideoList page =
          TikTokErrorMapper.unwrapBusiness(
              businessRuntime,
              BUSINESS_VIDEOS,
              () ->
                  businessApi.businessVideos(
                      businessId,
                      TikTokApi.BUSINESS_VIDEO_FIELDS,
                      cursorValue(c),
                      Math.min(20, limit - out.size())));
      List<BusinessVideo> videos =
          page == null || page.videos() == null ? List.of() : page.videos();
      for (BusinessVideo v : videos) {
        if (v != null && v.itemId() != null && !v.itemId().isBlank() && out.size() < limit) {
          out.add(v);
        }
      }
      emptyPages = videos.isEmpty() ? emptyPages + 1 : 0;
      String next =
          page != null && Boolean.TRUE.equals(page.hasMore()) && page.cursor() != null
              ? String.valueOf(page.cursor())
              : null;
      if (next == null || next.equals(cursor) || emptyPages >= Paginator.MAX_EMPTY_PAGES) {
        break;
      }
      cursor = next;
    }
    return out;
  }

  private Comment created(BusinessComment c, String videoId, String text, String parentRef) {
    Comment mapped = TikTokMapper.businessComment(c, videoId);
    if (mapped == null) {
      throw new io.smo.core.exception.PublishOutcomeUnknownException(
          P,
          "comment",
          "TikTok answered without a comment_id: the comment may have been posted",
          null,
          null,
          List.of(),
          null);
    }
    if (mapped.text().isEmpty() || mapped.createdAt().isEmpty() || parentRef != null) {
      Comment.Builder b =
          Comment.builder(mapped.ref())
              .text(mapped.text().isEmpty() ? text : mapped.text())
              .createdAt(mapped.createdAt().orElse(runtime.clock().instant()))
              .hidden(mapped.hidden());
      mapped.authorId().ifPresent(b::authorId);
      mapped.authorName().ifPresent(b::authorName);
      String parent = mapped.parentId().orElse(parentRef);
      if (parent != null) {
        b.parentId(parent);
      }
      return b.build();
    }
    return mapped;
  }

  private void requireBusiness(String operation) {
    if (business == null) {
      throw commentsUnsupported(operation);
    }
  }

  private static String videoId(PostRef ref) {
    java.util.Objects.requireNonNull(ref, "ref == null");
    if (ref.platform() != P) {
      throw ValidationException.of(
          P, "ref", "platform", ref, P.id(), "not a TikTok post: " + ref.platform().id());
    }
    if (!TikTokMapper.isTikTokId(ref.id())) {
      throw ValidationException.of(
          P,
          "ref",
          "video-id",
          ref,
          null,
          "TikTok video ids are numeric; this ref holds a publish_id or another id (a post whose"
              + " id TikTok has not given yet cannot be commented on)");
    }
    return ref.id();
  }

  private static String[] split(CommentRef ref) {
    java.util.Objects.requireNonNull(ref, "comment == null");
    if (ref.platform() != P) {
      throw ValidationException.of(
          P, "comment", "platform", ref, P.id(), "not a TikTok comment: " + ref.platform().id());
    }
    String[] ids = TikTokMapper.splitCommentRef(ref);
    if (ids == null) {
      throw ValidationException.of(
          P,
          "comment",
          "video-id",
          ref,
          null,
          "TikTok needs the video of a comment: use the ref of a comment read through this client,"
              + " shaped <video_id>_<comment_id> with numeric ids, not a bare comment id");
    }
    return ids;
  }

  private static void checkText(String text) {
    if (text == null || !hasVisibleCharacter(text)) {
      throw ValidationException.of(
          P,
          "text",
          "required",
          null,
          null,
          "comment text is empty or holds only white space and invisible characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean lone =
          Character.isHighSurrogate(ch)
              ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
              : Character.isLowSurrogate(ch);
      if (lone || (Character.isISOControl(ch) && ch != '\n')) {
        throw ValidationException.of(
            P,
            "text",
            "characters",
            null,
            null,
            "comment text holds a control character or a broken surrogate pair at index " + i);
      }
    }
    if (text.length() > TikTokBusinessAccount.MAX_COMMENT_TEXT) {
      throw ValidationException.of(
          P,
          "text",
          "too-long",
          text.length(),
          TikTokBusinessAccount.MAX_COMMENT_TEXT,
          "TikTok comments and replies take at most "
              + TikTokBusinessAccount.MAX_COMMENT_TEXT
              + " characters; this text has "
              + text.length());
    }
  }

  /** Whether the text has a character that is not white space, a space or a format mark. */
  private static boolean hasVisibleCharacter(String text) {
    return text.codePoints()
        .anyMatch(
            cp ->
                !Character.isWhitespace(cp)
                    && !Character.isSpaceChar(cp)
                    && Character.getType(cp) != Character.FORMAT);
  }

  private static void add(List<Comment> out, Comment c) {
    if (c != null) {
      out.add(c);
    }
  }

  static List<BusinessComment> items(BusinessCommentList page) {
    return page == null || page.comments() == null ? List.of() : page.comments();
  }

  static String nextCursor(BusinessCommentList page) {
    return page != null && Boolean.TRUE.equals(page.hasMore()) && page.cursor() != null
        ? String.valueOf(page.cursor())
        : null;
  }

  private static Long cursorValue(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      return Long.valueOf(cursor);
    } catch (NumberFormatException e) {
      throw ValidationException.of(
          P, "cursor", "numeric", cursor, null, "TikTok cursors are numeric: " + cursor);
    }
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
