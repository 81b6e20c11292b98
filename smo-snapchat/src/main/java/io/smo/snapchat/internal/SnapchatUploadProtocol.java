package io.smo.snapchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.FileChunk;
import io.smo.core.upload.spi.ProcessingPoller;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.snapchat.SnapchatRateBucket;
import io.smo.snapchat.internal.SnapchatDtos.MediaRequest;
import io.smo.snapchat.internal.SnapchatDtos.MediaSpec;
import io.smo.snapchat.internal.SnapchatDtos.ProfileMediaRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Snapchat's two media upload protocols (on core's {@link ChunkedUploader}).
 *
 * <p><b>Marketing API</b> (https://developers.snap.com/api/marketing-api/Ads-API/media): create the
 * media ({@code PENDING_UPLOAD}); files up to the part size (32 MB) go in one {@code POST
 * /v1/media/{id}/upload}; larger files use {@code multipart-upload-v2}: {@code action=INIT} ({@code
 * file_name, file_size, number_of_parts}) → {@code upload_id, add_path, finalize_path}; one {@code
 * POST add_path} per part ({@code file, part_number, upload_id}); {@code POST finalize_path}. Then
 * {@code GET /v1/media/{id}} is polled until {@code READY}.
 *
 * <p><b>Public Profile API</b>
 * (https://developers.snap.com/api/marketing-api/Public-Profile-API/ProfileAssetManagement): the
 * file is encrypted with AES-256-CBC ({@link MediaEncryption}, fresh key and IV) to a temporary
 * file, streamed; the media container is created with the base64 key and IV; the ciphertext is sent
 * with the multipart upload API in parts of at most 32 MB. The media stays usable for 24 hours. The
 * profile multipart path and its answers are UNCONFIRMED (modelled on the Marketing API's v2
 * protocol); no status endpoint is documented, so the media counts as ready after FINALIZE unless
 * that answer says otherwise.
 *
 * <p>Parts are read from disk through {@link FileChunk} (heap use independent of file size). Snap
 * offers no "how much do you have" query; after a failed part the upload resumes at the first part
 * not acknowledged (re-sending a part number replaces it: UNCONFIRMED).
 */
@SmoInternalApi
public final class SnapchatUploadProtocol {
  private static final SnapchatRateBucket BUCKET = SnapchatRateBucket.TOKEN;
  private static final MediaType OCTET = MediaType.get("application/octet-stream");
  private static final MediaType TEXT = MediaType.get("text/plain");

  private final ApiRuntime runtime;
  private final SnapchatApi adsApi;
  private final SnapchatApi profileApi;
  private final long partBytes;
  private final UploadListener listener;
  private final Duration processingTimeout;
  private final Duration pollInterval;

  /**
   * Creates the upload protocol.
   *
   * @param runtime the client's runtime
   * @param adsApi the Marketing API service
   * @param profileApi the Public Profile API service
   * @param partBytes the part size and the single-upload threshold, in bytes
   * @param listener progress receiver
   * @param processingTimeout the longest wait for {@code READY}
   * @param pollInterval the first wait between media status polls
   */
  public SnapchatUploadProtocol(
      ApiRuntime runtime,
      SnapchatApi adsApi,
      SnapchatApi profileApi,
      long partBytes,
      UploadListener listener,
      Duration processingTimeout,
      Duration pollInterval) {
    this.runtime = runtime;
    this.adsApi = adsApi;
    this.profileApi = profileApi;
    this.partBytes = partBytes;
    this.listener = listener;
    this.processingTimeout = processingTimeout;
    this.pollInterval = pollInterval;
  }

  /** Returns the number of parts for {@code size} bytes. */
  public static int partCount(long size, long partBytes) {
    return (int) Math.max(1, (size + partBytes - 1) / partBytes);
  }

  // ---------------------------------------------------------------- Marketing API

  /**
   * Uploads one media item to an ad account and waits until it is {@code READY}.
   *
   * @return the media id
   * @throws SmoException on failure ({@link MediaProcessingException} when processing fails)
   */
  public String uploadAdMedia(String adAccountId, Media media, String name) {
    Path temp = null;
    try {
      Path file;
      if (media.file().isPresent()) {
        file = media.file().get();
      } else {
        temp = Files.createTempFile("smo-snapchat-", ".media");
        try (InputStream in = open(media)) {
          Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        file = temp;
      }
      MediaRequest body =
          new MediaRequest(
              List.of(
                  new MediaSpec(
                      name, media.kind() == MediaKind.VIDEO ? "VIDEO" : "IMAGE", adAccountId)));
      JsonNode created =
          SnapchatErrorMapper.call(
              runtime,
              Operation.create("create media", BUCKET),
              () -> adsApi.createAdMedia(adAccountId, body));
      String mediaId = SnapchatMapper.firstId(created, "media", "media");
      if (mediaId == null) {
        throw new TransportException(
            Platform.SNAPCHAT, "create media", "the answer carries no media id", null, false);
      }
      String fileName = fileName(media);
      long size = Files.size(file);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        if (size <= partBytes) {
          ChunkedUploader.notify(
              listener, progress(fileName, UploadState.UPLOADING, 0, size, null));
          MultipartBody.Part part =
              MultipartBody.Part.createFormData(
                  "file", fileName, new FileChunk(ch, 0, size, MediaType.get(media.mimeType())));
          JsonNode r =
              SnapchatErrorMapper.call(
                  runtime,
                  Operation.write("upload media", BUCKET),
                  () -> adsApi.uploadAdMedia(mediaId, part));
          ChunkedUploader.notify(
              listener, progress(fileName, UploadState.UPLOADING, size, size, null));
          checkFailed(mediaId, SnapchatMapper.media(r));
        } else {
          multipart(
              adsApi,
              ch,
              size,
              fileName,
              MediaType.get(media.mimeType()),
              () ->
                  adsApi.initAdMultipart(
                      mediaId,
                      "INIT",
                      text(fileName),
                      text(size),
                      text(partCount(size, partBytes))));
        }
      }
      ProcessingPoller.poll(
          Platform.SNAPCHAT,
          "media processing",
          mediaId,
          () -> {
            JsonNode m =
                SnapchatMapper.media(
                    SnapchatErrorMapper.call(
                        runtime,
                        Operation.read("get media", BUCKET),
                        () -> adsApi.getAdMedia(mediaId)));
            String status = m == null ? "" : m.path("media_status").asText("");
            return switch (status.toUpperCase(Locale.ROOT)) {
              case "READY" -> ProcessingStatus.succeeded(status, mediaId);
              case "PENDING_UPLOAD", "PROCESSING", "" ->
                  ProcessingStatus.pending(status.isEmpty() ? "UNKNOWN" : status, null, null);
              default -> ProcessingStatus.failed(status, "media processing failed");
            };
          },
          processingTimeout,
          pollInterval,
          runtime.clock(),
          runtime.sleeper(),
          listener,
          size);
      return mediaId;
    } catch (IOException e) {
      throw new TransportException(
          Platform.SNAPCHAT,
          "upload media",
          "cannot read the media: " + e.getClass().getSimpleName(),
          e,
          false);
    } finally {
      deleteQuietly(temp);
    }
  }

  // ---------------------------------------------------------------- Public Profile API

  /**
   * Encrypts and uploads one media item to a Public Profile.
   *
   * @return the profile media id (usable for 24 hours)
   * @throws SmoException on failure
   */
  public String uploadProfileMedia(String profileId, Media media, String name) {
    Path enc = null;
    MediaEncryption crypto = MediaEncryption.random();
    try {
      enc = Files.createTempFile("smo-snapchat-", ".enc");
      try (InputStream in = open(media)) {
        crypto.encrypt(in, enc);
      }
      ProfileMediaRequest body =
          new ProfileMediaRequest(
              media.kind() == MediaKind.VIDEO ? "VIDEO" : "IMAGE",
              name,
              crypto.keyBase64(),
              crypto.ivBase64());
      JsonNode created =
          SnapchatErrorMapper.call(
              runtime,
              Operation.create("create profile media", BUCKET),
              () -> profileApi.createProfileMedia(profileId, body));
      String mediaId = SnapchatMapper.profileMediaId(created);
      if (mediaId == null) {
        throw new TransportException(
            Platform.SNAPCHAT,
            "create profile media",
            "the answer carries no media id",
            null,
            false);
      }
      long size = Files.size(enc);
      String fileName = name + ".enc";
      try (FileChannel ch = FileChannel.open(enc, StandardOpenOption.READ)) {
        JsonNode done =
            multipart(
                profileApi,
                ch,
                size,
                fileName,
                OCTET,
                () ->
                    profileApi.initProfileMultipart(
                        profileId,
                        mediaId,
                        "INIT",
                        text(fileName),
                        text(size),
                        text(partCount(size, partBytes))));
        checkFailed(mediaId, SnapchatMapper.media(done));
      }
      ChunkedUploader.notify(listener, progress(fileName, UploadState.READY, size, size, "READY"));
      return mediaId;
    } catch (IOException e) {
      throw new TransportException(
          Platform.SNAPCHAT,
          "upload profile media",
          "cannot read or encrypt the media: " + e.getClass().getSimpleName(),
          e,
          false);
    } finally {
      crypto.destroy();
      deleteQuietly(enc);
    }
  }

  // ---------------------------------------------------------------- shared

  private JsonNode multipart(
      SnapchatApi api,
      FileChannel ch,
      long size,
      String fileName,
      MediaType type,
      java.util.function.Supplier<retrofit2.Call<JsonNode>> init) {
    JsonNode session =
        SnapchatErrorMapper.call(runtime, Operation.write("init multipart upload", BUCKET), init);
    String uploadId = session.path("upload_id").asText("");
    String addPath = relative(session.path("add_path").asText(""));
    String finalizePath = relative(session.path("finalize_path").asText(""));
    if (uploadId.isEmpty() || addPath.isEmpty() || finalizePath.isEmpty()) {
      throw new TransportException(
          Platform.SNAPCHAT,
          "init multipart upload",
          "the answer lacks upload_id, add_path or finalize_path",
          null,
          false);
    }
    long[] acked = {0};
    ChunkedUploader.upload(
        Platform.SNAPCHAT,
        fileName,
        ch,
        size,
        type,
        new ChunkedUploader.Protocol() {
          @Override
          public long chunkLength(long offset, long total) {
            return Math.min(partBytes, total - offset);
          }

          @Override
          public long send(FileChunk chunk, long total) {
            int partNumber = (int) (chunk.offset() / partBytes) + 1;
            MultipartBody.Part file = MultipartBody.Part.createFormData("file", fileName, chunk);
            SnapchatErrorMapper.call(
                runtime,
                Operation.write("upload part", BUCKET).withoutRetry(),
                () -> api.addPart(addPath, file, text(partNumber), text(uploadId)));
            acked[0] = chunk.offset() + chunk.length();
            return acked[0];
          }

          @Override
          public long queryOffset(long total) {
            return acked[0];
          }
        },
        listener,
        runtime.retryPolicy(),
        runtime.sleeper());
    return SnapchatErrorMapper.call(
        runtime,
        Operation.write("finalize multipart upload", BUCKET),
        () -> api.finalizeUpload(finalizePath, text(uploadId)));
  }

  private static void checkFailed(String mediaId, JsonNode media) {
    if (media == null) {
      return;
    }
    String status = media.path("media_status").asText("");
    if (!status.isEmpty()
        && !status.equalsIgnoreCase("READY")
        && !status.equalsIgnoreCase("PENDING_UPLOAD")
        && !status.equalsIgnoreCase("PROCESSING")) {
      throw new MediaProcessingException(
          Platform.SNAPCHAT,
          "media processing",
          mediaId,
          status,
          "Snapchat could not process the media",
          true);
    }
  }

  /** Paths from the API start with {@code /}; resolve them below the configured base URL. */
  static String relative(String path) {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      return path;
    }
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static InputStream open(Media media) throws IOException {
    if (media.file().isPresent()) {
      return Files.newInputStream(media.file().get());
    }
    if (media.bytes().isPresent()) {
      return new ByteArrayInputStream(media.bytes().get());
    }
    throw new IOException("Snapchat uploads need a file or bytes, not a URL");
  }

  private static String fileName(Media media) {
    String ext =
        media
            .mimeType()
            .substring(media.mimeType().indexOf('/') + 1)
            .replace("quicktime", "mov")
            .replace("jpeg", "jpg");
    return media.file().map(f -> f.getFileName().toString()).orElse("media." + ext);
  }

  private UploadProgress progress(
      String name, UploadState state, long sent, long total, String platformState) {
    return new UploadProgress(Platform.SNAPCHAT, name, state, sent, total, platformState, null);
  }

  private static RequestBody text(Object value) {
    return RequestBody.create(String.valueOf(value), TEXT);
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a leftover temp file is harmless
      }
    }
  }

  /**
   * AES-256-CBC encryption of Public Profile media with the JDK's own {@code javax.crypto}: a fresh
   * random 32-byte key and 16-byte IV per upload ({@link SecureRandom}), PKCS#7 padding (what
   * {@code openssl enc -aes-256-cbc -nosalt -K key -iv iv} writes), streamed from the source to a
   * temporary file in 64 KiB blocks, so heap use does not depend on the media size.
   *
   * <p>Source:
   * https://developers.snap.com/api/marketing-api/Public-Profile-API/ProfileAssetManagement
   * ("Encrypt and split file"; key and IV are sent base64-encoded when the media is created).
   *
   * <p>{@link #toString()} never shows the key or IV.
   */
  public static final class MediaEncryption {
    /** The JCA transformation ({@code PKCS5Padding} is PKCS#7 for 16-byte blocks). */
    public static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 64 * 1024;

    private final byte[] key;
    private final byte[] iv;

    private MediaEncryption(byte[] key, byte[] iv) {
      if (key.length != 32 || iv.length != 16) {
        throw new IllegalArgumentException("AES-256-CBC needs a 32-byte key and a 16-byte IV");
      }
      this.key = key.clone();
      this.iv = iv.clone();
    }

    /** Returns a fresh random key and IV. */
    public static MediaEncryption random() {
      byte[] k = new byte[32];
      byte[] v = new byte[16];
      RANDOM.nextBytes(k);
      RANDOM.nextBytes(v);
      return new MediaEncryption(k, v);
    }

    /**
     * Returns an instance with the given key (32 bytes) and IV (16 bytes), for tests and
     * decryption.
     */
    public static MediaEncryption of(byte[] key, byte[] iv) {
      return new MediaEncryption(key, iv);
    }

    /** Returns the key, base64-encoded (the {@code key} field of Create Media). */
    public String keyBase64() {
      return Base64.getEncoder().encodeToString(key);
    }

    /** Returns the IV, base64-encoded (the {@code iv} field of Create Media). */
    public String ivBase64() {
      return Base64.getEncoder().encodeToString(iv);
    }

    /**
     * Returns the ciphertext length for {@code plainLength} bytes: the next multiple of 16 above
     * it.
     */
    public static long encryptedLength(long plainLength) {
      return (plainLength / 16 + 1) * 16;
    }

    /**
     * Encrypts {@code in} into {@code target}, streaming.
     *
     * @param in the plaintext (read to its end, not closed)
     * @param target the file to write (created or replaced)
     * @return the number of ciphertext bytes written
     * @throws IOException on read or write failure
     */
    public long encrypt(InputStream in, Path target) throws IOException {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE);
      try (OutputStream out = new CipherOutputStream(Files.newOutputStream(target), cipher)) {
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) > 0) {
          out.write(buf, 0, n);
        }
      }
      return Files.size(target);
    }

    /**
     * Decrypts {@code ciphertext} (for tests and the sandbox).
     *
     * @throws IllegalArgumentException if it is not valid ciphertext for this key and IV
     */
    public byte[] decrypt(byte[] ciphertext) {
      try {
        return cipher(Cipher.DECRYPT_MODE).doFinal(ciphertext);
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("not AES-256-CBC ciphertext for this key and IV", e);
      }
    }

    private Cipher cipher(int mode) {
      try {
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return c;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK lacks " + TRANSFORMATION, e);
      }
    }

    /** Wipes the key and IV from memory. */
    public void destroy() {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(iv, (byte) 0);
    }

    @Override
    public String toString() {
      return "MediaEncryption{AES-256-CBC, key=[REDACTED]}";
    }
  }
}
