package yoriai.archive;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import yoriai.account.Account;
import yoriai.account.AccountService;
import yoriai.account.Permission;
import yoriai.casefile.CaseService;
import yoriai.casefile.Finding;
import yoriai.meeting.MeetingEvent;
import yoriai.meeting.MeetingService;
import yoriai.meeting.MeetingView;
import yoriai.privacy.PiiDetector;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.FieldProblem;
import yoriai.shared.LastChange;
import yoriai.shared.PublicTexts;
import yoriai.storage.Storage;

/**
 * Publishing discussed cases and reading the public archive. MongoDB holds the entries; the
 * Lucene index is derived from it, rebuilt on start when missing, damaged or out of step, and
 * updated on every node through the event bus when any node publishes. */
public final class ArchiveService {
  public static final int EXPORT_LIMIT = 100_000;
  static final int RECHECK_MINUTES = 5;
  private static final Duration RECHECK_PERIOD = Duration.ofMinutes(RECHECK_MINUTES);
  /** What a redacted text reads from then on. */
  public static final String REDACTED = "（削除されました）";

  private final Vertx vertx;
  private final ArchiveStore store;
  private final ArchiveIndex index;
  private final IndexUpdates updates;
  private final MeetingService meetings;
  private final CaseService cases;
  private final DiscussedCases discussed;
  private final ServiceUsage usage;
  private final PublicationWatch watch;
  private final PiiDetector detector = new PiiDetector();
  private final Clock clock;

  private ArchiveService(Vertx vertx, ArchiveStore store, ArchiveIndex index, Dependencies deps) {
    this.vertx = vertx;
    this.store = store;
    this.index = index;
    this.updates = new IndexUpdates(vertx, store, index);
    this.meetings = deps.meetings();
    this.cases = deps.cases();
    this.discussed = new DiscussedCases(deps.meetings(), deps.cases(), deps.accounts(), deps.clock());
    this.usage = deps.usage();
    this.watch = deps.published();
    this.clock = deps.clock();
  }

  /** The features publishing reads from, and who is told of each publication. */
  public record Dependencies(MeetingService meetings, CaseService cases, AccountService accounts, ServiceUsage usage,
      PublicationWatch published, Clock clock) {}

  /** Where publishing reports which catalog services a case proposed and adopted; must be idempotent per case. */
  public interface ServiceUsage {
    Future<Void> record(String caseId, Set<String> proposed, Set<String> adopted);
  }

  public static Future<ArchiveService> create(Vertx vertx, Storage storage, Path indexDir, Dependencies deps) {
    return MongoArchiveStore.create(storage)
        .compose(store -> vertx.executeBlocking(() -> ArchiveIndex.openOrReset(indexDir))
            .map(index -> new ArchiveService(vertx, store, index, deps)))
        .compose(service -> service.updates.listen().compose(listening -> service.updates.catchUp()).map(service)
            .recover(e -> service.close().transform(closed -> Future.failedFuture(e))))
        .onSuccess(service -> service.updates.recheckEvery(RECHECK_PERIOD));
  }

  /**
   * Re-reads every indexed entry whose revision in MongoDB differs from the one indexed, as the
   * periodic re-check does ({@value #RECHECK_MINUTES} minutes); for tests of a lost announcement.
   */
  Future<Void> recheckIndex() {
    return updates.recheck();
  }

  /**
   * Publishes every case of a closed meeting. Refused with 422 {@code pii_found} listing every
   * finding in every text that would become public; nothing is published then. */
  public Future<List<ArchiveEntry>> publish(String meetingId, Account host) {
    return draft(meetingId, host).compose(draft -> {
      List<Finding> findings = new ArrayList<>();
      draft.cases().forEach(p -> findings.addAll(p.findings()));
      if (!findings.isEmpty()) {
        return Future.failedFuture(new Failure(FailureKind.UNPROCESSABLE, "pii_found",
            "Published text would contain personal information; hide or fix it first", findings));
      }
      return Future.all(draft.cases().stream().map(p -> store(p.entry(), draft.meeting().hostId(), host)).toList())
          .map(all -> draft.cases().stream().map(Prepared::entry).toList())
          .onSuccess(stored -> PublicationWatch.tell(watch, PublicationWatch.PublishedMeeting.of(meetingId,
              draft.meeting().title(), stored, draft.log(), host.id())));
    });
  }

  /**
   * What {@link #publish} would make public now and every finding that would refuse it, from the
   * same draft; nothing is stored. The same rights and the same {@code not_closed} refusal. */
  public Future<PublicationPreview> preview(String meetingId, Account host) {
    return draft(meetingId, host).map(draft -> new PublicationPreview(
        draft.cases().stream().map(Prepared::entry).toList(),
        draft.cases().stream().flatMap(p -> p.findings().stream().map(f -> PublicationPreview.CaseFinding.of(p.entry().id(), f)))
            .toList()));
  }

  /** The entries of a closed meeting the host may publish, each with its findings: the one step publish and preview share. */
  private Future<Draft> draft(String meetingId, Account host) {
    return meetings.get(meetingId, host).compose(meeting -> {
      if (!meeting.hostId().equals(host.id()) && !host.may(Permission.MODERATE_ANY_MEETING)) {
        return Future.failedFuture(Failure.forbidden("Only the host publishes a meeting"));
      }
      if (!"closed".equals(meeting.state())) {
        return Future.failedFuture(new Failure(FailureKind.CONFLICT, "not_closed", "Close the meeting before publishing"));
      }
      return draftOf(meeting);
    });
  }

  private record Draft(MeetingView meeting, List<Prepared> cases, List<MeetingEvent> log) {}
  private record Prepared(ArchiveEntry entry, List<Finding> findings) {}

  private Future<Draft> draftOf(MeetingView meeting) {
    return discussed.read(meeting).compose(reading -> {
      List<Future<Prepared>> prepared = reading.cases().stream().map(d ->
          // the PII check is blocking work linear in the text: off the event loop
          cases.publicNames(d.source().organization()).compose(names ->
              vertx.executeBlocking(() -> new Prepared(d.entry(), findings(d.entry(), names)), false))).toList();
      return Future.all(prepared)
          .map(all -> new Draft(meeting, prepared.stream().map(Future::result).toList(), reading.log()));
    });
  }

  /**
   * The minutes of a closed meeting for whoever may read the meeting ({@code not_found} or
   * {@code forbidden} as its other reads; {@code not_closed} before it closed). */
  public Future<Minutes> minutes(String meetingId, Account reader, String inviteCode) {
    return meetings.get(meetingId, reader, inviteCode).compose(meeting -> {
      if (!"closed".equals(meeting.state())) {
        return Future.failedFuture(new Failure(FailureKind.CONFLICT, "not_closed", "Minutes exist once the meeting is closed"));
      }
      return discussed.read(meeting).map(reading -> Minutes.of(meeting, reading));
    });
  }

  /** Every finding in every text the entry would make public, the case sheet's part included. */
  private List<Finding> findings(ArchiveEntry entry, Set<String> publicNames) {
    return detector.scanAll(PublicTexts.of(entry), publicNames).stream()
        .map(f -> new Finding(f.field(), f.start(), f.end(), f.kind().code()))
        .toList();
  }

  private Future<ArchiveEntry> store(ArchiveEntry entry, String hostId, Account host) {
    return cases.markPublished(entry.id(), host)
        .compose(c -> store.insertOnce(entry, hostId))
        .compose(this::derive);
  }

  /** Brings what is derived from a stored entry up to date: catalog usage, this node's index, then every other node's. */
  private Future<ArchiveEntry> derive(ArchiveEntry stored) {
    return usage.record(stored.id(), serviceIds(stored, false), serviceIds(stored, true))
        .compose(v -> updates.changed(stored.id()))
        .map(stored);
  }

  private static Set<String> serviceIds(ArchiveEntry entry, boolean adoptedOnly) {
    Set<String> ids = new LinkedHashSet<>();
    entry.proposals().stream()
        .filter(p -> p.serviceId() != null && !REDACTED.equals(p.serviceId()) && (!adoptedOnly || p.adopted()))
        .forEach(p -> ids.add(p.serviceId()));
    return ids;
  }

  /**
   * Replaces one text of a published entry with {@link #REDACTED} and keeps an audit record, for a
   * re-identification complaint or any other correction. Only the host of the entry's meeting or
   * an admin may; the search index, the exports and the insight read the redacted entry from then on.
   */
  public Future<ArchiveEntry> redact(String entryId, RedactionRequest request, Account by) {
    request.validate();
    return redact(entryId, request, by, 2);
  }

  private Future<ArchiveEntry> redact(String entryId, RedactionRequest request, Account by, int retries) {
    return redactable(entryId, by).compose(current -> {
      String text = PublicTexts.of(current.entry()).get(request.path());
      if (text == null) {
        return Future.failedFuture(Failure.invalid("No text of this entry has that path",
            List.of(new FieldProblem("path", "not a text of this entry"))));
      }
      if (text.equals(REDACTED)) {
        // a repeat, or a retry after the index failed: bring the derived data up to date once more
        return derive(current.entry());
      }
      ArchiveEntry redacted = PublicTexts.replace(current.entry(), request.path(), REDACTED);
      Redaction record = new Redaction(entryId, request.path(), by.id(), request.reason().strip(), clock.instant());
      return store.redact(current, redacted, record).compose(done -> {
        if (done) {
          return derive(redacted);
        }
        return retries > 0 ? redact(entryId, request, by, retries - 1) : Future.failedFuture(new Failure(
            FailureKind.CONFLICT, "edit_conflict", "The entry changed meanwhile; reload it and try again"));
      });
    });
  }

  /** The audit trail of one entry, for the host of its meeting or an admin. */
  public Future<List<Redaction>> redactions(String entryId, Account by) {
    return redactable(entryId, by).compose(current -> store.redactions(entryId));
  }

  private Future<ArchiveStore.Stored> redactable(String entryId, Account by) {
    return store.findStored(entryId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(Failure.notFound("Archive entry"));
      }
      boolean host = by.id().equals(found.get().hostId());
      return host || by.may(Permission.REDACT_ANY_ARCHIVE_ENTRY) ? Future.succeededFuture(found.get())
          : Future.failedFuture(Failure.forbidden("Only the host of the entry's meeting or an admin may redact it"));
    });
  }

  public Future<SearchResult> search(SearchQuery query) {
    return vertx.executeBlocking(() -> index.search(query), false);
  }

  public Future<ArchiveEntry> get(String id) {
    return store.find(id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(Failure.notFound("Archive entry"))));
  }

  public SimilarCases similar() {
    return new SimilarCases(vertx, index, this, cases);
  }

  /**
   * The first {@code limit} entries the search finds (all pages), in its order: the exports and the feeds. The
   * index picks and orders; the entries are read from MongoDB, so a redaction the index missed is never handed out.
   */
  public Future<List<ArchiveEntry>> export(SearchQuery query, int limit) {
    return vertx.executeBlocking(() -> index.allIds(query, limit), false).compose(ids -> store.findAll(ids)
        .map(found -> {
          Map<String, ArchiveEntry> byId = found.stream().collect(Collectors.toMap(ArchiveEntry::id, entry -> entry));
          return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        }));
  }

  /** Newest first, for the needs insight. */
  public Future<List<ArchiveEntry>> newest(int limit) {
    return store.newest(limit);
  }

  /** Each entry's id and last change (publication or latest redaction), newest published first: the sitemap. */
  public Future<List<LastChange>> lastChanges(int limit) {
    return store.lastChanges(limit);
  }

  /** The last change (publication or latest redaction) of each entry of {@code ids}, in no order: the feeds. */
  public Future<List<LastChange>> lastChangesOf(List<String> ids) {
    return store.lastChangesOf(ids);
  }

  public Future<Void> close() {
    return updates.stop().transform(stopped -> vertx.executeBlocking(() -> {
      index.close();
      return null;
    }));
  }
}
