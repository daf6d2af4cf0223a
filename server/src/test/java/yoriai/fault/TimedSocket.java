package yoriai.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import yoriai.testing.Json;

/**
 * A JDK WebSocket client for fault tests that stamps every received frame with its arrival time
 * ({@link System#nanoTime()}), can send binary frames, and never throws from a send to a dead
 * server (it reports {@code false} instead), so load loops stop cleanly when the server dies.
 */
final class TimedSocket implements AutoCloseable {
  /** One received frame and when it arrived. */
  record Received(JsonNode frame, long nanos) {
    String type() {
      return frame.path("type").asText();
    }
  }

  private final List<Received> received = new ArrayList<>();
  private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> counts = new java.util.concurrent.ConcurrentHashMap<>();
  /** When false only frame counts are kept (for a flooding client that gets thousands of errors). */
  private volatile boolean keep;
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private TimedSocket(URI uri, boolean keep) {
    this.keep = keep;
    // a client of its own: one HttpClient has one selector thread, and a flooding socket on a
    // shared one would delay every other socket's reads inside this test JVM, not in the server
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
        .buildAsync(uri, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
  }

  static TimedSocket connect(String baseUrl) {
    return connect(baseUrl, true);
  }

  static TimedSocket connect(String baseUrl, boolean keep) {
    return new TimedSocket(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws"), keep);
  }

  /** Connects, joins and waits for {@code joined}. */
  static TimedSocket joined(String baseUrl, String meetingId, String token, Long lastSeq) {
    return joined(baseUrl, meetingId, token, lastSeq, true);
  }

  static TimedSocket joined(String baseUrl, String meetingId, String token, Long lastSeq, boolean keep) {
    TimedSocket client = connect(baseUrl, true);
    ObjectNode join = Json.object().put("type", "join").put("meetingId", meetingId).put("token", token);
    if (lastSeq != null) {
      join.put("lastSeq", lastSeq);
    }
    client.sendText(join.toString());
    client.await(r -> r.type().equals("joined") || r.type().equals("error"), Duration.ofSeconds(20), "joined");
    if (!client.first(r -> r.type().equals("joined"))) {
      throw new AssertionError("join refused: " + client.received());
    }
    client.keep = keep;
    return client;
  }

  /** Sends a text frame; false if the socket is gone or the send did not finish within 10 s. */
  synchronized boolean sendText(String text) {
    try {
      socket.sendText(text, true).get(10, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception gone) {
      return false;
    }
  }

  /** Sends one text message as several WebSocket frames of {@code chunk} characters. */
  synchronized boolean sendFragmented(String text, int chunk) {
    try {
      for (int at = 0; at < text.length(); at += chunk) {
        int end = Math.min(text.length(), at + chunk);
        socket.sendText(text.substring(at, end), end == text.length()).get(10, TimeUnit.SECONDS);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception gone) {
      return false;
    }
  }

  synchronized boolean sendBinary(byte[] bytes) {
    try {
      socket.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception gone) {
      return false;
    }
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** How many frames of a type arrived ({@code error:<code>} for errors), kept or not. */
  long count(String key) {
    java.util.concurrent.atomic.LongAdder adder = counts.get(key);
    return adder == null ? 0 : adder.sum();
  }

  java.util.Map<String, Long> counts() {
    java.util.Map<String, Long> copy = new java.util.TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  List<JsonNode> frames(String type) {
    return received().stream().filter(r -> r.type().equals(type)).map(Received::frame).toList();
  }

  private boolean first(Predicate<Received> wanted) {
    return received().stream().anyMatch(wanted);
  }

  /** Waits (bounded) until a received frame matches; throws with what did arrive otherwise. */
  Received await(Predicate<Received> wanted, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    while (true) {
      List<Received> now = received();
      for (int i = seen; i < now.size(); i++) {
        if (wanted.test(now.get(i))) {
          return now.get(i);
        }
      }
      seen = now.size();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within " + timeout + "; last frames "
            + now.subList(Math.max(0, now.size() - 5), now.size()));
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The close code, waiting at most {@code timeout}; -1 for an abnormal end. */
  int awaitClose(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("socket not closed within " + timeout, e);
    }
  }

  boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    try {
      if (!socket.isOutputClosed()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
      }
    } catch (Exception ignored) {
      // the server may be gone already
    }
    socket.abort();
  }

  private void tally(String key) {
    counts.computeIfAbsent(key, k -> new java.util.concurrent.atomic.LongAdder()).increment();
  }

  private static String cheapKey(String text) {
    java.util.regex.Matcher type = TYPE.matcher(text);
    String name = type.find() ? type.group(1) : "?";
    if (!name.equals("error")) {
      return name;
    }
    java.util.regex.Matcher code = CODE.matcher(text);
    return "error:" + (code.find() ? code.group(1) : "?");
  }

  private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"([a-z_]+)\"");
  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([a-z_]+)\"");

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        long at = System.nanoTime();
        String text = partial.toString();
        partial.setLength(0);
        if (keep) {
          JsonNode frame = Json.parse(text);
          String type = frame.path("type").asText();
          tally(type.equals("error") ? "error:" + frame.path("code").asText() : type);
          synchronized (received) {
            received.add(new Received(frame, at));
          }
        } else {
          tally(cheapKey(text)); // no JSON parsing for thousands of flood replies
        }
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
