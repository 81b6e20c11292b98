package io.smo.youtube.internal;

import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxStreams;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.youtube.internal.YouTubeDtos.CommentThread;
import io.smo.youtube.internal.YouTubeDtos.CommentThreadList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The channel-wide comment stream: {@code commentThreads.list} with {@code
 * allThreadsRelatedToChannelId}, {@code order=time}, {@code part=snippet,replies} (a thread and its
 * replies in one call), once with {@code moderationStatus=published} and once with {@code
 * heldForReview} (owner only; the API takes one status per call), merged newest first. Each page
 * costs 1 quota unit. Thread-safe.
 */
@SmoInternalApi
public final class YouTubeInbox {
  private static final Comparator<InboxComment> NEWEST =
      Comparator.comparing(InboxComment::createdAt, Comparator.reverseOrder());

  private final ApiRuntime runtime;
  private final YouTubeApi api;
  private final QuotaTracker quota;
  private final YouTubeEngagement engagement;
  private final Supplier<String> accountKey;

  /**
   * Creates the inbox.
   *
   * @param runtime the runtime
   * @param api the Data API service
   * @param quota the quota account
   * @param engagement the engagement part (channel id, replies)
   * @param accountKey the client's account key, read when items are built
   */
  public YouTubeInbox(
      ApiRuntime runtime,
      YouTubeApi api,
      QuotaTracker quota,
      YouTubeEngagement engagement,
      Supplier<String> accountKey) {
    this.runtime = runtime;
    this.api = api;
    this.quota = quota;
    this.engagement = engagement;
    this.accountKey = accountKey;
  }

  /** Returns the channel's comments, newest first, 100 per page. */
  public Paginator<InboxComment> commentStream() {
    return InboxStreams.paginator(
        InboxStreams.merge(
            List.of(channelStream("published"), channelStream("heldForReview")), NEWEST),
        100);
  }

  /**
   * Answers an inbox comment with a public reply; YouTube threads are one level deep, so a reply
   * item is answered in its thread (a reply to its top-level comment).
   */
  public InboxItem answer(InboxComment c, String text) {
    CommentRef target =
        c.comment().parentId().map(p -> CommentRef.of(Platform.YOUTUBE, p)).orElse(c.commentRef());
    Comment reply = engagement.reply(target, text);
    return InboxComment.builder(accountKey.get(), c.post(), reply)
        .direction(Direction.OUTBOUND)
        .createdAt(reply.createdAt().orElse(runtime.clock().instant()))
        .build();
  }

  private Iterable<InboxComment> channelStream(String status) {
    Paginator<CommentThread> threads =
        Paginator.of(
            cursor -> {
              String channel = engagement.channelId();
              CommentThreadList page =
                  quota.call(
                      runtime,
                      "commentThreads.list",
                      Operation.read("comments"),
                      () ->
                          api.listChannelCommentThreads(
                              "snippet,replies",
                              channel,
                              status,
                              "time",
                              100,
                              cursor,
                              "plainText"));
              List<CommentThread> items =
                  page == null || page.items() == null ? List.of() : page.items();
              return Page.of(items, YouTubeMapper.nextPageToken(page));
            });
    return () ->
        new Iterator<InboxComment>() {
          private final Iterator<CommentThread> it = threads.iterator();
          private final ArrayDeque<InboxComment> buffer = new ArrayDeque<>();

          @Override
          public boolean hasNext() {
            while (buffer.isEmpty() && it.hasNext()) {
              List<InboxComment> batch =
                  YouTubeMapper.inboxThread(
                      it.next(),
                      accountKey.get(),
                      engagement.channelId(),
                      status.equals("published") ? null : status,
                      runtime.clock().instant(),
                      why ->
                          io.smo.core.event.InboxDropEvent.report(
                              runtime.listener(),
                              Platform.YOUTUBE,
                              accountKey.get(),
                              "commentThreads.list",
                              why));
              batch.sort(NEWEST);
              buffer.addAll(batch);
            }
            return !buffer.isEmpty();
          }

          @Override
          public InboxComment next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return buffer.poll();
          }
        };
  }
}
