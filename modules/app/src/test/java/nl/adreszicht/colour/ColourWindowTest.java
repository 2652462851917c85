package nl.adreszicht.colour;

import static nl.adreszicht.colour.Records.TODAY;
import static nl.adreszicht.colour.Records.decide;
import static nl.adreszicht.colour.Records.decideOn;
import static nl.adreszicht.colour.Records.police;
import static nl.adreszicht.colour.Records.signaal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rolling window: both edges, records in the future, and colours decaying as records leave. */
class ColourWindowTest {

    // 15 June 2025 minus 12 months is 15 June 2024: the first day no longer in the window.
    private static final LocalDate FIRST_DAY_OUT = LocalDate.of(2024, 6, 15);

    @Test
    void aRecordOfTheDayTheWindowStartsAfterHasLeft() {
        ColourDecision decision = decide(police("p1").on(FIRST_DAY_OUT).build());

        assertThat(decision.colour()).isEqualTo(Colour.GREY);
        assertThat(decision.firedRules()).containsExactly(ColourRule.HISTORY_OUTSIDE_WINDOW_IS_GREY);
        assertThat(decision.countedRecordIds()).isEmpty();
    }

    @Test
    void aRecordOfTheNextDayStillCounts() {
        ColourDecision decision =
                decide(police("p1").on(FIRST_DAY_OUT.plusDays(1)).build());

        assertThat(decision.colour()).isEqualTo(Colour.GREEN);
        assertThat(decision.countedRecordIds()).containsExactly("p1");
    }

    @Test
    void aRecordOfTodayCounts() {
        assertThat(decide(police("p1").on(TODAY).build()).colour()).isEqualTo(Colour.GREEN);
    }

    @Test
    void aRecordOfTomorrowIsNotYetHistory() {
        assertThat(decideOn(TODAY, police("p1").on(TODAY.plusDays(1)).build())).isEmpty();
    }

    @Test
    void aRecordInTheFutureNeitherCountsNorIsListed() {
        ColourDecision decision = decide(
                police("p1").build(),
                police("p2").on(TODAY.plusDays(1)).s3().children().build());

        assertThat(decision.colour()).isEqualTo(Colour.GREEN);
        assertThat(decision.countedRecordIds()).containsExactly("p1");
    }

    @Test
    void aRecordInTheFutureCountsFromItsOwnDate() {
        ColourRecord later = police("p1").on(TODAY.plusDays(3)).s2().build();

        assertThat(decideOn(TODAY.plusDays(2), later)).isEmpty();
        assertThat(decideOn(TODAY.plusDays(3), later).orElseThrow().colour()).isEqualTo(Colour.YELLOW);
    }

    @Test
    void aRecordCountsForExactlyOneWindow() {
        ColourRecord record = police("p1").on(LocalDate.of(2024, 6, 15)).build();

        assertThat(decideOn(LocalDate.of(2025, 6, 14), record).orElseThrow().colour())
                .isEqualTo(Colour.GREEN);
        assertThat(decideOn(LocalDate.of(2025, 6, 15), record).orElseThrow().colour())
                .isEqualTo(Colour.GREY);
    }

    @Test
    void theWindowEdgeFollowsTheCalendarAcrossALeapDay() {
        // 28 Feb 2025 minus 12 months is 28 Feb 2024, so 29 Feb 2024 is still in.
        LocalDate today = LocalDate.of(2025, 2, 28);
        assertThat(colourOn(today, LocalDate.of(2024, 2, 29))).isEqualTo(Colour.GREEN);
        assertThat(colourOn(today, LocalDate.of(2024, 2, 28))).isEqualTo(Colour.GREY);

        // 29 Feb 2024 minus 12 months is 28 Feb 2023.
        LocalDate leapDay = LocalDate.of(2024, 2, 29);
        assertThat(colourOn(leapDay, LocalDate.of(2023, 3, 1))).isEqualTo(Colour.GREEN);
        assertThat(colourOn(leapDay, LocalDate.of(2023, 2, 28))).isEqualTo(Colour.GREY);
    }

    @Test
    void theWindowComesFromTheVersion() {
        ColourRulesVersion v1 = ColourRulesVersion.v1();
        ColourPolicy thirtyDays = new ColourPolicy(new ColourRulesVersion(
                "30-dagen", Period.ofDays(30), 1, EnumSet.copyOf(v1.incidentSources()), 2, 1, 1, 3, 2, 1, 5, 1, 2));

        assertThat(thirtyDays
                        .decide(List.of(police("p1").daysAgo(29).build()), List.of(), TODAY)
                        .orElseThrow()
                        .colour())
                .isEqualTo(Colour.GREEN);
        assertThat(thirtyDays
                        .decide(List.of(police("p1").daysAgo(30).build()), List.of(), TODAY)
                        .orElseThrow()
                        .colour())
                .isEqualTo(Colour.GREY);
    }

    @Test
    void coloursDecayStepByStepAsRecordsLeaveTheWindow() {
        ColourRecord[] records = {
            police("p1").on(LocalDate.of(2024, 7, 1)).s3().children().build(),
            police("p2").on(LocalDate.of(2024, 9, 1)).build(),
            police("p3").on(LocalDate.of(2024, 11, 1)).build(),
            signaal("g1").on(LocalDate.of(2025, 1, 1)).s2().build(),
            police("p4").on(LocalDate.of(2025, 3, 1)).build()
        };

        assertThat(colourOn(LocalDate.of(2025, 6, 30), records)).isEqualTo(Colour.RED); // five, one S3 with children
        assertThat(colourOn(LocalDate.of(2025, 7, 1), records)).isEqualTo(Colour.ORANGE); // four
        assertThat(colourOn(LocalDate.of(2025, 9, 1), records)).isEqualTo(Colour.ORANGE); // three
        assertThat(colourOn(LocalDate.of(2025, 11, 1), records)).isEqualTo(Colour.YELLOW); // two
        assertThat(colourOn(LocalDate.of(2026, 1, 1), records)).isEqualTo(Colour.GREEN); // one S1
        assertThat(colourOn(LocalDate.of(2026, 3, 1), records)).isEqualTo(Colour.GREY); // history only
        assertThat(colourOn(LocalDate.of(2030, 1, 1), records)).isEqualTo(Colour.GREY);
    }

    @Test
    void theRecordsThatCountShrinkWithTheWindow() {
        ColourRecord[] records = {
            police("p1").on(LocalDate.of(2024, 7, 1)).build(),
            police("p2").on(LocalDate.of(2025, 3, 1)).build()
        };

        assertThat(decideOn(LocalDate.of(2025, 6, 30), records).orElseThrow().countedRecordIds())
                .containsExactly("p1", "p2");
        assertThat(decideOn(LocalDate.of(2025, 7, 1), records).orElseThrow().countedRecordIds())
                .containsExactly("p2");
    }

    private static Colour colourOn(LocalDate today, LocalDate recordDate) {
        return colourOn(today, police("p1").on(recordDate).build());
    }

    private static Colour colourOn(LocalDate today, ColourRecord... records) {
        return decideOn(today, records).orElseThrow().colour();
    }
}
