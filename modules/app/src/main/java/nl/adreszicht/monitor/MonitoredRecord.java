package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.adreszicht.records.RecordSource;

/**
 * One record at an address, reduced to what the monitor counts: never content, never a person's name.
 *
 * @param id the record's opaque id, unique among the records at the address
 * @param source where it comes from
 * @param date the day it happened, in Europe/Amsterdam
 * @param personKeys opaque keys of the persons involved, used only to recognise one event reported by two
 *     organisations (the colour code's same-event rule); empty when none are known
 * @param violenceTypes the codes of the violence types it names
 * @param steps the steps of the chain taken on it so far (a zorgmelding sent, a veiligheidsbeoordeling, an onderzoek
 *     closed)
 */
public record MonitoredRecord(
        String id,
        RecordSource source,
        LocalDate date,
        Set<String> personKeys,
        Set<String> violenceTypes,
        List<ChainStep> steps) {

    public MonitoredRecord {
        if (id.isBlank()) {
            throw new IllegalArgumentException("A monitored record needs an id");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(date, "date");
        personKeys = Set.copyOf(personKeys);
        violenceTypes = Set.copyOf(violenceTypes);
        steps = List.copyOf(steps);
    }

    /** A record without steps. */
    public static MonitoredRecord of(
            String id, RecordSource source, LocalDate date, Set<String> personKeys, Set<String> violenceTypes) {
        return new MonitoredRecord(id, source, date, personKeys, violenceTypes, List.of());
    }
}
