package yoriai.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import yoriai.account.Role;
import yoriai.casefile.Case;
import yoriai.casefile.CaseSheet;
import yoriai.casefile.Person;
import yoriai.meeting.Actor;
import yoriai.meeting.EventData;
import yoriai.meeting.MeetingEvent;
import yoriai.meeting.MeetingView;
import yoriai.meeting.Summary;
import yoriai.shared.Json;

/**
 * Turns one discussed case and its meeting's log into the archive entry the public will read: only
 * that case's part of the discussion (a meeting discusses its agenda's cases one after another),
 * hidden messages dropped, every participant replaced by a role label such as 理学療法士A (a
 * company by its name only when its staff opted in), the case's proposals with endorsement counts
 * and adoption from the case's own summary.
 */
final class Publication {
  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, Integer> labelCounts = new HashMap<>();
  private final Set<String> namedCompanies;
  private final String hostId;

  private Publication(String hostId, Set<String> namedCompanies) {
    this.hostId = hostId;
    this.namedCompanies = namedCompanies;
  }

  static ArchiveEntry entry(Case c, MeetingView meeting, List<MeetingEvent> log, Set<String> namedCompanies, Instant now) {
    return new Publication(meeting.hostId(), namedCompanies).build(c, meeting, log, now);
  }

  /** Everyone who appears in the log, in order of first appearance, labelled as one entry of the whole meeting would. */
  static List<Minutes.Participant> participants(MeetingView meeting, List<MeetingEvent> log, Set<String> namedCompanies) {
    Publication publication = new Publication(meeting.hostId(), namedCompanies);
    Map<String, Minutes.Participant> byAccount = new LinkedHashMap<>();
    for (MeetingEvent event : log) {
      Actor actor = event.actor();
      if (actor != null && !byAccount.containsKey(actor.accountId())) {
        byAccount.put(actor.accountId(), new Minutes.Participant(publication.label(actor), actor.role().code(),
            actor.organization() == null ? null : actor.organization().name()));
      }
    }
    return List.copyOf(byAccount.values());
  }

  private ArchiveEntry build(Case c, MeetingView meeting, List<MeetingEvent> log, Instant now) {
    String firstCaseId = meeting.caseIds().get(0);
    // an event stored before the agenda names no case: it belongs to the first
    Predicate<String> ofThisCase = caseId -> c.id().equals(caseId == null ? firstCaseId : caseId);
    Summary summary = meeting.summaries().get(c.id());
    Set<String> hidden = new HashSet<>();
    Map<String, Integer> endorsements = new HashMap<>();
    for (MeetingEvent event : log) {
      if (event.data() instanceof EventData.MessageHidden hide) {
        hidden.add(hide.messageId());
      } else if (event.data() instanceof EventData.ProposalEndorsed endorsed) {
        endorsements.merge(endorsed.proposalId(), 1, Integer::sum);
      }
    }
    Set<String> adopted = summary == null ? Set.of() : Set.copyOf(summary.adoptedProposalIds());
    Map<String, Long> seqOfMessage = new HashMap<>();
    List<ArchiveEntry.Remark> discussion = new ArrayList<>();
    List<ArchiveEntry.Proposal> proposals = new ArrayList<>();
    for (MeetingEvent event : log) {
      if (event.data() instanceof EventData.MessagePosted posted && ofThisCase.test(posted.caseId())) {
        seqOfMessage.put(posted.messageId(), event.seq());
        if (!hidden.contains(posted.messageId())) {
          discussion.add(new ArchiveEntry.Remark(event.seq(), posted.phase(), label(event.actor()), posted.text(),
              seqOfMessage.get(posted.replyTo())));
        }
      } else if (event.data() instanceof EventData.ProposalPosted p && ofThisCase.test(p.caseId())) {
        proposals.add(new ArchiveEntry.Proposal(p.proposalId(), label(event.actor()), p.targetActivity(), p.type(),
            p.description(), p.keepsAbilities(), p.serviceId(), p.cost(), p.area(),
            endorsements.getOrDefault(p.proposalId(), 0), adopted.contains(p.proposalId())));
      }
    }
    CaseSheet sheet = c.sheet();
    Person person = sheet.person();
    return new ArchiveEntry(c.id(), sheet.title(), sheet.prefecture(), sheet.provider(), now,
        new ArchiveEntry.Person(code(person.ageBand()), code(person.gender()), code(person.careLevel()),
            code(person.household()), person.housing(), person.health()),
        sheet.activities().stream().map(a -> new ArchiveEntry.Activity(code(a.activity()), code(a.level()), a.canDo(),
            a.difficulty())).toList(),
        sheet.wishes(), sheet.questions(),
        sheet.supports().stream().map(s -> new ArchiveEntry.Support(code(s.kind()), s.description())).toList(),
        discussion, proposals, summary(summary));
  }

  private static ArchiveEntry.Summary summary(Summary summary) {
    if (summary == null) {
      return null;
    }
    return new ArchiveEntry.Summary(summary.direction(),
        summary.regionalIssues().stream().map(i -> new ArchiveEntry.RegionalIssue(i.text(), i.tags())).toList(),
        summary.missingResources(), summary.followUps());
  }

  private String label(Actor actor) {
    return labels.computeIfAbsent(actor.accountId(), id -> {
      if (id.equals(hostId)) {
        return "司会";
      }
      String base = base(actor);
      if (actor.role() == Role.COMPANY && namedCompanies.contains(id)) {
        return base;
      }
      int n = labelCounts.merge(base, 1, Integer::sum);
      return base + letters(n);
    });
  }

  private String base(Actor actor) {
    if (actor.role() == Role.COMPANY) {
      return namedCompanies.contains(actor.accountId()) ? actor.organization().name() : "企業";
    }
    if (actor.profession() != null && !actor.profession().equals("その他")) {
      return actor.profession();
    }
    return switch (actor.role()) {
      case MUNICIPALITY -> "自治体職員";
      case ADMIN -> "運営";
      default -> "専門職";
    };
  }

  /** A, B, …, Z, AA, AB, … */
  private static String letters(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = n; i > 0; i = (i - 1) / 26) {
      out.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return out.toString();
  }

  private static String code(Object value) {
    return value == null ? null : Json.mapper().convertValue(value, String.class);
  }
}
