package yoriai.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client for tests (JDK java.net.http), collecting every frame it receives. */
public final class WsClient implements AutoCloseable {
  /** How long to wait for a frame or the close: only a failing test waits it out, so room for a stalled CI machine. */
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private final List<JsonNode> history = new ArrayList<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private WsClient(WebSocket.Builder builder, URI uri) {
    this.socket = builder.buildAsync(uri, new Listener()).join();
  }

  public static WsClient connect(String baseUrl) {
    return connect(baseUrl, null);
  }

  public static WsClient connect(String baseUrl, String origin) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (origin != null) {
      builder.header("Origin", origin);
    }
    return new WsClient(builder, URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws"));
  }

  /** Connects and joins; returns once {@code joined} arrived. */
  public static WsClient joined(String baseUrl, String meetingId, String token, Long lastSeq) {
    WsClient client = connect(baseUrl);
    try {
      client.join(meetingId, token, lastSeq);
      client.next("joined");
      return client;
    } catch (RuntimeException | AssertionError refused) {
      client.close();
      throw refused;
    }
  }

  public void join(String meetingId, String token, Long lastSeq) {
    ObjectNode join = Json.object().put("type", "join").put("meetingId", meetingId).put("token", token);
    if (lastSeq != null) {
      join.put("lastSeq", lastSeq);
    }
    send(join);
  }

  public void send(JsonNode frame) {
    sendText(frame.toString());
  }

  public synchronized void sendText(String text) {
    socket.sendText(text, true).join();
  }

  /** Sends a command with a fresh id and returns that id. */
  public String command(String type, ObjectNode fields) {
    String id = UUID.randomUUID().toString();
    ObjectNode frame = Json.object().put("type", type).put("id", id);
    frame.setAll(fields);
    send(frame);
    return id;
  }

  /** The next frame of {@code type}, skipping others. */
  public JsonNode next(String type) {
    return next(f -> f.path("type").asText().equals(type), type);
  }

  public JsonNode next(Predicate<JsonNode> wanted, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (true) {
        JsonNode frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (frame == null) {
          throw new AssertionError("no " + what + " frame within " + WAIT);
        }
        if (wanted.test(frame)) {
          return frame;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The ack or error answering command {@code id}, found in the history without consuming frames. */
  public JsonNode reply(String id) {
    return awaitFrame(f -> id.equals(f.path("id").asText()) && !f.path("type").asText().equals("event"), "reply to " + id);
  }

  /** Every frame received so far, in order. */
  public List<JsonNode> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  /** Every event received so far, in order. */
  public List<JsonNode> events() {
    return history().stream().filter(f -> f.path("type").asText().equals("event")).toList();
  }

  /** Waits until an event with {@code seq} or later has arrived and returns all events so far. */
  public List<JsonNode> eventsUpTo(long seq) {
    awaitFrame(f -> f.path("type").asText().equals("event") && f.get("seq").asLong() >= seq, "event " + seq);
    return events();
  }

  public JsonNode awaitFrame(Predicate<JsonNode> wanted, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode frame : history()) {
        if (wanted.test(frame)) {
          return frame;
        }
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no " + what + " within " + WAIT + "; got " + history());
  }

  public int awaitClose() {
    try {
      return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("socket not closed within " + WAIT, e);
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  public void abort() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonNode frame = Json.parse(partial.toString());
        synchronized (history) {
          history.add(frame);
        }
        frames.add(frame);
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }
}
