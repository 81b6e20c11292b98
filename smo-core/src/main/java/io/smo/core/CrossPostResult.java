package io.smo.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One {@link PlatformOutcome} per target (platform and account) of a {@link
 * CrossPoster#publish(Post)}. One target's failure never hides another's success. Immutable.
 *
 * <p>With one account per platform it reads per platform ({@link #outcomes()}, {@link
 * #outcome(Platform)}); with several accounts on a platform read it per target ({@link
 * #byTarget()}, {@link #outcome(Target)}, {@link #list()}): the per-platform accessors then refuse
 * to pick one account for the caller.
 */
@SmoPublicApi
public final class CrossPostResult {
  private final String idempotencyKey;
  private final Map<Target, PlatformOutcome> byTarget;

  /**
   * Creates a result with one outcome per platform (each outcome's {@link PlatformOutcome#target()}
   * is used when present).
   *
   * @param idempotencyKey the post's idempotency key
   * @param outcomes the outcome per platform
   */
  public CrossPostResult(String idempotencyKey, Map<Platform, PlatformOutcome> outcomes) {
    this(idempotencyKey, toTargets(outcomes));
  }

  private CrossPostResult(String idempotencyKey, SortedMap<Target, PlatformOutcome> byTarget) {
    this.idempotencyKey = idempotencyKey;
    this.byTarget = Collections.unmodifiableMap(new LinkedHashMap<>(byTarget));
  }

  /**
   * Creates a result with one outcome per target.
   *
   * @param idempotencyKey the post's idempotency key
   * @param outcomes the outcome per target
   * @return the result, targets in platform then account order
   */
  public static CrossPostResult ofTargets(
      String idempotencyKey, Map<Target, PlatformOutcome> outcomes) {
    return new CrossPostResult(idempotencyKey, new TreeMap<>(outcomes));
  }

  private static SortedMap<Target, PlatformOutcome> toTargets(
      Map<Platform, PlatformOutcome> outcomes) {
    TreeMap<Target, PlatformOutcome> m = new TreeMap<>();
    outcomes.forEach((p, o) -> m.put(o.target().orElse(Target.of(p, p.id())), o));
    return m;
  }

  /** Returns the post's idempotency key. */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** Returns the outcome per target, in platform then account order. */
  public Map<Target, PlatformOutcome> byTarget() {
    return byTarget;
  }

  /** Returns every outcome, one per target, in platform then account order. */
  public List<PlatformOutcome> list() {
    return List.copyOf(byTarget.values());
  }

  /**
   * Returns the outcome per platform, in {@link Platform} order.
   *
   * @throws IllegalStateException if a platform had several target accounts (use {@link
   *     #byTarget()})
   */
  public Map<Platform, PlatformOutcome> outcomes() {
    Map<Platform, PlatformOutcome> m = new EnumMap<>(Platform.class);
    byTarget.forEach(
        (t, o) -> {
          if (m.put(t.platform(), o) != null) {
            throw new IllegalStateException(
                "several "
                    + t.platform().displayName()
                    + " accounts were targets; read the outcomes per target with byTarget()");
          }
        });
    return Collections.unmodifiableMap(m);
  }

  /**
   * Returns the outcome of one platform, if it was a target.
   *
   * @throws IllegalStateException if the platform had several target accounts (use {@link
   *     #outcome(Target)} or {@link #outcomesOn(Platform)})
   */
  public Optional<PlatformOutcome> outcome(Platform platform) {
    List<PlatformOutcome> on = outcomesOn(platform);
    if (on.size() > 1) {
      throw new IllegalStateException(
          on.size()
              + " "
              + platform.displayName()
              + " accounts were targets; use outcome(Target) or outcomesOn(platform)");
    }
    return on.stream().findFirst();
  }

  /** Returns the outcomes of every target account on {@code platform}. */
  public List<PlatformOutcome> outcomesOn(Platform platform) {
    List<PlatformOutcome> out = new ArrayList<>();
    byTarget.forEach(
        (t, o) -> {
          if (t.platform() == platform) {
            out.add(o);
          }
        });
    return out;
  }

  /** Returns the outcome of one target, if it was a target. */
  public Optional<PlatformOutcome> outcome(Target target) {
    return Optional.ofNullable(byTarget.get(target));
  }

  /** Returns whether every target published. */
  public boolean allPublished() {
    return byTarget.values().stream().allMatch(o -> o.status() == PlatformOutcome.Status.PUBLISHED);
  }

  /** Returns how many targets ended with {@code status}. */
  public long count(PlatformOutcome.Status status) {
    return byTarget.values().stream().filter(o -> o.status() == status).count();
  }

  @Override
  public String toString() {
    return "CrossPostResult" + byTarget.values();
  }
}
