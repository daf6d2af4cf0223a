package yoriai.ws;

import io.netty.channel.Channel;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;

/**
 * Closes one socket's connection at once, dropping what is still queued for it. Vert.x's public
 * close sends the close frame and closes only once everything before it is flushed, which never
 * happens for a client that stopped reading. As in {@link SocketReads}, the channel is taken from
 * the request before the upgrade (internal API, to check on a Vert.x upgrade).
 */
final class HardClose {
  private final Channel channel;

  HardClose(HttpServerRequest upgrade) {
    this.channel = ((HttpServerConnection) upgrade.connection()).channelHandlerContext().channel();
  }

  void now() {
    // from the pipeline's head: Vert.x's own handler turns a close into the graceful one
    channel.pipeline().firstContext().close();
  }
}
