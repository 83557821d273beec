package dev.contractgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback socket that only counts connections: a schema reference pointing here must never be fetched.
 * Every accepted connection is closed at once, so a client that did connect fails fast instead of hanging.
 */
public final class TrapServer implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  private TrapServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    socket.setSoTimeout(100);
    acceptor = new Thread(this::acceptLoop, "trap-server-" + socket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static TrapServer start() {
    try {
      return new TrapServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /**
   * Connections accepted so far, including any still waiting in the backlog: the acceptor is stopped and
   * the backlog drained first, so a connection made just before this call is counted.
   */
  public int connections() {
    close();
    return connections.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        connections.incrementAndGet();
      } catch (SocketTimeoutException e) {
        // poll again
      } catch (SocketException e) {
        return; // closed
      } catch (IOException e) {
        connections.incrementAndGet();
      }
    }
  }

  @Override
  public void close() {
    if (socket.isClosed()) {
      return;
    }
    try {
      // One more drain of the backlog, then stop.
      while (true) {
        try (Socket s = socket.accept()) {
          connections.incrementAndGet();
        } catch (SocketTimeoutException e) {
          break;
        }
      }
    } catch (IOException e) {
      // the acceptor thread closed or raced us; counting stays correct through the shared counter
    } finally {
      try {
        socket.close();
        acceptor.join(2_000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
