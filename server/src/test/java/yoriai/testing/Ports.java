package yoriai.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for servers a test starts in another process. They come from below the kernel's
 * ephemeral range: a port from {@code new ServerSocket(0)} is free only until it is closed, and
 * before the server binds it an outgoing connection (a cluster node probing a member that is not up
 * yet can even connect to itself) may take it.
 */
public final class Ports {
  private static final int LOWEST = 10_000;
  /** A port handed out but not yet bound still looks free: never hand it out twice. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private Ports() {}

  /** A loopback port nothing listens on and this JVM has not handed out before. */
  public static int unused() {
    int below = Math.max(ephemeralRangeStart(), LOWEST);
    for (int attempt = 0; below > LOWEST && attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      if (bindable(port) && HANDED_OUT.add(port)) {
        return port;
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static int ephemeralRangeStart() {
    try {
      return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip().split("\\s+")[0]);
    } catch (IOException | RuntimeException unknown) {
      return 0;
    }
  }
}
