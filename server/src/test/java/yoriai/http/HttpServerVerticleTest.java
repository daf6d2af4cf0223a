package yoriai.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerVerticleTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void listeners_asked_for_any_free_port_share_one_and_serve_its_connections_on_their_own_event_loops() throws Exception {
    Router router = Router.router(vertx);
    router.get("/thread").handler(ctx -> ctx.end(Thread.currentThread().getName()));
    List<HttpServerVerticle> listeners = new CopyOnWriteArrayList<>();
    vertx.deployVerticle(() -> {
      HttpServerVerticle listener = new HttpServerVerticle("127.0.0.1", 0, router);
      listeners.add(listener);
      return listener;
    }, new DeploymentOptions().setInstances(2)).await();

    assertThat(listeners).hasSize(2);
    int port = listeners.get(0).actualPort();
    assertThat(port).isPositive();
    assertThat(listeners.get(1).actualPort()).isEqualTo(port);
    Set<String> threads = new HashSet<>();
    // each client opens a connection of its own, and the listeners take new connections in turn
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/thread")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      threads.add(response.body());
    }
    assertThat(threads).hasSize(2).allSatisfy(thread -> assertThat(thread).startsWith("vert.x-eventloop-thread-"));
  }
}
