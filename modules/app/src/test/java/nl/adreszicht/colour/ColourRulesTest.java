package nl.adreszicht.colour;

import static nl.adreszicht.colour.ColourRule.ACUTE_ONVEILIGHEID_IS_RED;
import static nl.adreszicht.colour.ColourRule.CHILDREN_PRESENT_IS_YELLOW;
import static nl.adreszicht.colour.ColourRule.HISTORY_OUTSIDE_WINDOW_IS_GREY;
import static nl.adreszicht.colour.ColourRule.HUISVERBOD_BROKEN_IS_RED;
import static nl.adreszicht.colour.ColourRule.HUISVERBOD_IMPOSED_IS_ORANGE;
import static nl.adreszicht.colour.ColourRule.INCIDENTS_WITH_AN_S3_IS_RED;
import static nl.adreszicht.colour.ColourRule.INCIDENTS_WITH_CHILDREN_IS_ORANGE;
import static nl.adreszicht.colour.ColourRule.INCIDENT_COUNT_IS_ORANGE;
import static nl.adreszicht.colour.ColourRule.INCIDENT_COUNT_IS_RED;
import static nl.adreszicht.colour.ColourRule.INCIDENT_COUNT_IS_YELLOW;
import static nl.adreszicht.colour.ColourRule.INCIDENT_IN_WINDOW_IS_GREEN;
import static nl.adreszicht.colour.ColourRule.S2_IS_YELLOW;
import static nl.adreszicht.colour.ColourRule.S3_IS_ORANGE;
import static nl.adreszicht.colour.ColourRule.S3_WITH_CHILDREN_IS_RED;
import static nl.adreszicht.colour.Records.TODAY;
import static nl.adreszicht.colour.Records.advies;
import static nl.adreszicht.colour.Records.decide;
import static nl.adreszicht.colour.Records.decideOn;
import static nl.adreszicht.colour.Records.huisverbod;
import static nl.adreszicht.colour.Records.melding;
import static nl.adreszicht.colour.Records.police;
import static nl.adreszicht.colour.Records.signaal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every rule of the v1 table, with the case just below its threshold. */
class ColourRulesTest {

    @Test
    void anAddressWithoutHistoryHasNoColour() {
        assertThat(decideOn(TODAY)).isEmpty();
    }

    // GREEN

    @Test
    void oneS1IncidentWithoutChildrenIsGreen() {
        ColourDecision decision = decide(police("p1").build());

        assertThat(decision.colour()).isEqualTo(Colour.GREEN);
        assertThat(decision.firedRules()).containsExactly(INCIDENT_IN_WINDOW_IS_GREEN);
        assertThat(decision.countedRecordIds()).containsExactly("p1");
    }

    @Test
    void everySourceExceptHuisverbodCountsAsAnIncident() {
        assertThat(decide(melding("m1").build()).colour()).isEqualTo(Colour.GREEN);
        assertThat(decide(advies("a1").build()).colour()).isEqualTo(Colour.GREEN);
        assertThat(decide(signaal("g1").build()).colour()).isEqualTo(Colour.GREEN);
    }

    // YELLOW

    @Test
    void twoIncidentsAreYellow() {
        ColourDecision decision =
                decide(police("p1").daysAgo(30).build(), signaal("g1").build());

        assertThat(decision.colour()).isEqualTo(Colour.YELLOW);
        assertThat(decision.decidingRule()).isEqualTo(INCIDENT_COUNT_IS_YELLOW);
        assertThat(decision.firedRules()).containsExactly(INCIDENT_COUNT_IS_YELLOW, INCIDENT_IN_WINDOW_IS_GREEN);
    }

    @Test
    void oneIncidentAtS2IsYellow() {
        ColourDecision decision = decide(police("p1").s2().build());

        assertThat(decision.colour()).isEqualTo(Colour.YELLOW);
        assertThat(decision.firedRules()).containsExactly(S2_IS_YELLOW, INCIDENT_IN_WINDOW_IS_GREEN);
    }

    @Test
    void oneIncidentWithChildrenPresentIsYellow() {
        ColourDecision decision = decide(police("p1").children().build());

        assertThat(decision.colour()).isEqualTo(Colour.YELLOW);
        assertThat(decision.firedRules()).containsExactly(CHILDREN_PRESENT_IS_YELLOW, INCIDENT_IN_WINDOW_IS_GREEN);
    }

    // ORANGE

    @Test
    void threeIncidentsAreOrange() {
        ColourDecision decision = decide(
                police("p1").daysAgo(60).build(),
                police("p2").daysAgo(30).build(),
                police("p3").build());

        assertThat(decision.colour()).isEqualTo(Colour.ORANGE);
        assertThat(decision.firedRules())
                .containsExactly(INCIDENT_COUNT_IS_ORANGE, INCIDENT_COUNT_IS_YELLOW, INCIDENT_IN_WINDOW_IS_GREEN);
    }

    @Test
    void twoIncidentsWithChildrenAreOrange() {
        ColourDecision decision = decide(
                police("p1").daysAgo(30).children().build(),
                police("p2").children().build());

        assertThat(decision.colour()).isEqualTo(Colour.ORANGE);
        assertThat(decision.decidingRule()).isEqualTo(INCIDENTS_WITH_CHILDREN_IS_ORANGE);
    }

    @Test
    void twoIncidentsOfWhichOneWithChildrenAreYellow() {
        ColourDecision decision =
                decide(police("p1").daysAgo(30).children().build(), police("p2").build());

        assertThat(decision.colour()).isEqualTo(Colour.YELLOW);
        assertThat(decision.firedRules()).doesNotContain(INCIDENTS_WITH_CHILDREN_IS_ORANGE);
    }

    @Test
    void anyS3IsOrange() {
        ColourDecision decision = decide(police("p1").s3().build());

        assertThat(decision.colour()).isEqualTo(Colour.ORANGE);
        assertThat(decision.firedRules()).containsExactly(S3_IS_ORANGE, S2_IS_YELLOW, INCIDENT_IN_WINDOW_IS_GREEN);
    }

    @Test
    void aHuisverbodImposedIsOrangeWithoutCountingAsAnIncident() {
        ColourDecision decision = decide(huisverbod("h1").huisverbodImposed().build());

        assertThat(decision.colour()).isEqualTo(Colour.ORANGE);
        assertThat(decision.firedRules()).containsExactly(HUISVERBOD_IMPOSED_IS_ORANGE);
        assertThat(decision.countedRecordIds()).containsExactly("h1");
    }

    @Test
    void aHuisverbodNextToItsIncidentIsNotASecondIncident() {
        ColourDecision decision = decide(
                police("p1").huisverbodImposed().build(),
                huisverbod("h1").huisverbodImposed().build());

        assertThat(decision.firedRules()).containsExactly(HUISVERBOD_IMPOSED_IS_ORANGE, INCIDENT_IN_WINDOW_IS_GREEN);
        assertThat(decision.countedRecordIds()).containsExactly("h1", "p1");
    }

    @Test
    void aHuisverbodImposedOnAnIncidentIsOrange() {
        assertThat(decide(police("p1").huisverbodImposed().build()).colour()).isEqualTo(Colour.ORANGE);
    }

    @Test
    void aRecordThatNeitherCountsNorFlagsLeavesTheAddressGrey() {
        ColourDecision decision = decide(huisverbod("h1").s3().children().build());

        assertThat(decision.colour()).isEqualTo(Colour.GREY);
        assertThat(decision.firedRules()).containsExactly(HISTORY_OUTSIDE_WINDOW_IS_GREY);
        assertThat(decision.countedRecordIds()).isEmpty();
    }

    // RED

    @Test
    void fiveIncidentsAreRed() {
        ColourDecision decision = decide(incidents(5));

        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(decision.decidingRule()).isEqualTo(INCIDENT_COUNT_IS_RED);
        assertThat(decision.countedRecordIds()).hasSize(5);
    }

    @Test
    void fourIncidentsAreOrange() {
        ColourDecision decision = decide(incidents(4));

        assertThat(decision.colour()).isEqualTo(Colour.ORANGE);
        assertThat(decision.decidingRule()).isEqualTo(INCIDENT_COUNT_IS_ORANGE);
    }

    @Test
    void anS3WithChildrenPresentIsRed() {
        ColourDecision decision = decide(police("p1").s3().children().build());

        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(decision.firedRules())
                .containsExactly(
                        S3_WITH_CHILDREN_IS_RED,
                        S3_IS_ORANGE,
                        S2_IS_YELLOW,
                        CHILDREN_PRESENT_IS_YELLOW,
                        INCIDENT_IN_WINDOW_IS_GREEN);
    }

    @Test
    void twoIncidentsOfWhichOneS3AreRed() {
        ColourDecision decision =
                decide(police("p1").daysAgo(100).build(), signaal("g1").s3().build());

        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(decision.decidingRule()).isEqualTo(INCIDENTS_WITH_AN_S3_IS_RED);
    }

    @Test
    void twoIncidentsAtS2AreOnlyYellow() {
        ColourDecision decision =
                decide(police("p1").daysAgo(100).s2().build(), police("p2").s2().build());

        assertThat(decision.colour()).isEqualTo(Colour.YELLOW);
    }

    @Test
    void acuteOnveiligheidIsRed() {
        ColourDecision decision = decide(melding("m1").acute().build());

        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(decision.firedRules()).containsExactly(ACUTE_ONVEILIGHEID_IS_RED, INCIDENT_IN_WINDOW_IS_GREEN);
    }

    @Test
    void aBrokenHuisverbodIsRed() {
        ColourDecision decision = decide(huisverbod("h1").huisverbodBroken().build());

        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(decision.firedRules()).containsExactly(HUISVERBOD_BROKEN_IS_RED);
    }

    // The rules together

    @Test
    void theHighestMatchingRuleWinsAndEveryMatchIsListed() {
        ColourDecision decision = decide(
                police("p1").daysAgo(200).children().build(),
                police("p2").daysAgo(100).s2().children().huisverbodImposed().build(),
                melding("m1").daysAgo(50).build());

        assertThat(decision.colour()).isEqualTo(Colour.ORANGE);
        assertThat(decision.decidingRule()).isEqualTo(INCIDENT_COUNT_IS_ORANGE);
        assertThat(decision.firedRules())
                .containsExactly(
                        INCIDENT_COUNT_IS_ORANGE,
                        INCIDENTS_WITH_CHILDREN_IS_ORANGE,
                        HUISVERBOD_IMPOSED_IS_ORANGE,
                        INCIDENT_COUNT_IS_YELLOW,
                        S2_IS_YELLOW,
                        CHILDREN_PRESENT_IS_YELLOW,
                        INCIDENT_IN_WINDOW_IS_GREEN);
        assertThat(decision.countedRecordIds()).containsExactly("m1", "p1", "p2");
    }

    @Test
    void everyRedRuleCanFireAtOnce() {
        ColourDecision decision = Records.decide(
                        List.of(
                                police("p1")
                                        .s3()
                                        .children()
                                        .acute()
                                        .huisverbodBroken()
                                        .build(),
                                police("p2").daysAgo(1).build(),
                                police("p3").daysAgo(2).build(),
                                police("p4").daysAgo(3).build(),
                                police("p5").daysAgo(4).build()),
                        List.of(new ColourOverride.Raise("zorgen van de wijkagent", "u1", TODAY)))
                .orElseThrow();

        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(decision.firedRules())
                .containsAll(Arrays.stream(ColourRule.values())
                        .filter(r -> r.colour() == Colour.RED)
                        .toList());
        assertThat(decision.decidingRule()).isEqualTo(INCIDENT_COUNT_IS_RED);
    }

    @Test
    void rulesAreDeclaredFromTheHighestColourDown() {
        assertThat(Arrays.stream(ColourRule.values()).map(ColourRule::colour).toList())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void everyColourHasARule() {
        assertThat(Arrays.stream(ColourRule.values()).map(ColourRule::colour).distinct())
                .containsExactlyInAnyOrder(Colour.values());
    }

    @Test
    void twoRecordsWithOneIdAreRefused() {
        assertThatThrownBy(() -> decide(police("p1").build(), melding("p1").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p1");
    }

    private static ColourRecord[] incidents(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> police("p" + i).daysAgo(10 * i).build())
                .toArray(ColourRecord[]::new);
    }
}
