package io.smo.scheduler;

import static java.util.Objects.requireNonNull;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.smo.core.Feature;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SchedulingWindow;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.Violation;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.scheduler.internal.PostCodec;
import io.smo.scheduler.internal.ScheduleStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules posts across platforms: natively where the platform schedules and the time lies in
 * its window (Facebook {@code scheduled_publish_time}, YouTube {@code publishAt}), and as a
 * persistent job elsewhere, run by db-scheduler over JDBC: an embedded H2 file database by
 * default, PostgreSQL (row locking) for several application instances that share the jobs.
 *
 * <p>Nothing is lost or doubled: a post is validated when it is scheduled, not only when it runs;
 * jobs survive restarts; each target is claimed with one conditional UPDATE before publishing, so
 * two instances never both publish it; a run that stopped while publishing leaves the target
 * {@link TargetStatus#UNKNOWN}, held for {@link #reconcile} and never re-run automatically; a
 * retryable failure is retried with exponential back-off up to {@link Builder#maxAttempts(int)}.
 *
 * <p>Times are {@link Instant}s; the {@link ZoneId} given with a schedule is kept for display
 * only. Nothing depends on the JVM's default zone. Thread-safe.
 *
 * <pre>{@code
 * try (PostScheduler scheduler = PostScheduler.builder().add(facebook).add(x).build()) {
 *   String id = scheduler.schedule(post, List.of(Platform.FACEBOOK, Platform.TWITTER),
 *       ZonedDateTime.of(2026, 3, 29, 9, 0, 0, 0, ZoneId.of("Europe/Berlin")));
 *   scheduler.start();   // runs due jobs until close()
 * }
 * }</pre>
 */
@SmoPublicApi
public final class PostScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostScheduler.class);
  private static final String TASK = "smo-publish";

  private final Map<Platform, SocialClient> clients;
  private final io.smo.core.event.SmoListener listener;
  private final Clock clock;
  private final ScheduleStore store;
  private final PostCodec codec;
  private final int maxAttempts;
  private final Scheduler scheduler;
  private final OneTimeTask<String> task;
  private volatile boolean started;

  private PostScheduler(Builder b) {
    clients = new EnumMap<>(b.clients);
    listener = io.smo.core.event.SmoListeners.of(b.listeners);
    clock = b.clock;
    maxAttempts = b.maxAttempts;
    DataSource ds = b.dataSource != null ? b.dataSource : h2(b.h2File);
    store = new ScheduleStore(ds);
    codec = new PostCodec(ApiRuntime.newObjectMapper());
    try {
      store.createTables();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the scheduler tables: " + e.getMessage(), e);
    }
    task = Tasks.oneTime(TASK, String.class)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(b.retryBackoff, 2.0))
        .execute((instance, ctx) -> run(instance.getData()));
    scheduler = Scheduler.create(ds, task)
        .clock(clock::instant)
        .pollingInterval(b.pollingInterval)
        .heartbeatInterval(b.heartbeatInterval)
        .threads(b.threads)
        .schedulerName(new SchedulerName.Fixed(b.instanceName))
        .alwaysPersistTimestampInUTC()
        .build();
  }

  private static DataSource h2(Path file) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    h2.setUser("sa");
    return h2;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Schedules {@code post} on {@code targets} at {@code at}, displayed in UTC.
   *
   * @see #schedule(Post, Collection, Instant, ZoneId)
   */
  public String schedule(Post post, Collection<Platform> targets, Instant at) {
    return schedule(post, targets, at, ZoneOffset.UTC);
  }

  /**
   * Schedules {@code post} on {@code targets} at the instant of {@code at}; its zone is kept for
   * display.
   *
   * @see #schedule(Post, Collection, Instant, ZoneId)
   */
  public String schedule(Post post, Collection<Platform> targets, ZonedDateTime at) {
    return schedule(post, targets, at.toInstant(), at.getZone());
  }

  /**
   * Schedules {@code post} on {@code targets}: natively on each target that schedules natively
   * when {@code at} is inside its window (the platform is called now), as a persistent local job
   * otherwise.
   *
   * @param post the post (its own scheduled time, if any, is replaced by {@code at})
   * @param targets the platforms (each needs a client)
   * @param at when to publish (UTC instant)
   * @param zone the zone to display the time in
   * @return the schedule id
   * @throws ValidationException if the post breaks any target's rules, or options cannot be
   *     stored, or {@code at} is in the past; nothing is scheduled then
   * @throws IllegalArgumentException if a target has no client
   * @throws IllegalStateException if the database fails
   */
  public String schedule(Post post, Collection<Platform> targets, Instant at, ZoneId zone) {
    requireNonNull(post, "post == null");
    requireNonNull(at, "at == null");
    requireNonNull(zone, "zone == null");
    Instant now = clock.instant();
    List<Violation> violations = new ArrayList<>();
    if (at.isBefore(now.minusSeconds(1))) {
      violations.add(Violation.of(null, "scheduledAt", "in-the-past", at, now, "the time has passed"));
    }
    Post local = post.toBuilder().scheduledAt(null).build();
    Post nativePost = post.toBuilder().scheduledAt(at).build();
    Map<Platform, ScheduleMode> modes = new EnumMap<>(Platform.class);
    for (Platform p : new LinkedHashSet<>(targets)) {
      SocialClient c = client(p);
      Optional<SchedulingWindow> w = c.capabilities().nativeScheduling();
      ScheduleMode mode = w.isPresent() && w.get().contains(at, now) ? ScheduleMode.NATIVE : ScheduleMode.LOCAL;
      modes.put(p, mode);
      violations.addAll(c.validate(mode == ScheduleMode.NATIVE ? nativePost : local));
    }
    for (Platform p : codec.checkRoundTrip(post)) {
      violations.add(Violation.of(p, "options." + p.id(), "storable", null, null,
          "these options cannot be stored for a scheduled post"));
    }
    if (targets.isEmpty()) {
      violations.add(Violation.of(null, "targets", "not-empty", 0, 1, "no target platform"));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(null, violations);
    }
    String id = UUID.randomUUID().toString();
    List<ScheduledTarget> rows = new ArrayList<>();
    for (Map.Entry<Platform, ScheduleMode> e : modes.entrySet()) {
      if (e.getValue() == ScheduleMode.NATIVE) {
        rows.add(scheduleNatively(e.getKey(), nativePost, now));
      } else {
        rows.add(new ScheduledTarget(e.getKey(), ScheduleMode.LOCAL, TargetStatus.PENDING, null, null,
            null, 0, now));
      }
    }
    try {
      store.insert(new ScheduleStore.Row(id, at, zone, codec.encode(local)), rows, now);
      if (modes.containsValue(ScheduleMode.LOCAL)) {
        scheduler.schedule(task.instance(id, id), at);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the schedule: " + e.getMessage(), e);
    }
    return id;
  }

  private ScheduledTarget scheduleNatively(Platform p, Post post, Instant now) {
    try {
      PublishedPost pp = client(p).publish(post);
      return new ScheduledTarget(p, ScheduleMode.NATIVE, TargetStatus.SCHEDULED_NATIVE, pp.id(),
          pp.url().map(Object::toString).orElse(null), null, 1, now);
    } catch (PublishOutcomeUnknownException e) {
      return new ScheduledTarget(p, ScheduleMode.NATIVE, TargetStatus.UNKNOWN, null, null,
          e.getMessage(), 1, now);
    } catch (SmoException e) {
      return new ScheduledTarget(p, ScheduleMode.NATIVE, TargetStatus.FAILED, null, null,
          e.getMessage(), 1, now);
    }
  }

  /**
   * Moves the local jobs of a schedule to {@code at}.
   *
   * @throws IllegalArgumentException if there is no such schedule
   * @throws IllegalStateException if a target is natively scheduled (cancel and schedule again),
   *     or no local target is still pending
   */
  public void reschedule(String id, Instant at) {
    ScheduledPost s = get(id).orElseThrow(() -> new IllegalArgumentException("no schedule " + id));
    for (ScheduledTarget t : s.targets()) {
      if (t.status() == TargetStatus.SCHEDULED_NATIVE) {
        throw new IllegalStateException(t.platform().displayName()
            + " holds this post natively; cancel and schedule again");
      }
    }
    try {
      if (!scheduler.reschedule(TaskInstanceId.of(TASK, id), at)) {
        throw new IllegalStateException("schedule " + id + " has no pending job");
      }
      store.setDue(id, at);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Cancels a schedule: pending local targets become CANCELLED; natively scheduled posts are
   * deleted on the platform where it allows deletion.
   *
   * @return the schedule after cancelling
   * @throws IllegalArgumentException if there is no such schedule
   */
  public ScheduledPost cancel(String id) {
    ScheduledPost s = get(id).orElseThrow(() -> new IllegalArgumentException("no schedule " + id));
    Instant now = clock.instant();
    try {
      if (scheduler.getScheduledExecution(TaskInstanceId.of(TASK, id)).isPresent()) {
        scheduler.cancel(TaskInstanceId.of(TASK, id));
      }
      for (ScheduledTarget t : s.targets()) {
        if (t.status() == TargetStatus.PENDING || t.status() == TargetStatus.RETRY) {
          store.transition(id, t.platform(), t.status(), TargetStatus.CANCELLED, now);
        } else if (t.status() == TargetStatus.SCHEDULED_NATIVE && t.postId().isPresent()) {
          SocialClient c = clients.get(t.platform());
          if (c != null && c.capabilities().supports(Feature.DELETE)) {
            try {
              c.delete(PostRef.of(t.platform(), t.postId().get()));
              store.finish(id, t.platform(), TargetStatus.CANCELLED, null, null, null, now);
            } catch (SmoException e) {
              store.finish(id, t.platform(), TargetStatus.SCHEDULED_NATIVE, null, null,
                  "cancel failed: " + e.getMessage(), now);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return get(id).orElseThrow();
  }

  /**
   * Settles a target held as UNKNOWN: with the platform id found by the caller it becomes
   * PUBLISHED; without, it is retried now.
   *
   * @param id the schedule
   * @param platform the target
   * @param publishedId the post id on the platform if it was published, or {@code null} if not
   * @throws IllegalStateException if the target is not UNKNOWN
   */
  public void reconcile(String id, Platform platform, String publishedId) {
    Instant now = clock.instant();
    try {
      if (publishedId != null) {
        if (!store.transition(id, platform, TargetStatus.UNKNOWN, TargetStatus.PUBLISHED, now)) {
          throw new IllegalStateException(platform + " of " + id + " is not UNKNOWN");
        }
        store.finish(id, platform, TargetStatus.PUBLISHED, publishedId, null, null, now);
      } else {
        if (!store.transition(id, platform, TargetStatus.UNKNOWN, TargetStatus.RETRY, now)) {
          throw new IllegalStateException(platform + " of " + id + " is not UNKNOWN");
        }
        scheduler.schedule(task.instance(id, id), now);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Returns one schedule with its targets' statuses and outcomes. */
  public Optional<ScheduledPost> get(String id) {
    try {
      return store.find(id);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Lists every schedule, soonest first, with statuses and outcomes. */
  public List<ScheduledPost> list() {
    try {
      return store.list();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Starts running due jobs in the background (idempotent). */
  public synchronized void start() {
    if (!started) {
      scheduler.start();
      started = true;
    }
  }

  /** Stops running jobs, waiting for running ones to finish. Closes no client. */
  @Override
  public synchronized void close() {
    if (started) {
      scheduler.stop();
      started = false;
    }
  }

  private SocialClient client(Platform p) {
    SocialClient c = clients.get(p);
    if (c == null) {
      throw new IllegalArgumentException("no client for " + p.displayName());
    }
    return c;
  }

  /** Runs one schedule's due local targets; throws to make db-scheduler retry later. */
  private void run(String id) {
    Instant now = clock.instant();
    try {
      int stale = store.publishingToUnknown(id, now);
      if (stale > 0) {
        LOG.warn("schedule {}: {} target(s) were left publishing by a stopped run; held as UNKNOWN", id, stale);
      }
      Optional<ScheduleStore.Row> row = store.row(id);
      Optional<ScheduledPost> view = store.find(id);
      if (row.isEmpty() || view.isEmpty()) {
        return;
      }
      Post post = codec.decode(row.get().postJson);
      boolean retryLater = false;
      for (ScheduledTarget t : view.get().targets()) {
        if (t.mode() != ScheduleMode.LOCAL
            || (t.status() != TargetStatus.PENDING && t.status() != TargetStatus.RETRY)) {
          continue;
        }
        if (!store.claim(id, t.platform(), clock.instant())) {
          continue;
        }
        int attempt = t.attempts() + 1;
        SocialClient c = clients.get(t.platform());
        if (c == null) {
          store.finish(id, t.platform(), TargetStatus.FAILED, null, null,
              "no client for " + t.platform().displayName() + " in this scheduler instance", clock.instant());
          continue;
        }
        long runStart = System.nanoTime();
        try {
          PublishedPost pp = c.publish(post);
          store.finish(id, t.platform(), TargetStatus.PUBLISHED, pp.id(),
              pp.url().map(Object::toString).orElse(null), null, clock.instant());
        } catch (ValidationException e) {
          store.finish(id, t.platform(), TargetStatus.SKIPPED, null, null, e.getMessage(), clock.instant());
        } catch (PublishOutcomeUnknownException e) {
          store.finish(id, t.platform(), TargetStatus.UNKNOWN, null, null, e.getMessage(), clock.instant());
        } catch (SmoException e) {
          boolean again = e.retryable() && attempt < maxAttempts;
          retryLater |= again;
          store.finish(id, t.platform(), again ? TargetStatus.RETRY : TargetStatus.FAILED, null, null,
              e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
          store.finish(id, t.platform(), TargetStatus.UNKNOWN, null, null,
              "unexpected " + e.getClass().getSimpleName() + " while publishing: " + e.getMessage(),
              clock.instant());
        }
        reportRun(id, t.platform(), c, runStart);
      }
      if (retryLater) {
        throw new RetryLater(id);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("schedule " + id + ": database failed: " + e.getMessage(), e);
    }
  }

  /** Tells the listeners how one target's run ended (reads the stored status back). */
  private void reportRun(String id, Platform platform, SocialClient c, long startNanos) {
    if (listener == io.smo.core.event.SmoListener.NONE) {
      return;
    }
    java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - startNanos);
    try {
      store.find(id).flatMap(v -> v.targets().stream().filter(t -> t.platform() == platform).findFirst())
          .ifPresent(t -> listener.onSchedulerRun(new io.smo.core.event.SchedulerRunEvent(platform,
              c.accountKey(), t.status().name().toLowerCase(java.util.Locale.ROOT), took)));
    } catch (SQLException | RuntimeException e) {
      LOG.warn("schedule {}: could not report the run to listeners: {}", id, e.toString());
    }
  }

  /** Thrown inside a job to make db-scheduler run it again after a back-off. */
  private static final class RetryLater extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetryLater(String id) {
      super("schedule " + id + " has targets to retry", null, false, false);
    }
  }

  /** Builds {@link PostScheduler}. Mutable, not thread-safe. */
  public static final class Builder {
    private final Map<Platform, SocialClient> clients = new EnumMap<>(Platform.class);
    private final java.util.List<io.smo.core.event.SmoListener> listeners = new java.util.ArrayList<>();
    private DataSource dataSource;
    private Path h2File = Path.of("smo-scheduler");
    private Clock clock = Clock.systemUTC();
    private Duration pollingInterval = Duration.ofSeconds(5);
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private Duration retryBackoff = Duration.ofSeconds(30);
    private int threads = 4;
    private int maxAttempts = 5;
    private String instanceName = "smo-" + UUID.randomUUID().toString().substring(0, 8);

    private Builder() {}

    /**
     * Adds the client of one platform.
     *
     * @throws IllegalStateException if that platform already has one
     */
    public Builder add(SocialClient client) {
      requireNonNull(client, "client == null");
      if (clients.putIfAbsent(client.platform(), client) != null) {
        throw new IllegalStateException("two clients for " + client.platform());
      }
      return this;
    }

    /**
     * Adds a listener told how each due target's run ended ({@link
     * io.smo.core.event.SmoListener#onSchedulerRun}); its failures are logged, never thrown.
     */
    public Builder listener(io.smo.core.event.SmoListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /** Uses the user's database (PostgreSQL for several instances). Default: embedded H2 file. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = requireNonNull(dataSource, "dataSource == null");
      return this;
    }

    /** Sets the embedded H2 database file (without extension). Default {@code ./smo-scheduler}. */
    public Builder h2File(Path file) {
      this.h2File = requireNonNull(file, "file == null");
      return this;
    }

    /** Sets the clock (UTC instants). Default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets how often due jobs are looked for. Default 5 s. */
    public Builder pollingInterval(Duration d) {
      this.pollingInterval = requireNonNull(d, "pollingInterval == null");
      return this;
    }

    /** Sets the heartbeat interval (a stopped instance's jobs are taken over after 6 missed beats). Default 30 s. */
    public Builder heartbeatInterval(Duration d) {
      this.heartbeatInterval = requireNonNull(d, "heartbeatInterval == null");
      return this;
    }

    /** Sets the first back-off after a retryable failure (doubles each time). Default 30 s. */
    public Builder retryBackoff(Duration d) {
      this.retryBackoff = requireNonNull(d, "retryBackoff == null");
      return this;
    }

    /**
     * Sets the worker threads. Default 4.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads < 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets the publish attempts per target before it is FAILED. Default 5.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Names this instance (shown in db-scheduler's picked_by). Default random. */
    public Builder instanceName(String name) {
      this.instanceName = requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Returns the scheduler (not started: call {@link PostScheduler#start()} to run due jobs).
     *
     * @throws IllegalStateException if the database cannot be prepared
     */
    public PostScheduler build() {
      return new PostScheduler(this);
    }
  }
}
