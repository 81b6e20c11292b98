package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which items a {@link UnifiedInbox} yields: kinds, platforms, accounts, unanswered only, and
 * whether the account's own (outbound) items are included. Empty sets mean "all". Immutable.
 */
@SmoPublicApi
public final class InboxFilter {
  /** Everything inbound: all kinds, platforms and accounts, answered or not. */
  public static final InboxFilter ALL = builder().build();

  private final Set<InboxItemKind> kinds;
  private final Set<Platform> platforms;
  private final Set<String> accounts;
  private final boolean unansweredOnly;
  private final boolean includeOutbound;

  private InboxFilter(Builder b) {
    kinds = Set.copyOf(b.kinds);
    platforms = Set.copyOf(b.platforms);
    accounts = Set.copyOf(b.accounts);
    unansweredOnly = b.unansweredOnly;
    includeOutbound = b.includeOutbound;
  }

  /** Returns a builder: everything inbound. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the kinds kept (empty: all). */
  public Set<InboxItemKind> kinds() {
    return kinds;
  }

  /** Returns the platforms kept (empty: all). */
  public Set<Platform> platforms() {
    return platforms;
  }

  /** Returns the account keys kept (empty: all). */
  public Set<String> accounts() {
    return accounts;
  }

  /** Returns whether only unanswered items are kept. */
  public boolean unansweredOnly() {
    return unansweredOnly;
  }

  /** Returns whether the accounts' own items are kept. */
  public boolean includeOutbound() {
    return includeOutbound;
  }

  /** Returns whether a source of this platform, account and kind can yield anything. */
  public boolean wants(Platform platform, String account, InboxItemKind kind) {
    return (kinds.isEmpty() || kinds.contains(kind))
        && (platforms.isEmpty() || platforms.contains(platform))
        && (accounts.isEmpty() || accounts.contains(account));
  }

  /** Returns whether {@code item} passes. */
  public boolean test(InboxItem item) {
    return wants(item.platform(), item.account(), item.kind())
        && (includeOutbound || item.direction() == Direction.INBOUND)
        && (!unansweredOnly || !item.answered());
  }

  @Override
  public String toString() {
    return "InboxFilter{kinds="
        + kinds
        + ", platforms="
        + platforms
        + ", accounts="
        + accounts
        + (unansweredOnly ? ", unanswered" : "")
        + (includeOutbound ? ", with outbound" : "")
        + "}";
  }

  /** Builds {@link InboxFilter}. Mutable, not thread-safe. */
  public static final class Builder {
    private final Set<InboxItemKind> kinds = EnumSet.noneOf(InboxItemKind.class);
    private final Set<Platform> platforms = EnumSet.noneOf(Platform.class);
    private final Set<String> accounts = new LinkedHashSet<>();
    private boolean unansweredOnly;
    private boolean includeOutbound;

    private Builder() {}

    /** Keeps only these kinds. */
    public Builder kinds(Collection<InboxItemKind> kinds) {
      this.kinds.addAll(kinds);
      return this;
    }

    /** Keeps only these platforms. */
    public Builder platforms(Collection<Platform> platforms) {
      this.platforms.addAll(platforms);
      return this;
    }

    /** Keeps only these account keys. */
    public Builder accounts(Collection<String> accounts) {
      accounts.forEach(a -> this.accounts.add(requireNonNull(a, "account == null")));
      return this;
    }

    /** Keeps only items the accounts have not answered. Default false. */
    public Builder unansweredOnly(boolean unansweredOnly) {
      this.unansweredOnly = unansweredOnly;
      return this;
    }

    /** Also keeps the accounts' own items (their answers, echoes). Default false. */
    public Builder includeOutbound(boolean includeOutbound) {
      this.includeOutbound = includeOutbound;
      return this;
    }

    /** Returns an immutable snapshot. */
    public InboxFilter build() {
      return new InboxFilter(this);
    }
  }
}
