package yoriai.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a socket has not sent yet, as a room on another event loop sees it. The socket's loop is
 * held busy while the frames are written, so they wait in Vert.x's queue for it as they would
 * behind a burst of other work.
 */
class UnsentBytesTest {
  private static final int FRAME_BYTES = 40;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void frames_written_from_another_thread_count_by_their_bytes_until_sent_not_by_how_many_wait_for_the_loop() throws Exception {
    CompletableFuture<ServerWebSocket> accepted = new CompletableFuture<>();
    CompletableFuture<Context> socketContext = new CompletableFuture<>();
    HttpServer server = vertx.createHttpServer().webSocketHandler(socket -> {
      socketContext.complete(Vertx.currentContext());
      accepted.complete(socket);
    }).listen(0, "127.0.0.1").await();
    AtomicInteger received = new AtomicInteger();
    WebSocket client = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + server.actualPort() + "/"), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.incrementAndGet();
            webSocket.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    ServerWebSocket socket = accepted.get(10, TimeUnit.SECONDS);
    UnsentBytes unsent = new UnsentBytes(25 * FRAME_BYTES);
    Buffer frame = Buffer.buffer("x".repeat(FRAME_BYTES));

    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch held = new CountDownLatch(1);
    socketContext.get().runOnContext(v -> {
      held.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    held.await(10, TimeUnit.SECONDS);
    for (int i = 0; i < 20; i++) {
      unsent.add(FRAME_BYTES, socket.writeFrame(TextFrames.of(frame)));
    }
    assertThat(socket.writeQueueFull()).as("Vert.x reads more than 16 frames on their way to the loop as full").isTrue();
    assertThat(unsent.overLimit()).as("800 bytes are under the limit of 1,000").isFalse();
    for (int i = 0; i < 10; i++) {
      unsent.add(FRAME_BYTES, socket.writeFrame(TextFrames.of(frame)));
    }
    assertThat(unsent.overLimit()).as("1,200 bytes are over it").isTrue();

    release.countDown();
    // sent frames stop counting: the 1,200 bytes fall back under the limit once they are out
    awaitTrue(() -> received.get() == 30 && !unsent.overLimit());
    client.abort();
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
