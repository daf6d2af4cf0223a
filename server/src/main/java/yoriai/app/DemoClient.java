package yoriai.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import yoriai.shared.Json;

/** The demo loader talks to its own server as any client would: REST and the §7 WebSocket. */
final class DemoClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  DemoClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  JsonNode post(String path, String token, Object body) {
    return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
  }

  JsonNode put(String path, String token, Object body) {
    return send(request(path, token).PUT(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
  }

  JsonNode get(String path, String token) {
    return send(request(path, token).GET());
  }

  String login(String email, String password) {
    return post("/api/v1/auth/login", null, Json.mapper().createObjectNode().put("email", email).put("password", password))
        .get("token").asText();
  }

  Socket join(String meetingId, String token) {
    Socket socket = new Socket();
    socket.ws = http.newWebSocketBuilder().buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws"), socket).join();
    socket.send(Json.mapper().createObjectNode().put("type", "join").put("meetingId", meetingId).put("token", token));
    socket.await("joined", null);
    return socket;
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(response.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One joined participant; {@link #command} returns the acked event's seq. */
  static final class Socket implements WebSocket.Listener {
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    long command(String type, ObjectNode fields) {
      String id = UUID.randomUUID().toString();
      send(fields.put("type", type).put("id", id));
      return await("ack", id).get("seq").asLong();
    }

    private void send(ObjectNode frame) {
      ws.sendText(frame.toString(), true).join();
    }

    private JsonNode await(String type, String id) {
      try {
        while (true) {
          JsonNode frame = frames.poll(15, TimeUnit.SECONDS);
          if (frame == null) {
            throw new IllegalStateException("no " + type + " from the server");
          }
          if (frame.path("type").asText().equals("error") && (id == null || id.equals(frame.path("id").asText()))) {
            throw new IllegalStateException("demo command refused: " + frame);
          }
          if (frame.path("type").asText().equals(type) && (id == null || id.equals(frame.path("id").asText()))) {
            return frame;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    void close() {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "demo done").join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          frames.add(Json.mapper().readTree(partial.toString()));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
