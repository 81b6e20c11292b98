package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.event.EngagementEvent;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One inbox across platforms and accounts: the comments, messages and mentions of every client
 * added, merged into one time-ordered stream, polled with a {@link InboxCheckpoint} so that each
 * item is yielded once, and answered through the client of its account.
 *
 * <pre>{@code
 * UnifiedInbox inbox = UnifiedInbox.builder().add(facebook).add(x).add(youtube)
 *     .filter(InboxFilter.builder().unansweredOnly(true).build()).build();
 * InboxCheckpoint cp = InboxCheckpoint.start(inbox.id());
 * while (running) {
 *   InboxPoll poll = inbox.poll(cp);
 *   for (InboxItem item : poll) {           // oldest first, read lazily
 *     inbox.answer(item, reply(item));
 *   }
 *   cp = poll.checkpoint();                 // store cp.toString() to resume after a restart
 *   Thread.sleep(60_000);
 * }
 * }</pre>
 *
 * <p>A source is one (platform, account, kind) offered by a client ({@link
 * InboxClient#inboxKinds()}); unsupported kinds are never called. A poll reads each wanted source
 * newest first down to its watermark minus {@link Builder#overlap(Duration)} (or {@link
 * Builder#initialWindow(Duration)} back on the first poll), skips what the checkpoint already
 * holds, and yields the rest oldest first across sources. Items the filter drops still count as
 * seen. An item that becomes readable later than the overlap after newer ones is missed; sources
 * with webhooks (Meta, X) can fill that gap. Rate limits are the clients' own: each call goes
 * through the client's limiter (Pages conversations 2/s, X DM reads 15/15 min...), and a source
 * that fails is reported in {@link InboxPoll#errors()} with its checkpoint left as it was, so the
 * next poll retries it. Thread-safe; a poll is for one thread.
 *
 * <p>Webhook events can be forwarded in with {@link #offer(EngagementEvent)}: the next poll yields
 * an offered item at once, in time order with the polled ones, and only once — when the platform's
 * own listing shows the same item later, the checkpoint already holds it. Offered items wait in a
 * bounded buffer ({@value #MAX_OFFERED} items; the oldest are dropped beyond it, and the platform
 * poll still finds them). When a poll takes an offered item it asks the item's client to complete
 * it, once ({@link InboxClient#complete(InboxItem)}: Instagram's {@code mentions} webhook carries
 * only ids, the text, author and time are read then); offering stays free of network calls.
 */
@SmoPublicApi
public final class UnifiedInbox {
  /** Default overlap re-read below each watermark: 1 hour. */
  public static final Duration DEFAULT_OVERLAP = Duration.ofHours(1);

  /** Default look-back of the first poll: 7 days. */
  public static final Duration DEFAULT_INITIAL_WINDOW = Duration.ofDays(7);

  private static final Comparator<InboxItem> OLDEST_FIRST =
      Comparator.comparing(InboxItem::createdAt).thenComparing(i -> i.ref().toString());

  /** The most offered items kept until a poll takes them. */
  public static final int MAX_OFFERED = 10_000;

  private final java.util.concurrent.ConcurrentLinkedDeque<InboxItem> offered =
      new java.util.concurrent.ConcurrentLinkedDeque<>();
  private final java.util.concurrent.atomic.AtomicInteger offeredCount =
      new java.util.concurrent.atomic.AtomicInteger();
  private final String id;
  private final List<InboxClient> clients;
  private final Map<String, InboxClient> byAccount;
  private final InboxFilter filter;
  private final Duration overlap;
  private final Duration initialWindow;
  private final Clock clock;

  private UnifiedInbox(Builder b) {
    clients = List.copyOf(b.clients);
    Map<String, InboxClient> m = new LinkedHashMap<>();
    for (InboxClient c : clients) {
      String k = c.platform().id() + ":" + c.accountKey();
      if (m.putIfAbsent(k, c) != null) {
        throw new IllegalArgumentException("two clients for the same account: " + k);
      }
    }
    byAccount = Collections.unmodifiableMap(m);
    id = b.id != null ? b.id : derivedId(m.keySet());
    filter = b.filter;
    overlap = b.overlap;
    initialWindow = b.initialWindow;
    clock = b.clock;
  }

  /**
   * Derives an inbox id from its accounts, whatever the order they were added in: the first 16 hex
   * digits of the SHA-256 of the sorted {@code platform:account} keys (so that the checkpoint of an
   * inbox over other accounts is refused, and a restart that adds the same clients in another order
   * keeps its checkpoint).
   */
  private static String derivedId(java.util.Set<String> accountKeys) {
    java.util.List<String> sorted = new ArrayList<>(accountKeys);
    Collections.sort(sorted);
    try {
      byte[] h =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", sorted).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the inbox id its checkpoints carry: the one given to {@link Builder#id(String)}, else
   * derived from the accounts (the same for the same accounts in any order, different for others).
   */
  public String id() {
    return id;
  }

  /** Returns the clients, in the order added. */
  public List<InboxClient> clients() {
    return clients;
  }

  /** Returns the filter. */
  public InboxFilter filter() {
    return filter;
  }

  /**
   * Polls every wanted source from {@code checkpoint}. Nothing is read until the returned poll is
   * iterated.
   *
   * @throws ValidationException if the checkpoint belongs to another inbox
   */
  public InboxPoll poll(InboxCheckpoint checkpoint) {
    requireNonNull(checkpoint, "checkpoint == null");
    if (!checkpoint.inboxId().equals(id)) {
      throw ValidationException.of(
          null,
          "checkpoint",
          "same-inbox",
          checkpoint.inboxId(),
          id,
          "the checkpoint belongs to inbox " + checkpoint.inboxId() + ", not to this inbox " + id);
    }
    return new Poll(checkpoint);
  }

  /**
   * Answers an item through the client of its account: a public reply to a comment, a direct
   * message in the conversation of a message, a reply to a mention where the platform has one.
   *
   * @return the answer as an outbound item
   * @throws ValidationException if no client of this inbox holds the item's account; nothing was
   *     sent
   * @throws SmoException as the client's {@link InboxClient#answer(InboxItem, String)} does
   */
  public InboxItem answer(InboxItem item, String text) {
    return clientOf(item).answer(item, text);
  }

  /**
   * Answers an item privately through the client of its account: a comment with the platform's
   * private reply (Meta: one per comment, 7 days), a message with a direct message (see {@link
   * InboxClient#answerPrivately(InboxItem, String)}).
   *
   * @return the message sent
   * @throws ValidationException if no client of this inbox holds the item's account; nothing was
   *     sent
   * @throws SmoException as the client's {@link InboxClient#answerPrivately(InboxItem, String)}
   *     does
   */
  public Message answerPrivately(InboxItem item, String text) {
    return clientOf(item).answerPrivately(item, text);
  }

  /**
   * Returns the client of an item's account.
   *
   * @throws ValidationException if no client of this inbox holds it
   */
  private InboxClient clientOf(InboxItem item) {
    requireNonNull(item, "item == null");
    InboxClient c = byAccount.get(item.platform().id() + ":" + item.account());
    if (c == null) {
      throw ValidationException.of(
          item.platform(),
          "item",
          "own-account",
          item.ref(),
          byAccount.keySet(),
          "no client of this inbox holds " + item.platform().id() + " account " + item.account());
    }
    return c;
  }

  /**
   * Forwards the inbox item a webhook event carries (comment, message, mention) into this inbox:
   * the next poll yields it at once, exactly once even when the platform's own listing shows it
   * too. Events without an inbox item (follows, reactions, publish status), items of an account no
   * client of this inbox holds, and items the filter does not want are not taken.
   *
   * @return whether the item was taken
   */
  public boolean offer(EngagementEvent event) {
    requireNonNull(event, "event == null");
    return event.inboxItem().map(this::offer).orElse(false);
  }

  /**
   * Forwards one inbox item (see {@link #offer(EngagementEvent)}).
   *
   * @return whether the item was taken: its account is one of this inbox's and the filter wants its
   *     platform, account and kind
   */
  public boolean offer(InboxItem item) {
    requireNonNull(item, "item == null");
    InboxClient c = byAccount.get(item.platform().id() + ":" + item.account());
    if (c == null || !filter.wants(item.platform(), item.account(), item.kind())) {
      return false;
    }
    offered.addLast(item);
    if (offeredCount.incrementAndGet() > MAX_OFFERED) {
      if (offered.pollFirst() != null) {
        offeredCount.decrementAndGet();
      }
    }
    return true;
  }

  /** Returns the client of {@code platform}'s account {@code account}, if this inbox has it. */
  public java.util.Optional<InboxClient> client(Platform platform, String account) {
    return java.util.Optional.ofNullable(byAccount.get(platform.id() + ":" + account));
  }

  private static String source(InboxClient c, InboxItemKind k) {
    return c.platform().id() + ":" + c.accountKey() + ":" + k.id();
  }

  /** One poll: a lazy, oldest-first iteration and the checkpoint of what it consumed. */
  private final class Poll implements InboxPoll {
    private final Map<String, Instant> watermarks;
    private final Map<String, Map<String, Instant>> seen;
    private final Map<String, SmoException> errors =
        Collections.synchronizedMap(new LinkedHashMap<>());
    private boolean started;

    Poll(InboxCheckpoint from) {
      watermarks = new LinkedHashMap<>(from.watermarks());
      seen = new LinkedHashMap<>();
      from.seen().forEach((k, v) -> seen.put(k, new LinkedHashMap<>(v)));
    }

    @Override
    public Iterator<InboxItem> iterator() {
      if (started) {
        throw new IllegalStateException("a poll is iterated once; poll again from its checkpoint");
      }
      started = true;
      List<Iterable<InboxItem>> sources = new ArrayList<>();
      Instant now = clock.instant();
      for (InboxClient c : clients) {
        for (InboxItemKind k : c.inboxKinds()) {
          if (filter.wants(c.platform(), c.accountKey(), k)) {
            String src = source(c, k);
            Instant wm = watermarks.get(src);
            Instant since = wm != null ? wm.minus(overlap) : now.minus(initialWindow);
            sources.add(() -> read(c, k, src, since));
          }
        }
      }
      List<InboxItem> pushed = completeOffered();
      java.util.Set<InboxItem> pushedSet =
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      pushedSet.addAll(pushed);
      if (!pushed.isEmpty()) {
        pushed.sort(OLDEST_FIRST);
        sources.add(pushed);
      }
      Iterator<InboxItem> merged = InboxStreams.merge(sources, OLDEST_FIRST).iterator();
      return new Iterator<>() {
        private InboxItem next;

        @Override
        public boolean hasNext() {
          while (next == null && merged.hasNext()) {
            InboxItem i = merged.next();
            if (alreadySeen(i)) {
              continue; // offered and polled both: yielded once
            }
            // an offered item is remembered as seen but does not move its source's watermark, so
            // older items the platform has not listed yet are still read by the next poll
            consume(i, !pushedSet.contains(i));
            if (filter.test(i)) {
              next = i;
            }
          }
          return next != null;
        }

        @Override
        public InboxItem next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          InboxItem i = next;
          next = null;
          return i;
        }
      };
    }

    /**
     * Takes the offered items, each ref once, and completes each through its client ({@link
     * InboxClient#complete(InboxItem)}): one lookup per item where the webhook carried only ids. An
     * item whose lookup failed with a retryable error waits for the next poll; after any other
     * failure it is yielded as delivered. Failures are reported in {@link #errors()}.
     */
    private List<InboxItem> completeOffered() {
      Map<String, InboxItem> byRef = new LinkedHashMap<>();
      for (InboxItem i; (i = offered.pollFirst()) != null; ) {
        offeredCount.decrementAndGet();
        byRef.putIfAbsent(i.ref().toString(), i);
      }
      List<InboxItem> out = new ArrayList<>();
      List<InboxItem> later = new ArrayList<>();
      for (InboxItem i : byRef.values()) {
        if (alreadySeen(i)) {
          continue; // yielded before: no second lookup
        }
        InboxClient c = byAccount.get(i.platform().id() + ":" + i.account());
        try {
          InboxItem done = c == null ? i : c.complete(i);
          out.add(done != null && done.ref().equals(i.ref()) ? done : i);
        } catch (SmoException e) {
          errors.put(i.platform().id() + ":" + i.account() + ":" + i.kind().id(), e);
          if (e.retryable()) {
            later.add(i);
          } else {
            out.add(i);
          }
        }
      }
      later.forEach(UnifiedInbox.this::offer);
      return out;
    }

    /**
     * Reads one source newest first down to {@code since}, drops what was seen, returns oldest
     * first.
     */
    private Iterator<InboxItem> read(InboxClient c, InboxItemKind k, String src, Instant since) {
      List<InboxItem> out = new ArrayList<>();
      Map<String, Instant> known = seen.getOrDefault(src, Map.of());
      try {
        for (InboxItem i : c.items(k, since)) {
          if (i.createdAt().isBefore(since)) {
            break;
          }
          if (!known.containsKey(i.ref().toString())) {
            out.add(i);
          }
        }
      } catch (SmoException e) {
        errors.put(src, e);
        return Collections.emptyIterator();
      }
      out.sort(OLDEST_FIRST);
      return out.iterator();
    }

    private boolean alreadySeen(InboxItem i) {
      String src = i.platform().id() + ":" + i.account() + ":" + i.kind().id();
      Map<String, Instant> s = seen.get(src);
      return s != null && s.containsKey(i.ref().toString());
    }

    private void consume(InboxItem i, boolean advance) {
      String src = i.platform().id() + ":" + i.account() + ":" + i.kind().id();
      Instant wm = watermarks.get(src);
      if (advance && (wm == null || i.createdAt().isAfter(wm))) {
        wm = i.createdAt();
        watermarks.put(src, wm);
      }
      Map<String, Instant> s = seen.computeIfAbsent(src, x -> new LinkedHashMap<>());
      s.put(i.ref().toString(), i.createdAt());
      if (wm != null) {
        Instant floor = wm.minus(overlap);
        s.values().removeIf(at -> at.isBefore(floor));
      }
    }

    @Override
    public InboxCheckpoint checkpoint() {
      return new InboxCheckpoint(id, watermarks, seen);
    }

    @Override
    public Map<String, SmoException> errors() {
      synchronized (errors) {
        return Map.copyOf(errors);
      }
    }
  }

  /** Builds {@link UnifiedInbox}. Mutable, not thread-safe. */
  public static final class Builder {
    private final List<InboxClient> clients = new ArrayList<>();
    private InboxFilter filter = InboxFilter.ALL;
    private Duration overlap = DEFAULT_OVERLAP;
    private Duration initialWindow = DEFAULT_INITIAL_WINDOW;
    private Clock clock = Clock.systemUTC();
    private String id;

    private Builder() {}

    /**
     * Adds a client (one account). A client that offers no inbox kind adds nothing.
     *
     * @throws IllegalArgumentException if it does not implement {@link InboxClient}
     */
    public Builder add(SocialClient client) {
      requireNonNull(client, "client == null");
      if (!(client instanceof InboxClient inboxClient)) {
        throw new IllegalArgumentException(
            client.platform().displayName() + " client does not implement InboxClient");
      }
      clients.add(inboxClient);
      return this;
    }

    /** Sets the filter. Default {@link InboxFilter#ALL} (every inbound item). */
    public Builder filter(InboxFilter filter) {
      this.filter = requireNonNull(filter, "filter == null");
      return this;
    }

    /** Sets how far below each watermark a poll re-reads (late items). Default 1 hour. */
    public Builder overlap(Duration overlap) {
      if (overlap.isNegative()) {
        throw new IllegalArgumentException("overlap < 0: " + overlap);
      }
      this.overlap = overlap;
      return this;
    }

    /** Sets how far back the first poll of a source reads. Default 7 days. */
    public Builder initialWindow(Duration initialWindow) {
      if (initialWindow.isNegative()) {
        throw new IllegalArgumentException("initialWindow < 0: " + initialWindow);
      }
      this.initialWindow = initialWindow;
      return this;
    }

    /** Sets the clock for the first poll's window. Default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets the inbox id checkpoints carry. Default: derived from the accounts added. */
    public Builder id(String id) {
      this.id = requireNonNull(id, "id == null");
      return this;
    }

    /**
     * Returns the inbox.
     *
     * @throws IllegalArgumentException if two clients share an account
     */
    public UnifiedInbox build() {
      return new UnifiedInbox(this);
    }
  }
}
