package io.smo.core.upload;

import io.smo.core.SmoPublicApi;

/** Where a media upload stands, from the first byte to the platform's verdict. */
@SmoPublicApi
public enum UploadState {
  /** The upload session is being opened (init / register / session start). */
  STARTING,
  /** Bytes are being sent. */
  UPLOADING,
  /** A chunk failed; the server's offset is being queried before resuming. */
  RESUMING,
  /** All bytes are sent; the platform is processing (transcoding, checks). */
  PROCESSING,
  /** The platform says the media is ready to publish. */
  READY,
  /** The upload or processing failed. */
  FAILED
}
