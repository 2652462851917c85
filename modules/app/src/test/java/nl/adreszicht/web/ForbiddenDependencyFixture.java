package nl.adreszicht.web;

import nl.adreszicht.colour.ColourEscalations;

/**
 * A deliberate wrong import, for {@code ModularityTest} only: the shell ({@code web}) may use {@code records} and
 * {@code security}, not the colour code. No cycle arises ({@code colour} does not use {@code web}), so only the declared
 * dependencies can catch it. It lives in the test sources, which are not part of the application and which the real
 * verification does not read.
 */
class ForbiddenDependencyFixture {

    private final ColourEscalations escalations;

    ForbiddenDependencyFixture(ColourEscalations escalations) {
        this.escalations = escalations;
    }

    ColourEscalations escalations() {
        return escalations;
    }
}
