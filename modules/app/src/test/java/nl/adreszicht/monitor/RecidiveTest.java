package nl.adreszicht.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.adreszicht.records.RecordSource;
import org.junit.jupiter.api.Test;

/** The recidive rules v1 on examples from the definition (domain.md section 3). */
class RecidiveTest {

    static final RecidiveRules V1 = RecidiveRules.v1();

    static MonitoredRecord record(String id, RecordSource source, String date, String... persons) {
        return MonitoredRecord.of(id, source, LocalDate.parse(date), Set.of(persons), Set.of());
    }

    @Test
    void aFirstRecordIsAnIndexEventAndOneWithinTwelveMonthsARepeat() {
        Recidive recidive = Recidive.of(
                V1,
                List.of(
                        record("a", RecordSource.POLITIE_INCIDENT, "2025-01-10"),
                        record("b", RecordSource.GEMEENTE_SIGNAAL, "2025-06-01"),
                        record("c", RecordSource.VT_ADVIES, "2026-01-09")));

        assertThat(recidive.events()).extracting(Recidive.Event::repeat).containsExactly(false, true, true);
        assertThat(recidive.repeatsInWindow(LocalDate.parse("2026-01-31"))).isEqualTo(2);
    }

    @Test
    void aRecordTwelveMonthsOrMoreAfterThePreviousOneStartsAgain() {
        Recidive recidive = Recidive.of(
                V1,
                List.of(
                        record("a", RecordSource.POLITIE_INCIDENT, "2024-03-01"),
                        record("b", RecordSource.VT_MELDING, "2025-03-01"),
                        record("c", RecordSource.VT_MELDING, "2025-02-28")));

        // c is within 12 months of a; b is within 12 months of c.
        assertThat(recidive.events()).extracting(Recidive.Event::repeat).containsExactly(false, true, true);
        Recidive apart = Recidive.of(
                V1,
                List.of(
                        record("a", RecordSource.POLITIE_INCIDENT, "2024-03-01"),
                        record("b", RecordSource.VT_MELDING, "2025-03-01")));
        assertThat(apart.events()).extracting(Recidive.Event::repeat).containsExactly(false, false);
    }

    @Test
    void aPoliceIncidentAndTheVtMeldingAboutItAreOneEvent() {
        Recidive recidive = Recidive.of(
                V1,
                List.of(
                        record("incident", RecordSource.POLITIE_INCIDENT, "2025-05-01", "p1", "p2"),
                        record("melding", RecordSource.VT_MELDING, "2025-05-02", "p1", "p2")));

        assertThat(recidive.events()).hasSize(1);
        assertThat(recidive.events().get(0).recordIds()).containsExactlyInAnyOrder("incident", "melding");
        assertThat(recidive.repeatsInWindow(LocalDate.parse("2025-06-01"))).isZero();
    }

    @Test
    void repeatsLeaveTheWindowAndSayWhen() {
        Recidive recidive = Recidive.of(
                V1,
                List.of(
                        record("a", RecordSource.POLITIE_INCIDENT, "2025-01-10"),
                        record("b", RecordSource.GEMEENTE_SIGNAAL, "2025-03-01")));

        assertThat(recidive.repeatsInWindow(LocalDate.parse("2026-02-28"))).isEqualTo(1);
        assertThat(recidive.nextChange(LocalDate.parse("2026-02-28"))).contains(LocalDate.parse("2026-03-01"));
        assertThat(recidive.repeatsInWindow(LocalDate.parse("2026-03-01"))).isZero();
        assertThat(recidive.nextChange(LocalDate.parse("2026-03-01"))).isEmpty();
    }

    @Test
    void anIndexEventKnowsWhetherARepeatFollowedWithinSixAndTwelveMonths() {
        Recidive recidive = Recidive.of(
                V1,
                List.of(
                        record("a", RecordSource.POLITIE_INCIDENT, "2025-01-10"),
                        record("b", RecordSource.GEMEENTE_SIGNAAL, "2025-08-01"),
                        record("c", RecordSource.GEMEENTE_SIGNAAL, "2027-01-01"),
                        record("d", RecordSource.GEMEENTE_SIGNAAL, "2027-03-01")));

        assertThat(recidive.facts())
                .containsExactlyInAnyOrder(
                        new Fact(YearMonth.of(2025, 1), Fact.RECIDIVE_INDEX),
                        new Fact(YearMonth.of(2025, 1), Fact.RECIDIVE_REPEATED_LONG),
                        new Fact(YearMonth.of(2025, 8), Fact.RECIDIVE_REPEAT),
                        new Fact(YearMonth.of(2027, 1), Fact.RECIDIVE_INDEX),
                        new Fact(YearMonth.of(2027, 1), Fact.RECIDIVE_REPEATED_SHORT),
                        new Fact(YearMonth.of(2027, 1), Fact.RECIDIVE_REPEATED_LONG),
                        new Fact(YearMonth.of(2027, 3), Fact.RECIDIVE_REPEAT));
    }

    @Test
    void anInterventionIsComparedBeforeAndAfterWithoutItsOwnDay() {
        Recidive recidive = Recidive.of(
                V1,
                List.of(
                        record("incident", RecordSource.POLITIE_INCIDENT, "2025-04-01"),
                        record("huisverbod", RecordSource.HUISVERBOD, "2025-04-02"),
                        record("later", RecordSource.VT_MELDING, "2025-12-01")));
        List<Fact> facts = recidive.interventionFacts(List.of(
                new Intervention("huisverbod", Intervention.Kind.HUISVERBOD, LocalDate.parse("2025-04-02")),
                // A second one in the same quarter counts once.
                new Intervention("huisverbod-2", Intervention.Kind.HUISVERBOD, LocalDate.parse("2025-05-02"))));

        String kind = Fact.INTERVENTION + "huisverbod";
        assertThat(facts)
                .containsExactlyInAnyOrder(
                        new Fact(YearMonth.of(2025, 4), kind),
                        new Fact(YearMonth.of(2025, 4), kind + Fact.BEFORE),
                        new Fact(YearMonth.of(2025, 4), kind + Fact.AFTER_LONG));
    }

    @Test
    void recordsOfSourcesTheVersionDoesNotCountAreLeftOut() {
        RecidiveRules policeOnly = new RecidiveRules(
                "t1",
                Period.ofMonths(12),
                1,
                EnumSet.of(RecordSource.POLITIE_INCIDENT),
                Period.ofMonths(6),
                Period.ofMonths(12));
        List<MonitoredRecord> records = new ArrayList<>(List.of(
                record("a", RecordSource.POLITIE_INCIDENT, "2025-01-10"),
                record("b", RecordSource.GEMEENTE_SIGNAAL, "2025-02-01")));

        assertThat(Recidive.of(policeOnly, records).events()).hasSize(1);
        assertThat(Recidive.of(V1, records).events()).hasSize(2);
    }

    @Test
    void aVersionRefusesRulesThatContradictThemselves() {
        assertThatThrownBy(() -> new RecidiveRules(
                        "x",
                        Period.ofMonths(12),
                        1,
                        EnumSet.allOf(RecordSource.class),
                        Period.ofMonths(12),
                        Period.ofMonths(6)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecidiveRules(
                        "x",
                        Period.ofMonths(12),
                        -1,
                        EnumSet.allOf(RecordSource.class),
                        Period.ofMonths(6),
                        Period.ofMonths(12)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecidiveRules(
                        "x",
                        Period.ofMonths(12),
                        1,
                        EnumSet.noneOf(RecordSource.class),
                        Period.ofMonths(6),
                        Period.ofMonths(12)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
