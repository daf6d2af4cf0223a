package yoriai.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to a local port that can stop passing bytes on while every connection stays open:
 * a store that hangs (a stalled network, a stuck process) rather than one that is gone.
 */
public final class StallingProxy implements AutoCloseable {
  private final ServerSocket listening;
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean stalled;

  private StallingProxy(int target) throws IOException {
    this.target = target;
    this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::accept, "stalling-proxy-accept");
    accepting.setDaemon(true);
    accepting.start();
  }

  public static StallingProxy to(int targetPort) throws IOException {
    return new StallingProxy(targetPort);
  }

  public int port() {
    return listening.getLocalPort();
  }

  /** From now on bytes read on either side are held, not passed on; connections stay open. */
  public void stall() {
    stalled = true;
  }

  public void resume() {
    stalled = false;
  }

  private void accept() {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          while (stalled) {
            Thread.sleep(10);
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException | InterruptedException gone) {
        // one side closed: the other follows below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "stalling-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listening.close();
    sockets.forEach(StallingProxy::closeQuietly);
  }
}
