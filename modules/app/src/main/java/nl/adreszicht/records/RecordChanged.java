package nl.adreszicht.records;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored record changed in what it says about its address (a veiligheidsbeoordeling that found acute onveiligheid,
 * a step of the Handelingsprotocol, a correction). Published in the transaction of the change: the colour of the
 * address is recomputed in it. When a correction changed what the anonymous tally counted of the record, it carries
 * the counted facts before and after, so the tally moves the record from the one cell to the other; otherwise both
 * are null and the tally and the retention schedule do not change with it.
 *
 * @param source where the record comes from
 * @param recordId its opaque id
 * @param address the address it is recorded at
 * @param before what the tally counted of the record before a correction, or null
 * @param after what the tally counts of it after the correction, or null
 */
public record RecordChanged(
        RecordSource source,
        String recordId,
        AddressId address,
        @Nullable Tallied before,
        @Nullable Tallied after) implements RecordEvent {

    public RecordChanged(RecordSource source, String recordId, AddressId address) {
        this(source, recordId, address, null, null);
    }

    /** What the anonymous tally counts of a record: the month it is counted in, its severity, children, types. */
    public record Tallied(
            LocalDate occurredOn, @Nullable Severity severity, boolean childrenInvolved, List<String> violenceTypes) {

        public Tallied {
            violenceTypes = List.copyOf(violenceTypes);
        }
    }

    /** Whether a correction changed what the tally counts. */
    public boolean retallies() {
        return before != null && after != null && !before.equals(after);
    }
}
