package io.smo.core.internal;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoInternalApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * A {@link SocketFactory} whose sockets have {@code TCP_NODELAY} set (Nagle's algorithm off), so
 * that the small write ending a request (the last partial buffer of an upload chunk, a multipart
 * trailer, a short JSON body) leaves at once instead of waiting for the peer's delayed ACK (up to
 * 40 ms on Linux, once per request). OkHttp buffers every request into 8 KiB segments itself, so
 * turning Nagle off adds no tiny packets.
 *
 * <p>OkHttp creates its sockets unconnected ({@link #createSocket()}) and connects them itself; the
 * option is set before the connection, and again by the connecting overloads. HTTPS layers its TLS
 * socket over the socket made here, so TLS connections get the option too.
 *
 * <p>Two factories over the same delegate are {@link #equals equal}: OkHttp's connection pool
 * compares the socket factory of an address, so every SDK client wrapping the same delegate keeps
 * sharing pooled connections.
 */
@SmoInternalApi
public final class NoDelaySocketFactory extends SocketFactory {
  /** Wraps {@link SocketFactory#getDefault()}. */
  public static final NoDelaySocketFactory DEFAULT =
      new NoDelaySocketFactory(SocketFactory.getDefault());

  private final SocketFactory delegate;

  private NoDelaySocketFactory(SocketFactory delegate) {
    this.delegate = delegate;
  }

  /**
   * Returns a factory setting {@code TCP_NODELAY} on the sockets of {@code delegate}; {@code
   * delegate} itself when it already is one.
   *
   * @param delegate the factory that makes the sockets (OkHttp's configured one)
   * @return the wrapping factory
   */
  public static NoDelaySocketFactory wrap(SocketFactory delegate) {
    requireNonNull(delegate, "delegate == null");
    if (delegate instanceof NoDelaySocketFactory noDelaySocketFactory) {
      return noDelaySocketFactory;
    }
    return delegate.equals(DEFAULT.delegate) ? DEFAULT : new NoDelaySocketFactory(delegate);
  }

  private static Socket noDelay(Socket s) throws SocketException {
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoDelaySocketFactory noDelaySocketFactory
        && noDelaySocketFactory.delegate.equals(delegate);
  }

  @Override
  public int hashCode() {
    return delegate.hashCode() * 31 + 7;
  }
}
