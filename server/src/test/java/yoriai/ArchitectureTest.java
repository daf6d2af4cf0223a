package yoriai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the import rules of docs/architecture.md true: transport → feature → shared, never back. */
class ArchitectureTest {
  private static final String[] FEATURES = {
      "yoriai.account..", "yoriai.casefile..", "yoriai.meeting..", "yoriai.privacy..",
      "yoriai.archive..", "yoriai.catalog..", "yoriai.insight..", "yoriai.mail..", "yoriai.notification.."};
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("yoriai");
  }

  @Test
  void shared_imports_nothing_of_ours() {
    noClasses().that().resideInAPackage("yoriai.shared..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .orShould().dependOnClassesThat().resideInAnyPackage(
            "yoriai.http..", "yoriai.ws..", "yoriai.app..", "yoriai.storage..", "yoriai.cluster..")
        .check(production);
  }

  @Test
  void features_never_reach_back_into_transport_or_wiring() {
    noClasses().that().resideInAnyPackage(FEATURES)
        .should().dependOnClassesThat().resideInAnyPackage("yoriai.http..", "yoriai.ws..", "yoriai.app..", "yoriai.cluster..")
        .allowEmptyShould(true)
        .check(production);
  }

  @Test
  void storage_knows_no_feature_and_no_transport() {
    noClasses().that().resideInAPackage("yoriai.storage..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .orShould().dependOnClassesThat().resideInAnyPackage("yoriai.http..", "yoriai.ws..", "yoriai.app..")
        .check(production);
  }

  @Test
  void nothing_imports_the_wiring() {
    noClasses().that().resideOutsideOfPackage("yoriai.app..")
        .should().dependOnClassesThat().resideInAPackage("yoriai.app..")
        .check(production);
  }

  @Test
  void the_public_pages_render_and_leave_parsing_and_services_to_the_routes() {
    noClasses().that().resideInAPackage("yoriai.http.pages..")
        .should().dependOnClassesThat().resideInAPackage("yoriai.http")
        .orShould().dependOnClassesThat().haveNameMatching("yoriai\\.(archive\\.Archive|catalog\\.Catalog|insight\\.Insight)Service")
        .check(production);
  }

  @Test
  void privacy_detection_is_pure_with_no_io_framework() {
    noClasses().that().resideInAPackage("yoriai.privacy..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.mongodb..", "yoriai.storage..")
        .allowEmptyShould(true)
        .check(production);
  }
}
