package io.smo.core.campaign;

import io.smo.core.Post;
import io.smo.core.SmoPublicApi;
import io.smo.core.Target;
import io.smo.core.Violation;
import java.util.List;
import java.util.Optional;

/**
 * One row of a {@link CampaignPlan}: what one segment sends to one target, or why it sends nothing
 * there. Immutable.
 */
@SmoPublicApi
public final class PlannedPost {
  /** How the segment reaches the target. */
  public enum Delivery {
    /** The platform honours the segment's audience: the post carries it (feed targeting). */
    TARGETED,
    /** The account is assigned to the segment (a regional account): the post goes untargeted. */
    ASSIGNED,
    /** Nothing goes to this target; see {@link PlannedPost#reason()}. */
    SKIPPED
  }

  private final String segment;
  private final String accountName;
  private final Target target;
  private final Delivery delivery;
  private final Post post;
  private final String reason;
  private final List<Violation> violations;

  PlannedPost(
      String segment,
      String accountName,
      Target target,
      Delivery delivery,
      Post post,
      String reason,
      List<Violation> violations) {
    this.segment = segment;
    this.accountName = accountName;
    this.target = target;
    this.delivery = delivery;
    this.post = post;
    this.reason = reason;
    this.violations = List.copyOf(violations);
  }

  /** Returns the segment's name. */
  public String segment() {
    return segment;
  }

  /** Returns the account's name in the campaign. */
  public String accountName() {
    return accountName;
  }

  /** Returns the target. */
  public Target target() {
    return target;
  }

  /** Returns how the segment reaches the target. */
  public Delivery delivery() {
    return delivery;
  }

  /** Returns whether something will be published for this row. */
  public boolean publishes() {
    return delivery != Delivery.SKIPPED;
  }

  /**
   * Returns the post to publish (audience set or removed, idempotency key {@code
   * campaign|segment|target}), unless the row is skipped.
   */
  public Optional<Post> post() {
    return Optional.ofNullable(post);
  }

  /** Returns why the row is skipped, or a note on how it is delivered; empty when none. */
  public String reason() {
    return reason == null ? "" : reason;
  }

  /** Returns the offline validation violations that made the row skipped, if any. */
  public List<Violation> violations() {
    return violations;
  }

  @Override
  public String toString() {
    return segment
        + " -> "
        + accountName
        + " ("
        + target
        + ") "
        + delivery
        + (reason != null ? ": " + reason : "");
  }
}
