package nl.adreszicht.records;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A recording module stored a new record at an address. Published in the transaction that stores it, before the
 * access-log entry of its creation, so that everything derived from it in that transaction (the colour, the anonymous
 * tally, the last day of retention) commits with the record or not at all. It carries what the anonymous tally counts
 * and what signal matching needs, never a person or free text: the event is kept in the event publication registry
 * until its after-commit listeners have run.
 *
 * @param source where the record comes from
 * @param recordId its opaque id
 * @param address the address it was recorded at
 * @param organisation the organisation that stored it, whom signal matching tells about the others at the address; null
 *     for a Veilig Thuis record of an account without an organisation (it is then matched with nobody)
 * @param recordedOn the day it was first recorded (received or registered), in Europe/Amsterdam: retention counts
 *     from it
 * @param occurredOn the day it happened, in Europe/Amsterdam: the area scan counts it in that month
 * @param severity its severity, for sources that grade one
 * @param childrenInvolved whether children were present or involved
 * @param violenceTypes the codes of the violence types it names
 */
public record RecordStored(
        RecordSource source,
        String recordId,
        AddressId address,
        @Nullable String organisation,
        LocalDate recordedOn,
        LocalDate occurredOn,
        @Nullable Severity severity,
        boolean childrenInvolved,
        Set<String> violenceTypes)
        implements RecordEvent {

    public RecordStored {
        violenceTypes = Set.copyOf(violenceTypes);
    }
}
