package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Fails the build when a feature module uses a module its {@code package-info.java} does not allow, reaches into
 * another module's internals, or modules form a cycle.
 */
class ModularityTest {

    /**
     * The one package under {@code nl.adreszicht} that is no module of this application: the embedded PostgreSQL and
     * Keycloak of the local run are a Maven module of their own, on which the application depends, so Maven already
     * keeps them from using any of its modules.
     */
    private static final String LOCAL_STACK = "localstack";

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(AdreszichtApplication.class).verify();
    }

    /** A module without {@code allowedDependencies} may use anything; so a new module has to say what it may use. */
    @Test
    void everyModuleDeclaresWhatItMayUse() {
        assertThat(ApplicationModules.of(AdreszichtApplication.class).stream()
                        .filter(module -> !module.getIdentifier().toString().equals(LOCAL_STACK))
                        .filter(module -> allowedDependencies(module).isEmpty())
                        .map(module -> module.getIdentifier().toString()))
                .as("modules whose package-info.java has no @ApplicationModule(allowedDependencies = ...)")
                .isEmpty();
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

    /** What the module's {@code package-info.java} allows it to use; empty when it does not say (anything goes). */
    static Optional<Set<String>> allowedDependencies(ApplicationModule module) {
        try {
            Class<?> packageInfo = Class.forName(module.getBasePackage().getName() + ".package-info");
            org.springframework.modulith.ApplicationModule declared =
                    packageInfo.getAnnotation(org.springframework.modulith.ApplicationModule.class);
            if (declared == null
                    || Set.of(declared.allowedDependencies())
                            .contains(org.springframework.modulith.ApplicationModule.OPEN_TOKEN)) {
                return Optional.empty();
            }
            return Optional.of(new TreeSet<>(Set.of(declared.allowedDependencies())));
        } catch (ClassNotFoundException noPackageInfo) {
            return Optional.empty();
        }
    }
}
