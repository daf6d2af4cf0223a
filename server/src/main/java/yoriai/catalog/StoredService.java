package yoriai.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import yoriai.account.Organization;

/**
 * A service as kept in MongoDB. {@code coverage} is derived from the areas so that one indexed
 * array answers both filters: {@code in:PP} for every area in prefecture PP, {@code all:PP} for a
 * whole prefecture and {@code m:MMMMM} for one municipality.
 */
record StoredService(
    @JsonProperty("_id") String id,
    String name,
    String provider,
    String category,
    String description,
    List<Area> areas,
    String price,
    String howToUse,
    String contactUrl,
    Organization ownerOrganization,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    List<String> coverage) {

  static StoredService of(String id, ServiceDraft draft, Organization owner, String createdBy,
      Instant createdAt, Instant updatedAt) {
    String provider = draft.provider() == null || draft.provider().isBlank() ? owner.name() : draft.provider().strip();
    return new StoredService(id, draft.name().strip(), provider, draft.category(), draft.description(),
        List.copyOf(draft.areas()), draft.price(), draft.howToUse(), draft.contactUrl(), owner, createdBy,
        createdAt, updatedAt, coverage(draft.areas()));
  }

  static String inPrefecture(String prefectureCode) {
    return "in:" + prefectureCode;
  }

  static String wholePrefecture(String prefectureCode) {
    return "all:" + prefectureCode;
  }

  static String municipality(String municipalityKey) {
    return "m:" + municipalityKey;
  }

  private static List<String> coverage(List<Area> areas) {
    Set<String> keys = new LinkedHashSet<>();
    for (Area area : areas) {
      keys.add(inPrefecture(area.prefectureCode()));
      keys.add(area.wholePrefecture() ? wholePrefecture(area.prefectureCode()) : municipality(area.municipalityKey()));
    }
    return List.copyOf(keys);
  }

  /** The public view: the owning organization, never the account that registered it. */
  Service service(Usage usage) {
    return new Service(id, name, provider, category, description, areas, price, howToUse, contactUrl,
        ownerOrganization.identified(), createdAt, updatedAt, usage.proposed(), usage.adopted());
  }

  /** Services belong to an organization by its id; one stored before ids has its legacy id. */
  boolean ownedBy(Organization organization) {
    return ownerOrganization.sameAs(organization);
  }
}
