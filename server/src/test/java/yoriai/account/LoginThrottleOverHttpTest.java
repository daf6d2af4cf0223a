package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yoriai.testing.Json;
import yoriai.testing.TestServer;

/** Guesses sent all at once over HTTP; a server of its own, because they use up the loopback address's budget. */
class LoginThrottleOverHttpTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void forty_simultaneous_wrong_passwords_get_five_401_and_thirty_five_429_with_retry_after() {
    var user = server.municipality("鈴木");
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest guess = server.api().request("/api/v1/auth/login", null).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            Json.object().put("email", user.email()).put("password", "wrong-guess-000").toString()))
        .build();

    List<HttpResponse<String>> replies = IntStream.range(0, 40)
        .mapToObj(i -> client.sendAsync(guess, HttpResponse.BodyHandlers.ofString()))
        .toList().stream().map(CompletableFuture::join).toList();

    assertThat(replies).filteredOn(r -> r.statusCode() == 401).hasSize(5);
    assertThat(replies).filteredOn(r -> r.statusCode() == 429).hasSize(35)
        .allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After")).isPresent());
  }
}
