package yoriai.notification;

import java.util.List;
import yoriai.shared.Ids;
import yoriai.shared.Nullable;
import yoriai.shared.Validator;

/** {@code POST /api/v1/notifications/read}: some entries by id, or {@code all}; exactly one of the two. */
public record ReadRequest(@Nullable List<String> ids, @Nullable Boolean all) {
  static final int MAX_IDS = 100;

  void validate() {
    boolean some = ids != null;
    boolean every = Boolean.TRUE.equals(all);
    Validator v = new Validator()
        .check(some != every, some ? "all" : "ids", some ? "must not be sent with ids" : "required (or all: true)")
        .check(all == null || all, "all", "must be true when sent");
    if (some) {
      v.check(!ids.isEmpty() && ids.size() <= MAX_IDS, "ids", "from 1 to " + MAX_IDS + " ids");
      for (int i = 0; i < ids.size(); i++) {
        v.check(ids.get(i) != null && Ids.isWellFormed(ids.get(i)), "ids[" + i + "]", "must be a notification id");
      }
    }
    v.orThrow();
  }
}
