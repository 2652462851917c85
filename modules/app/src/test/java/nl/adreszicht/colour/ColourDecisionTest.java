package nl.adreszicht.colour;

import static nl.adreszicht.colour.ColourRule.INCIDENT_COUNT_IS_YELLOW;
import static nl.adreszicht.colour.ColourRule.INCIDENT_IN_WINDOW_IS_GREEN;
import static nl.adreszicht.colour.ColourRule.RAISED_BY_PROFESSIONAL_IS_RED;
import static nl.adreszicht.colour.ColourRule.S3_IS_ORANGE;
import static nl.adreszicht.colour.Records.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A decision read back from storage must explain itself as consistently as one just computed. */
class ColourDecisionTest {

    private static final ColourOverride.Lower TO_GREEN =
            new ColourOverride.Lower(Colour.GREEN, "plan", "sup-1", "vt-2", TODAY, TODAY.plusDays(30), Set.of());

    @Test
    void aConsistentDecisionIsAccepted() {
        ColourDecision decision = new ColourDecision(
                Colour.GREEN,
                "v1",
                List.of(S3_IS_ORANGE, INCIDENT_IN_WINDOW_IS_GREEN),
                List.of("p1"),
                List.of(),
                Optional.of(TO_GREEN));

        assertThat(decision.computedColour()).isEqualTo(Colour.ORANGE);
        assertThat(decision.decidingRule()).isEqualTo(S3_IS_ORANGE);
    }

    @Test
    void aDecisionNeedsARule() {
        assertThatThrownBy(() -> decision(Colour.GREY, List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRulesMustBeInTheirOrderAndDistinct() {
        assertThatThrownBy(() ->
                        decision(Colour.YELLOW, List.of(INCIDENT_IN_WINDOW_IS_GREEN, INCIDENT_COUNT_IS_YELLOW), none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decision(
                        Colour.GREEN, List.of(INCIDENT_IN_WINDOW_IS_GREEN, INCIDENT_IN_WINDOW_IS_GREEN), none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theColourMustFollowFromTheRules() {
        assertThatThrownBy(() -> decision(Colour.RED, List.of(INCIDENT_IN_WINDOW_IS_GREEN), none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoweringMustLowerAndGiveTheColour() {
        assertThatThrownBy(() -> decision(Colour.GREEN, List.of(INCIDENT_IN_WINDOW_IS_GREEN), Optional.of(TO_GREEN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decision(Colour.YELLOW, List.of(S3_IS_ORANGE), Optional.of(TO_GREEN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRaiseRuleFiresExactlyWithARaise() {
        assertThatThrownBy(() -> decision(Colour.RED, List.of(RAISED_BY_PROFESSIONAL_IS_RED), none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ColourDecision(
                        Colour.GREEN,
                        "v1",
                        List.of(INCIDENT_IN_WINDOW_IS_GREEN),
                        List.of("p1"),
                        List.of(new ColourOverride.Raise("zorgen", "vt-1", TODAY)),
                        none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ColourDecision decision(
            Colour colour, List<ColourRule> rules, Optional<ColourOverride.Lower> lowering) {
        return new ColourDecision(colour, "v1", rules, List.of("p1"), List.of(), lowering);
    }

    private static Optional<ColourOverride.Lower> none() {
        return Optional.empty();
    }
}
