package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.net.Proxy;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * HTTP settings of a platform client: connect, read and write timeouts, an optional proxy, an
 * optional application name for the {@code User-Agent}, and optionally the user's own {@link
 * OkHttpClient} to share its connection pool. Immutable.
 *
 * <p>The proxy (with its credentials, answered to a {@code 407} with {@code Proxy-Authorization:
 * Basic}) applies to <b>every</b> request the SDK makes for a client: API calls, upload hosts and
 * token endpoints ({@link #newOkHttpClient()}).
 *
 * <p><b>A client never shuts down an {@code OkHttpClient} it was given</b>; it derives its own with
 * {@code newBuilder()} (sharing pool and dispatcher) and closes only what it created.
 */
@SmoPublicApi
public final class HttpSettings {
  private static final HttpSettings DEFAULTS = builder().build();

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Proxy proxy;
  private final OkHttpClient okHttpClient;
  private final String applicationName;
  private final String proxyUser;
  private final String proxyPassword;

  private HttpSettings(Builder b) {
    connectTimeout = b.connectTimeout;
    readTimeout = b.readTimeout;
    writeTimeout = b.writeTimeout;
    proxy = b.proxy;
    okHttpClient = b.okHttpClient;
    applicationName = b.applicationName;
    proxyUser = b.proxyUser;
    proxyPassword = b.proxyPassword;
  }

  /** Returns the defaults: 10 s connect, 30 s read, 60 s write, no proxy. */
  public static HttpSettings defaults() {
    return DEFAULTS;
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.writeTimeout = writeTimeout;
    b.proxy = proxy;
    b.okHttpClient = okHttpClient;
    b.applicationName = applicationName;
    b.proxyUser = proxyUser;
    b.proxyPassword = proxyPassword;
    return b;
  }

  /** Returns whether proxy credentials are set (the values themselves are never exposed). */
  public boolean hasProxyCredentials() {
    return proxyUser != null;
  }

  /**
   * Applies the timeouts, the proxy and its credentials to an OkHttp builder.
   *
   * @param b the builder to configure
   * @return {@code b}
   */
  public OkHttpClient.Builder applyTo(OkHttpClient.Builder b) {
    b.connectTimeout(connectTimeout).readTimeout(readTimeout).writeTimeout(writeTimeout);
    return applyProxy(b);
  }

  /**
   * Applies only the proxy and its credentials to an OkHttp builder.
   *
   * @param b the builder to configure
   * @return {@code b}
   */
  public OkHttpClient.Builder applyProxy(OkHttpClient.Builder b) {
    if (proxy != null) {
      b.proxy(proxy);
    }
    if (proxyUser != null) {
      String credential = Credentials.basic(proxyUser, proxyPassword);
      b.proxyAuthenticator(
          (route, response) -> {
            if (response.request().header("Proxy-Authorization") != null) {
              return null; // refused once: do not loop
            }
            return response
                .request()
                .newBuilder()
                .header("Proxy-Authorization", credential)
                .build();
          });
    }
    return b;
  }

  /**
   * Returns an OkHttp client for requests made outside a client's runtime (OAuth token endpoints):
   * derived from the shared client when one was given (never shut down by the SDK), else a new one,
   * with these timeouts, the proxy and its credentials, and {@code TCP_NODELAY} on its sockets like
   * the clients' own.
   */
  public OkHttpClient newOkHttpClient() {
    OkHttpClient.Builder b =
        okHttpClient != null ? okHttpClient.newBuilder() : new OkHttpClient.Builder();
    b.socketFactory(
        io.smo.core.internal.NoDelaySocketFactory.wrap(
            okHttpClient != null
                ? okHttpClient.socketFactory()
                : javax.net.SocketFactory.getDefault()));
    return applyTo(b).build();
  }

  /** Returns the connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Returns the read timeout (between bytes of the answer). */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Returns the write timeout (between bytes of the request). */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** Returns the proxy, if any. */
  public Optional<Proxy> proxy() {
    return Optional.ofNullable(proxy);
  }

  /** Returns the user's OkHttpClient to derive from, if any. */
  public Optional<OkHttpClient> okHttpClient() {
    return Optional.ofNullable(okHttpClient);
  }

  /** Returns the application name appended to the User-Agent, if any. */
  public Optional<String> applicationName() {
    return Optional.ofNullable(applicationName);
  }

  @Override
  public String toString() {
    return "HttpSettings{connect="
        + connectTimeout
        + ", read="
        + readTimeout
        + ", write="
        + writeTimeout
        + ", proxy="
        + proxy
        + (proxyUser != null ? " (with credentials)" : "")
        + ", sharedClient="
        + (okHttpClient != null)
        + "}";
  }

  /** Builds {@link HttpSettings}. Mutable, not thread-safe. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(60);
    private Proxy proxy;
    private OkHttpClient okHttpClient;
    private String applicationName;
    private String proxyUser;
    private String proxyPassword;

    private Builder() {}

    /**
     * Sets the proxy's credentials, sent as {@code Proxy-Authorization: Basic} when the proxy asks
     * ({@code 407}); {@code null} user for none. Never printed.
     *
     * @param user the proxy user, or {@code null}
     * @param password the password (required with a user)
     * @throws NullPointerException if a user is given without a password
     */
    public Builder proxyCredentials(String user, String password) {
      if (user == null) {
        this.proxyUser = null;
        this.proxyPassword = null;
      } else {
        this.proxyPassword = requireNonNull(password, "password == null");
        this.proxyUser = user;
      }
      return this;
    }

    /**
     * Sets the connect timeout. Default 10 s.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = positive(d, "connectTimeout");
      return this;
    }

    /**
     * Sets the read timeout. Default 30 s.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder readTimeout(Duration d) {
      this.readTimeout = positive(d, "readTimeout");
      return this;
    }

    /**
     * Sets the write timeout. Default 60 s.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder writeTimeout(Duration d) {
      this.writeTimeout = positive(d, "writeTimeout");
      return this;
    }

    /** Sets a proxy; {@code null} for none. */
    public Builder proxy(Proxy proxy) {
      this.proxy = proxy;
      return this;
    }

    /** Shares the user's client (pool, dispatcher). <b>It is never shut down by the SDK.</b> */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = client;
      return this;
    }

    /** Sets the application name appended to the User-Agent. */
    public Builder applicationName(String name) {
      this.applicationName = name;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      requireNonNull(d, name + " == null");
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " <= 0: " + d);
      }
      return d;
    }

    /** Returns an immutable snapshot. */
    public HttpSettings build() {
      return new HttpSettings(this);
    }
  }
}
