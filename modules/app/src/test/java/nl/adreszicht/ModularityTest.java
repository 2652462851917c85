package nl.adreszicht;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build when a feature module reaches into another module's internals or modules form a cycle. */
class ModularityTest {

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(AdreszichtApplication.class).verify();
    }
}
