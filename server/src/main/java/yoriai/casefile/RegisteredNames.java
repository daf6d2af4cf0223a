package yoriai.casefile;

import io.vertx.core.Future;
import java.util.Set;

/**
 * Names the platform itself registered: every organization's, each entered by an admin. They are
 * public by definition, so a finding wholly inside one of them is not
 * personal data. Text typed into a case sheet never becomes such a name.
 */
public interface RegisteredNames {
  Future<Set<String>> all();
}
