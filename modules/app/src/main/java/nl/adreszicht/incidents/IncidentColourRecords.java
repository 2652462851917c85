package nl.adreszicht.incidents;

import java.util.List;
import java.util.stream.Collectors;
import nl.adreszicht.colour.ColourRecord;
import nl.adreszicht.colour.ColourRecordSource;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The police incidents at an address, reduced to what the colour rules read. Every organisation's incidents
 * count: the colour shows the whole picture while its content stays with the organisation that recorded it.
 */
@Component
@Transactional(readOnly = true)
class IncidentColourRecords implements ColourRecordSource {

    private final Incidents incidents;

    IncidentColourRecords(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public List<ColourRecord> recordsAt(AddressId address) {
        return incidents.findByAddressId(address.value()).stream()
                .map(IncidentColourRecords::record)
                .toList();
    }

    private static ColourRecord record(Incident incident) {
        return new ColourRecord(
                incident.id().toString(),
                RecordSource.POLITIE_INCIDENT,
                incident.occurred().toLocalDate(),
                incident.severity(),
                incident.childrenPresent(),
                incident.huisverbodImposed(),
                incident.huisverbodBroken(),
                false,
                incident.persons().stream().map(IncidentPerson::personKey).collect(Collectors.toSet()),
                incident.organisation());
    }
}
