package yoriai.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Serves the router. Stopping is graceful: no new connections, in-flight requests finish, sockets close with 1001. */
public final class HttpServerVerticle extends VerticleBase {
  private static final long SHUTDOWN_GRACE_SECONDS = 10;

  private final String host;
  private final int port;
  private final Function<io.vertx.core.Vertx, Router> routerFactory;
  private HttpServer server;

  public HttpServerVerticle(String host, int port, Function<io.vertx.core.Vertx, Router> routerFactory) {
    this.host = host;
    this.port = port;
    this.routerFactory = routerFactory;
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
    server.requestHandler(routerFactory.apply(vertx));
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
