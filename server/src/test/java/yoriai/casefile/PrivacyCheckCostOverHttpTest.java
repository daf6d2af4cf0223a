package yoriai.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;

/**
 * The PII check of a very long text runs off the event loop and has a ceiling. The body limit is
 * raised here so that 200,000 kanji (600 KB of UTF-8) reach the check at all; the default limit
 * refuses them earlier. Nothing is timed or counted against the clock: while the four checks are
 * outstanding the test keeps asking /metrics, one request after another, and one of its answers
 * must show a check in progress on the PII check's worker pool ({@code vertx_pool_in_use} of
 * {@code yoriai-pii-check}). Only an event loop that is free while a check runs can write that
 * answer; a check run inline never uses the pool. The deadline per request only turns a hang into a
 * failure. The times and the number of answers are printed for the record, never asserted.
 */
class PrivacyCheckCostOverHttpTest {
  private static final int LONGEST = 200_000;
  private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(5);
  private static TestServer server;
  private static Api api;
  private static SignedIn staff;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("YORIAI_BODY_LIMIT_BYTES", String.valueOf(4 * 1024 * 1024)));
    api = server.api();
    staff = server.municipality("高崎 長文");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void the_server_answers_while_checks_of_200000_characters_run_on_the_worker_pool_and_each_check_answers() throws Exception {
    List<String> texts = List.of(repeat("一"), repeat("a1b2c3d4e5"), repeat("1-"),
        repeat("山田太郎さん090-1234-5678〒370-0001八島町1丁目2番3号一二三"));
    // HTTP/1.1: the JDK client's h2c upgrade once left a /metrics request hanging past its timeout
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long started = System.nanoTime();
    List<CompletableFuture<HttpResponse<String>>> checks = new ArrayList<>();
    for (String text : texts) {
      checks.add(client.sendAsync(checkRequest(text), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new));

    int answeredWhileChecking = 0;
    long slowestAnswer = 0;
    int mostChecksSeenRunning = 0;
    while (!all.isDone()) {
      long asked = System.nanoTime();
      HttpResponse<String> metrics = client.sendAsync(
          HttpRequest.newBuilder(api.request("/metrics", null).build().uri()).timeout(ANSWER_DEADLINE).GET().build(),
          HttpResponse.BodyHandlers.ofString()).get(2 * ANSWER_DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(metrics.statusCode()).isEqualTo(200);
      slowestAnswer = Math.max(slowestAnswer, System.nanoTime() - asked);
      mostChecksSeenRunning = Math.max(mostChecksSeenRunning, checksRunning(metrics.body()));
      answeredWhileChecking += all.isDone() ? 0 : 1;
    }
    all.get(60, TimeUnit.SECONDS);
    System.out.printf(Locale.ROOT, "four checks of %,d characters answered in %d ms; /metrics answered %d times meanwhile,"
        + " the slowest in %d ms%n", LONGEST, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        answeredWhileChecking, TimeUnit.NANOSECONDS.toMillis(slowestAnswer));

    for (CompletableFuture<HttpResponse<String>> check : checks) {
      assertThat(check.get().statusCode()).as(check.get().body()).isEqualTo(200);
    }
    assertThat(Json.parse(checks.get(3).get().body()).get("findings")).isNotEmpty();
    assertThat(mostChecksSeenRunning).as("checks seen running on the worker pool by a /metrics answer").isPositive();
  }

  @Test
  void a_check_of_more_than_200000_characters_is_refused_with_413_naming_the_limit() {
    var sheet = Json.object().put("wishes", repeat("一")).put("questions", "あ");

    Api.Reply reply = api.post("/api/v1/privacy/check", staff.token(), sheet.toString());

    assertThat(reply.status()).as(reply.body()).isEqualTo(413);
    assertThat(reply.errorCode()).isEqualTo("text_too_long");
    assertThat(reply.json().at("/error/message").asText()).contains("200000");
  }

  private static HttpRequest checkRequest(String text) {
    String body = Json.object().put("wishes", text).toString();
    return api.request("/api/v1/privacy/check", staff.token())
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /** The checks in progress on the PII check's worker pool, as the Prometheus page says. */
  private static int checksRunning(String prometheus) {
    return prometheus.lines()
        .filter(line -> line.startsWith("vertx_pool_in_use{") && line.contains("pool_name=\"yoriai-pii-check\""))
        .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .max().orElse(0);
  }

  private static String repeat(String piece) {
    return piece.repeat(LONGEST / piece.length() + 1).substring(0, LONGEST);
  }
}
