package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
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
import yoriai.testing.MovableClock;

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
    AccountSettings settings = Services.settings(3, 100);
    accounts = await(Services.accounts(vertx, storage, settings, clock));
    await(accounts.bootstrapAdmin(Optional.of("root@example.jp"), Optional.of("root-passphrase-9Wz")));
  }

  @AfterEach
  void stop() throws Exception {
    await(storage.close(vertx));
    await(vertx.close());
  }

  @Test
  void a_token_stops_working_when_its_session_expires() throws Exception {
    SignIn session = await(accounts.login(new LoginRequest("root@example.jp", "root-passphrase-9Wz"), "10.0.0.1"));
    assertThat(await(accounts.authenticate(session.token())).email()).isEqualTo("root@example.jp");

    clock.advance(Duration.ofHours(12).plusSeconds(1));

    assertThatThrownBy(() -> await(accounts.authenticate(session.token())))
        .hasRootCauseInstanceOf(Failure.class).rootCause().hasMessageContaining("expired");
  }

  @Test
  void signing_in_removes_the_accounts_expired_sessions_and_keeps_the_live_ones() throws Exception {
    LoginRequest root = new LoginRequest("root@example.jp", "root-passphrase-9Wz");
    await(accounts.login(root, "10.0.0.1"));
    clock.advance(Duration.ofHours(6));
    SignIn younger = await(accounts.login(root, "10.0.0.1"));
    clock.advance(Duration.ofHours(6).plusSeconds(1));
    assertThat(await(storage.mongo().find("sessions", new JsonObject()))).hasSize(2);

    SignIn latest = await(accounts.login(root, "10.0.0.1"));

    assertThat(await(storage.mongo().find("sessions", new JsonObject()))).as("the first, expired, is gone").hasSize(2);
    assertThat(await(accounts.authenticate(younger.token())).email()).isEqualTo("root@example.jp");
    assertThat(await(accounts.authenticate(latest.token())).email()).isEqualTo("root@example.jp");
  }

  @Test
  void the_throttle_lifts_when_the_window_has_passed() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertFailsWith("invalid_credentials", accounts.login(new LoginRequest("root@example.jp", "wrong-" + i), "10.0.0.2"));
    }
    assertFailsWith("rate_limited", accounts.login(new LoginRequest("root@example.jp", "root-passphrase-9Wz"), "10.0.0.2"));

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    assertThat(await(accounts.login(new LoginRequest("root@example.jp", "root-passphrase-9Wz"), "10.0.0.2")).token()).isNotBlank();
  }

  @Test
  void the_first_admin_is_created_only_while_no_account_exists() throws Exception {
    await(accounts.bootstrapAdmin(Optional.of("second@example.jp"), Optional.of("second-password")));

    assertThat(await(accounts.administration().list(null))).extracting(Account::email).containsExactly("root@example.jp");
  }

  @Test
  void an_organization_stored_before_ids_reads_with_its_legacy_id_and_takes_colleagues_by_it() throws Exception {
    var legacy = await(storage.mongo().findOne("accounts", new io.vertx.core.json.JsonObject(), null)).copy()
        .put("_id", "legacy-account").put("email", "legacy@example.jp").put("role", "company")
        .put("organization", new io.vertx.core.json.JsonObject()
            .put("name", "株式会社むかし商店").put("kind", "company").put("prefecture", "群馬県"));
    await(storage.mongo().insert("accounts", legacy));
    String legacyId = await(accounts.administration().list(null)).stream().filter(a -> a.email().equals("legacy@example.jp")).findFirst()
        .orElseThrow().organization().id();
    String password = "Kx9#mQ2$vL7!pR4z";

    Account colleague = await(accounts.administration().create(new NewAccount("colleague@example.jp", password, "同僚", Role.COMPANY,
        new Organization(legacyId, "株式会社むかし商店", OrganizationKind.COMPANY, "群馬県"), null)));
    Account lookAlike = await(accounts.administration().create(new NewAccount("look-alike@example.jp", password, "偽物", Role.COMPANY,
        new Organization(null, "株式会社むかし商店", OrganizationKind.COMPANY, "群馬県"), null)));

    assertThat(legacyId).startsWith("legacy-");
    assertThat(colleague.organization().id()).isEqualTo(legacyId);
    assertThat(lookAlike.organization().id()).isNotEqualTo(legacyId);
  }

  @Test
  void accounts_stored_before_states_read_as_active_or_disabled_and_are_given_their_state_when_the_store_opens()
      throws Exception {
    var admin = await(storage.mongo().findOne("accounts", new io.vertx.core.json.JsonObject(), null));
    var before = admin.copy().put("_id", "stateless-active").put("email", "old-active@example.jp");
    before.remove("state");
    var disabledBefore = before.copy().put("_id", "stateless-disabled").put("email", "old-disabled@example.jp")
        .put("disabledAt", "2026-11-01T00:00:00Z");
    await(storage.mongo().insert("accounts", before));
    await(storage.mongo().insert("accounts", disabledBefore));

    var read = await(accounts.administration().list(null));
    AccountService reopened = await(Services.accounts(vertx, storage, Services.settings(3, 100), clock));

    assertThat(read).filteredOn(a -> a.id().startsWith("stateless-")).extracting(Account::state)
        .containsExactlyInAnyOrder(AccountState.ACTIVE, AccountState.DISABLED);
    assertThat(await(reopened.administration().list(AccountState.DISABLED))).extracting(Account::email)
        .containsExactly("old-disabled@example.jp");
    assertThat(await(reopened.administration().list(AccountState.ACTIVE))).extracting(Account::email)
        .contains("old-active@example.jp").doesNotContain("old-disabled@example.jp");
  }

  @Test
  void a_weak_first_admin_password_is_refused_with_a_reason_naming_the_variable() throws Exception {
    Storage empty = await(Storage.open(vertx, Optional.empty(), Files.createTempDirectory("yoriai-empty-"), new SimpleMeterRegistry()));
    try {
      AccountService fresh = await(Services.accounts(vertx, empty,
          Services.settings(3, 100), clock));

      assertThatThrownBy(() -> await(fresh.bootstrapAdmin(Optional.of("admin@example.jp"), Optional.of("admin-password-1"))))
          .cause().hasMessageContaining("YORIAI_ADMIN_PASSWORD").hasMessageContaining("common password");
    } finally {
      await(empty.close(vertx));
    }
  }

  @Test
  void passwords_are_stored_as_salted_bcrypt_hashes() throws Exception {
    var stored = await(storage.mongo().findOne("accounts", new io.vertx.core.json.JsonObject(), null));

    assertThat(stored.getString("passwordHash")).startsWith("$2b$04$").doesNotContain("root-passphrase-9Wz");
  }

  private static void assertFailsWith(String code, Future<?> future) {
    assertThatThrownBy(() -> await(future)).rootCause()
        .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code()).isEqualTo(code));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
