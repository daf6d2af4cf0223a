package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.account.Account;
import yoriai.account.Organization;
import yoriai.account.OrganizationKind;
import yoriai.account.Role;
import yoriai.mail.MailSettings;
import yoriai.mail.Mailer;
import yoriai.notification.Notifier;
import yoriai.storage.Storage;

/** The reminder check reads the due meetings a page at a time, on the real stores, so reminded ones never starve the rest. */
class MeetingRemindersPagingTest {
  private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");
  private static final Account HOST = new Account("host-1", "host@yoriai.test", "高崎 司会", Role.MUNICIPALITY,
      new Organization(null, "高崎市", OrganizationKind.MUNICIPALITY, "群馬県"), null, NOW);

  private Vertx vertx;
  private Storage storage;
  private Mailer mailer;
  private MeetingStore meetings;
  private ReminderStore marks;
  private MeetingReminders reminders;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    storage = await(Storage.open(vertx, Optional.empty(), Files.createTempDirectory("yoriai-reminders-"), new SimpleMeterRegistry()));
    MailSettings keep = new MailSettings(Optional.empty(), 25, Optional.empty(), Optional.empty(), MailSettings.StartTls.DISABLED,
        "Yoriai <no-reply@yoriai.test>", Optional.empty(), Duration.ofSeconds(1));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    mailer = await(Mailer.create(vertx, storage, keep, clock));
    Notifier notifier = await(Notifier.create(storage, mailer, clock));
    meetings = await(MongoMeetingStore.create(storage));
    marks = new MongoReminderStore(storage);
    AccountDirectory onlyTheHost = new AccountDirectory() {
      @Override
      public Future<List<Account>> byEmails(Collection<String> emails) {
        return Future.succeededFuture(List.of());
      }

      @Override
      public Future<List<Account>> byIds(Collection<String> ids) {
        return Future.succeededFuture(ids.contains(HOST.id()) ? List.of(HOST) : List.of());
      }
    };
    reminders = new MeetingReminders(meetings, await(MongoAttendanceStore.create(storage)), marks, onlyTheHost, notifier,
        new MeetingLinks(mailer), clock, 2);
  }

  @AfterEach
  void stop() throws Exception {
    await(mailer.close());
    await(storage.close(vertx));
    await(vertx.close());
  }

  @Test
  void meetings_already_reminded_filling_whole_pages_do_not_keep_the_later_ones_from_their_reminder() throws Exception {
    OffsetDateTime sameStart = OffsetDateTime.of(2026, 12, 2, 19, 0, 0, 0, ZoneOffset.ofHours(9));
    for (String id : List.of("a", "b", "c")) {
      await(meetings.insert(meeting(id, sameStart)));
      await(marks.claim(id, NOW, NOW.plusSeconds(60)));
      await(marks.finish(id));
    }
    await(meetings.insert(meeting("d-same-start", sameStart)));
    await(meetings.insert(meeting("e-later", sameStart.plusHours(1))));
    await(meetings.insert(meeting("f-beyond-a-day", sameStart.plusDays(1))));

    assertThat(await(reminders.remindDue())).as("pages [a b] [c d] [e]: d and e").isEqualTo(2);
    assertThat(await(marks.finished(List.of("d-same-start", "e-later", "f-beyond-a-day"))))
        .containsExactlyInAnyOrder("d-same-start", "e-later");
    assertThat(await(reminders.remindDue())).isZero();
  }

  private static Meeting meeting(String id, OffsetDateTime startsAt) {
    return new Meeting(id, "検討会 " + id, List.of("c1"), "invite", HOST.id(), startsAt, NewMeeting.DEFAULT_MINUTES, 7, 7,
        Instant.EPOCH, null, Instant.EPOCH, Meeting.Progress.scheduled("c1"), null);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
