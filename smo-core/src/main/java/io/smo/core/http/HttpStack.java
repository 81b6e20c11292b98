package io.smo.core.http;

import io.smo.core.HttpSettings;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.TokenProvider;
import io.smo.core.internal.AttemptContext;
import io.smo.core.internal.CallEvents;
import io.smo.core.internal.HttpLoggingInterceptor;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;

/**
 * The HTTP stack of one {@link ApiRuntime}: the OkHttp client and its interceptors, in order {@code
 * User-Agent} and {@code Authorization} (unless the request is tagged {@link ApiRuntime.NoAuth}),
 * redacting logging, then at the network level the send marker and the listener's status and size
 * recorder. What an interceptor needs to know about the attempt it serves travels as the request's
 * {@link AttemptContext} tag, never in a thread-local.
 *
 * <p>Two clients share one connection pool: the default, and one with OkHttp's connection-failure
 * retry off for requests that must never be re-sent behind the SDK's back ({@link
 * AttemptContext#noSilentResend()}).
 */
final class HttpStack {
  private final OkHttpClient http;
  private final OkHttpClient noResendHttp;
  private final boolean owned;

  HttpStack(HttpSettings s, String userAgent, TokenProvider tokens) {
    this(s, userAgent, tokens, "Authorization", "Bearer ");
  }

  /**
   * Creates the stack; the token goes in header {@code authHeader} as {@code authPrefix + token}
   * (TikTok API for Business: {@code Access-Token} without a prefix).
   */
  HttpStack(
      HttpSettings s,
      String userAgent,
      TokenProvider tokens,
      String authHeader,
      String authPrefix) {
    OkHttpClient.Builder hb;
    if (s.okHttpClient().isPresent()) {
      hb = s.okHttpClient().get().newBuilder();
      owned = false;
    } else {
      hb = new OkHttpClient.Builder().connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS));
      owned = true;
    }
    hb.connectTimeout(s.connectTimeout())
        .readTimeout(s.readTimeout())
        .writeTimeout(s.writeTimeout());
    s.applyProxy(hb);
    // Nagle off: the short last write of every request (upload chunk tail, multipart trailer)
    // would otherwise wait for the server's delayed ACK (issue 24)
    hb.socketFactory(
        io.smo.core.internal.NoDelaySocketFactory.wrap(
            s.okHttpClient()
                .map(OkHttpClient::socketFactory)
                .orElse(javax.net.SocketFactory.getDefault())));
    hb.addInterceptor(
        chain -> {
          Request r = chain.request();
          Request.Builder nb = r.newBuilder().header("User-Agent", userAgent);
          if (tokens != null
              && r.header(authHeader) == null
              && r.tag(ApiRuntime.NoAuth.class) == null) {
            AccessToken t = tokens.token();
            AttemptContext ctx = AttemptContext.of(r);
            if (ctx != null) {
              ctx.token(t);
            }
            nb.header(authHeader, authPrefix + t.value());
          }
          return chain.proceed(nb.build());
        });
    hb.addInterceptor(new HttpLoggingInterceptor());
    hb.addNetworkInterceptor(
        chain -> {
          AttemptContext ctx = AttemptContext.of(chain.request());
          if (ctx != null) {
            ctx.markSent();
          }
          return chain.proceed(chain.request());
        });
    hb.addNetworkInterceptor(CallEvents.networkInterceptor());
    http = hb.build();
    noResendHttp = http.newBuilder().retryOnConnectionFailure(false).build();
  }

  /** The client with the SDK's interceptors (OkHttp's silent retry on). */
  OkHttpClient http() {
    return http;
  }

  /** The client for a request: silent re-sends off when its attempt says so. */
  OkHttpClient clientFor(Request request) {
    AttemptContext ctx = AttemptContext.of(request);
    return ctx != null && ctx.noSilentResend() ? noResendHttp : http;
  }

  /**
   * The call factory for Retrofit: each request gets an empty {@link AttemptContext.Slot} tag, and
   * the client is chosen when the call executes, after the loop bound the attempt to the slot.
   */
  Call.Factory retrofitCallFactory() {
    return request ->
        new DeferredCall(
            request.newBuilder().tag(AttemptContext.Slot.class, new AttemptContext.Slot()).build());
  }

  /** Shuts down the dispatcher and connection pool if the stack created them. */
  void close() {
    if (owned) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** A call whose client is picked when it runs (its request's attempt is bound by then). */
  private final class DeferredCall implements Call {
    private final Request request;
    private Call delegate;
    private boolean canceled;

    DeferredCall(Request request) {
      this.request = request;
    }

    private synchronized Call delegate() {
      if (delegate == null) {
        delegate = clientFor(request).newCall(request);
        if (canceled) {
          delegate.cancel();
        }
      }
      return delegate;
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Response execute() throws IOException {
      return delegate().execute();
    }

    @Override
    public void enqueue(Callback responseCallback) {
      delegate().enqueue(responseCallback);
    }

    @Override
    public synchronized void cancel() {
      canceled = true;
      if (delegate != null) {
        delegate.cancel();
      }
    }

    @Override
    public synchronized boolean isExecuted() {
      return delegate != null && delegate.isExecuted();
    }

    @Override
    public synchronized boolean isCanceled() {
      return canceled || (delegate != null && delegate.isCanceled());
    }

    @Override
    public Timeout timeout() {
      return delegate().timeout();
    }

    @Override
    public Call clone() {
      return new DeferredCall(
          request.newBuilder().tag(AttemptContext.Slot.class, new AttemptContext.Slot()).build());
    }
  }
}
