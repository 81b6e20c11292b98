package io.smo.core.upload;

import io.smo.core.SmoPublicApi;

/**
 * Receives upload progress: bytes sent of total, then the platform's processing states and percent,
 * then READY or FAILED. Called on the uploading thread; must be fast. Exceptions it throws are
 * caught and logged, never propagated into the upload.
 */
@SmoPublicApi
@FunctionalInterface
public interface UploadListener {
  /** A listener that ignores everything. */
  UploadListener NONE = p -> {};

  /** Receives one progress snapshot. */
  void onProgress(UploadProgress progress);
}
