package io.smo.core.internal;

import io.smo.core.SmoInternalApi;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK's own pool for the async variants ({@code publishAsync}, {@code metricsAsync}) when the
 * application sets no executor: at most {@value #THREADS} daemon threads named {@code smo-async-N},
 * created on demand and ended after 60 s idle, with an unbounded queue. Blocking I/O and back-off
 * sleeps run there, never on {@code ForkJoinPool.commonPool()}.
 */
@SmoInternalApi
public final class AsyncExecutors {
  /** The most threads the shared pool runs. */
  public static final int THREADS = 16;

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final ThreadPoolExecutor SHARED = newShared();

  private AsyncExecutors() {}

  private static ThreadPoolExecutor newShared() {
    ThreadPoolExecutor e =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "smo-async-" + SEQ.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    e.allowCoreThreadTimeOut(true);
    return e;
  }

  /** Returns the shared SDK pool. */
  public static Executor shared() {
    return SHARED;
  }
}
