package io.smo.tiktok.internal;

import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxStreams;
import io.smo.core.pagination.Paginator;
import io.smo.tiktok.internal.TikTokDtos.BusinessComment;
import io.smo.tiktok.internal.TikTokDtos.BusinessCommentList;
import io.smo.tiktok.internal.TikTokDtos.BusinessVideo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The account-wide comment stream of a TikTok Business account, through the TikTok API for
 * Business: the newest {@link io.smo.tiktok.TikTokBusinessAccount#recentVideos() videos} ({@code
 * business/video/list/}), each video's comments, public and hidden ({@code business/comment/list/}
 * with {@code status=ALL} and {@code include_replies=true}), and the full replies of any comment
 * with more replies than the 3 included ({@code business/comment/reply/list/}), merged newest
 * first.
 *
 * <p>The list endpoint's sort parameter is named {@code sort_order} by one independent SDK and
 * {@code sort_type} by another, and its default order is "smart"; the stream therefore sends no
 * sort parameter, reads every page and orders by {@code create_time} itself. Cost per poll: one
 * video-list call per 20 videos; for each video whose {@code comments} count changed since the last
 * read (or is not returned), at least one comment-list call and one reply-list call per comment
 * with more than 3 replies. A quiet account costs one call per poll. What this client itself
 * changes (a reply, a hide) is read again at the next poll. Thread-safe.
 */
@SmoInternalApi
public final class TikTokInbox {
  private static final Comparator<InboxComment> NEWEST =
      Comparator.comparing(InboxComment::createdAt, Comparator.reverseOrder())
          .thenComparing(c -> c.ref().toString());

  private final TikTokEngagement engagement;
  private final Supplier<String> accountKey;
  private final Supplier<Instant> now;

  /**
   * The comments of each recent video at the last read, by video id, with the video's {@code
   * comments} count then: a video whose count has not changed is not read again. Only complete
   * reads are kept, and only the videos of the last read.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, VideoComments> cache =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Creates the inbox.
   *
   * @param engagement the engagement part, with its Business API option
   * @param accountKey the client's account key, read when items are built
   * @param now the client's clock
   */
  public TikTokInbox(
      TikTokEngagement engagement, Supplier<String> accountKey, Supplier<Instant> now) {
    this.engagement = engagement;
    this.accountKey = accountKey;
    this.now = now;
  }

  /**
   * Returns the comments on the account's newest videos, newest first, 100 per page. The reads
   * happen when the first page is asked for.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException without a Business API option
   */
  public Paginator<InboxComment> commentStream() {
    if (!engagement.businessComments()) {
      throw TikTokEngagement.commentsUnsupported("commentStream");
    }
    return InboxStreams.paginator(this::readAll, 100);
  }

  private java.util.Iterator<InboxComment> readAll() {
    String account = accountKey.get();
    Instant readAt = now.get();
    List<InboxComment> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    java.util.Map<String, VideoComments> next = new java.util.HashMap<>();
    for (BusinessVideo v : engagement.recentVideos(engagement.business().recentVideos())) {
      String videoId = v.itemId();
      VideoComments cached = cache.get(videoId);
      if (cached != null
          && v.comments() != null
          && v.comments() == cached.count
          && cached.account.equals(account)) {
        // same count as at the last read: nothing was written or deleted since
        next.put(videoId, cached);
        for (InboxComment c : cached.items) {
          if (seen.add(c.ref().toString())) {
            all.add(c);
          }
        }
        continue;
      }
      List<InboxComment> videoItems = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        BusinessCommentList page = engagement.commentPage(videoId, cursor, true);
        for (BusinessComment top : TikTokEngagement.items(page)) {
          if (top == null || top.commentId() == null || top.commentId().isBlank()) {
            reportDrop(account, "business/comment/list", "a comment without a comment_id");
            continue;
          }
          List<BusinessComment> replies = engagement.replies(videoId, top);
          for (BusinessComment r : replies) {
            if (r == null || r.commentId() == null || r.commentId().isBlank()) {
              reportDrop(account, "business/comment/reply/list", "a reply without a comment_id");
            }
          }
          for (InboxComment c :
              TikTokMapper.inboxComments(top, replies, account, videoId, readAt)) {
            videoItems.add(c);
            if (seen.add(c.ref().toString())) {
              all.add(c);
            }
          }
        }
        String nextCursor = TikTokEngagement.nextCursor(page);
        cursor = nextCursor == null || nextCursor.equals(cursor) ? null : nextCursor;
        pages++;
      } while (cursor != null && pages < TikTokEngagement.MAX_PAGES);
      if (v.comments() != null && cursor == null) { // a complete read, with a count to compare
        VideoComments read = new VideoComments(account, v.comments(), List.copyOf(videoItems));
        next.put(videoId, read);
        // kept at once: a poll cut short by a rate limit resumes from the videos already read
        cache.put(videoId, read);
      }
    }
    cache.keySet().retainAll(next.keySet());
    all.sort(NEWEST);
    return all.iterator();
  }

  private void reportDrop(String account, String operation, String reason) {
    io.smo.core.event.InboxDropEvent.report(
        engagement.listener(), Platform.TIKTOK, account, operation, reason);
  }

  /**
   * Forgets the comments kept from the last read (after this client hid, unhid or answered one,
   * whose change the video's comment count may not show).
   */
  void invalidate() {
    cache.clear();
  }

  /** A video's comments as last read, and its comment count then. */
  private record VideoComments(String account, long count, List<InboxComment> items) {}

  /**
   * Answers an inbox comment with a public reply as the account. TikTok threads are one level deep:
   * a reply item is answered in its thread (a reply to its top-level comment).
   *
   * @throws io.smo.core.exception.ValidationException if the text is empty or over 150 characters;
   *     nothing was sent
   * @throws io.smo.core.exception.PublishOutcomeUnknownException if the reply may have been posted
   */
  public InboxItem answer(InboxComment c, String text) {
    CommentRef target =
        c.comment().parentId().map(p -> CommentRef.of(Platform.TIKTOK, p)).orElse(c.commentRef());
    Comment reply;
    try {
      reply = engagement.reply(target, text);
    } finally {
      invalidate(); // the answered flag changes; an UNKNOWN reply must be looked for too
    }
    return InboxComment.builder(accountKey.get(), c.post(), reply)
        .direction(Direction.OUTBOUND)
        .createdAt(reply.createdAt().orElse(now.get()))
        .build();
  }
}
