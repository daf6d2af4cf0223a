package yoriai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import yoriai.account.Organization;
import yoriai.account.OrganizationKind;

/** Ownership is by organization id; services and accounts stored before ids keep their owners. */
class ServiceOwnershipTest {
  private static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");
  /** As stored before organizations had ids: name, kind and prefecture only. */
  private static final Organization STORED_WITHOUT_ID = new Organization(null, "株式会社たかさき商店", OrganizationKind.COMPANY, "群馬県");

  private static StoredService ownedBy(Organization owner) {
    return new StoredService("service-1", "配食たかさき", "株式会社たかさき商店", "配食", null,
        List.of(new Area("10", "10202", "高崎市")), null, null, null, owner, "account-1", NOW, NOW, List.of());
  }

  @Test
  void a_service_stored_before_ids_still_belongs_to_the_accounts_stored_before_ids_with_that_name_and_prefecture() {
    StoredService legacy = ownedBy(STORED_WITHOUT_ID);

    assertThat(legacy.ownedBy(STORED_WITHOUT_ID.identified())).isTrue();
    assertThat(legacy.service(Usage.NONE).ownerOrganization().id()).isEqualTo(STORED_WITHOUT_ID.identified().id());
  }

  @Test
  void a_new_organization_with_the_same_name_kind_and_prefecture_owns_neither_old_nor_new_services() {
    Organization original = new Organization("0b7c3c1e-3d55-4c3a-9f0e-6f1f8a9d2a10", "株式会社たかさき商店",
        OrganizationKind.COMPANY, "群馬県");
    Organization lookAlike = new Organization("5f0d2a77-8a4e-4d7b-b2a1-0c9e3e6b7f42", "株式会社たかさき商店",
        OrganizationKind.COMPANY, "群馬県");

    assertThat(ownedBy(STORED_WITHOUT_ID).ownedBy(lookAlike)).isFalse();
    assertThat(ownedBy(original).ownedBy(lookAlike)).isFalse();
    assertThat(ownedBy(original).ownedBy(original)).isTrue();
  }
}
