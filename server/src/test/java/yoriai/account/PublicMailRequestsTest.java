package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.mail.Mailer;
import yoriai.mail.OutboxEntry;
import yoriai.notification.Notifier;
import yoriai.storage.Storage;
import yoriai.testing.MovableClock;

/**
 * Sign-ups and reset requests answer before anything about the email is looked up (so their timing
 * tells nothing), and a sign-up nobody confirmed gives its address back once its link has lapsed.
 * In-process, on the embedded store, with a store whose email lookup the test holds.
 */
class PublicMailRequestsTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T01:00:00Z"));
  private final Promise<Void> lookupsMayGo = Promise.promise();
  private Vertx vertx;
  private Storage storage;
  private Mailer mailer;
  private SignUps signUps;
  private PasswordResets resets;
  private AccountStore store;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    storage = await(Storage.open(vertx, Optional.empty(), Files.createTempDirectory("yoriai-mail-requests-"),
        new SimpleMeterRegistry()));
    store = await(MongoAccountStore.create(storage));
    AccountStore held = heldLookups(store);
    mailer = await(Services.mailer(vertx, storage, clock));
    AccountMail mail = new AccountMail(mailer, await(Notifier.create(storage, mailer, clock)));
    PasswordHasher hasher = new PasswordHasher(4);
    PasswordPolicy policy = new PasswordPolicy();
    Registration registration = new Registration(vertx, held, hasher, policy, clock);
    PasswordTokens tokens = new MongoPasswordTokens(storage, clock);
    MailRequestThrottle throttle = new MailRequestThrottle(
        MongoLoginAttempts.create(vertx, storage.mongo(), clock, Duration.ofMinutes(15)), clock, 3, 20);
    signUps = new SignUps(held, registration, tokens, throttle, mail, clock);
    resets = new PasswordResets(vertx, held, tokens, hasher, policy, throttle,
        new Sessions(vertx, held, clock, Duration.ofHours(1)), mail, clock);
  }

  @AfterEach
  void stop() throws Exception {
    await(storage.close(vertx));
    await(vertx.close());
  }

  @Test
  void a_sign_up_and_a_reset_request_are_answered_before_the_email_is_looked_up() throws Exception {
    await(signUps.signUp(request("held@example.jp", "待ち 花子"), "10.0.0.1"));
    await(resets.request("held@example.jp", "10.0.0.1"));

    assertThat(await(store.findByEmail("held@example.jp"))).isEmpty();
    lookupsMayGo.complete();
    eventually(() -> store.findByEmail("held@example.jp").map(Optional::isPresent));
  }

  @Test
  void an_unconfirmed_sign_up_keeps_its_address_for_48_hours_and_then_a_new_sign_up_replaces_it() throws Exception {
    lookupsMayGo.complete();
    await(signUps.signUp(request("taken@example.jp", "先の 申請"), "10.0.0.1"));
    eventually(() -> mailsTo("taken@example.jp").map(mails -> mails.size() == 1));

    await(signUps.signUp(request("taken@example.jp", "後の 申請"), "10.0.0.1"));
    eventually(() -> mailsTo("taken@example.jp").map(mails -> mails.size() == 2));
    assertThat(await(mailsTo("taken@example.jp"))).extracting(OutboxEntry::subject)
        .anyMatch(subject -> subject.contains("このメールアドレスは確認待ちです"));
    assertThat(await(store.findByEmail("taken@example.jp")).orElseThrow().displayName()).isEqualTo("先の 申請");

    clock.advance(SignUps.CONFIRMATION_VALID.plusMinutes(1));
    await(signUps.signUp(request("taken@example.jp", "後の 申請"), "10.0.0.2"));

    // the expired sign-up is removed before the new one is stored: in between there is none
    eventually(() -> store.findByEmail("taken@example.jp")
        .map(found -> found.map(account -> account.displayName().equals("後の 申請")).orElse(false)));
    assertThat(await(store.findByEmail("taken@example.jp")).orElseThrow().currentState()).isEqualTo(AccountState.UNCONFIRMED);
  }

  private Future<List<OutboxEntry>> mailsTo(String address) {
    return mailer.outbox(500).map(all -> all.stream().filter(m -> m.to().equals(address)).toList());
  }

  private static SignUpRequest request(String email, String displayName) {
    return new SignUpRequest(email, "mise-no-kanban-4Tq", displayName, Role.COMPANY,
        new Organization(null, "株式会社まちかど商店", OrganizationKind.COMPANY, "群馬県"), null);
  }

  /** {@code real}, except that looking an email up waits until the test lets it go. */
  private AccountStore heldLookups(AccountStore real) {
    return (AccountStore) Proxy.newProxyInstance(AccountStore.class.getClassLoader(), new Class<?>[] {AccountStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("findByEmail")) {
            return lookupsMayGo.future().compose(go -> real.findByEmail((String) args[0]));
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static void eventually(Supplier<Future<Boolean>> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!await(condition.get())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(20);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
