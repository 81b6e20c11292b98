package io.smo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.smo.core.Platform;
import io.smo.core.event.EngagementEvent;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.Message;
import io.smo.webhooks.WebhookException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payload shapes from the platforms' documentation and captured fixtures become neutral events. */
class ParsingTest {
  static final String ATOM_NEW =
      "<?xml version='1.0' encoding='UTF-8'?>"
          + "<feed xmlns:yt=\"http://www.youtube.com/xml/schemas/2015\" xmlns=\"http://www.w3.org/2005/Atom\">"
          + "<link rel=\"hub\" href=\"https://pubsubhubbub.appspot.com\"/>"
          + "<title>YouTube video feed</title><updated>2026-12-04T12:00:00.5+00:00</updated>"
          + "<entry><id>yt:video:VIDEO_ID</id><yt:videoId>VIDEO_ID</yt:videoId>"
          + "<yt:channelId>CHANNEL_ID</yt:channelId><title>Video title</title>"
          + "<link rel=\"alternate\" href=\"http://www.youtube.com/watch?v=VIDEO_ID\"/>"
          + "<author><name>Channel title</name><uri>http://www.youtube.com/channel/CHANNEL_ID</uri></author>"
          + "<published>2026-12-04T12:00:00+00:00</published><updated>2026-12-04T12:00:10+00:00</updated>"
          + "</entry></feed>";

  @Test
  void pageFeedCommentsAndReactions() {
    String json =
        "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE\",\"time\":1764849600,\"changes\":["
            + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"P_C1\",\"post_id\":\"PAGE_P\","
            + "\"parent_id\":\"PAGE_P\",\"from\":{\"id\":\"U1\",\"name\":\"Ann\"},\"message\":\"nice\",\"created_time\":1764849601}},"
            + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"edited\",\"comment_id\":\"P_C1\",\"post_id\":\"PAGE_P\",\"message\":\"nicer\"}},"
            + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"remove\",\"comment_id\":\"P_C1\",\"post_id\":\"PAGE_P\"}},"
            + "{\"field\":\"feed\",\"value\":{\"item\":\"reaction\",\"verb\":\"add\",\"reaction_type\":\"love\",\"post_id\":\"PAGE_P\",\"from\":{\"id\":\"U2\"}}},"
            + "{\"field\":\"feed\",\"value\":{\"item\":\"status\",\"verb\":\"add\",\"post_id\":\"PAGE_P2\",\"from\":{\"id\":\"PAGE\"}}},"
            + "{\"field\":\"ratings\",\"value\":{\"x\":1}}]}]}";
    List<EngagementEvent> ev = Sign.meta(Sign.meta(), json).events();
    assertThat(ev)
        .extracting(EngagementEvent::kind)
        .containsExactly(
            "comment.created",
            "comment.edited",
            "comment.removed",
            "reaction",
            "post.published",
            "unknown");
    EngagementEvent c = ev.get(0);
    assertThat(c.platform()).isEqualTo(Platform.FACEBOOK);
    assertThat(c.accountId()).isEqualTo("PAGE");
    assertThat(c.objectId()).contains("P_C1");
    assertThat(c.parentId()).contains("PAGE_P");
    assertThat(c.authorName()).contains("Ann");
    assertThat(c.text()).contains("nice");
    assertThat(c.rawJson()).contains("\"comment_id\":\"P_C1\"");
    assertThat(((EngagementEvent.Reaction) ev.get(3)).reactionType()).contains("love");
    InboxComment item = c.inboxItem().map(InboxComment.class::cast).orElseThrow();
    assertThat(item.ref().platform()).isEqualTo(Platform.FACEBOOK);
    assertThat(item.account()).isEqualTo("PAGE");
    assertThat(item.post().id()).isEqualTo("PAGE_P");
    assertThat(item.comment().id()).isEqualTo("P_C1");
    assertThat(item.text()).isEqualTo("nice");
    assertThat(item.direction()).isEqualTo(Direction.INBOUND);
    assertThat(ev.get(1).inboxItem()).isPresent();
    assertThat(ev.get(2).inboxItem()).isEmpty();
    assertThat(ev.get(5).type()).isEqualTo("page/ratings");
    assertThat(ev.get(5).rawJson()).contains("\"x\":1");
  }

  @Test
  void instagramCommentFixtureFromShared() throws Exception {
    Path f = sharedFixture("instagram/webhook_comments.json");
    assumeTrue(f != null, "../shared is absent: skipped");
    List<EngagementEvent> ev = Sign.meta(Sign.meta(), Files.readString(f)).events();
    assertThat(ev).hasSize(1);
    EngagementEvent.CommentCreated c = (EngagementEvent.CommentCreated) ev.get(0);
    assertThat(c.platform()).isEqualTo(Platform.INSTAGRAM);
    assertThat(c.objectId()).contains("123456789");
    assertThat(c.parentId()).contains("987654321");
    assertThat(c.authorName()).contains("testuser");
    assertThat(c.text()).contains("This is an example.");
    InboxComment item = (InboxComment) c.inboxItem().orElseThrow();
    assertThat(item.post().id()).isEqualTo("76543987");
    assertThat(item.comment().parentId()).contains("987654321");
  }

  @Test
  void messagingMessagesEchoesAndReactions() {
    String json =
        "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE\",\"time\":1458692752478,\"messaging\":["
            + "{\"sender\":{\"id\":\"PSID\"},\"recipient\":{\"id\":\"PAGE\"},\"timestamp\":1458692752478,\"message\":{\"mid\":\"m1\",\"text\":\"hello\"}},"
            + "{\"sender\":{\"id\":\"PAGE\"},\"recipient\":{\"id\":\"PSID\"},\"timestamp\":1458692752479,\"message\":{\"mid\":\"m2\",\"text\":\"hi!\",\"is_echo\":true}},"
            + "{\"sender\":{\"id\":\"PSID\"},\"recipient\":{\"id\":\"PAGE\"},\"timestamp\":1458692752480,\"reaction\":{\"mid\":\"m2\",\"action\":\"react\",\"reaction\":\"love\"}},"
            + "{\"sender\":{\"id\":\"PSID\"},\"recipient\":{\"id\":\"PAGE\"},\"timestamp\":1458692752481,\"read\":{\"watermark\":1}}]}]}";
    List<EngagementEvent> ev = Sign.meta(Sign.meta(), json).events();
    assertThat(ev)
        .extracting(EngagementEvent::kind)
        .containsExactly("message.received", "message.echoed", "reaction", "unknown");
    assertThat(ev.get(0).objectId()).contains("m1");
    assertThat(ev.get(0).parentId()).contains("PSID");
    assertThat(ev.get(1).parentId()).contains("PSID");
    assertThat(ev.get(0).occurredAt().orElseThrow().toEpochMilli()).isEqualTo(1458692752478L);
    assertThat(ev.get(3).type()).isEqualTo("messaging/read");
    Message in = (Message) ev.get(0).inboxItem().orElseThrow();
    Message out = (Message) ev.get(1).inboxItem().orElseThrow();
    assertThat(in.direction()).isEqualTo(Direction.INBOUND);
    assertThat(out.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(in.conversationId()).isEqualTo(out.conversationId()).isEqualTo("PSID");
    assertThat(in.text()).isEqualTo("hello");
  }

  @Test
  void xRepliesMentionsOwnPostsLikesFollowsAndDms() {
    String json =
        "{\"for_user_id\":\"42\","
            + "\"tweet_create_events\":["
            + "{\"id_str\":\"t1\",\"text\":\"@me thanks\",\"user\":{\"id_str\":\"7\",\"screen_name\":\"ann\"},\"in_reply_to_status_id_str\":\"t0\",\"in_reply_to_user_id_str\":\"42\",\"timestamp_ms\":\"1764849600000\"},"
            + "{\"id_str\":\"t2\",\"text\":\"look @me\",\"user\":{\"id_str\":\"8\"},\"entities\":{\"user_mentions\":[{\"id_str\":\"42\"}]}},"
            + "{\"id_str\":\"t3\",\"text\":\"mine\",\"user\":{\"id_str\":\"42\"}}],"
            + "\"favorite_events\":[{\"id\":\"f1\",\"favorited_status\":{\"id_str\":\"t3\"},\"user\":{\"id_str\":\"9\"}}],"
            + "\"follow_events\":[{\"type\":\"follow\",\"source\":{\"id\":\"9\"},\"target\":{\"id\":\"42\"}},{\"type\":\"unfollow\",\"source\":{\"id\":\"10\"},\"target\":{\"id\":\"42\"}}],"
            + "\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\"d1\",\"created_timestamp\":\"1764849600000\",\"message_create\":{\"target\":{\"recipient_id\":\"42\"},\"sender_id\":\"7\",\"message_data\":{\"text\":\"psst\"}}},"
            + "{\"type\":\"message_create\",\"id\":\"d2\",\"message_create\":{\"target\":{\"recipient_id\":\"7\"},\"sender_id\":\"42\",\"message_data\":{\"text\":\"yes?\"}}}],"
            + "\"users\":{\"7\":{\"screen_name\":\"ann\"}},"
            + "\"tweet_delete_events\":[{\"status\":{\"id\":\"t9\"}}]}";
    List<EngagementEvent> ev = Sign.x(Sign.x(), json).events();
    assertThat(ev)
        .extracting(EngagementEvent::kind)
        .containsExactly(
            "comment.created",
            "mention",
            "post.published",
            "reaction",
            "follow",
            "follow",
            "message.received",
            "message.echoed",
            "unknown");
    assertThat(ev).allMatch(e -> e.accountId().equals("42"));
    assertThat(ev.get(0).parentId()).contains("t0");
    assertThat(((EngagementEvent.Follow) ev.get(5)).removed()).isTrue();
    assertThat(ev.get(6).authorName()).contains("ann");
    assertThat(ev.get(8).type()).isEqualTo("tweet_delete_events");
    assertThat(((InboxComment) ev.get(0).inboxItem().orElseThrow()).post().id()).isEqualTo("t0");
    assertThat(ev.get(1).inboxItem().orElseThrow()).isInstanceOf(io.smo.core.inbox.Mention.class);
    Message dm = (Message) ev.get(6).inboxItem().orElseThrow();
    Message echo = (Message) ev.get(7).inboxItem().orElseThrow();
    assertThat(dm.conversationId()).isEqualTo("7-42").isEqualTo(echo.conversationId());
    assertThat(echo.direction()).isEqualTo(Direction.OUTBOUND);
  }

  @Test
  void tiktokPublishEventsCarryThePublishId() {
    TikTokWebhookHandler h = Sign.tiktok();
    String ok =
        "{\"client_key\":\"ck\",\"event\":\"post.publish.complete\",\"create_time\":1764849600,"
            + "\"user_openid\":\"open-1\",\"content\":\"{\\\"publish_id\\\":\\\"v_pub_file~v2-1.123\\\",\\\"publish_type\\\":\\\"DIRECT_PUBLISH\\\"}\"}";
    String failed =
        "{\"client_key\":\"ck\",\"event\":\"post.publish.failed\",\"create_time\":1764849601,"
            + "\"user_openid\":\"open-1\",\"content\":\"{\\\"publish_id\\\":\\\"v_pub_file~v2-1.124\\\",\\\"reason\\\":\\\"file_format_check_failed\\\"}\"}";
    String other =
        "{\"client_key\":\"ck\",\"event\":\"authorization.removed\",\"create_time\":1764849602,"
            + "\"user_openid\":\"open-1\",\"content\":\"{\\\"reason\\\":1}\"}";
    EngagementEvent a = Sign.tiktok(h, ok).events().get(0);
    assertThat(a).isInstanceOf(EngagementEvent.PostPublished.class);
    assertThat(a.objectId()).contains("v_pub_file~v2-1.123");
    assertThat(a.accountId()).isEqualTo("open-1");
    EngagementEvent.PostFailed f =
        (EngagementEvent.PostFailed) Sign.tiktok(h, failed).events().get(0);
    assertThat(f.objectId()).contains("v_pub_file~v2-1.124");
    assertThat(f.reason()).contains("file_format_check_failed");
    EngagementEvent u = Sign.tiktok(h, other).events().get(0);
    assertThat(u).isInstanceOf(EngagementEvent.Unknown.class);
    assertThat(u.type()).isEqualTo("authorization.removed");
  }

  @Test
  void youtubeAtomNewUpdatedAndDeleted() {
    YouTubeWebhookHandler h = Sign.youtube();
    EngagementEvent e = Sign.youtube(h, ATOM_NEW).events().get(0);
    assertThat(e).isInstanceOf(EngagementEvent.PostPublished.class);
    assertThat(e.type()).isEqualTo("video.new");
    assertThat(e.objectId()).contains("VIDEO_ID");
    assertThat(e.accountId()).isEqualTo("CHANNEL_ID");
    assertThat(e.text()).contains("Video title");
    String updated =
        ATOM_NEW.replace(
            "<updated>2026-12-04T12:00:10+00:00</updated>",
            "<updated>2026-12-05T09:00:00+00:00</updated>");
    assertThat(Sign.youtube(h, updated).events().get(0).type()).isEqualTo("video.updated");
    String deleted =
        "<feed xmlns:at=\"http://purl.org/atompub/tombstones/1.0\" xmlns=\"http://www.w3.org/2005/Atom\">"
            + "<at:deleted-entry ref=\"yt:video:VID9\" when=\"2026-12-04T13:00:00+00:00\">"
            + "<link href=\"https://www.youtube.com/watch?v=VID9\"/><at:by><name>c</name>"
            + "<uri>https://www.youtube.com/channel/CHAN9</uri></at:by></at:deleted-entry></feed>";
    EngagementEvent d = Sign.youtube(h, deleted).events().get(0);
    assertThat(d.type()).isEqualTo("video.deleted");
    assertThat(d.objectId()).contains("VID9");
    assertThat(d.accountId()).isEqualTo("CHAN9");
  }

  @Test
  void xxeAndEntityExpansionAreRefused(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-FILE");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:yt=\"http://www.youtube.com/xml/schemas/2015\">"
            + "<entry><yt:videoId>&x;</yt:videoId></entry></feed>";
    WebhookResult r = Sign.youtube(Sign.youtube(), xxe);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error().orElseThrow().reason()).isEqualTo(Reason.MALFORMED_BODY);
    assertThat(r.events()).isEmpty();
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\">&lol2;</feed>";
    assertThat(Sign.youtube(Sign.youtube(), bomb).status()).isEqualTo(400);
    assertThat(Sign.youtube(Sign.youtube(), "{\"json\":true}").status()).isEqualTo(400);
  }

  static Path sharedFixture(String rel) {
    String dir = System.getProperty("smo.shared.dir");
    if (dir == null) {
      return null;
    }
    Path p = Path.of(dir, "fixtures", rel);
    return Files.isRegularFile(p) ? p : null;
  }
}
