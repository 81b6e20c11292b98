package io.smo.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.event.EngagementEvent;
import io.smo.core.event.EventDeduplicator;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxWebhooks;
import io.smo.webhooks.MetaWebhookHandler;
import io.smo.webhooks.TikTokWebhookHandler;
import io.smo.webhooks.WebhookServer;
import io.smo.webhooks.Webhooks;
import io.smo.webhooks.XWebhookHandler;
import io.smo.webhooks.YouTubeWebhookHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smo listen}: serves the webhook handlers of every platform with a configured secret on one
 * port ({@code /webhooks/meta}, {@code /webhooks/x}, {@code /webhooks/tiktok}, {@code
 * /webhooks/youtube}) and prints each verified, de-duplicated event as it arrives.
 */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = {
      "Receive verified webhooks from Meta, X, TikTok and YouTube on one port and print each event once.",
      "Secrets: SMO_META_APP_SECRET + SMO_META_VERIFY_TOKEN, SMO_X_CONSUMER_SECRET, SMO_TIKTOK_CLIENT_SECRET,"
          + " SMO_YOUTUBE_HUB_SECRET (a platform without its secret is not served).",
      "--sandbox starts the sandbox in webhook mode, delivering to this listener."
    })
final class ListenCmd extends SmoCli.Base {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default 8080; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "0.0.0.0",
      description = "Address to bind (default all interfaces).")
  String bind;

  @Option(names = "--json", description = "Print one JSON object per event and line.")
  boolean json;

  @Option(
      names = "--sandbox",
      description = "Start the sandbox in webhook mode, delivering signed events here.")
  boolean sandbox;

  @Option(
      names = "--activity",
      defaultValue = "0",
      description =
          "With --sandbox: emit N seeded background events (comments, messages, mentions).")
  int activity;

  @Option(
      names = "--max-events",
      defaultValue = "0",
      description = "Stop after N events (default: run until stopped).")
  int maxEvents;

  @Option(
      names = "--inbox",
      description =
          "Forward each comment, message and mention to the unified inbox of the configured accounts"
              + " (the sandbox's with --sandbox): it is yielded by the inbox's next poll, once, even when the platform lists it too.")
  boolean inbox;

  @Option(
      names = "--inbox-poll",
      defaultValue = "0",
      paramLabel = "SECONDS",
      description =
          "With --inbox: poll the inbox every SECONDS and print its new items (default 0: once, when stopping).")
  int inboxPoll;

  @Override
  public Integer call() throws Exception {
    if (inboxPoll < 0) {
      err.println("error: --inbox-poll must be 0 or more seconds");
      return 2;
    }
    Session session = inbox || sandbox ? session(null) : null;
    if (sandbox && session != null && !session.sandboxOnly()) {
      err.println(
          "error: --sandbox with credentials configured; drop --sandbox or the credentials");
      session.close();
      return 2;
    }
    Sandbox sb = sandbox ? session.sandbox() : null;
    java.util.concurrent.ScheduledExecutorService poller = null;
    try {
      io.smo.core.inbox.UnifiedInbox unified = inbox ? unifiedInbox(session) : null;
      java.util.concurrent.atomic.AtomicReference<io.smo.core.inbox.InboxCheckpoint> checkpoint =
          new java.util.concurrent.atomic.AtomicReference<>(
              unified == null ? null : io.smo.core.inbox.InboxCheckpoint.start(unified.id()));
      AtomicInteger forwarded = new AtomicInteger();
      SandboxWebhooks hooks =
          sb == null ? null : sb.webhooks(java.net.URI.create("http://127.0.0.1:1/"));
      EventDeduplicator dedup = EventDeduplicator.defaults();
      Webhooks.Builder b = hooks != null ? hooks.receiver(dedup) : Webhooks.builder();
      List<String> served = new ArrayList<>();
      if (hooks == null) {
        String metaSecret = env.get("SMO_META_APP_SECRET");
        String verify = env.get("SMO_META_VERIFY_TOKEN");
        if (metaSecret != null && verify != null) {
          b.add(
              MetaWebhookHandler.builder()
                  .appSecret(metaSecret)
                  .verifyToken(verify)
                  .deduplicator(dedup)
                  .build());
        }
        if (env.get("SMO_X_CONSUMER_SECRET") != null) {
          b.add(
              XWebhookHandler.builder()
                  .consumerSecret(env.get("SMO_X_CONSUMER_SECRET"))
                  .deduplicator(dedup)
                  .build());
        }
        if (env.get("SMO_TIKTOK_CLIENT_SECRET") != null) {
          b.add(
              TikTokWebhookHandler.builder()
                  .clientSecret(env.get("SMO_TIKTOK_CLIENT_SECRET"))
                  .deduplicator(dedup)
                  .build());
        }
        if (env.get("SMO_YOUTUBE_HUB_SECRET") != null) {
          b.add(
              YouTubeWebhookHandler.builder()
                  .secret(env.get("SMO_YOUTUBE_HUB_SECRET"))
                  .deduplicator(dedup)
                  .build());
        }
      }
      CountDownLatch done = new CountDownLatch(1);
      AtomicInteger count = new AtomicInteger();
      b.addListener(
          e -> {
            boolean taken = unified != null && unified.offer(e);
            if (taken) {
              forwarded.incrementAndGet();
            }
            java.io.PrintStream printer = out; // the stream Picocli's factory injected; set once
            synchronized (printer) {
              out.println(
                  json
                      ? toJson(e, unified == null ? null : taken)
                      : toText(e) + (taken ? "  -> inbox" : ""));
              out.flush();
            }
            if (maxEvents > 0 && count.incrementAndGet() >= maxEvents) {
              done.countDown();
            }
          });
      Webhooks webhooks;
      try {
        webhooks = b.build();
      } catch (IllegalStateException noHandler) {
        err.println(
            "error: no webhook secret configured. Set SMO_META_APP_SECRET and SMO_META_VERIFY_TOKEN,"
                + " SMO_X_CONSUMER_SECRET, SMO_TIKTOK_CLIENT_SECRET or SMO_YOUTUBE_HUB_SECRET, or use --sandbox.");
        return 2;
      }
      served.addAll(webhooks.handlers().keySet());
      try (WebhookServer server =
          WebhookServer.start(webhooks, new InetSocketAddress(bind, port))) {
        for (String name : served) {
          err.println(
              "listening: http://" + bind + ":" + server.port() + WebhookServer.PATH + name);
        }
        if (hooks != null) {
          err.println(
              "sandbox: webhook mode on (the events below come from the sandbox, not from real accounts)");
          hooks = sb.webhooks(server.baseUrl());
          boolean meta = hooks.verifyMeta();
          boolean crc = hooks.crcCheck();
          boolean websub =
              hooks.verifyWebSub("https://www.youtube.com/xml/feeds/videos.xml?channel_id=sandbox");
          err.println(
              "handshakes: meta challenge "
                  + ok(meta)
                  + ", x crc "
                  + ok(crc)
                  + ", websub "
                  + ok(websub));
          hooks.backgroundActivity(activity);
        }
        if (unified != null && inboxPoll > 0) {
          poller =
              java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                  r -> {
                    Thread t = new Thread(r, "smo-listen-inbox");
                    t.setDaemon(true);
                    return t;
                  });
          // not awaited: the poller is shut down when listening ends
          java.util.concurrent.ScheduledFuture<?> unused =
              poller.scheduleWithFixedDelay(
                  () -> pollInbox(unified, checkpoint),
                  inboxPoll,
                  inboxPoll,
                  java.util.concurrent.TimeUnit.SECONDS);
        }
        done.await();
        if (poller != null) {
          poller.shutdown();
          poller.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (unified != null) {
          pollInbox(unified, checkpoint);
          err.println("inbox: " + forwarded.get() + " event(s) forwarded from webhooks");
        }
      }
      return 0;
    } finally {
      if (poller != null) {
        poller.shutdownNow();
      }
      if (session != null) {
        session.close();
      }
    }
  }

  /** The unified inbox of every configured (or sandbox) account that has one. */
  private static io.smo.core.inbox.UnifiedInbox unifiedInbox(Session s) {
    io.smo.core.inbox.UnifiedInbox.Builder b = io.smo.core.inbox.UnifiedInbox.builder();
    for (io.smo.core.Platform p : io.smo.core.Platform.values()) {
      if (s.sandboxOnly() || !s.onSandbox(p)) {
        io.smo.core.SocialClient c = s.client(p);
        if (c instanceof io.smo.core.inbox.InboxClient) {
          b.add(c);
        }
      }
    }
    return b.build();
  }

  /** Polls the inbox once from the checkpoint and prints its new items, oldest first. */
  private void pollInbox(
      io.smo.core.inbox.UnifiedInbox unified,
      java.util.concurrent.atomic.AtomicReference<io.smo.core.inbox.InboxCheckpoint> checkpoint) {
    io.smo.core.inbox.InboxPoll poll = unified.poll(checkpoint.get());
    java.io.PrintStream printer = out; // the stream Picocli's factory injected; set once
    synchronized (printer) {
      for (io.smo.core.inbox.InboxItem i : poll) {
        out.println(
            "inbox "
                + i.createdAt()
                + " "
                + i.platform().id()
                + " "
                + i.kind().id()
                + " "
                + i.ref()
                + " \""
                + i.text().replace("\n", " ")
                + "\"");
      }
      out.flush();
    }
    poll.errors()
        .forEach(
            (source, e) ->
                err.println(
                    "warning: inbox source " + source + " could not be read: " + e.getMessage()));
    checkpoint.set(poll.checkpoint());
  }

  private static String ok(boolean b) {
    return b ? "ok" : "FAILED";
  }

  static String toText(EngagementEvent e) {
    StringBuilder s = new StringBuilder();
    s.append(e.occurredAt().map(Object::toString).orElse("-"))
        .append(' ')
        .append(e.platform().id())
        .append(' ')
        .append(e.kind())
        .append(" account=")
        .append(e.accountId());
    e.objectId().ifPresent(id -> s.append(" id=").append(id));
    e.parentId().ifPresent(id -> s.append(" on=").append(id));
    e.authorName().or(e::authorId).ifPresent(a -> s.append(" by=").append(a));
    e.text().ifPresent(t -> s.append(" \"").append(t.replace("\n", " ")).append('"'));
    if (e instanceof EngagementEvent.Unknown) {
      s.append(" type=").append(e.type());
    }
    return s.toString();
  }

  static String toJson(EngagementEvent e) {
    return toJson(e, null);
  }

  static String toJson(EngagementEvent e, Boolean forwarded) {
    ObjectNode n = JSON.createObjectNode();
    if (forwarded != null) {
      n.put("forwardedToInbox", forwarded);
    }
    n.put("kind", e.kind())
        .put("platform", e.platform().id())
        .put("account", e.accountId())
        .put("type", e.type())
        .put("dedupKey", e.dedupKey());
    e.objectId().ifPresent(v -> n.put("id", v));
    e.parentId().ifPresent(v -> n.put("parentId", v));
    e.authorId().ifPresent(v -> n.put("authorId", v));
    e.authorName().ifPresent(v -> n.put("authorName", v));
    e.text().ifPresent(v -> n.put("text", v));
    e.occurredAt().ifPresent(v -> n.put("occurredAt", v.toString()));
    e.inboxItem().ifPresent(i -> n.put("inbox", i.ref().toString()));
    n.put("raw", e.rawJson());
    return n.toString();
  }
}
