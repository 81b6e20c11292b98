package io.smo.pinterest;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Pinterest board as {@code GET /v5/boards} and {@code POST /v5/boards} return it: id (digits),
 * name, description, privacy, owner username, Pin and follower counts, creation instant. Immutable.
 *
 * @see <a href="https://developers.pinterest.com/docs/api/v5/boards-list/">List boards</a>
 */
@SmoPublicApi
public final class Board {
  private final String id;
  private final String name;
  private final String description;
  private final String privacy;
  private final String ownerUsername;
  private final Long pinCount;
  private final Long followerCount;
  private final Instant createdAt;

  private Board(Builder b) {
    id = requireNonNull(b.id, "id == null");
    name = b.name == null ? "" : b.name;
    description = b.description;
    privacy = b.privacy;
    ownerUsername = b.ownerUsername;
    pinCount = b.pinCount;
    followerCount = b.followerCount;
    createdAt = b.createdAt;
  }

  /** Returns a builder for board {@code id}. */
  public static Builder builder(String id) {
    Builder b = new Builder();
    b.id = requireNonNull(id, "id == null");
    return b;
  }

  /** Returns the board id (digits). */
  public String id() {
    return id;
  }

  /** Returns the name. */
  public String name() {
    return name;
  }

  /** Returns the description, if any. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** Returns the privacy; {@link BoardPrivacy#UNKNOWN} for values this SDK does not know. */
  public BoardPrivacy privacy() {
    return privacy == null ? BoardPrivacy.PUBLIC : BoardPrivacy.fromWire(privacy);
  }

  /** Returns the privacy as Pinterest spelled it, if sent. */
  public Optional<String> privacyAsString() {
    return Optional.ofNullable(privacy);
  }

  /** Returns the owner's username, if sent. */
  public Optional<String> ownerUsername() {
    return Optional.ofNullable(ownerUsername);
  }

  /** Returns the number of Pins on the board, if sent. */
  public OptionalLong pinCount() {
    return pinCount == null ? OptionalLong.empty() : OptionalLong.of(pinCount);
  }

  /** Returns the number of followers, if sent. */
  public OptionalLong followerCount() {
    return followerCount == null ? OptionalLong.empty() : OptionalLong.of(followerCount);
  }

  /** Returns when the board was created (UTC), if sent. */
  public Optional<Instant> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Board b
        && id.equals(b.id)
        && name.equals(b.name)
        && Objects.equals(privacy, b.privacy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, privacy);
  }

  @Override
  public String toString() {
    return "Board{" + id + " '" + name + "' " + privacy() + "}";
  }

  /** Builds {@link Board}. Mutable, not thread-safe. */
  public static final class Builder {
    private String id;
    private String name;
    private String description;
    private String privacy;
    private String ownerUsername;
    private Long pinCount;
    private Long followerCount;
    private Instant createdAt;

    private Builder() {}

    /** Sets the name. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Sets the description; {@code null} for none. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the privacy as Pinterest spells it ({@code PUBLIC}, {@code PROTECTED}, {@code SECRET}).
     */
    public Builder privacy(String privacy) {
      this.privacy = privacy;
      return this;
    }

    /** Sets the owner's username. */
    public Builder ownerUsername(String ownerUsername) {
      this.ownerUsername = ownerUsername;
      return this;
    }

    /** Sets the Pin count. */
    public Builder pinCount(Long pinCount) {
      this.pinCount = pinCount;
      return this;
    }

    /** Sets the follower count. */
    public Builder followerCount(Long followerCount) {
      this.followerCount = followerCount;
      return this;
    }

    /** Sets the creation instant (UTC). */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Returns an immutable snapshot. */
    public Board build() {
      return new Board(this);
    }
  }
}
