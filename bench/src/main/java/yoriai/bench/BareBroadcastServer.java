package yoriai.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The practical ceiling on this machine: a Vert.x WebSocket broadcast server speaking the subset
 * of §7 the load generator uses (join, post → ack + event to every participant), with no storage,
 * no auth and no ordering guarantees beyond one room lock. One instance per core.
 */
public final class BareBroadcastServer {
  private final Map<String, Room> rooms = new ConcurrentHashMap<>();

  public static void main(String[] args) {
    int port = Integer.parseInt(args.length > 0 ? args[0] : "8090");
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
    BareBroadcastServer server = new BareBroadcastServer();
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1"))
          .webSocketHandler(server::accept).listen().await();
    }
    System.out.println("bare broadcast server on " + port);
  }

  private void accept(ServerWebSocket socket) {
    Room[] joined = new Room[1];
    socket.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      switch (frame.getString("type", "")) {
        case "join" -> {
          joined[0] = rooms.computeIfAbsent(frame.getString("meetingId"), id -> new Room(id));
          joined[0].sockets.add(socket);
          socket.writeTextMessage(new JsonObject().put("type", "joined").put("meetingId", joined[0].id)
              .put("seq", joined[0].seq.get()).encode());
        }
        case "post" -> {
          Room room = joined[0];
          long seq;
          Buffer event;
          synchronized (room) {
            seq = room.seq.incrementAndGet();
            event = Buffer.buffer(new JsonObject().put("type", "event").put("seq", seq).put("meetingId", room.id)
                .put("kind", "message.posted").put("at", System.currentTimeMillis())
                .put("data", new JsonObject().put("text", frame.getString("text"))).encode());
            for (ServerWebSocket member : room.sockets) {
              member.writeFrame(io.vertx.core.http.WebSocketFrame.textFrame(event.toString(), true));
            }
          }
          socket.writeTextMessage(new JsonObject().put("type", "ack").put("id", frame.getString("id")).put("seq", seq).encode());
        }
        case "ping" -> socket.writeTextMessage("{\"type\":\"pong\"}");
        default -> socket.writeTextMessage("{\"type\":\"error\",\"code\":\"unknown_type\"}");
      }
    });
    socket.closeHandler(v -> {
      if (joined[0] != null) {
        joined[0].sockets.remove(socket);
      }
    });
  }

  private static final class Room {
    final String id;
    final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    final AtomicLong seq = new AtomicLong();

    Room(String id) {
      this.id = id;
    }
  }
}
