package io.smo.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.time.Instant;

/**
 * Something the sandbox really created: a post, a media upload, a comment... Tests assert on {@link
 * Sandbox#created(Platform)} to prove "exactly one post", whatever the client saw.
 */
@SmoPublicApi
public final class Created {
  private final Platform platform;
  private final String kind;
  private final String id;
  private final JsonNode body;
  private final Instant at;
  private final String account;

  /**
   * Creates a record.
   *
   * @param platform the platform
   * @param kind what was created: {@code post}, {@code media}, {@code comment}, {@code reply}...
   * @param id the platform id given to it
   * @param body the stored object as the platform would return it
   * @param at when it was created
   */
  public Created(Platform platform, String kind, String id, JsonNode body, Instant at) {
    this(platform, kind, id, body, at, null);
  }

  /**
   * Creates a record naming the account the create came from.
   *
   * @param platform the platform
   * @param kind what was created ({@code post}, {@code media}, {@code comment}...)
   * @param id its id
   * @param body what the sandbox stored
   * @param at when (sandbox clock)
   * @param account the account id whose token made the request (the sandbox's main account or one
   *     added with {@link Sandbox#addAccount(Platform, String)})
   */
  public Created(
      Platform platform, String kind, String id, JsonNode body, Instant at, String account) {
    this.platform = platform;
    this.kind = kind;
    this.id = id;
    this.body = body;
    this.at = at;
    this.account = account;
  }

  /**
   * Returns the id of the account whose token created it: {@link SandboxCredentials#accountId()} of
   * the credentials used (the main account's, or an added account's).
   */
  public String account() {
    return account;
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the kind. */
  public String kind() {
    return kind;
  }

  /** Returns the id. */
  public String id() {
    return id;
  }

  /** Returns the stored object. */
  public JsonNode body() {
    return body;
  }

  /** Returns the creation instant. */
  public Instant at() {
    return at;
  }

  @Override
  public String toString() {
    return platform.id() + " " + kind + " " + id;
  }
}
