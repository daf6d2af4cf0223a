package yoriai.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * Serves the router on its own event loop. Several instances listen on one port and Vert.x hands
 * each new connection to the next of them, so sockets, and the rooms their first joiners open, are
 * spread over the event loops. Stopping is graceful: no new connections, in-flight requests finish,
 * sockets close with 1001.
 */
public final class HttpServerVerticle extends VerticleBase {
  private static final long SHUTDOWN_GRACE_SECONDS = 10;
  /** Vert.x's "any free port, the same for every instance": port 0 would give each instance a port of its own. */
  private static final int SHARED_FREE_PORT = -1;

  private final String host;
  private final int port;
  private final Router router;
  private HttpServer server;

  /** {@code port} 0 asks for any free port. */
  public HttpServerVerticle(String host, int port, Router router) {
    this.host = host;
    this.port = port == 0 ? SHARED_FREE_PORT : port;
    this.router = router;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setCompressionSupported(true)
        // a hard cap above the protocol's 64 KiB: the socket layer reassembles messages and enforces
        // 64 KiB itself, so the client hears too_large before the 1009 close
        .setMaxWebSocketFrameSize(256 * 1024)
        .setMaxWebSocketMessageSize(256 * 1024));
    server.requestHandler(router);
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
