package yoriai.ws;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * Text frames from bytes encoded once. Vert.x's public API makes a text frame only from a String,
 * which it encodes to UTF-8 again for every socket; its own frame class takes the bytes as they are
 * (a view of the buffer per write, so one buffer serves every socket).
 */
final class TextFrames {
  private TextFrames() {}

  static WebSocketFrame of(Buffer utf8) {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) utf8).getByteBuf(), true);
  }
}
