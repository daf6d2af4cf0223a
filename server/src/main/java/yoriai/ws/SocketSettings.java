package yoriai.ws;

import java.time.Duration;
import java.util.List;

/**
 * Socket limits from configuration. {@code allowedOrigins} are browser origins besides the
 * server's own that may open a socket.
 */
public record SocketSettings(Duration joinTimeout, int commandsPerSecond, int commandBurst, List<String> allowedOrigins) {
  /** The protocol's frame limit; the HTTP server's own limit sits above it so the client hears why. */
  public static final int MAX_FRAME_BYTES = 64 * 1024;
}
