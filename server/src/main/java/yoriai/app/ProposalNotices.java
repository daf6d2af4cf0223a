package yoriai.app;

import io.vertx.core.Future;
import yoriai.account.Account;
import yoriai.account.AccountService;
import yoriai.casefile.Case;
import yoriai.casefile.CaseService;
import yoriai.mail.Mailer;
import yoriai.meeting.ProposalWatch;
import yoriai.notification.Notice;
import yoriai.notification.NoticeKind;
import yoriai.notification.Notifier;

/**
 * A proposal on a case tells every other account of the organization that owns the case, with the
 * room's link. The notice holds only texts that passed the PII check: the meeting's title, the
 * case's title and the proposal's target activity.
 */
final class ProposalNotices implements ProposalWatch {
  private static final System.Logger LOG = System.getLogger(ProposalNotices.class.getName());

  private final CaseService cases;
  private final AccountService accounts;
  private final Notifier notifier;
  private final Mailer mailer;

  ProposalNotices(CaseService cases, AccountService accounts, Notifier notifier, Mailer mailer) {
    this.cases = cases;
    this.accounts = accounts;
    this.notifier = notifier;
    this.mailer = mailer;
  }

  @Override
  public void posted(PostedProposal proposal) {
    cases.findForMeeting(proposal.caseId()).compose(c -> accounts.members(c.organization()).compose(members ->
            Future.all(members.stream()
                .filter(member -> !member.id().equals(proposal.proposerId()) && c.ownedBy(member))
                .map(member -> notifier.notifyOnce("proposal " + proposal.proposalId(), notice(member, c, proposal)))
                .toList())))
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "proposal " + proposal.proposalId() + " of meeting "
            + proposal.meetingId() + ": its case's organization not told", e));
  }

  private Notice notice(Account member, Case c, PostedProposal proposal) {
    String caseTitle = c.sheet().title();
    String text = "会議「" + proposal.meetingTitle() + "」で、あなたの組織の事例「" + caseTitle + "」に提案「"
        + proposal.targetActivity() + "」が投稿されました。会議室で内容を確かめられます。\n---\n"
        + "A proposal (" + proposal.targetActivity() + ") was posted on your organization's case \"" + caseTitle
        + "\" in the meeting \"" + proposal.meetingTitle() + "\". Open the meeting room to read it.";
    return new Notice(member.id(), member.email(), NoticeKind.PROPOSAL_ON_OWN_CASE,
        "事例「" + caseTitle + "」に提案がありました / A proposal on your case", text,
        mailer.link("/#/meetings/" + proposal.meetingId()));
  }
}
