package io.smo.webhooks;

import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import java.time.Instant;

/**
 * Builds the inbox model's items from webhook payloads. A payload that lacks what the model
 * requires gives no item (null), never a failed delivery. When the payload has no time, the
 * delivery time is used and noted in {@link InboxItem#dropped()}.
 */
final class InboxItems {
  private static final String NO_TIME = "time: the payload had none; the delivery time is used";

  private InboxItems() {}

  static InboxItem comment(
      Platform p,
      String account,
      String postId,
      String commentId,
      String parentCommentId,
      String authorId,
      String authorName,
      String text,
      Instant at,
      Instant now) {
    if (postId == null || commentId == null) {
      return null;
    }
    try {
      Comment c =
          Comment.builder(CommentRef.of(p, commentId))
              .authorId(authorId)
              .authorName(authorName)
              .text(text)
              .createdAt(at != null ? at : now)
              .parentId(parentCommentId)
              .build();
      InboxComment.Builder b =
          InboxComment.builder(account, PostRef.of(p, postId), c)
              .direction(account.equals(authorId) ? Direction.OUTBOUND : Direction.INBOUND);
      if (at == null) {
        b.drop(NO_TIME);
      }
      return b.build();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static InboxItem message(
      Platform p,
      String account,
      String conversationId,
      String id,
      boolean outbound,
      String authorId,
      String recipientId,
      String text,
      Instant at,
      Instant now) {
    if (conversationId == null || id == null) {
      return null;
    }
    try {
      Message.Builder b =
          Message.builder(p, account, conversationId, id)
              .direction(outbound ? Direction.OUTBOUND : Direction.INBOUND)
              .authorId(authorId)
              .recipientId(recipientId)
              .text(text)
              .createdAt(at != null ? at : now);
      if (at == null) {
        b.drop(NO_TIME);
      }
      return b.build();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static InboxItem mention(
      Platform p,
      String account,
      String postId,
      String commentId,
      String authorId,
      String authorName,
      String text,
      Instant at,
      Instant now) {
    if (postId == null) {
      return null;
    }
    try {
      Mention.Builder b =
          Mention.builder(
                  account,
                  PostRef.of(p, postId),
                  commentId != null ? Mention.Source.COMMENT : Mention.Source.POST)
              .commentId(commentId)
              .authorId(authorId)
              .authorName(authorName)
              .text(text)
              .createdAt(at != null ? at : now);
      return b.build();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** X's id of a one-to-one DM conversation: the two user ids, smaller first, joined by "-". */
  static String xConversation(String a, String b) {
    if (a == null || b == null) {
      return null;
    }
    boolean aFirst = a.length() != b.length() ? a.length() < b.length() : a.compareTo(b) <= 0;
    return aFirst ? a + "-" + b : b + "-" + a;
  }
}
