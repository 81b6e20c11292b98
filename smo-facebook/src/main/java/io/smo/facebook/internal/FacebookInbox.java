package io.smo.facebook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.http.Operation;
import io.smo.core.inbox.Mention;
import io.smo.core.pagination.Paginator;
import io.smo.metagraph.spi.GraphHttp;
import io.smo.metagraph.spi.GraphPaging;
import io.smo.metagraph.spi.GraphTime;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Facebook-only side of a Page's inbox: the posts the Page is tagged in, as mentions. The
 * Messenger conversations and sends are the platform-neutral {@code MessengerInbox} of {@code
 * smo-meta-graph}. Thread-safe. Facts: {@code engagement-and-measurement.md} §2.1.9.
 */
@SmoInternalApi
public final class FacebookInbox {
  private static final Platform platform = Platform.FACEBOOK;

  private final GraphHttp http;
  private final Supplier<String> owner;
  private final Supplier<String> account;
  private final Clock clock;

  /**
   * Creates the tagged-posts reader of one Page.
   *
   * @param http the Graph helper
   * @param owner the Page id (asked on each call)
   * @param account the client's account key (asked on each mapping)
   * @param clock the client's clock (times when Meta gives none)
   */
  public FacebookInbox(
      GraphHttp http, Supplier<String> owner, Supplier<String> account, Clock clock) {
    this.http = http;
    this.owner = owner;
    this.account = account;
    this.clock = clock;
  }

  /** {@code GET /{page-id}/tagged}: posts that tag the Page, newest first, as mentions. */
  public Paginator<Mention> taggedPosts() {
    Operation op = Operation.read("mentions", io.smo.facebook.FacebookRateBucket.READS);
    Map<String, String> q =
        Map.of("limit", "25", "fields", "id,message,from,created_time,permalink_url");
    return GraphPaging.paginator(
        cursor ->
            cursor == null ? http.get(op, owner.get() + "/tagged", q) : http.getNext(op, cursor),
        n -> {
          Mention m = taggedPost(n);
          if (m == null) {
            io.smo.core.event.InboxDropEvent.report(
                http.runtime().listener(),
                platform,
                account.get(),
                op.name(),
                "a tagged post without id was skipped");
          }
          return m;
        });
  }

  /** Maps one tagged post; {@code null} when it has no id. */
  public Mention taggedPost(JsonNode n) {
    String id = n.path("id").asText("");
    if (id.isEmpty()) {
      return null;
    }
    Mention.Builder b =
        Mention.builder(account.get(), PostRef.of(platform, id), Mention.Source.POST)
            .text(n.path("message").asText(""));
    Instant at = GraphTime.parse(n.get("created_time"));
    if (at == null) {
      at = clock.instant();
      b.drop("no created_time: the read time is used");
    }
    b.createdAt(at);
    JsonNode from = n.path("from");
    if (from.hasNonNull("id")) {
      b.authorId(from.get("id").asText()).authorName(from.path("name").asText(null));
    } else {
      b.drop("no author (the person's privacy settings hide it)");
    }
    String link = n.path("permalink_url").asText("");
    if (!link.isEmpty()) {
      try {
        b.permalink(URI.create(link));
      } catch (IllegalArgumentException e) {
        b.drop("unreadable permalink_url");
      }
    }
    return b.build();
  }
}
