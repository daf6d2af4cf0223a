package yoriai.ws;

import io.netty.channel.Channel;

/**
 * Closes one socket's connection at once, dropping what is still queued for it. Vert.x's public
 * close sends the close frame and closes only once everything before it is flushed, which never
 * happens for a client that stopped reading. Closing a channel already closed does nothing.
 */
final class HardClose {
  private final Channel channel;

  HardClose(Channel channel) {
    this.channel = channel;
  }

  void now() {
    // from the pipeline's head: Vert.x's own handler turns a close into the graceful one
    channel.pipeline().firstContext().close();
  }
}
