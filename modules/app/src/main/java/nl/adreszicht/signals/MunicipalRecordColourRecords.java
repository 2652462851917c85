package nl.adreszicht.signals;

import java.util.List;
import java.util.Set;
import nl.adreszicht.colour.ColourRecord;
import nl.adreszicht.colour.ColourRecordSource;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipal records at an address, reduced to what the colour rules read: a signaal as
 * {@link RecordSource#GEMEENTE_SIGNAAL} (an incident under rules v1), a huisverbod as {@link RecordSource#HUISVERBOD}
 * (counted only through what it flags: imposed, and broken). Every organisation's records count; their content stays
 * with the organisation that recorded them. Municipal records name no persons, so they carry no person keys and are
 * never merged with another agency's record of the same event.
 */
@Component
@Transactional(readOnly = true)
class MunicipalRecordColourRecords implements ColourRecordSource {

    private final MunicipalRecords records;

    MunicipalRecordColourRecords(MunicipalRecords records) {
        this.records = records;
    }

    @Override
    public List<ColourRecord> recordsAt(AddressId address) {
        return records.findByAddressId(address.value()).stream()
                .map(MunicipalRecordColourRecords::record)
                .toList();
    }

    private static ColourRecord record(MunicipalRecord record) {
        return switch (record.kind()) {
            case SIGNAAL ->
                new ColourRecord(
                        record.id().toString(),
                        RecordSource.GEMEENTE_SIGNAAL,
                        record.date(),
                        record.severity() == null ? Severity.S1 : record.severity(),
                        Boolean.TRUE.equals(record.childrenPresent()),
                        false,
                        false,
                        false,
                        Set.of(),
                        record.organisation());
            // The severity of a huisverbod is never read: it is not an incident source, it counts by its flags.
            // Its date is the day it was imposed; a breach falls within its at most 28 days.
            case HUISVERBOD ->
                new ColourRecord(
                        record.id().toString(),
                        RecordSource.HUISVERBOD,
                        record.date(),
                        Severity.S1,
                        false,
                        true,
                        Boolean.TRUE.equals(record.huisverbodBroken()),
                        false,
                        Set.of(),
                        record.organisation());
        };
    }
}
