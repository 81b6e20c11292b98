package io.smo.core.campaign;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An organisation's campaign: its name (part of every idempotency key), its named accounts ({@code
 * fb-global -> facebook:1234567890}) and its {@link Segment}s. Immutable; checked by {@link
 * CampaignPlanner#plan}, not here, so that every problem is reported at once.
 */
@SmoPublicApi
public final class Campaign {
  private final String name;
  private final Map<String, Target> accounts;
  private final List<String> accountNamesAsGiven;
  private final List<Segment> segments;
  private final String identicalTextOnXReason;

  private Campaign(Builder b) {
    this.name = requireNonNull(b.name, "name == null");
    this.accounts = Collections.unmodifiableMap(new LinkedHashMap<>(b.accounts));
    this.accountNamesAsGiven = List.copyOf(b.accountNames);
    this.segments = List.copyOf(b.segments);
    this.identicalTextOnXReason = b.identicalTextOnXReason;
  }

  /** Returns a builder for campaign {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns the name (part of every idempotency key: {@code campaign|segment|target}). */
  public String name() {
    return name;
  }

  /** Returns the accounts by name, in the order given. */
  public Map<String, Target> accounts() {
    return accounts;
  }

  /** Returns every account name as given, repeats included (so the planner can report them). */
  public List<String> accountNamesAsGiven() {
    return accountNamesAsGiven;
  }

  /** Returns the segments, in order. */
  public List<Segment> segments() {
    return segments;
  }

  /**
   * Returns why the caller allows identical text on several X accounts, when it does; empty (the
   * default) refuses such a plan.
   */
  public Optional<String> identicalTextOnXReason() {
    return Optional.ofNullable(identicalTextOnXReason);
  }

  /** Returns the name of {@code target} among the accounts, if it is one. */
  public Optional<String> nameOf(Target target) {
    return accounts.entrySet().stream()
        .filter(e -> e.getValue().equals(target))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Builds {@link Campaign}. */
  public static final class Builder {
    private final String name;
    private final Map<String, Target> accounts = new LinkedHashMap<>();
    private final List<String> accountNames = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private String identicalTextOnXReason;

    private Builder(String name) {
      this.name = name;
    }

    /** Adds an account under {@code name}; a name given twice is reported by the planner. */
    public Builder account(String name, Target target) {
      accountNames.add(requireNonNull(name, "name == null"));
      accounts.putIfAbsent(name, requireNonNull(target, "target == null"));
      return this;
    }

    /** Adds a segment. */
    public Builder segment(Segment segment) {
      segments.add(requireNonNull(segment, "segment == null"));
      return this;
    }

    /**
     * Allows the same text on several X accounts, for the reason given (shown in the plan). X's
     * automation rules forbid posting identical or substantially similar content from several
     * accounts; only override this when the accounts are exempt (for example, one is a test account
     * that is deleted afterwards).
     */
    public Builder allowIdenticalTextOnX(String reason) {
      this.identicalTextOnXReason = requireNonNull(reason, "reason == null");
      return this;
    }

    /** Returns the campaign. */
    public Campaign build() {
      return new Campaign(this);
    }
  }
}
