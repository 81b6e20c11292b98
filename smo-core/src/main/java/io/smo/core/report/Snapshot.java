package io.smo.core.report;

import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every target's figures at one moment; {@code --watch} appends one per interval so the report can
 * show growth.
 *
 * @param takenAt when the figures were read (UTC)
 * @param targets one per target of the results record, in its order
 */
@SmoPublicApi
public record Snapshot(Instant takenAt, List<TargetSnapshot> targets) {

  /** Checks and copies the components. */
  public Snapshot {
    Objects.requireNonNull(takenAt, "takenAt == null");
    targets = List.copyOf(targets);
  }
}
