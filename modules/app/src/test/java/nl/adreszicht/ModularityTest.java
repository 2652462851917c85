package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Fails the build when a feature module uses a module its {@code package-info.java} does not allow, reaches into
 * another module's internals, or modules form a cycle.
 */
class ModularityTest {

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(AdreszichtApplication.class).verify();
    }

    /**
     * The declared dependencies are enforced, not only cycles: the application plus one class of {@code web} that uses
     * the colour code ({@code web/ForbiddenDependencyFixture} in the test sources) is refused, naming both modules.
     */
    @Test
    void aDependencyNobodyDeclaredFailsTheVerification() {
        ImportOption theApplicationAndTheFixture = location -> !location.contains("/test-classes/")
                || location.contains("/nl/adreszicht/web/ForbiddenDependencyFixture");

        Violations violations = ApplicationModules.of(AdreszichtApplication.class, theApplicationAndTheFixture)
                .detectViolations();

        assertThat(violations.getMessages())
                .singleElement()
                .asString()
                .contains("Module 'web' depends on module 'colour' via")
                .contains("nl.adreszicht.web.ForbiddenDependencyFixture -> nl.adreszicht.colour.ColourEscalations")
                .contains("Allowed targets: records, security");
    }
}
