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
import io.smo.core.Target;
import io.smo.core.Violation;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.scheduler.internal.EmbeddedH2;
import io.smo.scheduler.internal.PostCodec;
import io.smo.scheduler.internal.ScheduleStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules posts across platforms: natively where the platform schedules and the time lies in its
 * window (Facebook {@code scheduled_publish_time}, YouTube {@code publishAt}), and as a persistent
 * job elsewhere, run by db-scheduler over JDBC: an embedded H2 file database by default, PostgreSQL
 * (row locking) for several application instances that share the jobs. H2 is an optional
 * dependency: add {@code com.h2database:h2} (version from smo-bom) to use the default, else give a
 * {@link Builder#dataSource(DataSource) DataSource}; without either, building the scheduler fails
 * with an {@link IllegalStateException} that says so.
 *
 * <p>Nothing is lost or doubled: a post is validated when it is scheduled, not only when it runs;
 * jobs survive restarts; each target is claimed with one conditional UPDATE before publishing, so
 * two instances never both publish it; a run that stopped while publishing leaves the target {@link
 * TargetStatus#UNKNOWN}, held for {@link #reconcile} and never re-run automatically; a retryable
 * failure is retried with exponential back-off up to {@link Builder#maxAttempts(int)}.
 *
 * <p>A target is one account on one platform ({@link Target}); an instance may hold several clients
 * per platform, one per account. A schedule records its targets' accounts, and an instance
 * publishes only the targets whose account it holds a client for: each account has its own
 * persistent job ({@code smo-publish@platform:account}), which only instances holding that account
 * pick. A due target whose account no running instance serves stays {@link TargetStatus#PENDING},
 * and {@link #list()} says why on {@link ScheduledTarget#reason()}; it is never published with
 * another account's credentials. Schedules stored by an older version, without their account, are
 * {@link TargetStatus#REFUSED} when the tables are migrated on start.
 *
 * <p>Times are {@link Instant}s, stored and read as UTC; the {@link ZoneId} given with a schedule
 * is kept for display only. Nothing depends on the JVM's default zone. A wall-clock time is turned
 * into an instant by {@link ScheduleTime#resolve}, which reports DST gaps and overlaps.
 * Thread-safe.
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

  /** The task of jobs stored before schedules recorded their accounts (they only get refused). */
  private static final String LEGACY_TASK = "smo-publish";

  private static final String TASK_PREFIX = "smo-publish@";

  private final Map<Target, SocialClient> clients;
  private final Map<Target, OneTimeTask<String>> tasks = new LinkedHashMap<>();
  private final io.smo.core.event.SmoListener listener;
  private final Clock clock;
  private final ScheduleStore store;
  private final PostCodec codec;
  private final int maxAttempts;
  private final Scheduler scheduler;
  private volatile boolean started;

  private PostScheduler(Builder b) {
    clients = new LinkedHashMap<>(b.clients);
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
    List<com.github.kagkarlsson.scheduler.task.Task<?>> known = new ArrayList<>();
    for (Target t : clients.keySet()) {
      OneTimeTask<String> task =
          Tasks.oneTime(taskName(t), String.class)
              .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(b.retryBackoff, 2.0))
              .execute((instance, ctx) -> run(instance.getData(), t));
      tasks.put(t, task);
      known.add(task);
    }
    known.add(
        Tasks.oneTime(LEGACY_TASK, String.class)
            .execute(
                (instance, ctx) ->
                    LOG.warn(
                        "schedule {} was stored before schedules recorded their accounts: {}",
                        instance.getData(),
                        ScheduleStore.LEGACY_REFUSAL)));
    scheduler =
        Scheduler.create(ds, known)
            // jobs of accounts this instance does not hold are left for the instances that do
            .deleteUnresolvedAfter(Duration.ofDays(36500))
            .clock(clock::instant)
            .pollingInterval(b.pollingInterval)
            .heartbeatInterval(b.heartbeatInterval)
            .threads(b.threads)
            .schedulerName(new SchedulerName.Fixed(b.instanceName))
            .alwaysPersistTimestampInUTC()
            .build();
  }

  /** The embedded default; H2 is optional, so EmbeddedH2 alone names its types. */
  private static DataSource h2(Path file) {
    return EmbeddedH2.dataSource(file);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the db-scheduler task name of {@code target}'s jobs: {@code
   * smo-publish@platform:account}, or a SHA-256 digest of the key when that is longer than the 100
   * characters db-scheduler stores.
   */
  static String taskName(Target target) {
    String name = TASK_PREFIX + target.key();
    if (name.length() <= 100) {
      return name;
    }
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(target.key().getBytes(StandardCharsets.UTF_8));
      return TASK_PREFIX + target.platform().id() + ":sha256:" + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the targets this instance holds a client for, in the order they were added. */
  public List<Target> targets() {
    return List.copyOf(clients.keySet());
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
   * Schedules {@code post} on platforms, each meaning the one account this instance holds on it.
   *
   * @param post the post (its own scheduled time, if any, is replaced by {@code at})
   * @param targets the platforms (each needs exactly one client in this instance)
   * @param at when to publish (UTC instant)
   * @param zone the zone to display the time in
   * @return the schedule id
   * @throws IllegalArgumentException if a platform has no client, or several (name the accounts
   *     with {@link #scheduleTo(Post, Collection, Instant, ZoneId)})
   * @see #scheduleTo(Post, Collection, Instant, ZoneId)
   */
  public String schedule(Post post, Collection<Platform> targets, Instant at, ZoneId zone) {
    requireNonNull(targets, "targets == null");
    List<Target> resolved = new ArrayList<>();
    for (Platform p : new LinkedHashSet<>(targets)) {
      resolved.add(only(p));
    }
    return scheduleTo(post, resolved, at, zone);
  }

  /**
   * Schedules {@code post} on the targets at a resolved wall-clock time; see {@link
   * ScheduleTime#adjustment()} for what was done with a DST gap or overlap.
   *
   * @see #scheduleTo(Post, Collection, Instant, ZoneId)
   */
  public String scheduleTo(Post post, Collection<Target> targets, ScheduleTime at) {
    return scheduleTo(post, targets, at.instant(), at.zone());
  }

  /**
   * Schedules {@code post} on {@code targets}: natively on each target that schedules natively when
   * {@code at} is inside its window (the platform is called now, as that account), as a persistent
   * local job of the target's account otherwise. Only an instance holding a client for that account
   * will publish it.
   *
   * @param post the post (its own scheduled time, if any, is replaced by {@code at})
   * @param targets the accounts (each needs a client in this instance, for validation)
   * @param at when to publish (UTC instant)
   * @param zone the zone to display the time in
   * @return the schedule id
   * @throws ValidationException if the post breaks any target's rules, or options cannot be stored,
   *     or {@code at} is in the past, or there is no target; nothing is scheduled then
   * @throws IllegalArgumentException if a target has no client in this instance
   * @throws IllegalStateException if the database fails
   */
  public String scheduleTo(Post post, Collection<Target> targets, Instant at, ZoneId zone) {
    requireNonNull(post, "post == null");
    requireNonNull(targets, "targets == null");
    requireNonNull(at, "at == null");
    requireNonNull(zone, "zone == null");
    Instant now = clock.instant();
    List<Violation> violations = new ArrayList<>();
    if (at.isBefore(now.minusSeconds(1))) {
      violations.add(
          Violation.of(null, "scheduledAt", "in-the-past", at, now, "the time has passed"));
    }
    Post local = post.toBuilder().scheduledAt(null).build();
    Post nativePost = post.toBuilder().scheduledAt(at).build();
    Map<Target, ScheduleMode> modes = new LinkedHashMap<>();
    for (Target t : new LinkedHashSet<>(targets)) {
      SocialClient c = client(t);
      Optional<SchedulingWindow> w = c.capabilities().nativeScheduling();
      ScheduleMode mode =
          w.isPresent() && w.get().contains(at, now) ? ScheduleMode.NATIVE : ScheduleMode.LOCAL;
      modes.put(t, mode);
      violations.addAll(c.validate(mode == ScheduleMode.NATIVE ? nativePost : local));
    }
    for (Platform p : codec.checkRoundTrip(post)) {
      violations.add(
          Violation.of(
              p,
              "options." + p.id(),
              "storable",
              null,
              null,
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
    for (Map.Entry<Target, ScheduleMode> e : modes.entrySet()) {
      if (e.getValue() == ScheduleMode.NATIVE) {
        rows.add(scheduleNatively(e.getKey(), nativePost, now));
      } else {
        rows.add(
            new ScheduledTarget(
                e.getKey().platform(),
                e.getKey().account(),
                ScheduleMode.LOCAL,
                TargetStatus.PENDING,
                null,
                null,
                null,
                0,
                now,
                null));
      }
    }
    try {
      store.insert(new ScheduleStore.Row(id, at, zone, codec.encode(local)), rows, now);
      for (Map.Entry<Target, ScheduleMode> e : modes.entrySet()) {
        if (e.getValue() == ScheduleMode.LOCAL) {
          scheduler.schedule(tasks.get(e.getKey()).instance(id, id), at);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the schedule: " + e.getMessage(), e);
    }
    return id;
  }

  private ScheduledTarget scheduleNatively(Target t, Post post, Instant now) {
    Platform p = t.platform();
    try {
      PublishedPost pp = client(t).publish(post);
      return new ScheduledTarget(
          p,
          t.account(),
          ScheduleMode.NATIVE,
          TargetStatus.SCHEDULED_NATIVE,
          pp.id(),
          pp.url().map(Object::toString).orElse(null),
          null,
          1,
          now,
          null);
    } catch (PublishOutcomeUnknownException e) {
      return new ScheduledTarget(
          p,
          t.account(),
          ScheduleMode.NATIVE,
          TargetStatus.UNKNOWN,
          null,
          null,
          e.getMessage(),
          1,
          now,
          null);
    } catch (SmoException e) {
      return new ScheduledTarget(
          p,
          t.account(),
          ScheduleMode.NATIVE,
          TargetStatus.FAILED,
          null,
          null,
          e.getMessage(),
          1,
          now,
          null);
    }
  }

  /**
   * Moves the local jobs of a schedule to {@code at}.
   *
   * @throws IllegalArgumentException if there is no such schedule
   * @throws IllegalStateException if a target is natively scheduled (cancel and schedule again), or
   *     a waiting target's account has no client in this instance, or no local target is still
   *     pending
   */
  public void reschedule(String id, Instant at) {
    ScheduledPost s = get(id).orElseThrow(() -> new IllegalArgumentException("no schedule " + id));
    List<Target> waiting = new ArrayList<>();
    for (ScheduledTarget t : s.targets()) {
      if (t.status() == TargetStatus.SCHEDULED_NATIVE) {
        throw new IllegalStateException(
            t.platform().displayName() + " holds this post natively; cancel and schedule again");
      }
      if (t.mode() == ScheduleMode.LOCAL && !t.status().terminal() && t.target().isPresent()) {
        if (!tasks.containsKey(t.target().get())) {
          throw new IllegalStateException(
              "no client for "
                  + t.target().get()
                  + " in this scheduler instance; reschedule from an instance that holds it");
        }
        waiting.add(t.target().get());
      }
    }
    try {
      boolean any = false;
      for (Target t : waiting) {
        any |= scheduler.reschedule(TaskInstanceId.of(taskName(t), id), at);
      }
      if (!any) {
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
      for (Target t : tasks.keySet()) {
        TaskInstanceId job = TaskInstanceId.of(taskName(t), id);
        if (scheduler.getScheduledExecution(job).isPresent()) {
          scheduler.cancel(job);
        }
      }
      for (ScheduledTarget t : s.targets()) {
        if (t.status() == TargetStatus.PENDING || t.status() == TargetStatus.RETRY) {
          // a job of an account held elsewhere finds nothing pending when it runs
          store.transition(
              id, t.platform(), t.account().orElse(null), t.status(), TargetStatus.CANCELLED, now);
        } else if (t.status() == TargetStatus.SCHEDULED_NATIVE
            && t.postId().isPresent()
            && t.target().isPresent()) {
          SocialClient c = clients.get(t.target().get());
          if (c != null && c.capabilities().supports(Feature.DELETE)) {
            try {
              c.delete(PostRef.of(t.platform(), t.postId().get()));
              store.finish(id, t.target().get(), TargetStatus.CANCELLED, null, null, null, now);
            } catch (SmoException e) {
              store.finish(
                  id,
                  t.target().get(),
                  TargetStatus.SCHEDULED_NATIVE,
                  null,
                  null,
                  "cancel failed: " + e.getMessage(),
                  now);
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
   * Settles the target of {@code platform} held as UNKNOWN, when the schedule has one target on
   * that platform.
   *
   * @throws IllegalArgumentException if there is no such schedule, or it has no target or several
   *     targets on {@code platform} (use {@link #reconcile(String, Target, String)})
   * @see #reconcile(String, Target, String)
   */
  public void reconcile(String id, Platform platform, String publishedId) {
    ScheduledPost s = get(id).orElseThrow(() -> new IllegalArgumentException("no schedule " + id));
    List<Target> on = new ArrayList<>();
    s.targets().stream()
        .filter(t -> t.platform() == platform)
        .forEach(t -> t.target().ifPresent(on::add));
    if (on.size() != 1) {
      throw new IllegalArgumentException(
          "schedule "
              + id
              + " has "
              + on.size()
              + " targets on "
              + platform.displayName()
              + "; name the account: reconcile(id, Target, publishedId)");
    }
    reconcile(id, on.get(0), publishedId);
  }

  /**
   * Settles a target held as UNKNOWN: with the platform id found by the caller it becomes
   * PUBLISHED; without, it is retried now (by an instance holding its account).
   *
   * @param id the schedule
   * @param target the target
   * @param publishedId the post id on the platform if it was published, or {@code null} if not
   * @throws IllegalStateException if the target is not UNKNOWN, or it is to be retried and this
   *     instance holds no client for its account
   */
  public void reconcile(String id, Target target, String publishedId) {
    Instant now = clock.instant();
    try {
      if (publishedId != null) {
        if (!store.transition(
            id,
            target.platform(),
            target.account(),
            TargetStatus.UNKNOWN,
            TargetStatus.PUBLISHED,
            now)) {
          throw new IllegalStateException(target + " of " + id + " is not UNKNOWN");
        }
        store.finish(id, target, TargetStatus.PUBLISHED, publishedId, null, null, now);
      } else {
        OneTimeTask<String> task = tasks.get(target);
        if (task == null) {
          throw new IllegalStateException(
              "no client for " + target + " in this scheduler instance");
        }
        if (!store.transition(
            id,
            target.platform(),
            target.account(),
            TargetStatus.UNKNOWN,
            TargetStatus.RETRY,
            now)) {
          throw new IllegalStateException(target + " of " + id + " is not UNKNOWN");
        }
        TaskInstanceId job = TaskInstanceId.of(taskName(target), id);
        if (scheduler.getScheduledExecution(job).isPresent()) {
          scheduler.reschedule(job, now);
        } else {
          scheduler.schedule(task.instance(id, id), now);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Returns one schedule with its targets' statuses and outcomes. */
  public Optional<ScheduledPost> get(String id) {
    try {
      return store.find(id).map(this::withReasons);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Lists every schedule, soonest first, with statuses and outcomes. A target whose time has come
   * but which still waits carries a {@link ScheduledTarget#reason()}: when this instance holds no
   * client for its account, that no instance holding the account has published it.
   */
  public List<ScheduledPost> list() {
    try {
      return store.list().stream().map(this::withReasons).toList();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private ScheduledPost withReasons(ScheduledPost s) {
    Instant now = clock.instant();
    if (s.dueAt().isAfter(now)) {
      return s;
    }
    List<ScheduledTarget> out = new ArrayList<>();
    for (ScheduledTarget t : s.targets()) {
      if (t.mode() == ScheduleMode.LOCAL
          && (t.status() == TargetStatus.PENDING || t.status() == TargetStatus.RETRY)) {
        String who = t.target().map(Target::toString).orElse(t.platform().id());
        out.add(
            t.withReason(
                clients.containsKey(t.target().orElse(null))
                    ? "due since " + s.dueAt() + "; waiting for a worker of this instance"
                    : "due since "
                        + s.dueAt()
                        + "; this scheduler instance holds no client for "
                        + who
                        + ", and no instance holding one has published it: it stays pending until one runs"));
      } else {
        out.add(t);
      }
    }
    return new ScheduledPost(s.id(), s.dueAt(), s.zone(), s.summary(), out);
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

  private SocialClient client(Target t) {
    SocialClient c = clients.get(t);
    if (c == null) {
      throw new IllegalArgumentException("no client for " + t + " in this scheduler instance");
    }
    return c;
  }

  /** Returns the one target this instance holds on {@code p}. */
  private Target only(Platform p) {
    List<Target> on = clients.keySet().stream().filter(t -> t.platform() == p).toList();
    if (on.isEmpty()) {
      throw new IllegalArgumentException("no client for " + p.displayName());
    }
    if (on.size() > 1) {
      throw new IllegalArgumentException(
          "this scheduler holds "
              + on.size()
              + " "
              + p.displayName()
              + " accounts "
              + on
              + "; name the target accounts with scheduleTo(...)");
    }
    return on.get(0);
  }

  /**
   * Runs one schedule's due local target of {@code target}'s account, with that account's client
   * only; throws to make db-scheduler retry later.
   */
  private void run(String id, Target target) {
    Instant now = clock.instant();
    try {
      int stale = store.publishingToUnknown(id, target, now);
      if (stale > 0) {
        LOG.warn(
            "schedule {}: {} was left publishing by a stopped run; held as UNKNOWN", id, target);
      }
      Optional<ScheduleStore.Row> row = store.row(id);
      Optional<ScheduledPost> view = store.find(id);
      if (row.isEmpty() || view.isEmpty()) {
        return;
      }
      Optional<ScheduledTarget> mine =
          view.get().targets().stream()
              .filter(t -> t.target().filter(target::equals).isPresent())
              .findFirst();
      if (mine.isEmpty()) {
        return;
      }
      ScheduledTarget t = mine.get();
      if (t.mode() != ScheduleMode.LOCAL
          || (t.status() != TargetStatus.PENDING && t.status() != TargetStatus.RETRY)) {
        return;
      }
      Post post = codec.decode(row.get().postJson); // before the claim: a failure here is retried
      String token = UUID.randomUUID().toString();
      if (!store.claim(id, target, token, clock.instant())) {
        return;
      }
      int attempt = t.attempts() + 1;
      SocialClient c = clients.get(target);
      long runStart = System.nanoTime();
      try {
        TargetStatus status;
        String postId = null;
        String url = null;
        String error = null;
        try {
          PublishedPost pp = c.publish(post);
          status = TargetStatus.PUBLISHED;
          postId = pp.id();
          url = pp.url().map(Object::toString).orElse(null);
        } catch (ValidationException e) {
          status = TargetStatus.SKIPPED;
          error = e.getMessage();
        } catch (PublishOutcomeUnknownException e) {
          status = TargetStatus.UNKNOWN;
          error = e.getMessage();
        } catch (SmoException e) {
          status =
              e.retryable() && attempt < maxAttempts ? TargetStatus.RETRY : TargetStatus.FAILED;
          error = e.getMessage();
        } catch (RuntimeException e) {
          status = TargetStatus.UNKNOWN;
          error =
              "unexpected " + e.getClass().getSimpleName() + " while publishing: " + e.getMessage();
        }
        if (record(id, target, token, status, postId, url, error) && status == TargetStatus.RETRY) {
          throw new RetryLater(id);
        }
      } finally {
        reportRun(id, target, c, runStart);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("schedule " + id + ": database failed: " + e.getMessage(), e);
    }
  }

  /** Attempts to write a run's outcome before it is given up; the pauses between them (ms). */
  private static final long[] RECORD_PAUSES_MS = {250, 500, 1_000, 2_000, 4_000};

  /**
   * Writes the outcome of the run holding claim {@code token}, trying again over about 8 s when the
   * database fails: the outcome (a post id above all) exists only in this run's memory, and losing
   * it would leave a published target UNKNOWN. If the database stays down, the failure is thrown
   * (db-scheduler runs the job again, which holds the target UNKNOWN, never publishing it a second
   * time) after logging the outcome for {@link #reconcile}.
   *
   * @return whether the outcome was written (false: another run or a reconcile changed the target
   *     since this run claimed it; their write stands)
   */
  private boolean record(
      String id,
      Target target,
      String token,
      TargetStatus status,
      String postId,
      String url,
      String error)
      throws SQLException {
    for (int i = 0; ; i++) {
      try {
        boolean written =
            store.finishClaimed(id, target, token, status, postId, url, error, clock.instant());
        if (!written) {
          LOG.warn(
              "schedule {}: {} changed while this run was publishing; its outcome {}{} is not"
                  + " written",
              id,
              target,
              status,
              postId == null ? "" : " (post " + postId + ")");
        }
        return written;
      } catch (SQLException | RuntimeException e) {
        if (i >= RECORD_PAUSES_MS.length) {
          LOG.error(
              "schedule {}: could not store the outcome of {}: {}{}; the target will be held"
                  + " UNKNOWN: reconcile it",
              id,
              target,
              status,
              postId == null ? "" : " as post " + postId);
          throw e;
        }
        LOG.warn(
            "schedule {}: storing the outcome of {} failed ({}); trying again",
            id,
            target,
            e.toString());
        try {
          Thread.sleep(RECORD_PAUSES_MS[i]);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Tells the listeners how one target's run ended (reads the stored status back). */
  private void reportRun(String id, Target target, SocialClient c, long startNanos) {
    if (listener == io.smo.core.event.SmoListener.NONE) {
      return;
    }
    java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - startNanos);
    try {
      store
          .find(id)
          .flatMap(
              v ->
                  v.targets().stream()
                      .filter(t -> t.target().filter(target::equals).isPresent())
                      .findFirst())
          .ifPresent(
              t ->
                  listener.onSchedulerRun(
                      new io.smo.core.event.SchedulerRunEvent(
                          target.platform(),
                          c.accountKey(),
                          t.status().name().toLowerCase(java.util.Locale.ROOT),
                          took)));
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
    private final Map<Target, SocialClient> clients = new LinkedHashMap<>();
    private final java.util.List<io.smo.core.event.SmoListener> listeners =
        new java.util.ArrayList<>();
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
     * Adds the client of one account ({@link SocialClient#target()}); several accounts of one
     * platform may be added.
     *
     * @throws IllegalStateException if a client for that account was already added
     * @throws SmoException if the client must ask the platform who it is and that fails
     */
    public Builder add(SocialClient client) {
      requireNonNull(client, "client == null");
      Target t = client.target();
      if (clients.putIfAbsent(t, client) != null) {
        throw new IllegalStateException("two clients for the same account " + t);
      }
      return this;
    }

    /**
     * Adds a listener told how each due target's run ended ({@link
     * io.smo.core.event.SmoListener#onSchedulerRun}); its failures are logged, never thrown.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(io.smo.core.event.SmoListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Uses the user's database (PostgreSQL for several instances). Default: an embedded H2 file,
     * which needs {@code com.h2database:h2} on the class path (an optional dependency).
     */
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

    /**
     * Sets the heartbeat interval (a stopped instance's jobs are taken over after 6 missed beats).
     * Default 30 s.
     */
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
