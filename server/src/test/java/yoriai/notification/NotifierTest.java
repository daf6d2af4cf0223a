package yoriai.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.mail.MailSettings;
import yoriai.mail.Mailer;
import yoriai.storage.Storage;

/** The Notifier on the embedded store, mails kept in the outbox (no SMTP): entries, opt-outs and telling once. */
class NotifierTest {
  private Vertx vertx;
  private Storage storage;
  private Mailer mailer;
  private Notifier notifier;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    storage = await(Storage.open(vertx, Optional.empty(), Files.createTempDirectory("yoriai-notifier-"), new SimpleMeterRegistry()));
    MailSettings keep = new MailSettings(Optional.empty(), 25, Optional.empty(), Optional.empty(), MailSettings.StartTls.DISABLED,
        "Yoriai <no-reply@yoriai.test>", Optional.empty(), Duration.ofSeconds(1));
    mailer = await(Mailer.create(vertx, storage, keep, Clock.systemUTC()));
    notifier = await(Notifier.create(storage, mailer, Clock.systemUTC()));
  }

  @AfterEach
  void stop() {
    await(mailer.close());
    await(storage.close(vertx));
    await(vertx.close());
  }

  private static Notice published(String accountId) {
    return new Notice(accountId, accountId + "@yoriai.test", NoticeKind.MEETING_PUBLISHED, "公開されました", "本文\n---\nText",
        "http://localhost/archive/cases/case-1");
  }

  private long mailsTo(String address) {
    return await(mailer.outbox(100)).stream().filter(m -> m.to().equals(address)).count();
  }

  @Test
  void telling_once_with_the_same_key_stores_one_entry_and_one_mail_per_account() {
    await(notifier.notifyOnce("published m1", published("a1")));
    await(notifier.notifyOnce("published m1", published("a1")));
    await(notifier.notifyOnce("published m1", published("a2")));
    await(notifier.notifyOnce("published m2", published("a1")));

    assertThat(await(notifier.inbox().page("a1", null, 10)).notifications()).hasSize(2);
    assertThat(await(notifier.inbox().page("a2", null, 10)).notifications()).hasSize(1);
    assertThat(mailsTo("a1@yoriai.test")).isEqualTo(2);
  }

  @Test
  void telling_once_again_after_the_outbox_let_the_sent_mail_go_mails_nothing() {
    await(notifier.notifyOnce("published m1", published("a1")));
    assertThat(mailsTo("a1@yoriai.test")).isEqualTo(1);
    await(storage.mongo().removeDocuments("outbox", new JsonObject()));

    await(notifier.notifyOnce("published m1", published("a1")));

    assertThat(mailsTo("a1@yoriai.test")).isZero();
    assertThat(await(notifier.inbox().page("a1", null, 10)).notifications()).hasSize(1);
  }

  @Test
  void an_account_that_turned_a_kind_off_gets_its_entry_but_no_mail_and_the_others_still_mail() {
    await(notifier.inbox().setPreferences("a1", new MailChoices(Map.of("meeting_reminder", true,
        "proposal_on_own_case", true, "meeting_published", false))));
    await(notifier.notify(published("a1")));
    await(notifier.notify(new Notice("a1", "a1@yoriai.test", NoticeKind.PASSWORD_RESET, "再設定", "本文",
        "http://localhost/reset?token=secret")));

    NotificationView.Page page = await(notifier.inbox().page("a1", null, 10));
    assertThat(page.unread()).isEqualTo(2);
    assertThat(page.notifications()).extracting(NotificationView::kind)
        .containsExactlyInAnyOrder(NoticeKind.MEETING_PUBLISHED, NoticeKind.PASSWORD_RESET);
    assertThat(mailsTo("a1@yoriai.test")).as("only the always-mailed reset").isEqualTo(1);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
