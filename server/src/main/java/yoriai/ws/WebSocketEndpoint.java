package yoriai.ws;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import java.time.Clock;
import yoriai.account.AccountService;
import yoriai.meeting.MeetingService;
import yoriai.shared.ErrorBody;

/** The handshake of {@code /ws}: refuses foreign browser origins before upgrading, then hands the socket on. */
public final class WebSocketEndpoint {
  private static final System.Logger LOG = System.getLogger(WebSocketEndpoint.class.getName());

  private final Vertx vertx;
  private final AccountService accounts;
  private final MeetingService meetings;
  private final SocketSettings settings;
  private final SocketMetrics metrics;
  private final LiveSessions sessions;

  public WebSocketEndpoint(Vertx vertx, AccountService accounts, MeetingService meetings, SocketSettings settings,
      Clock clock, MeterRegistry registry) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.meetings = meetings;
    this.settings = settings;
    this.metrics = new SocketMetrics(registry);
    this.sessions = new LiveSessions(accounts, clock);
  }

  public void handle(HttpServerRequest request) {
    String upgrade = request.getHeader("Upgrade");
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      refuse(request, 426, "upgrade_required", "Open this path as a WebSocket");
      return;
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !allowed(origin, request.getHeader("Host"))) {
      refuse(request, 403, "forbidden", "This origin may not open a socket");
      return;
    }
    // taken before the upgrade, as vertx-web hands out the socket in a wrapper that hides it (internal API)
    Channel channel = ((HttpServerConnection) request.connection()).channelHandlerContext().channel();
    request.toWebSocket()
        .onSuccess(socket -> {
          consolidateFlushes(channel);
          new Connection(vertx, socket, new SocketReads(channel), new HardClose(channel), accounts, meetings,
              settings, metrics, sessions).start();
        })
        .onFailure(e -> LOG.log(System.Logger.Level.DEBUG, "handshake failed", e));
  }

  /** No Origin means no browser, and the token decides; a browser must come from here or a configured origin. */
  private boolean allowed(String origin, String host) {
    return settings.allowedOrigins().contains(origin)
        || (host != null && (origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host)));
  }

  /**
   * Vert.x flushes every frame written outside a read, so a batch of n events cost each socket n
   * {@code write(2)} calls, a third of the event loops' time at 4,000 posts/s. With this handler
   * at the socket end of the pipeline the frames written in one event-loop task go out in one
   * write, flushed by a task queued right behind it (decision 147).
   */
  private static void consolidateFlushes(Channel channel) {
    channel.pipeline().addFirst(new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
  }

  private static void refuse(HttpServerRequest request, int status, String code, String message) {
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new ErrorBody(code, message).asResponse());
  }
}
