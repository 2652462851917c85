package nl.adreszicht.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nl.adreszicht.PropertyCheck;
import nl.adreszicht.records.RecordSource;
import org.junit.jupiter.api.Test;

/**
 * Properties of the recidive rules over generated addresses: records of every source within a few years, some of
 * them a police incident and a VT melding about the same persons a day apart (one event), some about other persons.
 */
class RecidivePropertiesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-15");

    record Address(List<MonitoredRecord> records, MonitoredRecord extra) {}

    static MonitoredRecord randomRecord(Random random, int n) {
        RecordSource source = RecordSource.values()[random.nextInt(RecordSource.values().length)];
        // Dates on few days around the window's edges half of the time, where a day either way changes the answer.
        LocalDate date = random.nextBoolean()
                ? TODAY.minusDays(random.nextInt(3 * 365))
                : TODAY.minusMonths(12 * random.nextInt(3)).minusDays(random.nextInt(3) - 1);
        // Few person sets, so that incidents and meldingen often match.
        Set<String> persons = random.nextInt(4) == 0 ? Set.of() : Set.of("p" + random.nextInt(2), "q");
        return MonitoredRecord.of("r" + n + "-" + random.nextInt(1_000_000), source, date, persons, Set.of());
    }

    static Address address(Random random) {
        List<MonitoredRecord> records = new ArrayList<>();
        int count = random.nextInt(10);
        for (int i = 0; i < count; i++) {
            MonitoredRecord record = randomRecord(random, i);
            records.add(record);
            if (random.nextInt(3) == 0 && !record.personKeys().isEmpty()) {
                // The same event reported by the other agency, a day apart at most.
                RecordSource other = record.source() == RecordSource.POLITIE_INCIDENT
                        ? RecordSource.VT_MELDING
                        : RecordSource.POLITIE_INCIDENT;
                records.add(MonitoredRecord.of(
                        record.id() + "-pair",
                        other,
                        record.date().plusDays(random.nextInt(3) - 1),
                        record.personKeys(),
                        Set.of()));
            }
        }
        MonitoredRecord extra = randomRecord(random, 99);
        if (!records.isEmpty() && random.nextBoolean()) {
            // Often the other agency's report of an existing record: it joins it as one event, or splits a pair.
            MonitoredRecord existing = records.get(random.nextInt(records.size()));
            extra = MonitoredRecord.of(
                    "extra-" + random.nextInt(1_000_000),
                    existing.source() == RecordSource.POLITIE_INCIDENT
                            ? RecordSource.VT_MELDING
                            : RecordSource.POLITIE_INCIDENT,
                    existing.date().plusDays(random.nextInt(3) - 1),
                    existing.personKeys().isEmpty() ? Set.of("p0", "q") : existing.personKeys(),
                    Set.of());
        }
        return new Address(records, extra);
    }

    static long repeats(Recidive recidive) {
        return recidive.events().stream().filter(Recidive.Event::repeat).count();
    }

    @Test
    void addingARecordNeverLowersARepeatCount() {
        PropertyCheck.forAll(RecidivePropertiesTest::address, address -> {
            Recidive before = Recidive.of(RecidiveRules.v1(), address.records());
            List<MonitoredRecord> more = new ArrayList<>(address.records());
            more.add(address.extra());
            Recidive after = Recidive.of(RecidiveRules.v1(), more);

            assertThat(repeats(after)).as("repeats in all").isGreaterThanOrEqualTo(repeats(before));
            for (int days = 0; days <= 400; days += 50) {
                LocalDate day = TODAY.plusDays(days);
                assertThat(after.repeatsInWindow(day))
                        .as("repeats in the window up to " + day)
                        .isGreaterThanOrEqualTo(before.repeatsInWindow(day));
            }
        });
    }

    @Test
    void aSameEventPairCountsOnce() {
        PropertyCheck.forAll(RecidivePropertiesTest::address, address -> {
            MonitoredRecord incident = MonitoredRecord.of(
                    "incident-x", RecordSource.POLITIE_INCIDENT, TODAY.minusDays(10), Set.of("x1", "x2"), Set.of());
            MonitoredRecord melding = MonitoredRecord.of(
                    "melding-x", RecordSource.VT_MELDING, TODAY.minusDays(9), Set.of("x1", "x2"), Set.of());
            List<MonitoredRecord> withIncident = new ArrayList<>(address.records());
            withIncident.add(incident);
            List<MonitoredRecord> withBoth = new ArrayList<>(withIncident);
            withBoth.add(melding);

            Recidive one = Recidive.of(RecidiveRules.v1(), withIncident);
            Recidive both = Recidive.of(RecidiveRules.v1(), withBoth);

            assertThat(both.events()).hasSameSizeAs(one.events());
            assertThat(repeats(both)).isEqualTo(repeats(one));
            assertThat(both.repeatsInWindow(TODAY)).isEqualTo(one.repeatsInWindow(TODAY));
        });
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheRecords() {
        PropertyCheck.forAll(RecidivePropertiesTest::address, address -> {
            List<MonitoredRecord> shuffled = new ArrayList<>(address.records());
            Collections.shuffle(shuffled, new Random(address.records().size()));

            assertThat(Recidive.of(RecidiveRules.v1(), shuffled).events())
                    .isEqualTo(
                            Recidive.of(RecidiveRules.v1(), address.records()).events());
        });
    }

    @Test
    void everyEventIsAnIndexEventOrARepeatAndTheFirstIsAnIndexEvent() {
        PropertyCheck.forAll(RecidivePropertiesTest::address, address -> {
            Recidive recidive = Recidive.of(RecidiveRules.v1(), address.records());
            List<Fact> facts = recidive.facts();
            long index = facts.stream()
                    .filter(f -> f.category().equals(Fact.RECIDIVE_INDEX))
                    .count();
            long repeat = facts.stream()
                    .filter(f -> f.category().equals(Fact.RECIDIVE_REPEAT))
                    .count();

            assertThat(index + repeat).isEqualTo(recidive.events().size());
            if (!recidive.events().isEmpty()) {
                assertThat(recidive.events().get(0).repeat()).isFalse();
            }
            assertThat(facts.stream().filter(f -> f.category().equals(Fact.RECIDIVE_REPEATED_LONG)))
                    .hasSizeLessThanOrEqualTo((int) index);
        });
    }

    @Test
    void aRuleVersionChangeRecomputes() {
        // A shorter window is a different version: what it counts differs, and never by more repeats.
        RecidiveRules sixMonths = new RecidiveRules(
                "r2", Period.ofMonths(6), 1, EnumSet.allOf(RecordSource.class), Period.ofMonths(3), Period.ofMonths(6));
        PropertyCheck.forAll(RecidivePropertiesTest::address, address -> {
            Recidive v1 = Recidive.of(RecidiveRules.v1(), address.records());
            Recidive v2 = Recidive.of(sixMonths, address.records());

            assertThat(v2.rules().id()).isEqualTo("r2");
            assertThat(repeats(v2)).isLessThanOrEqualTo(repeats(v1));
            // Recomputing the same version gives the same answer.
            assertThat(Recidive.of(sixMonths, address.records()).events()).isEqualTo(v2.events());
        });
    }
}
