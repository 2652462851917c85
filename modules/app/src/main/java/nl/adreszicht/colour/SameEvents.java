package nl.adreszicht.colour;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;

/**
 * The colour code's rule for one event reported twice (domain.md section 4: "count an event once"), offered to other
 * modules that count events, so that there is one rule and not two: a police incident and a VT melding about the same
 * persons, at most {@code sameEventDays} apart, each the other's only such match, are one event ({@link Event}).
 * Records of other sources are always events of their own.
 */
public final class SameEvents {

    private SameEvents() {}

    /**
     * What the rule reads of a record.
     *
     * @param id the record's opaque id
     * @param source where it comes from
     * @param date the day it happened (Europe/Amsterdam)
     * @param personKeys opaque keys of the persons involved; empty when none are known
     */
    public record Reported(String id, RecordSource source, LocalDate date, Set<String> personKeys) {}

    /**
     * The records grouped into events, each group the ids of one event. Every record is in exactly one group; the
     * result depends only on the records, never on their order.
     */
    public static List<List<String>> group(List<Reported> records, int sameEventDays) {
        List<ColourRecord> asColourRecords = records.stream()
                .map(r -> new ColourRecord(
                        r.id(), r.source(), r.date(), Severity.S1, false, false, false, false, r.personKeys(), "-"))
                .toList();
        return Event.countOnce(asColourRecords, sameEventDays).stream()
                .map(event ->
                        event.contributors().stream().map(ColourRecord::id).toList())
                .toList();
    }
}
