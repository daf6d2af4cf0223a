package yoriai.ws;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reassembles a socket's fragmented messages under the protocol limit ourselves: Vert.x's own
 * aggregation only raises an exception past its limit and leaves the socket open.
 */
final class MessageAssembly {
  private final Consumer<String> text;
  private final Runnable binary;
  private final Runnable tooLarge;
  private Buffer message;
  private boolean isBinary;

  /** Each complete message goes to {@code text} or {@code binary}; one over the limit to {@code tooLarge}, and is dropped. */
  MessageAssembly(Consumer<String> text, Runnable binary, Runnable tooLarge) {
    this.text = text;
    this.binary = binary;
    this.tooLarge = tooLarge;
  }

  void accept(WebSocketFrame frame) {
    if (!(frame.isText() || frame.isBinary() || frame.isContinuation())) {
      return;
    }
    if (!frame.isContinuation()) {
      message = Buffer.buffer();
      isBinary = frame.isBinary();
    }
    if (message == null) {
      return;
    }
    message.appendBuffer(frame.binaryData());
    if (message.length() > SocketSettings.MAX_FRAME_BYTES) {
      message = null;
      tooLarge.run();
      return;
    }
    if (frame.isFinal()) {
      Buffer complete = message;
      message = null;
      if (isBinary) {
        binary.run();
      } else {
        text.accept(complete.toString(StandardCharsets.UTF_8));
      }
    }
  }
}
