package yoriai.app;

import io.vertx.core.Future;
import yoriai.account.Account;
import yoriai.account.AccountService;
import yoriai.archive.ArchiveEntry;
import yoriai.archive.PublicationWatch;
import yoriai.mail.Mailer;
import yoriai.notification.Notice;
import yoriai.notification.NoticeKind;
import yoriai.notification.Notifier;
import yoriai.shared.PublicPages;

/** A published meeting tells everyone who took part, with the public link of each of its entries. */
final class PublicationNotices implements PublicationWatch {
  private static final System.Logger LOG = System.getLogger(PublicationNotices.class.getName());

  private final AccountService accounts;
  private final Notifier notifier;
  private final Mailer mailer;

  PublicationNotices(AccountService accounts, Notifier notifier, Mailer mailer) {
    this.accounts = accounts;
    this.notifier = notifier;
    this.mailer = mailer;
  }

  @Override
  public void published(PublishedMeeting meeting) {
    accounts.enabled(meeting.participantIds())
        .compose(participants -> Future.all(participants.stream()
            .map(p -> notifier.notifyOnce("published " + meeting.meetingId(), notice(p, meeting)))
            .toList()))
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING,
            "the participants of published meeting " + meeting.meetingId() + " not told", e));
  }

  private Notice notice(Account participant, PublishedMeeting meeting) {
    StringBuilder links = new StringBuilder();
    for (ArchiveEntry entry : meeting.entries()) {
      links.append("\n・").append(entry.title()).append(": ").append(link(entry));
    }
    String text = "参加した会議「" + meeting.title() + "」の記録が、事例アーカイブに公開されました。" + links
        + "\n---\nThe record of the meeting \"" + meeting.title() + "\" you took part in is now public in the case archive."
        + links;
    String first = meeting.entries().isEmpty() ? null : link(meeting.entries().get(0));
    return new Notice(participant.id(), participant.email(), NoticeKind.MEETING_PUBLISHED,
        "会議「" + meeting.title() + "」が公開されました / A meeting you took part in was published", text, first);
  }

  private String link(ArchiveEntry entry) {
    return mailer.link(PublicPages.archiveEntry(entry.id()));
  }
}
