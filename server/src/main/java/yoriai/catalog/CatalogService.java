package yoriai.catalog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import yoriai.account.Account;
import yoriai.account.Permission;
import yoriai.catalog.CatalogQuery.Criteria;
import yoriai.shared.Failure;
import yoriai.shared.FieldProblem;
import yoriai.shared.Ids;
import yoriai.shared.LastChange;
import yoriai.shared.Prefectures;
import yoriai.shared.Validator;
import yoriai.storage.Storage;

/**
 * The market-service catalog (PRODUCT §6): organizations register services, anyone lists and
 * reads them, and published cases feed the proposed/adopted counts. Independent of HTTP.
 */
public final class CatalogService {
  static final String CHANGED_ADDRESS = "yoriai.catalog.changed";
  /** Header naming the node that changed a service: it has reindexed already and skips its own message. */
  private static final String CHANGED_BY = "changedBy";
  private static final System.Logger LOG = System.getLogger(CatalogService.class.getName());

  private final Vertx vertx;
  private final CatalogStore store;
  private final CatalogIndex index;
  private final Clock clock;
  private final String node = Ids.newId();
  private Future<Void> lastReindex = Future.succeededFuture();

  private CatalogService(Vertx vertx, CatalogStore store, CatalogIndex index, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.index = index;
    this.clock = clock;
  }

  /**
   * Opens the store and builds the search index from it; every node then keeps its index in step
   * through the event bus, whichever node changed a service.
   */
  public static Future<CatalogService> create(Vertx vertx, Storage storage, Clock clock) {
    return MongoCatalogStore.create(storage).compose(store -> create(vertx, store, clock));
  }

  static Future<CatalogService> create(Vertx vertx, CatalogStore store, Clock clock) {
    return vertx.executeBlocking(CatalogIndex::new).map(index -> new CatalogService(vertx, store, index, clock))
        .compose(service -> service.store.find(everything(), 0, 0)
            .compose(all -> service.vertx.executeBlocking(() -> {
              service.index.rebuild(all);
              return service;
            })))
        .onSuccess(service -> vertx.eventBus().<String>consumer(CHANGED_ADDRESS, message -> {
          if (!service.node.equals(message.headers().get(CHANGED_BY))) {
            service.reindex(message.body());
          }
        }));
  }

  /** The categories a service may have, in the catalog's order. */
  public static List<String> categories() {
    return Categories.NAMES;
  }

  /** Registers a service owned by the actor's organization. The caller has checked {@link Permission#REGISTER_SERVICES}. */
  public Future<Service> register(Account actor, ServiceDraft draft) {
    draft.validate();
    Instant now = clock.instant();
    StoredService stored = StoredService.of(Ids.newId(), draft, actor.organization(), actor.id(), now, now);
    return store.insert(stored).compose(v -> changed(stored.id())).map(v -> stored.service(Usage.NONE));
  }

  /** Replaces what the owner may set; {@code forbidden} unless the actor's organization owns it or may manage any. */
  public Future<Service> update(Account actor, String id, ServiceDraft draft) {
    draft.validate();
    return owned(actor, id).compose(existing -> {
      StoredService updated = StoredService.of(id, draft, existing.ownerOrganization(), existing.createdBy(),
          existing.createdAt(), clock.instant());
      return store.replace(updated).compose(replaced -> replaced
          ? changed(id).compose(v -> withUsage(List.of(updated))).map(services -> services.get(0))
          : Future.failedFuture(Failure.notFound("Service")));
    });
  }

  public Future<Void> delete(Account actor, String id) {
    return owned(actor, id).compose(existing -> store.delete(id)).compose(v -> changed(id));
  }

  /** The service with its usage counts; empty when there is none (e.g. to check a proposal's {@code serviceId}). */
  public Future<Optional<Service>> find(String id) {
    return store.findById(id).compose(found -> found.isEmpty()
        ? Future.succeededFuture(Optional.empty())
        : withUsage(List.of(found.get())).map(services -> Optional.of(services.get(0))));
  }

  /** Lists services newest first, or best match first when {@code q} is given. */
  public Future<CatalogPage> list(CatalogQuery query) {
    Criteria criteria = query.criteria();
    int page = query.pageOrDefault();
    int size = query.sizeOrDefault();
    int skip = (page - 1) * size;
    if (criteria.q() == null) {
      return store.count(criteria).compose(total -> store.find(criteria, skip, size)
          .compose(this::withUsage)
          .map(services -> new CatalogPage(total, services, page, size)));
    }
    // The filters narrow in MongoDB, the words score in the index; fine while the catalog has thousands, not millions.
    Future<Map<String, Float>> scores = vertx.executeBlocking(() -> index.scores(criteria.q()), false);
    return Future.all(store.find(criteria, 0, 0), scores).compose(both -> {
      List<StoredService> candidates = both.resultAt(0);
      Map<String, Float> score = both.resultAt(1);
      List<Scored> matches = candidates.stream()
          .filter(stored -> score.containsKey(stored.id()))
          .map(stored -> new Scored(stored, score.get(stored.id())))
          .sorted(Comparator.comparingDouble(Scored::score).reversed())
          .toList();
      List<StoredService> slice = matches.stream().skip(skip).limit(size).map(Scored::stored).toList();
      return withUsage(slice).map(services -> new CatalogPage(matches.size(), services, page, size));
    });
  }

  /** The services of {@code actor}'s organization, newest first, with in how many published cases each was proposed and adopted. */
  public Future<List<Service>> ofOrganization(Account actor) {
    return store.find(everything(), 0, 0).compose(all -> withUsage(all.stream()
        .filter(stored -> stored.ownedBy(actor.organization()))
        .toList()));
  }

  private static Criteria everything() {
    return new CatalogQuery(null, null, null, null, null, null).criteria();
  }

  /** Every service's id and last change, newest first: the sitemap. */
  public Future<List<LastChange>> lastChanges() {
    return store.find(everything(), 0, 0).map(all -> all.stream()
        .map(stored -> new LastChange(stored.id(), stored.updatedAt() == null ? stored.createdAt() : stored.updatedAt())).toList());
  }

  /** Which category serves which prefecture (by name), as {@code category|prefecture}, for the needs gap report. */
  public Future<Set<String>> coverage() {
    return store.find(everything(), 0, 0).map(all -> {
      Set<String> covered = new java.util.HashSet<>();
      for (StoredService stored : all) {
        Service service = stored.service(Usage.NONE);
        for (Area area : service.areas()) {
          Prefectures.nameOf(area.prefectureCode()).ifPresent(name -> covered.add(service.category() + "|" + name));
        }
      }
      return covered;
    });
  }

  /**
   * Records which catalog services a published case proposed and adopted. Calling it again for the
   * same case replaces the earlier record, so counts never double.
   */
  public Future<Void> recordPublishedCase(String caseId, Set<String> proposedServiceIds, Set<String> adoptedServiceIds) {
    List<FieldProblem> problems = new Validator()
        .text("caseId", caseId, 1, 200)
        .required("proposedServiceIds", proposedServiceIds)
        .required("adoptedServiceIds", adoptedServiceIds)
        .problems();
    if (!problems.isEmpty()) {
      return Future.failedFuture(Failure.invalid("The published case cannot be recorded", problems));
    }
    return store.replaceUsage(caseId, Set.copyOf(proposedServiceIds), Set.copyOf(adoptedServiceIds));
  }

  /**
   * Brings this node's index up to date, then tells every other node to. The store has the change
   * by now, so an index that fails is logged, never the request's failure: a retry would store it twice.
   */
  private Future<Void> changed(String id) {
    return reindex(id)
        .onComplete(v -> vertx.eventBus().publish(CHANGED_ADDRESS, id, new DeliveryOptions().addHeader(CHANGED_BY, node)))
        .otherwiseEmpty();
  }

  /**
   * One reindex at a time, each reading the store after the one before it was applied: two changes
   * of one service in the same moment cannot leave the older text searchable. A failure is logged
   * here and leaves the service's old text searchable until its next change or the next start.
   */
  private synchronized Future<Void> reindex(String id) {
    Future<Void> next = lastReindex.transform(ignored -> indexFromStore(id))
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "catalog service " + id + " not reindexed here", e));
    lastReindex = next;
    return next;
  }

  private Future<Void> indexFromStore(String id) {
    return store.findById(id).compose(found -> vertx.executeBlocking(() -> {
      if (found.isPresent()) {
        index.put(found.get());
      } else {
        index.remove(id);
      }
      return null;
    }));
  }

  private Future<StoredService> owned(Account actor, String id) {
    return store.findById(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(Failure.notFound("Service"));
      }
      if (!actor.may(Permission.MANAGE_ANY_SERVICE) && !found.get().ownedBy(actor.organization())) {
        return Future.failedFuture(Failure.forbidden("Only the organization that registered this service may change it"));
      }
      return Future.succeededFuture(found.get());
    });
  }

  private Future<List<Service>> withUsage(List<StoredService> stored) {
    if (stored.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return store.usage(stored.stream().map(StoredService::id).toList()).map(usage -> stored.stream()
        .map(s -> s.service(usage.getOrDefault(s.id(), Usage.NONE)))
        .toList());
  }

  private record Scored(StoredService stored, double score) {}
}
