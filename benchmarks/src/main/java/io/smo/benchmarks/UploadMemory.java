package io.smo.benchmarks;

import io.smo.core.Platform;
import io.smo.core.auth.TokenProvider;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.resilience.Sleeper;
import io.smo.core.upload.UploadListener;
import io.smo.core.upload.spi.ChunkedUploader;
import io.smo.core.upload.spi.FileChunk;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Streams a 1 GiB sparse file (no real disk use) through {@link ChunkedUploader} + {@link
 * FileChunk} to a loopback stub that discards the bytes, then the same file through one raw OkHttp
 * PUT, and prints both throughputs and the peak heap. Meant to run with {@code -Xmx64m}: completing
 * proves heap use is independent of file size.
 */
public final class UploadMemory {
  static final long SIZE = 1L << 30;
  static final long CHUNK = 8L << 20;
  static final int ROUNDS = 3;
  static final MediaType MP4 = MediaType.get("video/mp4");

  private UploadMemory() {}

  /** Runs the upload comparison; {@code args[0]} may give the size in MiB (default 1024). */
  public static void main(String[] args) throws Exception {
    long size = args.length > 0 ? Long.parseLong(args[0]) << 20 : SIZE;
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf(
        Locale.ROOT,
        "upload benchmark: %d MiB sparse file, %d MiB chunks, max heap %d MiB%n",
        size >> 20,
        CHUNK >> 20,
        maxHeap >> 20);
    Path file = Files.createTempFile("smo-bench-", ".mp4");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size); // sparse: no blocks allocated
    }
    try (LoopbackStub stub = new LoopbackStub()) {
      // warm up every path with 64 MiB so that JIT state is comparable
      sdkUpload(stub, file, 64L << 20);
      rawUpload(stub, file, 64L << 20);
      rawChunkedUpload(stub, file, 64L << 20);
      resetPeaks();
      // the machine is shared: each path runs ROUNDS times, interleaved, and the best is kept
      double sdk = 0;
      double raw = 0;
      double rawChunked = 0;
      for (int i = 0; i < ROUNDS; i++) {
        sdk = Math.max(sdk, sdkUpload(stub, file, size));
        raw = Math.max(raw, rawUpload(stub, file, size));
        rawChunked = Math.max(rawChunked, rawChunkedUpload(stub, file, size));
      }
      long peak = heapPeak();
      System.out.printf(
          Locale.ROOT, "SDK ChunkedUploader + FileChunk (8 MiB chunks): %8.1f MiB/s%n", sdk);
      System.out.printf(
          Locale.ROOT, "raw OkHttp, 8 MiB chunked PUTs:                 %8.1f MiB/s%n", rawChunked);
      System.out.printf(
          Locale.ROOT, "raw OkHttp, one PUT of the whole file:          %8.1f MiB/s%n", raw);
      System.out.printf(
          Locale.ROOT,
          "ratio SDK / raw chunked: %.2f; SDK / raw single PUT: %.2f%n",
          sdk / rawChunked,
          sdk / raw);
      System.out.printf(
          Locale.ROOT,
          "peak heap used during the runs: %d MiB of %d MiB max; completed%n",
          peak >> 20,
          maxHeap >> 20);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  static double sdkUpload(LoopbackStub stub, Path file, long size) throws IOException {
    stub.reset();
    Operation op = Operation.create("upload chunk").withoutRetry();
    try (ApiRuntime rt =
            ApiRuntime.builder(Platform.YOUTUBE, "smo-bench")
                .baseUrl(URI.create(stub.baseUrl()))
                .tokens(TokenProvider.of("bench-token"))
                .errorMapper(f -> new InvalidRequestException(f.details().build()))
                .httpSettings(
                    io.smo.core.HttpSettings.builder().writeTimeout(Duration.ofMinutes(5)).build())
                .build();
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      String url = stub.baseUrl() + "upload";
      ChunkedUploader.Protocol protocol =
          new ChunkedUploader.Protocol() {
            @Override
            public long chunkLength(long offset, long total) {
              return CHUNK;
            }

            @Override
            public long send(FileChunk chunk, long total) {
              ApiResponse<String> r =
                  rt.execute(
                      op,
                      () ->
                          new Request.Builder()
                              .url(url)
                              .header(
                                  "Content-Range",
                                  "bytes "
                                      + chunk.offset()
                                      + "-"
                                      + (chunk.offset() + chunk.length() - 1)
                                      + "/"
                                      + total)
                              .put(chunk)
                              .build(),
                      true);
              return Long.parseLong(r.header("X-Next-Offset").orElseThrow());
            }

            @Override
            public long queryOffset(long total) {
              ApiResponse<String> r =
                  rt.execute(
                      Operation.read("upload status"),
                      () -> new Request.Builder().url(url + "/status").build(),
                      true);
              return Long.parseLong(r.header("X-Next-Offset").orElseThrow());
            }
          };
      long start = System.nanoTime();
      long done =
          ChunkedUploader.upload(
              Platform.YOUTUBE,
              "bench.mp4",
              ch,
              size,
              MP4,
              protocol,
              UploadListener.NONE,
              RetryPolicy.defaults(),
              Sleeper.SYSTEM);
      double secs = (System.nanoTime() - start) / 1e9;
      check(stub, done, size);
      return (size / 1048576.0) / secs;
    }
  }

  static double rawUpload(LoopbackStub stub, Path file, long size) throws IOException {
    stub.reset();
    OkHttpClient http = new OkHttpClient.Builder().writeTimeout(Duration.ofMinutes(5)).build();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      // the whole range as one streamed body (FileChunk is just a FileChannel-backed RequestBody;
      // okhttp's own file body would read the same bytes through okio)
      RequestBody body =
          size != Files.size(file)
              ? new FileChunk(ch, 0, size, MP4)
              : RequestBody.create(file.toFile(), MP4);
      long start = System.nanoTime();
      try (Response r =
          http.newCall(
                  new Request.Builder()
                      .url(stub.baseUrl() + "upload")
                      .header("Authorization", "Bearer bench-token")
                      .put(body)
                      .build())
              .execute()) {
        if (!r.isSuccessful()) {
          throw new IOException("HTTP " + r.code());
        }
      }
      double secs = (System.nanoTime() - start) / 1e9;
      check(stub, size, size);
      return (size / 1048576.0) / secs;
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  static double rawChunkedUpload(LoopbackStub stub, Path file, long size) throws IOException {
    stub.reset();
    OkHttpClient http = new OkHttpClient.Builder().writeTimeout(Duration.ofMinutes(5)).build();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long start = System.nanoTime();
      for (long off = 0; off < size; off += CHUNK) {
        long len = Math.min(CHUNK, size - off);
        try (Response r =
            http.newCall(
                    new Request.Builder()
                        .url(stub.baseUrl() + "upload")
                        .header("Authorization", "Bearer bench-token")
                        .header(
                            "Content-Range", "bytes " + off + "-" + (off + len - 1) + "/" + size)
                        .put(new FileChunk(ch, off, len, MP4))
                        .build())
                .execute()) {
          if (!r.isSuccessful()) {
            throw new IOException("HTTP " + r.code());
          }
        }
      }
      double secs = (System.nanoTime() - start) / 1e9;
      check(stub, size, size);
      return (size / 1048576.0) / secs;
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static void check(LoopbackStub stub, long done, long size) {
    if (done != size || stub.received() != size) {
      throw new IllegalStateException(
          "stub received " + stub.received() + " of " + size + " bytes");
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
