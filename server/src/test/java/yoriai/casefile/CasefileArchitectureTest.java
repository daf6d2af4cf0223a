package yoriai.casefile;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CasefileArchitectureTest {
  @Test
  void the_casefile_feature_never_reaches_back_into_the_transport_or_the_app() {
    noClasses().that().resideInAPackage("yoriai.casefile..")
        .should().dependOnClassesThat().resideInAnyPackage("yoriai.http..", "yoriai.ws..", "yoriai.app..")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("yoriai"));
  }
}
