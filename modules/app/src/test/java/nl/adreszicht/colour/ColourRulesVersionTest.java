package nl.adreszicht.colour;

import static nl.adreszicht.colour.Records.TODAY;
import static nl.adreszicht.colour.Records.police;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import nl.adreszicht.records.RecordSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Version 1 is domain.md's table, and no version can be built whose thresholds contradict the colours. */
class ColourRulesVersionTest {

    @Test
    void versionOneIsTheTableOfTheDomain() {
        ColourRulesVersion v1 = ColourRulesVersion.v1();

        assertThat(v1.id()).isEqualTo("v1");
        assertThat(v1.window()).isEqualTo(Period.ofMonths(12)); // rolling 12 months, the MARAC convention
        assertThat(v1.sameEventDays()).isEqualTo(1); // same day ±1
        assertThat(v1.incidentSources())
                .containsExactlyInAnyOrder(
                        RecordSource.POLITIE_INCIDENT,
                        RecordSource.VT_MELDING,
                        RecordSource.VT_ADVIES,
                        RecordSource.GEMEENTE_SIGNAAL);
        // YELLOW: 2 incidents; or 1 incident at S2; or 1 incident with children present
        assertThat(v1.yellowIncidents()).isEqualTo(2);
        assertThat(v1.yellowIncidentsAtS2()).isEqualTo(1);
        assertThat(v1.yellowIncidentsWithChildren()).isEqualTo(1);
        // ORANGE: ≥3 incidents; or ≥2 with children present; or any S3
        assertThat(v1.orangeIncidents()).isEqualTo(3);
        assertThat(v1.orangeIncidentsWithChildren()).isEqualTo(2);
        assertThat(v1.orangeIncidentsAtS3()).isEqualTo(1);
        // RED: ≥5 incidents; or S3 with children present; or ≥2 incidents of which one S3
        assertThat(v1.redIncidents()).isEqualTo(5);
        assertThat(v1.redS3IncidentsWithChildren()).isEqualTo(1);
        assertThat(v1.redIncidentsWithAnS3()).isEqualTo(2);
    }

    @Test
    void everyDecisionNamesItsVersion() {
        ColourRulesVersion stricter = version("v2-proef", 2, 1, 1, 3, 2, 1, 4, 1, 2);

        ColourDecision decision = new ColourPolicy(stricter)
                .decide(
                        IntStream.range(0, 4)
                                .mapToObj(i -> police("p" + i).daysAgo(i).build())
                                .toList(),
                        List.of(),
                        TODAY)
                .orElseThrow();

        assertThat(decision.rulesVersion()).isEqualTo("v2-proef");
        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(Records.decide(IntStream.range(0, 4)
                                .mapToObj(i -> police("p" + i).daysAgo(i).build())
                                .toArray(ColourRecord[]::new))
                        .colour())
                .isEqualTo(Colour.ORANGE);
    }

    @Test
    void theIncidentSourcesComeFromTheVersion() {
        ColourRulesVersion policeOnly = new ColourRulesVersion(
                "politie", Period.ofMonths(12), 1, Set.of(RecordSource.POLITIE_INCIDENT), 2, 1, 1, 3, 2, 1, 5, 1, 2);

        ColourDecision decision = new ColourPolicy(policeOnly)
                .decide(List.of(police("p1").build(), Records.signaal("g1").build()), List.of(), TODAY)
                .orElseThrow();

        assertThat(decision.colour()).isEqualTo(Colour.GREEN);
        assertThat(decision.countedRecordIds()).containsExactly("p1");
    }

    @Test
    void theIncidentSourcesCannotBeChangedAfterwards() {
        Set<RecordSource> sources = EnumSet.of(RecordSource.POLITIE_INCIDENT);
        ColourRulesVersion version =
                new ColourRulesVersion("v", Period.ofMonths(12), 1, sources, 2, 1, 1, 3, 2, 1, 5, 1, 2);
        sources.add(RecordSource.HUISVERBOD);

        assertThat(version.incidentSources()).containsExactly(RecordSource.POLITIE_INCIDENT);
        assertThatThrownBy(() -> version.incidentSources().add(RecordSource.HUISVERBOD))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{9}")
    @CsvSource({
        "1, 1, 1, 3, 2, 1, 5, 1, 2, yellowIncidents",
        "2, 0, 1, 3, 2, 1, 5, 1, 2, yellowIncidentsAtS2",
        "2, 1, 0, 3, 2, 1, 5, 1, 2, yellowIncidentsWithChildren",
        "2, 1, 1, 2, 2, 1, 5, 1, 2, orangeIncidents",
        "2, 1, 1, 3, 1, 1, 5, 1, 2, orangeIncidentsWithChildren",
        "2, 1, 1, 3, 2, 0, 5, 1, 2, orangeIncidentsAtS3",
        "2, 1, 1, 3, 2, 1, 3, 1, 2, redIncidents",
        "2, 1, 1, 3, 2, 1, 5, 0, 2, redS3IncidentsWithChildren",
        "2, 1, 1, 3, 2, 1, 5, 1, 1, redIncidentsWithAnS3",
        "2, 1, 1, 3, 2, 2, 5, 1, 2, redIncidentsWithAnS3",
    })
    void thresholdsMustRiseWithTheColour(
            int yellow,
            int yellowS2,
            int yellowChildren,
            int orange,
            int orangeChildren,
            int orangeS3,
            int red,
            int redS3Children,
            int redWithS3,
            String offending) {
        assertThatThrownBy(() -> version(
                        "v",
                        yellow,
                        yellowS2,
                        yellowChildren,
                        orange,
                        orangeChildren,
                        orangeS3,
                        red,
                        redS3Children,
                        redWithS3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(offending + " must be at least");
    }

    @Test
    void theLowestThresholdsThatStillRiseAreAccepted() {
        assertThat(version("v", 2, 1, 1, 3, 2, 1, 4, 1, 2).redIncidents()).isEqualTo(4);
    }

    @Test
    void theWindowMustBePositive() {
        for (Period window : List.of(Period.ZERO, Period.ofMonths(-12), Period.of(0, 1, -40), Period.ofDays(-1))) {
            assertThatThrownBy(() -> new ColourRulesVersion(
                            "v", window, 1, Set.of(RecordSource.POLITIE_INCIDENT), 2, 1, 1, 3, 2, 1, 5, 1, 2))
                    .as(window.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("window");
        }
    }

    @Test
    void aVersionNeedsAnIdSourcesAndANonNegativeEventDistance() {
        assertThatThrownBy(() -> new ColourRulesVersion(
                        " ", Period.ofMonths(12), 1, Set.of(RecordSource.POLITIE_INCIDENT), 2, 1, 1, 3, 2, 1, 5, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(
                        () -> new ColourRulesVersion("v", Period.ofMonths(12), 1, Set.of(), 2, 1, 1, 3, 2, 1, 5, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source");
        assertThatThrownBy(() -> new ColourRulesVersion(
                        "v", Period.ofMonths(12), -1, Set.of(RecordSource.POLITIE_INCIDENT), 2, 1, 1, 3, 2, 1, 5, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sameEventDays");
    }

    static ColourRulesVersion version(
            String id,
            int yellow,
            int yellowS2,
            int yellowChildren,
            int orange,
            int orangeChildren,
            int orangeS3,
            int red,
            int redS3Children,
            int redWithS3) {
        ColourRulesVersion v1 = ColourRulesVersion.v1();
        return new ColourRulesVersion(
                id,
                v1.window(),
                v1.sameEventDays(),
                v1.incidentSources(),
                yellow,
                yellowS2,
                yellowChildren,
                orange,
                orangeChildren,
                orangeS3,
                red,
                redS3Children,
                redWithS3);
    }
}
