package nl.adreszicht.signals;

import java.util.List;
import java.util.Set;
import nl.adreszicht.monitor.Intervention;
import nl.adreszicht.monitor.InterventionSource;
import nl.adreszicht.monitor.MonitoredRecord;
import nl.adreszicht.monitor.MonitoredRecordSource;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipal records at an address as the monitor counts them (a signaal or a huisverbod, with its violence
 * types; municipal records name no persons), and each tijdelijk huisverbod as an intervention the monitor follows up
 * from the day it was imposed.
 */
@Component
@Transactional(readOnly = true)
class MunicipalMonitoredRecords implements MonitoredRecordSource, InterventionSource {

    private final MunicipalRecords records;

    MunicipalMonitoredRecords(MunicipalRecords records) {
        this.records = records;
    }

    @Override
    public List<MonitoredRecord> recordsAt(AddressId address) {
        return records.findByAddress(address).stream()
                .map(record -> MonitoredRecord.of(
                        record.id().toString(),
                        record.kind() == MunicipalRecordKind.HUISVERBOD
                                ? RecordSource.HUISVERBOD
                                : RecordSource.GEMEENTE_SIGNAAL,
                        record.date(),
                        Set.of(),
                        record.violenceTypes()))
                .toList();
    }

    @Override
    public List<Intervention> interventionsAt(AddressId address) {
        return records.findByAddress(address).stream()
                .filter(record -> record.kind() == MunicipalRecordKind.HUISVERBOD)
                .map(record -> new Intervention(record.id().toString(), Intervention.Kind.HUISVERBOD, record.date()))
                .toList();
    }
}
