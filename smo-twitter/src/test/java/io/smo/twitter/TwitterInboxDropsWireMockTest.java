package io.smo.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.Platform;
import io.smo.core.event.InboxDropEvent;
import io.smo.core.event.SmoListener;
import io.smo.core.exception.RateLimitException;
import io.smo.core.inbox.AttachmentType;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Odd but legal X v2 answers (DmEvent and Tweet shapes of the OpenAPI description with fields
 * missing, media of an unknown type) map without failing; an element without id is reported to the
 * listener; participants joining are no messages and no drop. The mentions timeline's 429 is a
 * typed rate limit.
 */
@WireMockTest
class TwitterInboxDropsWireMockTest {
  static final String ME = "1512210732774948865";
  static final String ANN = "1578900353814519810";

  static final String EVENTS =
      "{\"data\":["
          + "{\"id\":\"1582838223937400850\",\"text\":\"gif\",\"event_type\":\"MessageCreate\","
          + "\"dm_conversation_id\":\""
          + ME
          + "-"
          + ANN
          + "\",\"created_at\":\"2026-12-04T11:00:00.000Z\",\"sender_id\":\""
          + ANN
          + "\",\"attachments\":{\"media_keys\":[\"16_1\"],\"card_ids\":[\"c1\"]}},"
          + "{\"text\":\"no id\",\"event_type\":\"MessageCreate\",\"created_at\":\"2026-12-04T10:30:00.000Z\"},"
          + "{\"id\":\"1582838223937400849\",\"event_type\":\"ParticipantsLeave\",\"dm_conversation_id\":\"g1\"},"
          + "{\"id\":\"1582838223937400848\",\"event_type\":\"MessageCreate\",\"text\":\"who?\"}],"
          + "\"includes\":{\"media\":[{\"media_key\":\"16_1\",\"type\":\"hologram\"}]},"
          + "\"meta\":{\"result_count\":4}}";

  private TwitterClient client(WireMockRuntimeInfo wm, List<InboxDropEvent> drops) {
    return TwitterClient.builder()
        .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
        .accessToken("tok-secret")
        .accountId(ME)
        .sleeper(d -> {})
        .listener(
            new SmoListener() {
              @Override
              public void onInboxDrop(InboxDropEvent event) {
                drops.add(event);
              }
            })
        .build();
  }

  @Test
  void oddDmEventsAndMentionsMapAndWhatHasNoIdIsReported(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get(urlPathEqualTo("/2/dm_events")).willReturn(okJson(EVENTS)));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/2/users/" + ME + "/mentions"))
                .willReturn(
                    okJson(
                        "{\"data\":[{\"id\":\"1900000000000000009\",\"text\":\"@brand hi\"},"
                            + "{\"text\":\"@brand no id\",\"author_id\":\""
                            + ANN
                            + "\"}],\"meta\":{\"result_count\":2}}")));
    List<InboxDropEvent> drops = new CopyOnWriteArrayList<>();
    try (TwitterClient x = client(wm, drops)) {
      List<InboxItem> dms = new ArrayList<>();
      x.items(InboxItemKind.MESSAGE, null).forEach(dms::add);
      assertThat(dms)
          .extracting(InboxItem::platformId)
          .containsExactly("1582838223937400850", "1582838223937400848");
      Message gif = (Message) dms.get(0);
      assertThat(gif.attachments().get(0).type()).isEqualTo(AttachmentType.UNKNOWN);
      assertThat(gif.dropped())
          .anyMatch(d -> d.contains("unknown type hologram"))
          .anyMatch(d -> d.contains("card"));
      Message who = (Message) dms.get(1);
      assertThat(who.authorId()).isEmpty();
      assertThat(who.threadId()).isEqualTo("unknown");
      assertThat(who.dropped())
          .anyMatch(d -> d.contains("no sender_id"))
          .anyMatch(d -> d.contains("no created_at"))
          .anyMatch(d -> d.contains("no dm_conversation_id"));
      assertThat(drops)
          .extracting(InboxDropEvent::operation, InboxDropEvent::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "dm_events", "a DM event without id was skipped"));

      drops.clear();
      List<Mention> ms = x.mentions().stream().toList();
      assertThat(ms).extracting(Mention::platformId).containsExactly("1900000000000000009");
      assertThat(drops)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.platform()).isEqualTo(Platform.TWITTER);
                assertThat(d.account()).isEqualTo(x.accountKey());
                assertThat(d.reason()).isEqualTo("a post without id was skipped");
                assertThat(d.toString()).doesNotContain("tok-secret").doesNotContain("no id");
              });
    }
  }

  @Test
  void aRateLimitedMentionsTimelineIsTyped(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/2/users/" + ME + "/mentions"))
                .willReturn(
                    aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-rate-limit-limit", "10")
                        .withHeader("x-rate-limit-remaining", "0")
                        .withHeader("x-rate-limit-reset", "4102444800")
                        .withBody(
                            "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\","
                                + "\"type\":\"about:blank\",\"status\":429}")));
    try (TwitterClient x = client(wm, new CopyOnWriteArrayList<>())) {
      assertThatThrownBy(() -> x.items(InboxItemKind.MENTION, null).iterator().hasNext())
          .isInstanceOf(RateLimitException.class);
    }
  }
}
