package nl.adreszicht.colour;

import static nl.adreszicht.colour.Records.TODAY;
import static nl.adreszicht.colour.Records.advies;
import static nl.adreszicht.colour.Records.decide;
import static nl.adreszicht.colour.Records.melding;
import static nl.adreszicht.colour.Records.police;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Count an event once": a police incident and the VT melding about it (same persons, within a day, and each the
 * other's only match) are one incident that has the worst of both; everything else stays apart.
 */
class SameEventTest {

    @Test
    void anIncidentAndItsMeldingOnTheSameDayAreOneIncident() {
        ColourDecision decision = decide(
                police("p1").persons("x", "y").build(),
                melding("m1").persons("y", "x").build());

        assertThat(decision.colour()).isEqualTo(Colour.GREEN);
        assertThat(decision.firedRules()).containsExactly(ColourRule.INCIDENT_IN_WINDOW_IS_GREEN);
        assertThat(decision.countedRecordIds()).containsExactly("m1", "p1");
    }

    @Test
    void oneDayApartIsStillOneIncident() {
        assertThat(colour(
                        police("p1").daysAgo(2).persons("x").build(),
                        melding("m1").daysAgo(1).persons("x").build()))
                .isEqualTo(Colour.GREEN);
        assertThat(colour(
                        melding("m1").daysAgo(2).persons("x").build(),
                        police("p1").daysAgo(1).persons("x").build()))
                .isEqualTo(Colour.GREEN);
    }

    @Test
    void twoDaysApartAreTwoIncidents() {
        assertThat(colour(
                        police("p1").daysAgo(2).persons("x").build(),
                        melding("m1").persons("x").build()))
                .isEqualTo(Colour.YELLOW);
    }

    @Test
    void otherPersonsMakeAnotherIncident() {
        assertThat(colour(
                        police("p1").persons("x").build(),
                        melding("m1").persons("z").build()))
                .isEqualTo(Colour.YELLOW);
    }

    @Test
    void personsMustBeTheSameNotJustOverlap() {
        assertThat(colour(
                        police("p1").persons("x", "y").build(),
                        melding("m1").persons("x").build()))
                .isEqualTo(Colour.YELLOW);
    }

    @Test
    void recordsWithoutPersonsAreNeverTheSameEvent() {
        assertThat(colour(police("p1").build(), melding("m1").build())).isEqualTo(Colour.YELLOW);
    }

    @Test
    void twoPoliceIncidentsAreNeverOneEvent() {
        assertThat(colour(
                        police("p1").persons("x").build(),
                        police("p2").persons("x").build()))
                .isEqualTo(Colour.YELLOW);
    }

    @Test
    void twoMeldingenWithoutAnIncidentAreNeverOneEvent() {
        assertThat(colour(
                        melding("m1").persons("x").build(),
                        melding("m2").persons("x").build()))
                .isEqualTo(Colour.YELLOW);
    }

    @Test
    void anAdviesIsNotMergedWithTheIncident() {
        assertThat(colour(
                        police("p1").persons("x").build(),
                        advies("a1").persons("x").build()))
                .isEqualTo(Colour.YELLOW);
    }

    @Test
    void twoMeldingenThatCouldBeAboutOneIncidentAreCountedApart() {
        ColourDecision decision = decide(
                police("p1").daysAgo(1).persons("x").build(),
                melding("m1").daysAgo(1).persons("x").build(),
                melding("m2").persons("x").build());

        assertThat(decision.colour()).isEqualTo(Colour.ORANGE);
        assertThat(decision.decidingRule()).isEqualTo(ColourRule.INCIDENT_COUNT_IS_ORANGE);
        assertThat(decision.countedRecordIds()).containsExactly("m1", "m2", "p1");
    }

    @Test
    void aMeldingThatCouldBeAboutTwoIncidentsIsCountedApart() {
        assertThat(colour(
                        police("p1").daysAgo(2).persons("x").build(),
                        melding("m1").daysAgo(1).persons("x").build(),
                        police("p2").persons("x").build()))
                .isEqualTo(Colour.ORANGE);
    }

    @Test
    void aMeldingJoinsTheOnlyIncidentItCouldBeAbout() {
        // p2 is three days from m1, so only p1 is a match, and m1 is p1's only melding.
        ColourDecision decision = decide(
                police("p1").daysAgo(4).persons("x").build(),
                melding("m1").daysAgo(3).persons("x").build(),
                police("p2").persons("x").build());

        assertThat(decision.colour()).isEqualTo(Colour.YELLOW);
        assertThat(decision.countedRecordIds()).containsExactly("m1", "p1", "p2");
    }

    @Test
    void aNewIncidentNeverJoinsMeldingenThatWereCountedApart() {
        // Found by the monotonicity property: joining both meldingen to p1 would lower yellow to green.
        ColourRecord m1 = melding("m1").persons("x").build();
        ColourRecord m2 = melding("m2").persons("x").build();

        assertThat(colour(m1, m2)).isEqualTo(Colour.YELLOW);
        assertThat(colour(m1, m2, police("p1").persons("x").build())).isEqualTo(Colour.ORANGE);
    }

    @Test
    void theMergedIncidentHasTheWorstOfBoth() {
        ColourDecision decision = decide(
                police("p1").s3().persons("x").build(),
                melding("m1").children().persons("x").build());

        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(decision.decidingRule()).isEqualTo(ColourRule.S3_WITH_CHILDREN_IS_RED);
        assertThat(decision.firedRules())
                .doesNotContain(ColourRule.INCIDENTS_WITH_AN_S3_IS_RED, ColourRule.INCIDENT_COUNT_IS_YELLOW);
    }

    @Test
    void theMergedIncidentKeepsTheFlagsOfBoth() {
        ColourDecision decision = decide(
                police("p1").huisverbodImposed().persons("x").build(),
                melding("m1").acute().persons("x").build());

        assertThat(decision.firedRules())
                .containsExactly(
                        ColourRule.ACUTE_ONVEILIGHEID_IS_RED,
                        ColourRule.HUISVERBOD_IMPOSED_IS_ORANGE,
                        ColourRule.INCIDENT_IN_WINDOW_IS_GREEN);
    }

    @Test
    void eventsDoNotDependOnTheOrderOfTheRecords() {
        ColourRecord p1 = police("p1").daysAgo(4).persons("x").build();
        ColourRecord m1 = melding("m1").daysAgo(3).persons("x").build();
        ColourRecord p2 = police("p2").persons("y").build();
        ColourRecord m2 = melding("m2").persons("y").build();

        assertThat(contributors(Event.countOnce(List.of(m2, p1, m1, p2), 1)))
                .containsExactlyInAnyOrder(List.of("p1", "m1"), List.of("p2", "m2"));
        assertThat(contributors(Event.countOnce(List.of(p2, m1, m2, p1), 1)))
                .containsExactlyInAnyOrder(List.of("p1", "m1"), List.of("p2", "m2"));
    }

    @Test
    void theDistanceComesFromTheVersion() {
        ColourRulesVersion v1 = ColourRulesVersion.v1();
        ColourPolicy sameDayOnly = new ColourPolicy(new ColourRulesVersion(
                "zelfde-dag", Period.ofMonths(12), 0, v1.incidentSources(), 2, 1, 1, 3, 2, 1, 5, 1, 2));
        List<ColourRecord> records = List.of(
                police("p1").daysAgo(1).persons("x").build(),
                melding("m1").persons("x").build());

        assertThat(sameDayOnly.decide(records, List.of(), TODAY).orElseThrow().colour())
                .isEqualTo(Colour.YELLOW);
        assertThat(Records.V1.decide(records, List.of(), TODAY).orElseThrow().colour())
                .isEqualTo(Colour.GREEN);
    }

    @Test
    void anIncidentThatLeftTheWindowNoLongerAbsorbsItsMelding() {
        // Windowing comes first: the melding inside the window is the event, counted once.
        ColourDecision decision = decide(
                police("p1").on(TODAY.minusMonths(12)).persons("x").build(),
                melding("m1").on(TODAY.minusMonths(12).plusDays(1)).persons("x").build());

        assertThat(decision.colour()).isEqualTo(Colour.GREEN);
        assertThat(decision.countedRecordIds()).containsExactly("m1");
    }

    private static Colour colour(ColourRecord... records) {
        return decide(records).colour();
    }

    private static List<List<String>> contributors(List<Event> events) {
        return events.stream()
                .map(e -> e.contributors().stream().map(ColourRecord::id).toList())
                .toList();
    }
}
