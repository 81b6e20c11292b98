package io.smo.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.Platform;
import io.smo.core.event.InboxDropEvent;
import io.smo.core.event.SmoListener;
import io.smo.core.inbox.AttachmentType;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Odd but legal Graph answers (elements without id, deleted and unsupported messages, senders
 * hidden, attachments of unknown type) map without failing, and whatever is left out whole is
 * reported to the client's listener ({@link SmoListener#onInboxDrop}) without ids or text.
 */
@WireMockTest
class FacebookInboxDropsWireMockTest {
  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  /** Conversations API shape (§2.1.5) with one conversation and one message lacking an id. */
  static final String CONVERSATIONS =
      "{\"data\":[{\"id\":\"t_200\",\"updated_time\":\"2026-12-04T11:00:00+0000\","
          + "\"participants\":{\"data\":[{\"name\":\"Bo\",\"id\":\"9002\"},{\"name\":\"Page\",\"id\":\"111\"}]},"
          + "\"messages\":{\"data\":["
          + "{\"id\":\"m_21\",\"created_time\":\"2026-12-04T11:00:00+0000\",\"from\":{\"name\":\"Bo\",\"id\":\"9002\"},"
          + "\"message\":\"sticker?\",\"attachments\":{\"data\":[{\"id\":\"a9\",\"name\":\"sticker\"}]}},"
          + "{\"created_time\":\"2026-12-04T10:59:00+0000\",\"message\":\"ghost\"},"
          + "{\"id\":\"m_20\",\"is_unsupported\":true,\"created_time\":\"2026-12-04T10:58:00+0000\"},"
          + "{\"id\":\"m_19\",\"created_time\":\"2026-12-04T10:57:00+0000\",\"from\":{},\"message\":\"hidden sender\"},"
          + "{\"id\":\"m_18\",\"created_time\":\"2026-12-04T10:56:00+0000\",\"from\":{\"id\":\"9002\"},\"message\":\"\"}"
          + "]}},"
          + "{\"updated_time\":\"2026-12-04T10:00:00+0000\",\"messages\":{\"data\":[]}}],"
          + "\"paging\":{\"cursors\":{\"after\":\"QQ\"}}}";

  static final String TAGGED =
      "{\"data\":[{\"id\":\"555_1\",\"message\":\"@Page thanks\",\"created_time\":\"2026-12-04T09:00:00+0000\"},"
          + "{\"message\":\"no id here\",\"created_time\":\"2026-12-04T08:00:00+0000\"}]}";

  @Test
  void wholeElementsWithoutIdAreReportedAndTheRestMapsWithNotes(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111/conversations")).willReturn(okJson(CONVERSATIONS)));
    wm.getWireMock().register(get(urlPathEqualTo("/v26.0/111/tagged")).willReturn(okJson(TAGGED)));
    List<InboxDropEvent> drops = new CopyOnWriteArrayList<>();
    try (FacebookClient fb =
        FacebookClient.builder()
            .accountId("111")
            .accessToken("page-token-secret")
            .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
            .sleeper(d -> {})
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .listener(
                new SmoListener() {
                  @Override
                  public void onInboxDrop(InboxDropEvent event) {
                    drops.add(event);
                  }
                })
            .build()) {
      List<Conversation> convs = fb.conversations().stream().toList();
      assertThat(convs).extracting(Conversation::id).containsExactly("t_200");
      Conversation c = convs.get(0);
      assertThat(c.dropped()).anyMatch(d -> d.contains("without id"));
      assertThat(c.messages())
          .extracting(Message::platformId)
          .containsExactly("m_21", "m_20", "m_19", "m_18");
      Message sticker = c.messages().get(0);
      assertThat(sticker.attachments().get(0).type()).isEqualTo(AttachmentType.UNKNOWN);
      assertThat(sticker.dropped()).anyMatch(d -> d.contains("unknown type"));
      assertThat(c.messages().get(1).deleted()).isTrue();
      assertThat(c.messages().get(1).dropped()).anyMatch(d -> d.contains("not supported"));
      assertThat(c.messages().get(2).authorId()).isEmpty();
      assertThat(c.messages().get(2).dropped()).anyMatch(d -> d.contains("no sender"));
      assertThat(c.messages().get(3).text()).isEmpty();
      assertThat(c.messages().get(3).dropped())
          .anyMatch(d -> d.contains("no text and no attachment"));
      assertThat(sticker.dropped()).noneMatch(d -> d.contains("no text"));
      assertThat(drops)
          .extracting(InboxDropEvent::reason)
          .containsExactly(
              "a message without id was skipped", "a conversation without id was skipped");
      assertThat(drops)
          .allSatisfy(
              d -> {
                assertThat(d.platform()).isEqualTo(Platform.FACEBOOK);
                assertThat(d.account()).isEqualTo("111");
                assertThat(d.operation()).isEqualTo("conversations");
                assertThat(d.toString())
                    .doesNotContain("page-token-secret")
                    .doesNotContain("ghost");
              });

      drops.clear();
      List<Mention> mentions = fb.mentions().stream().toList();
      assertThat(mentions).extracting(Mention::platformId).containsExactly("555_1");
      assertThat(mentions.get(0).dropped()).anyMatch(d -> d.contains("no author"));
      assertThat(drops)
          .extracting(InboxDropEvent::operation, InboxDropEvent::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "mentions", "a tagged post without id was skipped"));

      drops.clear();
      List<InboxItem> items = new ArrayList<>();
      fb.items(InboxItemKind.MESSAGE, null).forEach(items::add);
      assertThat(items).hasSize(4);
      assertThat(drops).hasSize(2); // the unified inbox's reads report the same way
    }
  }
}
