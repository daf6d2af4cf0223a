package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import yoriai.shared.Failure;
import yoriai.shared.FieldProblem;
import yoriai.shared.Ids;
import yoriai.shared.Validator;

/** Stores a new account after checking it: an admin's, a sign-up's, the first admin's. */
final class Registration {
  private final Vertx vertx;
  private final AccountStore store;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Clock clock;

  Registration(Vertx vertx, AccountStore store, PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.hasher = hasher;
    this.policy = policy;
    this.clock = clock;
  }

  /** Checks and stores; fails {@code email_taken} on a used email. */
  Future<Account> register(NewAccount request, AccountState state) {
    return check(request, new Validator()).compose(valid -> insert(request, state));
  }

  /** Refuses with every problem, {@code problems} (found by the caller) included. */
  Future<Void> check(NewAccount request, Validator problems) {
    return vertx.executeBlocking(() -> {
      request.validate(policy, problems);
      return null;
    }, false);
  }

  /** Stores a request {@link #check} passed, as an admin's act; fails {@code email_taken} on a used email. */
  Future<Account> insert(NewAccount request, AccountState state) {
    return insert(request, state, false);
  }

  /** Stores a sign-up {@link #check} passed, {@code unconfirmed}; fails {@code email_taken} on a used email. */
  Future<Account> insertSignUp(NewAccount request) {
    return insert(request, AccountState.UNCONFIRMED, true);
  }

  private Future<Account> insert(NewAccount request, AccountState state, boolean signedUp) {
    return organization(request.organization()).compose(organization ->
        vertx.executeBlocking(() -> request.password() == null ? null : hasher.hash(request.password()), false)
            .compose(hash -> {
              StoredAccount stored = new StoredAccount(Ids.newId(), request.normalizedEmail(), hash,
                  request.displayName().strip(), request.role(), organization, request.profession(), clock.instant(),
                  null, null, state, signedUp ? Boolean.TRUE : null);
              return store.insert(stored).map(v -> stored.account());
            }));
  }

  /**
   * Without an id, a new organization; with one, the existing organization it names, whose name,
   * kind and prefecture the request must repeat (so a typo in the id cannot file someone elsewhere).
   */
  private Future<Organization> organization(Organization requested) {
    if (requested.id() == null) {
      return Future.succeededFuture(requested.withId(Ids.newId()));
    }
    return store.findOrganization(requested.id()).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(Failure.invalid("organization.id names no organization",
            List.of(new FieldProblem("organization.id", "no such organization"))));
      }
      Organization existing = found.get();
      if (!existing.name().equals(requested.name()) || existing.kind() != requested.kind()
          || !existing.prefecture().equals(requested.prefecture())) {
        String problem = "is " + existing.name() + " (" + existing.kind().code() + ", "
            + existing.prefecture() + ")";
        return Future.failedFuture(Failure.invalid("organization.id " + problem,
            List.of(new FieldProblem("organization.id", problem))));
      }
      return Future.succeededFuture(existing);
    });
  }
}
