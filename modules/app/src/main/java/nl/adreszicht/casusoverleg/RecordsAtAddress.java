package nl.adreszicht.casusoverleg;

import java.time.LocalDate;
import java.util.List;
import nl.adreszicht.colour.ColourRecord;
import nl.adreszicht.colour.ColourRecordSource;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import org.springframework.stereotype.Component;

/**
 * Adapter to the recording pipeline: the records at an address, with their source, id, organisation and day, as the
 * recording modules offer them to the colour code ({@link ColourRecordSource}). A case keeps the ids of the records
 * it was opened for (its retention follows theirs), and the proposal rule counts their organisations. When the
 * pipeline changes shape, this class is the one to adapt.
 */
@Component
class RecordsAtAddress {

    /** One record at the address. */
    record Recorded(RecordSource source, String id, String organisation, LocalDate date) {}

    private final List<ColourRecordSource> sources;

    RecordsAtAddress(List<ColourRecordSource> sources) {
        this.sources = sources;
    }

    List<Recorded> at(AddressId address) {
        return sources.stream()
                .flatMap(source -> source.recordsAt(address).stream())
                .map(RecordsAtAddress::recorded)
                .toList();
    }

    private static Recorded recorded(ColourRecord record) {
        return new Recorded(record.source(), record.id(), record.organisation(), record.date());
    }
}
