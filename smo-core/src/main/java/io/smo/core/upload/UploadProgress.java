package io.smo.core.upload;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable snapshot of an upload's progress: state, bytes sent of total, and during processing
 * the platform's own state name and percent. Bytes sent can go backwards when a chunk is re-sent
 * from the server's offset.
 */
@SmoPublicApi
public final class UploadProgress {
  private final Platform platform;
  private final String mediaName;
  private final UploadState state;
  private final long bytesSent;
  private final long totalBytes;
  private final String platformState;
  private final Integer percent;

  /**
   * Creates a snapshot.
   *
   * @param platform the platform
   * @param mediaName the file name or media id being uploaded
   * @param state the state
   * @param bytesSent bytes the server has acknowledged
   * @param totalBytes the file size in bytes
   * @param platformState the platform's processing state name, or {@code null}
   * @param percent the platform's processing percent (0-100), or {@code null}
   */
  public UploadProgress(
      Platform platform,
      String mediaName,
      UploadState state,
      long bytesSent,
      long totalBytes,
      String platformState,
      Integer percent) {
    this.platform = platform;
    this.mediaName = mediaName;
    this.state = state;
    this.bytesSent = bytesSent;
    this.totalBytes = totalBytes;
    this.platformState = platformState;
    this.percent = percent;
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the file name or media id. */
  public String mediaName() {
    return mediaName;
  }

  /** Returns the state. */
  public UploadState state() {
    return state;
  }

  /** Returns the bytes acknowledged so far. */
  public long bytesSent() {
    return bytesSent;
  }

  /** Returns the total size in bytes. */
  public long totalBytes() {
    return totalBytes;
  }

  /** Returns the platform's processing state name, if reported. */
  public Optional<String> platformState() {
    return Optional.ofNullable(platformState);
  }

  /** Returns the platform's processing percent, if reported. */
  public OptionalInt percent() {
    return percent == null ? OptionalInt.empty() : OptionalInt.of(percent);
  }

  @Override
  public String toString() {
    return platform.id()
        + " "
        + mediaName
        + " "
        + state
        + " "
        + bytesSent
        + "/"
        + totalBytes
        + (platformState != null ? " " + platformState : "")
        + (percent != null ? " " + percent + "%" : "");
  }
}
