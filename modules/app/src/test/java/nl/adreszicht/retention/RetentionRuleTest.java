package nl.adreszicht.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.retention.RetentionRule.Basis;
import nl.adreszicht.retention.RetentionRule.KeptUntil;
import org.junit.jupiter.api.Test;

/** The retention rule at its edges, without Spring. */
class RetentionRuleTest {

    private static final LocalDate RECORDED = LocalDate.of(2026, 3, 1);

    private static Map<RecordSource, Period> periods() {
        Map<RecordSource, Period> periods = new EnumMap<>(RecordSource.class);
        for (RecordSource source : RecordSource.values()) {
            periods.put(source, Period.ofYears(15));
        }
        periods.put(RecordSource.POLITIE_INCIDENT, Period.ofYears(5));
        return periods;
    }

    private final RetentionRule rule =
            new RetentionRule("r1", periods(), Set.of(RecordSource.VT_MELDING, RecordSource.POLITIE_INCIDENT));

    @Test
    void aRecordIsKeptUntilItsSourcesPeriodIsOver() {
        assertThat(rule.keptUntil(RecordSource.POLITIE_INCIDENT, RECORDED, List.of()))
                .isEqualTo(new KeptUntil(LocalDate.of(2031, 3, 1), Basis.TERMIJN));
        assertThat(rule.keptUntil(RecordSource.VT_MELDING, RECORDED, List.of()))
                .isEqualTo(new KeptUntil(LocalDate.of(2041, 3, 1), Basis.TERMIJN));
    }

    @Test
    void aRecordOfALeapDayIsKeptUntilTheLastDayOfFebruary() {
        assertThat(rule.periodIsOverIsTheBase(RecordSource.POLITIE_INCIDENT, LocalDate.of(2024, 2, 29)))
                .isEqualTo(LocalDate.of(2029, 2, 28));
    }

    @Test
    void aFamilyRecordIsKeptUntilTheYoungestChildIsAdult() {
        LocalDate older = LocalDate.of(2014, 6, 1);
        LocalDate youngest = LocalDate.of(2020, 7, 15);

        assertThat(rule.keptUntil(RecordSource.VT_MELDING, RECORDED, List.of(older, youngest)))
                .isEqualTo(new KeptUntil(LocalDate.of(2041, 3, 1), Basis.TERMIJN));
        assertThat(rule.keptUntil(RecordSource.POLITIE_INCIDENT, RECORDED, List.of(youngest, older)))
                .isEqualTo(new KeptUntil(LocalDate.of(2038, 7, 15), Basis.JONGSTE_KIND_MEERDERJARIG));
    }

    @Test
    void aChildTurning18OnTheLastDayOfThePeriodChangesNothing() {
        LocalDate turns18OnTheLastDay = LocalDate.of(2013, 3, 1);
        LocalDate turns18TheDayAfter = LocalDate.of(2013, 3, 2);

        assertThat(rule.keptUntil(RecordSource.POLITIE_INCIDENT, RECORDED, List.of(turns18OnTheLastDay)))
                .isEqualTo(new KeptUntil(LocalDate.of(2031, 3, 1), Basis.TERMIJN));
        assertThat(rule.keptUntil(RecordSource.POLITIE_INCIDENT, RECORDED, List.of(turns18TheDayAfter)))
                .isEqualTo(new KeptUntil(LocalDate.of(2031, 3, 2), Basis.JONGSTE_KIND_MEERDERJARIG));
    }

    @Test
    void aChildBornOnALeapDayComesOfAgeOnTheFirstOfMarch() {
        assertThat(RetentionRule.comesOfAge(LocalDate.of(2016, 2, 29))).isEqualTo(LocalDate.of(2034, 3, 1));
        assertThat(RetentionRule.comesOfAge(LocalDate.of(2016, 2, 28))).isEqualTo(LocalDate.of(2034, 2, 28));
        assertThat(RetentionRule.comesOfAge(LocalDate.of(2016, 3, 1))).isEqualTo(LocalDate.of(2034, 3, 1));
    }

    @Test
    void anAdultChildOrNoKnownBirthDateLeavesThePeriod() {
        assertThat(rule.keptUntil(RecordSource.POLITIE_INCIDENT, RECORDED, List.of(LocalDate.of(2000, 1, 1))))
                .isEqualTo(new KeptUntil(LocalDate.of(2031, 3, 1), Basis.TERMIJN));
        assertThat(RetentionRule.keptUntilTheYoungestChildIsAdult(List.of())).isNull();
    }

    @Test
    void sourcesOutsideTheFamilyRuleKeepTheirPeriod() {
        assertThat(rule.keptUntil(RecordSource.HUISVERBOD, RECORDED, List.of(LocalDate.of(2025, 1, 1))))
                .isEqualTo(new KeptUntil(LocalDate.of(2041, 3, 1), Basis.TERMIJN));
    }

    @Test
    void everySourceNeedsAPositivePeriod() {
        Map<RecordSource, Period> missing = periods();
        missing.remove(RecordSource.GEMEENTE_SIGNAAL);
        Map<RecordSource, Period> zero = periods();
        zero.put(RecordSource.VT_ADVIES, Period.ZERO);

        assertThatThrownBy(() -> new RetentionRule("r1", missing, Set.of())).hasMessageContaining("GEMEENTE_SIGNAAL");
        assertThatThrownBy(() -> new RetentionRule("r1", zero, Set.of())).hasMessageContaining("VT_ADVIES");
        assertThatThrownBy(() -> new RetentionRule(" ", periods(), Set.of())).hasMessageContaining("version");
    }
}
