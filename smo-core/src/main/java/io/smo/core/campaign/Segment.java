package io.smo.core.campaign;

import static java.util.Objects.requireNonNull;

import io.smo.core.Audience;
import io.smo.core.Post;
import io.smo.core.SmoPublicApi;
import java.util.ArrayList;
import java.util.List;

/**
 * One audience of a campaign with its own message: who it is for ({@link #audience()}), what it
 * says ({@link #message()}: text, media, link, per-platform options) and which of the campaign's
 * accounts it goes to. Immutable.
 *
 * <p>Accounts are named as in {@link Campaign#accounts()}. {@link #accounts()} are accounts the
 * segment reaches by targeting: the post goes there only when the platform can honour the audience
 * (Facebook feed targeting, Snapchat). {@link #assigned()} are accounts that already speak to this
 * audience (regional Pages, a regional X handle): the post goes there whether or not the platform
 * can target, untargeted when it cannot.
 */
@SmoPublicApi
public final class Segment {
  private final String name;
  private final Audience audience;
  private final Post message;
  private final List<String> accounts;
  private final List<String> assigned;
  private final java.util.Map<io.smo.core.Platform, Post> perPlatform;

  private Segment(Builder b) {
    this.perPlatform = java.util.Map.copyOf(b.perPlatform);
    this.name = requireNonNull(b.name, "name == null");
    this.audience = b.audience;
    this.message = requireNonNull(b.message, "message == null");
    this.accounts = List.copyOf(b.accounts);
    this.assigned = List.copyOf(b.assigned);
  }

  /** Returns a builder for segment {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns the segment's name (unique in its campaign). */
  public String name() {
    return name;
  }

  /** Returns who the segment is for. */
  public Audience audience() {
    return audience;
  }

  /** Returns the message (its own audience and idempotency key are replaced by the planner). */
  public Post message() {
    return message;
  }

  /**
   * Returns the message for targets on {@code platform}: its own variant if set, else {@link
   * #message()}.
   */
  public Post messageFor(io.smo.core.Platform platform) {
    return perPlatform.getOrDefault(platform, message);
  }

  /** Returns the accounts reached by targeting, by name. */
  public List<String> accounts() {
    return accounts;
  }

  /** Returns the accounts assigned to this audience (regional accounts), by name. */
  public List<String> assigned() {
    return assigned;
  }

  @Override
  public String toString() {
    return "Segment{"
        + name
        + ", "
        + audience
        + ", accounts="
        + accounts
        + ", assigned="
        + assigned
        + "}";
  }

  /** Builds {@link Segment}. */
  public static final class Builder {
    private final String name;
    private Audience audience = Audience.everyone();
    private Post message;
    private final List<String> accounts = new ArrayList<>();
    private final List<String> assigned = new ArrayList<>();
    private final java.util.Map<io.smo.core.Platform, Post> perPlatform =
        new java.util.EnumMap<>(io.smo.core.Platform.class);

    private Builder(String name) {
      this.name = name;
    }

    /** Sets who the segment is for. */
    public Builder audience(Audience audience) {
      this.audience = requireNonNull(audience, "audience == null");
      return this;
    }

    /** Sets the message: text, media, link and per-platform options. */
    public Builder message(Post message) {
      this.message = requireNonNull(message, "message == null");
      return this;
    }

    /**
     * Sets the message variant for one platform (its own media or options, for example the video
     * for YouTube and the photo for Facebook).
     */
    public Builder message(io.smo.core.Platform platform, Post message) {
      perPlatform.put(
          requireNonNull(platform, "platform == null"), requireNonNull(message, "message == null"));
      return this;
    }

    /** Adds accounts reached by targeting (names from the campaign's accounts). */
    public Builder accounts(String... names) {
      accounts.addAll(List.of(names));
      return this;
    }

    /** Adds accounts reached by targeting (names from the campaign's accounts). */
    public Builder accounts(List<String> names) {
      accounts.addAll(names);
      return this;
    }

    /** Adds accounts assigned to this audience (regional accounts). */
    public Builder assigned(String... names) {
      assigned.addAll(List.of(names));
      return this;
    }

    /** Adds accounts assigned to this audience (regional accounts). */
    public Builder assigned(List<String> names) {
      assigned.addAll(names);
      return this;
    }

    /**
     * Returns the segment.
     *
     * @throws NullPointerException if the message is missing
     */
    public Segment build() {
      return new Segment(this);
    }
  }
}
