package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.shared.Failure;
import yoriai.storage.Storage;

/** The service against the real driver and the embedded store, with a clock the test moves. */
class AccountServiceTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T01:00:00Z"));
  private Vertx vertx;
  private Storage storage;
  private AccountService accounts;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("yoriai-accounts-");
    storage = await(Storage.open(vertx, Optional.empty(), dir, new SimpleMeterRegistry()));
    AccountSettings settings = new AccountSettings(4, Duration.ofHours(12), Duration.ofMinutes(15), 3, 100);
    accounts = await(AccountService.create(vertx, storage, settings, clock));
    await(accounts.bootstrapAdmin(Optional.of("root@example.jp"), Optional.of("root-password-1")));
  }

  @AfterEach
  void stop() throws Exception {
    await(storage.close(vertx));
    await(vertx.close());
  }

  @Test
  void a_token_stops_working_when_its_session_expires() throws Exception {
    Session session = await(accounts.login(new LoginRequest("root@example.jp", "root-password-1"), "10.0.0.1"));
    assertThat(await(accounts.authenticate(session.token())).email()).isEqualTo("root@example.jp");

    clock.advance(Duration.ofHours(12).plusSeconds(1));

    assertThatThrownBy(() -> await(accounts.authenticate(session.token())))
        .hasRootCauseInstanceOf(Failure.class).rootCause().hasMessageContaining("expired");
  }

  @Test
  void the_throttle_lifts_when_the_window_has_passed() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertFailsWith("invalid_credentials", accounts.login(new LoginRequest("root@example.jp", "wrong-" + i), "10.0.0.2"));
    }
    assertFailsWith("rate_limited", accounts.login(new LoginRequest("root@example.jp", "root-password-1"), "10.0.0.2"));

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    assertThat(await(accounts.login(new LoginRequest("root@example.jp", "root-password-1"), "10.0.0.2")).token()).isNotBlank();
  }

  @Test
  void the_first_admin_is_created_only_while_no_account_exists() throws Exception {
    await(accounts.bootstrapAdmin(Optional.of("second@example.jp"), Optional.of("second-password")));

    assertThat(await(accounts.list())).extracting(Account::email).containsExactly("root@example.jp");
  }

  @Test
  void passwords_are_stored_as_salted_bcrypt_hashes() throws Exception {
    var stored = await(storage.mongo().findOne("accounts", new io.vertx.core.json.JsonObject(), null));

    assertThat(stored.getString("passwordHash")).startsWith("$2b$04$").doesNotContain("root-password-1");
  }

  private static void assertFailsWith(String code, Future<?> future) {
    assertThatThrownBy(() -> await(future)).rootCause()
        .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code()).isEqualTo(code));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    synchronized void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
