package yoriai.ws;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;

/**
 * Stops and restarts reading one socket at the TCP level, so that what a client sends while it is
 * stopped waits in its own buffers and costs this server nothing.
 *
 * <p>Not {@code ServerWebSocket.pause()}: in Vert.x 5.0.7 a socket paused and resumed many times in
 * a row (once per token) stopped delivering the frames it had already read, so the client hung.
 * Turning the channel's auto-read off leaves Vert.x's own queue alone; the frames Netty had read
 * before are still delivered, and are refused like any frame over the limit.
 */
final class SocketReads {
  private final ChannelConfig channel;

  SocketReads(Channel channel) {
    this.channel = channel.config();
  }

  void stop() {
    channel.setAutoRead(false);
  }

  void restart() {
    channel.setAutoRead(true);
  }
}
