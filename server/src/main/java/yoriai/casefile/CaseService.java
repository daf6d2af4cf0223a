package yoriai.casefile;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import yoriai.account.Account;
import yoriai.account.Organization;
import yoriai.account.Permission;
import yoriai.privacy.PiiDetector;
import yoriai.shared.Coded;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.Ids;
import yoriai.shared.Validator;
import yoriai.storage.Storage;

/**
 * Case sheets and their lifecycle (PRODUCT §3). Only the owner organization sees or changes a case
 * through the API; other organizations are told it does not exist. A sheet with personal
 * information is never stored: creating, editing, submitting and publishing all run the PII check
 * first and refuse the whole request on a finding. The check runs on a worker thread: it costs time linear in the text,
 * and a long text must not hold up the event loop (and with it every other request).
 */
public final class CaseService {
  /** The most text one privacy check reads, over all fields; a stored sheet is far below it. */
  public static final int MAX_CHECKED_CHARACTERS = 200_000;

  private static final String CHECK_POOL = "yoriai-pii-check";

  /**
   * Own threads, one fewer than the cores: a flood of long checks waits for them instead of
   * starving logins and the index of worker threads, and leaves a core to the event loop.
   */
  private final WorkerExecutor checks;
  private final CaseStore store;
  private final PiiDetector detector;
  private final RegisteredNames registered;
  private final Clock clock;

  private CaseService(Vertx vertx, CaseStore store, PiiDetector detector, RegisteredNames registered, Clock clock) {
    this.checks = vertx.createSharedWorkerExecutor(CHECK_POOL, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    this.store = store;
    this.detector = detector;
    this.registered = registered;
    this.clock = clock;
  }

  public static Future<CaseService> create(Vertx vertx, Storage storage, RegisteredNames registered, Clock clock) {
    return MongoCaseStore.create(storage).map(store -> new CaseService(vertx, store, new PiiDetector(), registered, clock));
  }

  /** Stores a new draft; fails {@code pii_found} (422) with the findings, storing nothing, if the sheet has PII. */
  public Future<Case> create(CaseSheet sheet, Account by) {
    return validated(sheet).compose(v -> refuseFindings(sheet, by.organization())).compose(v -> {
      Case created = Case.create(Ids.newId(), sheet, by, clock.instant());
      return store.insert(created).map(created);
    });
  }

  /** The case if the caller's organization owns it or the caller may read every case; else {@code not_found}. */
  public Future<Case> get(String id, Account by) {
    return found(id).compose(c -> c.ownedBy(by) || by.may(Permission.READ_ALL_CASES)
        ? Future.succeededFuture(c)
        : Future.failedFuture(Failure.notFound("Case")));
  }

  /** The caller's organization's cases, newest first; a null or empty {@code state} lists all of them. */
  public Future<List<Case>> list(Account by, String state) {
    boolean filtered = state != null && !state.isEmpty();
    Optional<CaseState> filter = filtered ? Coded.fromCode(CaseState.class, state) : Optional.empty();
    if (filtered && filter.isEmpty()) {
      return Future.failedFuture(Failure.invalid("Unknown state",
          new Validator().oneOf("state", state, Coded.codes(CaseState.class)).problems()));
    }
    return store.listOf(by.organization(), filter);
  }

  /**
   * Replaces the sheet of a draft; fails {@code invalid_state} (409) once it was submitted and
   * {@code pii_found} (422) if the new sheet has PII, leaving the stored case as it was.
   */
  public Future<Case> update(String id, CaseSheet sheet, Account by) {
    return owned(id, by).compose(current -> {
      if (!current.state().editable()) {
        return Future.failedFuture(invalidState(current, "edited"));
      }
      return validated(sheet).compose(v -> refuseFindings(sheet, current.organization()))
          .compose(v -> save(current.edited(sheet, clock.instant())));
    });
  }

  public Future<Case> submit(String id, Account by) {
    return owned(id, by).compose(current -> {
      requireMove(current, CaseState.SUBMITTED);
      return refuseFindings(current.sheet(), current.organization())
          .compose(v -> save(current.moved(CaseState.SUBMITTED, by, clock.instant())));
    });
  }

  public Future<Case> withdraw(String id, Account by) {
    return owned(id, by).compose(current -> {
      requireMove(current, CaseState.WITHDRAWN);
      return save(current.moved(CaseState.WITHDRAWN, by, clock.instant()));
    });
  }

  /**
   * The PII in a possibly partial sheet, allowing the caller's organization and the registered names;
   * fails {@code text_too_long} (413) beyond {@link #MAX_CHECKED_CHARACTERS} characters in all.
   */
  public Future<List<Finding>> check(CaseSheet sheet, Account by) {
    return withinCheckLimit(sheet.textFields()).compose(v -> findingsOffTheEventLoop(sheet, by.organization()));
  }

  /**
   * The PII in texts named by the caller's paths (a draft that is not a sheet, such as a meeting's
   * まとめ), with the same allow-list and limit as {@link #check(CaseSheet, Account)}.
   */
  public Future<List<Finding>> check(Map<String, String> textsByPath, Account by) {
    return withinCheckLimit(textsByPath).compose(v -> findingsOffTheEventLoop(textsByPath, by.organization()));
  }

  private static Future<Void> withinCheckLimit(Map<String, String> textsByPath) {
    long characters = textsByPath.values().stream().mapToLong(text -> text.codePointCount(0, text.length())).sum();
    if (characters > MAX_CHECKED_CHARACTERS) {
      return Future.failedFuture(new Failure(FailureKind.PAYLOAD_TOO_LARGE, "text_too_long",
          "A privacy check reads at most " + MAX_CHECKED_CHARACTERS + " characters; these texts have " + characters));
    }
    return Future.succeededFuture();
  }

  /**
   * The names public text of {@code owner}'s cases may contain, each matched as a whole: the
   * owner's registered name and every name the platform registered. Never a name typed into the
   * sheet: its {@code provider} is checked like every other field.
   */
  public Future<Set<String>> publicNames(Organization owner) {
    return registered.all().map(all -> {
      Set<String> names = ownName(owner);
      names.addAll(all);
      return names;
    });
  }

  private static Set<String> ownName(Organization owner) {
    Set<String> names = new LinkedHashSet<>();
    names.add(owner.name());
    return names;
  }

  /**
   * Moves submitted cases to {@code scheduled} when a meeting takes them up. Cases already
   * scheduled are left as they are, so a retry is harmless. The caller decides who may schedule.
   */
  public Future<List<Case>> markScheduled(List<String> caseIds, Account by) {
    return moveAll(caseIds, CaseState.SCHEDULED, by);
  }

  /** Moves scheduled cases to {@code discussed} when their meeting closes; idempotent like {@link #markScheduled}. */
  public Future<List<Case>> markDiscussed(List<String> caseIds, Account by) {
    return moveAll(caseIds, CaseState.DISCUSSED, by);
  }

  /**
   * Moves a discussed case to {@code published}; fails {@code pii_found} (422) if the sheet has PII.
   * The caller has checked that the case's meeting is closed, so a case still {@code scheduled} is
   * one whose close hook ({@link #markDiscussed}, run after the close event is acked) has not landed
   * yet: the discussed step is caught up first. If that hook saves at the same moment, the case is
   * read again once.
   */
  public Future<Case> markPublished(String caseId, Account by) {
    return markPublished(caseId, by, 1);
  }

  private Future<Case> markPublished(String caseId, Account by, int retries) {
    return found(caseId).compose(current -> {
      if (current.state() == CaseState.PUBLISHED) {
        return Future.succeededFuture(current);
      }
      Case discussed = current.state() == CaseState.SCHEDULED ? current.moved(CaseState.DISCUSSED, by, clock.instant()) : current;
      requireMove(discussed, CaseState.PUBLISHED);
      return refuseFindings(discussed.sheet(), discussed.organization())
          .compose(v -> discussed == current ? Future.succeededFuture(current) : save(discussed))
          .compose(ready -> save(ready.moved(CaseState.PUBLISHED, by, clock.instant())));
    }).recover(e -> retries > 0 && e instanceof Failure f && "edit_conflict".equals(f.code())
        ? markPublished(caseId, by, retries - 1)
        : Future.failedFuture(e));
  }

  /**
   * Fails {@code pii_found} (422) with the findings when any of the texts (by path) holds personal
   * data, for another feature's texts that become public (a meeting's messages and proposals).
   * {@code author}'s organization and the registered names are allowed; the check runs off the event loop.
   */
  public Future<Void> requireNoPersonalData(Map<String, String> textsByPath, Organization author) {
    return refused(findingsOffTheEventLoop(textsByPath, author), "The text");
  }

  /** A case by id regardless of organization, for meeting participants; fails {@code not_found}. */
  public Future<Case> findForMeeting(String caseId) {
    return found(caseId);
  }

  private Future<List<Case>> moveAll(List<String> caseIds, CaseState to, Account by) {
    List<Future<Case>> lookups = caseIds.stream().distinct().map(this::found).toList();
    return Future.all(lookups).compose(all -> {
      List<Case> cases = lookups.stream().map(Future::result).toList();
      cases.stream().filter(c -> c.state() != to).forEach(c -> requireMove(c, to));
      List<Future<Case>> moves = cases.stream()
          .map(c -> c.state() == to ? Future.succeededFuture(c) : save(c.moved(to, by, clock.instant())))
          .toList();
      return Future.all(moves).map(done -> moves.stream().map(Future::result).toList());
    });
  }

  private Future<Case> save(Case next) {
    return store.replace(next).compose(replaced -> replaced
        ? Future.succeededFuture(next)
        : Future.failedFuture(new Failure(FailureKind.CONFLICT, "edit_conflict",
            "The case changed meanwhile; reload it and try again")));
  }

  private Future<Case> found(String id) {
    return store.find(id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(Failure.notFound("Case"))));
  }

  private Future<Case> owned(String id, Account by) {
    return get(id, by).compose(c -> c.ownedBy(by)
        ? Future.succeededFuture(c)
        : Future.failedFuture(Failure.forbidden("Only the owning organization may change a case")));
  }

  private Future<List<Finding>> findingsOffTheEventLoop(CaseSheet sheet, Organization owner) {
    return findingsOffTheEventLoop(sheet.textFields(), owner);
  }

  /**
   * Allowing a name only ever takes findings away, so a text with none under the owner's name alone
   * has none under every registered name: the names are read, fresh, only for a text with findings.
   */
  private Future<List<Finding>> findingsOffTheEventLoop(Map<String, String> textsByPath, Organization owner) {
    return checks.executeBlocking(() -> findings(textsByPath, ownName(owner)), false)
        .compose(found -> found.isEmpty() ? Future.succeededFuture(found)
            : publicNames(owner).compose(names -> checks.executeBlocking(() -> findings(textsByPath, names), false)));
  }

  private List<Finding> findings(Map<String, String> textsByPath, Set<String> allowList) {
    return detector.scanAll(textsByPath, allowList).stream()
        .map(f -> new Finding(f.field(), f.start(), f.end(), f.kind().code()))
        .toList();
  }

  private static Future<Void> validated(CaseSheet sheet) {
    return Future.<Void>succeededFuture().map(v -> {
      sheet.validate();
      return null;
    });
  }

  private static void requireMove(Case current, CaseState to) {
    if (!current.state().canMoveTo(to)) {
      throw invalidState(current, "moved to " + to.code());
    }
  }

  private Future<Void> refuseFindings(CaseSheet sheet, Organization owner) {
    return refused(findingsOffTheEventLoop(sheet, owner), "The case sheet");
  }

  private static Future<Void> refused(Future<List<Finding>> findings, String what) {
    return findings.compose(found -> found.isEmpty()
        ? Future.succeededFuture()
        : Future.failedFuture(new Failure(FailureKind.UNPROCESSABLE, "pii_found",
            what + " contains personal information; remove it and try again", found)));
  }

  /** Names the case's current state in its details ({@code [{"state": "submitted"}]}) so a client can say why. */
  private static Failure invalidState(Case current, String what) {
    return new Failure(FailureKind.CONFLICT, "invalid_state",
        "A case in state " + current.state().code() + " cannot be " + what, List.of(Map.of("state", current.state().code())));
  }
}
