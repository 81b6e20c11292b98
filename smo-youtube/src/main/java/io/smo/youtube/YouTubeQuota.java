package io.smo.youtube;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project's daily quota as the client accounts for it before each call: a daily budget in units
 * (default 10,000) that resets at midnight Pacific time ({@code America/Los_Angeles}), and the unit
 * cost of each API method. A call that cannot fit in what is left fails offline with {@link
 * io.smo.core.exception.QuotaExceededException} carrying the reset instant.
 *
 * <p>Default costs follow https://developers.google.com/youtube/v3/determine_quota_cost: list
 * methods 1; inserts, updates, deletes, {@code comments.setModerationStatus} and {@code
 * thumbnails.set} 50; {@code videos.insert} 1,600. The docs disagree on uploads: the method page
 * says 1,600 units, the newer quota page says uploads have their own bucket of 100 calls a day at 1
 * unit each; the stricter (1,600) is the default and every cost is configurable. Analytics API
 * calls are not counted (separate quota). Immutable.
 */
@SmoPublicApi
public final class YouTubeQuota {
  /** The zone whose midnight resets the quota. */
  public static final ZoneId RESET_ZONE = ZoneId.of("America/Los_Angeles");

  /** The default daily budget in units. */
  public static final long DEFAULT_DAILY_LIMIT = 10_000;

  /** The cost used for a method absent from the table. */
  public static final int DEFAULT_COST = 1;

  private static final Map<String, Integer> DEFAULT_COSTS;

  static {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("videos.list", 1);
    m.put("channels.list", 1);
    m.put("videos.insert", 1600);
    m.put("videos.update", 50);
    m.put("videos.delete", 50);
    m.put("thumbnails.set", 50);
    m.put("playlistItems.insert", 50);
    m.put("commentThreads.list", 1);
    m.put("commentThreads.insert", 50);
    m.put("comments.list", 1);
    m.put("comments.insert", 50);
    m.put("comments.setModerationStatus", 50);
    m.put("comments.delete", 50);
    DEFAULT_COSTS = Map.copyOf(m);
  }

  private final long dailyLimit;
  private final Map<String, Integer> costs;
  private final boolean enforced;

  private YouTubeQuota(Builder b) {
    dailyLimit = b.dailyLimit;
    costs = Map.copyOf(b.costs);
    enforced = b.enforced;
  }

  /** Returns the defaults: 10,000 units a day, the documented costs, enforced. */
  public static YouTubeQuota defaults() {
    return builder().build();
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.dailyLimit = dailyLimit;
    b.costs.clear();
    b.costs.putAll(costs);
    b.enforced = enforced;
    return b;
  }

  /** Returns the daily budget in units. */
  public long dailyLimit() {
    return dailyLimit;
  }

  /** Returns the cost in units of {@code method} (e.g. {@code "videos.insert"}). */
  public int cost(String method) {
    return costs.getOrDefault(method, DEFAULT_COST);
  }

  /** Returns the cost table. */
  public Map<String, Integer> costs() {
    return costs;
  }

  /** Returns whether calls that do not fit are refused offline (default true). */
  public boolean enforced() {
    return enforced;
  }

  @Override
  public String toString() {
    return "YouTubeQuota{daily=" + dailyLimit + ", enforced=" + enforced + "}";
  }

  /** Builds {@link YouTubeQuota}. Mutable, not thread-safe. */
  public static final class Builder {
    private long dailyLimit = DEFAULT_DAILY_LIMIT;
    private final Map<String, Integer> costs = new LinkedHashMap<>(DEFAULT_COSTS);
    private boolean enforced = true;

    private Builder() {}

    /**
     * Sets the daily budget in units (your project's granted quota).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder dailyLimit(long units) {
      if (units <= 0) {
        throw new IllegalArgumentException("dailyLimit <= 0: " + units);
      }
      this.dailyLimit = units;
      return this;
    }

    /**
     * Sets the cost of one method, e.g. {@code cost("videos.insert", 1)} for projects on the
     * per-call upload bucket.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder cost(String method, int units) {
      requireNonNull(method, "method == null");
      if (units < 0) {
        throw new IllegalArgumentException("cost < 0: " + units);
      }
      costs.put(method, units);
      return this;
    }

    /** Sets whether calls that do not fit are refused offline. Default true. */
    public Builder enforced(boolean enforced) {
      this.enforced = enforced;
      return this;
    }

    /** Returns an immutable snapshot. */
    public YouTubeQuota build() {
      return new YouTubeQuota(this);
    }
  }
}
