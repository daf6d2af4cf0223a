package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.shared.Failure;
import yoriai.shared.RetryAfter;
import yoriai.storage.Storage;
import yoriai.testing.MovableClock;

/**
 * The login throttle against the real driver and the embedded store: attempts are reserved in the
 * store before any password check, so concurrent guesses and other nodes share one count.
 */
class LoginThrottleTest {
  private static final String VICTIM = "victim@example.jp";
  private static final String VICTIM_PASSWORD = "victim-passphrase-7Qx";
  private static final String ADMIN = "root@example.jp";
  private static final String ADMIN_PASSWORD = "root-passphrase-9Wz";
  private static final int PER_ACCOUNT = 5;
  private static final int FREE_PER_ADDRESS = 3;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T01:00:00Z"));
  private final AccountSettings settings =
      Services.settings(PER_ACCOUNT, FREE_PER_ADDRESS);
  private Vertx vertx;
  private Storage storage;
  private AccountService accounts;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    storage = await(Storage.open(vertx, Optional.empty(), Files.createTempDirectory("yoriai-throttle-"), new SimpleMeterRegistry()));
    accounts = await(Services.accounts(vertx, storage, settings, clock));
    await(accounts.bootstrapAdmin(Optional.of(ADMIN), Optional.of(ADMIN_PASSWORD)));
    await(accounts.administration().create(new NewAccount(VICTIM, VICTIM_PASSWORD, "利用者", Role.MUNICIPALITY,
        new Organization(null, "高崎市", OrganizationKind.MUNICIPALITY, "群馬県"), null)));
  }

  @AfterEach
  void stop() throws Exception {
    await(storage.close(vertx));
    await(vertx.close());
  }

  @Test
  void forty_simultaneous_wrong_passwords_for_one_account_reach_the_password_check_at_most_five_times() throws Exception {
    List<Future<SignIn>> attempts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      attempts.add(accounts.login(new LoginRequest(VICTIM, "wrong-guess-" + i), "10.1.0." + i));
    }

    Map<String, Long> outcomes = outcomes(attempts);

    assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("invalid_credentials", 5L, "rate_limited", 35L));
    assertFailsWith("rate_limited", accounts.login(new LoginRequest(VICTIM, VICTIM_PASSWORD), "10.2.0.1"));
  }

  @Test
  void a_second_node_on_the_same_store_counts_the_same_failures() throws Exception {
    AccountService otherNode = await(Services.accounts(vertx, storage, settings, clock));
    for (int i = 0; i < 3; i++) {
      assertFailsWith("invalid_credentials", accounts.login(new LoginRequest(VICTIM, "wrong-" + i), "10.3.0." + i));
    }
    for (int i = 3; i < PER_ACCOUNT; i++) {
      assertFailsWith("invalid_credentials", otherNode.login(new LoginRequest(VICTIM, "wrong-" + i), "10.3.0." + i));
    }

    assertFailsWith("rate_limited", otherNode.login(new LoginRequest(VICTIM, VICTIM_PASSWORD), "10.3.1.1"));
    assertFailsWith("rate_limited", accounts.login(new LoginRequest(VICTIM, VICTIM_PASSWORD), "10.3.1.2"));
  }

  @Test
  void a_successful_login_clears_the_accounts_count() throws Exception {
    for (int i = 0; i < PER_ACCOUNT - 1; i++) {
      assertFailsWith("invalid_credentials", accounts.login(new LoginRequest(VICTIM, "wrong-" + i), "10.4.0." + i));
    }
    await(accounts.login(new LoginRequest(VICTIM, VICTIM_PASSWORD), "10.4.1.1"));

    for (int i = 0; i < PER_ACCOUNT - 1; i++) {
      assertFailsWith("invalid_credentials", accounts.login(new LoginRequest(VICTIM, "again-" + i), "10.4.2." + i));
    }
    assertThat(await(accounts.login(new LoginRequest(VICTIM, VICTIM_PASSWORD), "10.4.1.1")).token()).isNotBlank();
  }

  @Test
  void an_address_over_its_budget_is_slowed_down_for_a_short_growing_delay_not_locked_for_the_window() throws Exception {
    String proxy = "192.0.2.10";
    overBudget(proxy);

    Failure slowed = failure(accounts.login(new LoginRequest(ADMIN, ADMIN_PASSWORD), proxy));
    assertThat(slowed.code()).isEqualTo("rate_limited");
    assertThat(retryAfter(slowed)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(await(accounts.login(new LoginRequest(ADMIN, ADMIN_PASSWORD), proxy)).token()).isNotBlank();

    Failure slowedLonger = failure(accounts.login(new LoginRequest("guess@example.jp", "nope-nope"), proxy));
    assertThat(retryAfter(slowedLonger)).as("the delay grows with the address's failures").isEqualTo(2);
    clock.advance(Duration.ofSeconds(2));
    assertThat(await(accounts.login(new LoginRequest(ADMIN, ADMIN_PASSWORD), proxy)).token()).isNotBlank();
  }

  @Test
  void after_the_address_back_off_a_correct_login_gets_through_while_a_locked_account_stays_locked() throws Exception {
    String proxy = "192.0.2.20";
    for (int i = 0; i < PER_ACCOUNT; i++) {
      assertFailsWith("invalid_credentials", accounts.login(new LoginRequest(VICTIM, "wrong-" + i), "10.5.0." + i));
    }
    overBudget(proxy);
    clock.advance(Duration.ofSeconds(1));

    assertThat(await(accounts.login(new LoginRequest(ADMIN, ADMIN_PASSWORD), proxy)).token()).isNotBlank();
    clock.advance(Duration.ofSeconds(2));
    Failure locked = failure(accounts.login(new LoginRequest(VICTIM, VICTIM_PASSWORD), proxy));
    assertThat(locked.code()).isEqualTo("rate_limited");
    assertThat(retryAfter(locked)).as("the account's lock lasts its window").isGreaterThan(60);

    clock.advance(Duration.ofMinutes(15));
    assertThat(await(accounts.login(new LoginRequest(VICTIM, VICTIM_PASSWORD), proxy)).token()).isNotBlank();
  }

  /** Spends the address's free failures and one more, which starts its back-off. */
  private void overBudget(String address) throws Exception {
    for (int i = 0; i <= FREE_PER_ADDRESS; i++) {
      assertFailsWith("invalid_credentials", accounts.login(new LoginRequest("guess" + i + "@example.jp", "nope-nope"), address));
    }
  }

  private static Map<String, Long> outcomes(List<Future<SignIn>> attempts) throws Exception {
    await(Future.join(attempts).otherwiseEmpty());
    return attempts.stream()
        .map(a -> a.succeeded() ? "success" : ((Failure) a.cause()).code())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static long retryAfter(Failure failure) {
    return failure.details().stream().filter(RetryAfter.class::isInstance)
        .map(RetryAfter.class::cast).findFirst().orElseThrow().retryAfterSeconds();
  }

  private static Failure failure(Future<?> future) {
    try {
      await(future);
    } catch (Exception e) {
      Throwable cause = e.getCause();
      assertThat(cause).isInstanceOf(Failure.class);
      return (Failure) cause;
    }
    throw new AssertionError("expected a failure");
  }

  private static void assertFailsWith(String code, Future<?> future) {
    assertThatThrownBy(() -> await(future)).rootCause()
        .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code()).isEqualTo(code));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
